// Studio Booking — the reference booking widget (plain ES module, no build step).
//
// Every call to the API goes through api(METHOD, `/path/${…}?${query({…})}`) in exactly that form:
// WebPagesTest reads these calls and checks each one against docs/openapi.yaml.
// API data only ever reaches the page as text (textContent / text nodes), never as HTML.
//
// Every text a person reads comes from the labels of the studio profile (GET /studios/{id}?lang=…,
// bundles core/…/text/widget_<lang>.properties), through t('key'), plural('key', n), named('key', …)
// or a data-i18n="key" attribute of index.html; keys built at run time are whole families:
// `error.` + error code, `invalid.` + error field, `paymentMethod.`/`payOption.`/`hint.signIn.` +
// payment method, `bookingStatus.`, `paymentStatus.`, `format.`, `walletEntry.` + the enum value
// (`bookingView.cancelled.` is manage.js's, the booking page). WidgetBundlesTest holds the bundles and this file to that.

import { addDays, facts, h, query, safeUrl } from '../shared/dom.js';
import { duration, minutes, price, zoneName } from './format.js';
import {
  DAYS_OF_SESSIONS, DAYS_OF_SLOTS, state, $, i18n, fmt, t, plural, named, errorText, useLanguage, displayZone,
  useZone, otherZone, api, enc, withRetry, uuid, storage, bookingTokenKey, clientKey, clientSession, clientToken,
  show, notice, renderNotice, focusHeading, todayIn, withWhom, locationName, widgetUrl, lastBookableDay, spotsText, visitorTime,
  bankTransferFacts,
} from './base.js';
import { filterSessions, initTimetable, loadWeek, noMatch, renderTimetable, weekShown } from './timetable.js';
import { bookingFacts, installManage, renderManage, showBooking } from './manage.js';
import { canWait, waitlistedResult } from './waitlist.js';
import { reportHeightToParent } from './frame.js';
import {
  initShop, renderShop, continuePurchase, fetchWallet, refreshWallet, forgetWallet, onWalletChange, renderWallet, walletChoice,
  buyLink,
} from './shop.js';

// ---------------------------------------------------------------------------------------------
// The studio

async function start() {
  installManage({ openAccount, switchLanguage, changed: () => { loadSessions(); if (state.service) loadSlots(); } });
  wireStaticHandlers();
  initTimetable({ book: openBookingForm, loadList: loadSessions, renderList: renderSessions });
  reportHeightToParent();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(state.studioId)) {
    applyStaticTexts();
    notice(() => t('notice.noStudio'), 'error');
    return;
  }
  try {
    state.profile = await loadProfile(state.lang);
  } catch (e) {
    applyStaticTexts();
    notice(() => (e.status === 404 ? t('notice.unknownStudio') : errorText(e)), 'error');
    return;
  }
  useLanguage(state.profile);
  state.today = todayIn(state.profile.timezone);
  state.sessionsFrom = state.today;
  renderPage();
  initShop({ openAccount });
  onWalletChange(() => { if (state.target) renderPaymentOptions(); });
  if (state.bookingId) showBooking(state.bookingId);
  loadSessions();
  if (state.serviceId) {
    const service = allServices().find((s) => s.serviceId === state.serviceId);
    if (service) openService(service, !state.bookingId);
    else notice(() => t('notice.serviceUnavailable'), 'error');
  }
}

async function loadProfile(lang) {
  return api('GET', `/studios/${enc(state.studioId)}?${query({ lang })}`);
}

/** Another language: the profile's labels in it, then everything on the page re-worded in place. */
async function switchLanguage(code) {
  let profile;
  try {
    profile = await loadProfile(code);
  } catch (e) {
    notice(() => errorText(e), 'error');
    renderLanguageSwitch();
    return;
  }
  state.lang = code;
  state.profile = profile;
  useLanguage(profile);
  const url = new URL(location.href);
  url.searchParams.set('lang', i18n.language);
  history.replaceState(null, '', url.href);
  renderPage();
}

function switchZone(mine) {
  state.mineTimes = mine;
  useZone();
  const url = new URL(location.href);
  if (mine) url.searchParams.set('times', 'mine'); else url.searchParams.delete('times');
  history.replaceState(null, '', url.href);
  renderPage();
}

/** Draws everything shown from state, in the current language and time zone. */
function renderPage() {
  applyStaticTexts();
  renderLanguageSwitch();
  renderStudio();
  renderNotice();
  renderAccountButton();
  renderServices();
  renderTimetable();
  if (state.sessions || state.sessionsError) renderSessions();
  if (state.service) {
    $('slots-title').textContent = t('slots.titleFor', { name: state.service.name });
    if (state.slots || state.slotsError) renderSlots();
  }
  if (state.target) renderBookingForm();
  if (state.result) renderResult(state.result);
  if (state.viewed) renderManage();
  if (state.codeSentTo) $('code-sent').textContent = t('account.codeSent', { email: state.codeSentTo });
  if (!$('wallet').hidden) loadWallet();
  renderShop();
}

function applyStaticTexts() {
  document.documentElement.lang = i18n.language;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

function renderLanguageSwitch() {
  const languages = state.profile?.languages ?? [];
  const select = $('language');
  select.replaceChildren(...languages.map((l) => h('option', { value: l.code, lang: l.code, text: l.name })));
  select.value = i18n.language;
  show($('language-field'), languages.length > 1);
}

function renderStudio() {
  const p = state.profile;
  document.title = t('page.titleStudio', { studio: p.name });
  $('studio-name').textContent = p.name;
  const color = p.appearance?.color;
  if (/^#[0-9a-fA-F]{6}$/.test(color ?? '')) {
    document.documentElement.style.setProperty('--accent', color);
    document.documentElement.style.setProperty('--on-accent', readableOn(color));
  }
  const logo = safeUrl(p.appearance?.logoUrl ?? '');
  if (p.appearance?.logoUrl && logo) {
    $('studio-logo').src = logo;
    show($('studio-logo'));
  }
  const staff = state.staffId ? p.staff?.find((s) => s.staffId === state.staffId) : null;
  $('studio-subtitle').textContent = staff ? t('header.bookingWith', { name: staff.name }) : '';
  const zoneNote = state.mineTimes
    ? t('zone.mine', { zone: zoneName(i18n, state.visitorZone) })
    : t('zone.studio', { zone: zoneName(i18n, p.timezone) });
  $('sessions-zone').textContent = zoneNote;
  $('slots-zone').textContent = zoneNote;
  $('zone-mine').checked = state.mineTimes;
  $('zone-mine-label').textContent = t('zone.showMine', { zone: state.visitorZone });
  show($('zone-field'), otherZone());
  renderPolicies();
}

/** Black or white text, whichever reads better on the studio's colour. */
function readableOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#111111' : '#ffffff';
}

function renderPolicies() {
  const p = state.profile;
  const list = $('policy-list');
  list.replaceChildren();
  const rows = [];
  if (p.cancellationPolicy) {
    const c = p.cancellationPolicy;
    const cutoff = [typeof c.cutoffHours === 'number' ? plural('policies.cutoff', c.cutoffHours) : null,
      c.refund === 'CREDIT' ? t('policies.creditBack') : null].filter(Boolean).join(' ');
    rows.push([t('policies.cancellation'), h('span', {},
      c.text ? h('span', { class: 'pre', text: c.text }) : null,
      c.text && cutoff ? h('br') : null,
      cutoff ? h('span', { class: c.text ? 'muted' : null, text: cutoff }) : null)]);
  }
  if (p.bookingPolicy) {
    const b = p.bookingPolicy;
    rows.push([t('policies.booking'), plural('policies.window', b.maxDaysAhead, { notice: duration(i18n, b.minNoticeMinutes) })]);
  }
  if (p.paymentMethods?.length) {
    rows.push([t('policies.payment'), p.paymentMethods.map((m) => named(`paymentMethod.${m}`, m)).join(', ')]);
  }
  if (p.bankTransfer) {
    rows.push([t('policies.bankTransfer'), [plural('policies.bankDue', p.bankTransfer.dueHours), p.bankTransfer.instructions]
      .filter(Boolean).join(' ')]);
  }
  for (const [term, value] of rows) list.append(h('dt', { text: term }), h('dd', {}, value));
  show($('policies'), rows.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Services and their free slots

function allServices() {
  return (state.profile?.services ?? []).flatMap((group) => group.services ?? []);
}

function offeredBy(service) {
  return !state.staffId || !Array.isArray(service.staffIds) || service.staffIds.includes(state.staffId);
}

function renderServices() {
  const groups = (state.profile.services ?? [])
    .filter((group) => !state.collection || group.collection === state.collection)
    .map((group) => ({ collection: group.collection ?? null, services: (group.services ?? []).filter(offeredBy) }))
    .filter((group) => group.services.length > 0);
  const list = $('service-list');
  list.replaceChildren();
  const byCollection = state.profile.appearance?.showServiceCollections !== false
    && groups.some((group) => group.collection !== null);
  const shown = byCollection ? groups : [{ collection: null, services: groups.flatMap((g) => g.services) }];
  for (const group of shown) {
    if (byCollection) list.append(h('h3', { class: 'collection', text: group.collection ?? t('services.other') }));
    list.append(h('ul', { class: 'cards' }, group.services.map((service) => h('li', { class: 'card' },
      h('div', { class: 'card-main' },
        h('h4', { text: service.name }),
        h('p', { class: 'meta', text: [minutes(i18n, service.durationMinutes), price(i18n, service.price)].filter(Boolean).join(' · ') }),
        service.description ? h('p', { class: 'description', text: service.description }) : null),
      h('button', {
        type: 'button', class: 'button', 'aria-controls': 'slots', text: t('services.seeTimes'),
        'aria-label': t('services.seeTimesFor', { name: service.name }), onclick: () => openService(service, true),
      })))));
  }
  show($('services'), shown.some((g) => g.services.length > 0));
}

function openService(service, focus) {
  state.service = service;
  state.slotsFrom = state.today;
  $('slots-title').textContent = t('slots.titleFor', { name: service.name });
  show($('slots'));
  loadSlots();
  if (focus) focusHeading('slots-title');
}

async function loadSlots() {
  const service = state.service;
  if (!service) return;
  const from = state.slotsFrom;
  const to = addDays(from, DAYS_OF_SLOTS - 1);
  $('slots-prev').disabled = from <= state.today;
  $('slots-next').disabled = addDays(to, 1) > lastBookableDay();
  state.slots = null;
  state.slotsError = null;
  renderRange('slots-range', from, to);
  $('slot-list').replaceChildren(h('p', { class: 'muted', text: t('slots.loading') }));
  let answer;
  try {
    answer = await api('GET', `/studios/${enc(state.studioId)}/slots?${query({
      serviceId: service.serviceId, staffId: state.staffId, from, to, timezone: displayZone() })}`);
  } catch (e) {
    if (state.service !== service || state.slotsFrom !== from) return;
    state.slotsError = e;
    renderSlots();
    return;
  }
  if (state.service !== service || state.slotsFrom !== from) return; // a newer request is on its way
  state.slots = answer.slots ?? [];
  renderSlots();
}

function renderRange(id, from, to) {
  $(id).textContent = `${fmt.calendarDay(from)} – ${fmt.calendarDay(to)}`;
}

function renderSlots() {
  const service = state.service;
  const list = $('slot-list');
  renderRange('slots-range', state.slotsFrom, addDays(state.slotsFrom, DAYS_OF_SLOTS - 1));
  if (state.slotsError) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(state.slotsError) }));
    return;
  }
  const slots = state.slots;
  if (slots.length === 0) {
    list.replaceChildren(h('p', { class: 'muted', text: t('slots.none') }));
    return;
  }
  const showLocation = new Set(slots.map((s) => s.locationId)).size > 1;
  const days = new Map();
  for (const slot of slots) {
    const key = fmt.dayKey(slot.start);
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(slot);
  }
  list.replaceChildren(...[...days.values()].map((daySlots) => {
    const day = fmt.day(daySlots[0].start);
    return h('div', { class: 'day' },
      h('h3', { text: day }),
      h('ul', { class: 'times' }, daySlots.map((slot) => {
        const time = fmt.time(slot.start);
        const place = showLocation ? locationName(slot.locationId) : null;
        return h('li', {}, h('button', {
          type: 'button', class: 'time',
          'aria-label': place ? t('slots.bookAtPlace', { service: service.name, day, time, place })
            : t('slots.bookAt', { service: service.name, day, time }),
          onclick: () => openBookingForm({ kind: 'APPOINTMENT', service, slot }),
        }, time, place ? h('span', { class: 'place', text: place }) : null));
      })));
  }));
}

// ---------------------------------------------------------------------------------------------
// Sessions (classes)

async function loadSessions() {
  if (weekShown()) { // the week's timetable instead; the list loads when shown again
    state.sessions = null;
    state.sessionsError = null;
    loadWeek();
    return;
  }
  const from = state.sessionsFrom;
  const to = addDays(from, DAYS_OF_SESSIONS - 1);
  $('sessions-prev').disabled = from <= state.today;
  $('sessions-next').disabled = addDays(to, 1) > lastBookableDay();
  renderRange('sessions-range', from, to);
  show($('sessions'));
  state.sessions = null;
  state.sessionsError = null;
  $('session-list').replaceChildren(h('p', { class: 'muted', text: t('sessions.loading') }));
  let answer;
  try {
    answer = await api('GET', `/studios/${enc(state.studioId)}/sessions?${query({ from, to })}`);
  } catch (e) {
    if (state.sessionsFrom !== from) return;
    state.sessionsError = e;
    renderSessions();
    return;
  }
  if (state.sessionsFrom !== from) return;
  state.sessions = (answer.sessions ?? []).filter((s) => !state.staffId || s.instructorId === state.staffId);
  renderTimetable(); // the filters offer what is loaded
  renderSessions();
}

function renderSessions() {
  const list = $('session-list');
  renderRange('sessions-range', state.sessionsFrom, addDays(state.sessionsFrom, DAYS_OF_SESSIONS - 1));
  if (state.sessionsError) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(state.sessionsError) }));
    return;
  }
  if (state.sessions.length === 0) {
    list.replaceChildren(h('p', { class: 'muted', text: t('sessions.none') }));
    return;
  }
  const shown = filterSessions(state.sessions);
  if (shown.length === 0) {
    list.replaceChildren(noMatch());
    return;
  }
  const days = new Map();
  for (const session of shown) {
    const key = fmt.dayKey(session.start);
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(session);
  }
  list.replaceChildren(...[...days.values()].map((daySessions) => h('div', { class: 'day' },
    h('h3', { text: fmt.day(daySessions[0].start) }),
    h('ul', { class: 'cards' }, daySessions.map(sessionCard)))));
}

function sessionPrice(session) {
  const parts = [];
  if (session.price) parts.push(price(i18n, session.price));
  if (session.creditPrice) parts.push(plural('credits.amount', session.creditPrice));
  if (parts.length === 0 && (session.paymentMethods ?? []).includes('FREE')) parts.push(t('price.free'));
  return parts.length === 2 ? t('price.or', { first: parts[0], second: parts[1] }) : parts.join('');
}

function sessionCard(session) {
  const bookable = session.status !== 'CANCELLED' && session.spotsLeft > 0;
  const time = `${fmt.time(session.start)}–${fmt.time(session.end)}`;
  const place = session.format === 'ONLINE' ? null : locationName(session.locationId);
  const yourTime = visitorTime(session);
  return h('li', { class: 'card' },
    h('div', { class: 'card-main' },
      h('p', { class: 'time-label', text: time }),
      h('h4', { text: session.name }),
      h('p', { class: 'meta', text: [withWhom(session.instructorName), named(`format.${session.format}`, session.format),
        place, sessionPrice(session)].filter(Boolean).join(' · ') }),
      yourTime ? h('p', { class: 'meta', text: yourTime }) : null,
      session.description ? h('p', { class: 'description', text: session.description }) : null,
      h('p', { class: `spots${bookable ? '' : ' full'}`, text: spotsText(session) })),
    !bookable && canWait(session)
      ? h('button', {
        type: 'button', class: 'button secondary', text: t('session.joinWaitlist'),
        'aria-label': t('session.joinWaitlistAria', { name: session.name, when: fmt.moment(session.start) }),
        onclick: () => openBookingForm({ kind: 'SESSION', session, waitlist: true }),
      })
      : h('button', {
        type: 'button', class: 'button', disabled: !bookable, text: bookable ? t('session.book') : t('session.full'),
        'aria-label': t('session.bookAria', { name: session.name, when: fmt.moment(session.start) }),
        onclick: () => openBookingForm({ kind: 'SESSION', session }),
      }));
}

// ---------------------------------------------------------------------------------------------
// Booking form

const FIELDS = {
  'client.name': 'client-name',
  'client.email': 'client-email',
  'client.phone': 'client-phone',
  notes: 'client-notes',
  paymentMethod: 'payment',
  format: 'format',
};

function openBookingForm(target) {
  state.target = target;
  state.result = null;
  show($('result'), false);
  const account = clientSession();
  if (account && !$('client-email').value) $('client-email').value = account.email ?? '';
  renderBookingForm();
  refreshWallet();
  bookingStep(true);
  focusHeading('book-title');
}

function renderBookingForm() {
  const target = state.target;
  clearErrors();
  let summary;
  if (target.kind === 'APPOINTMENT') {
    const { service, slot } = target;
    const staff = state.profile.staff?.find((s) => s.staffId === slot.staffId);
    summary = [service.name, fmt.when(slot.start, slot.end), withWhom(staff?.name), locationName(slot.locationId),
      price(i18n, service.price)];
  } else {
    const s = target.session;
    summary = [s.name, fmt.when(s.start, s.end), withWhom(s.instructorName),
      s.format === 'ONLINE' ? t('format.ONLINE') : locationName(s.locationId), sessionPrice(s)];
  }
  const name = target.kind === 'APPOINTMENT' ? target.service.name : target.session.name;
  $('book-title').textContent = target.waitlist ? t('book.waitlistTitleFor', { name }) : t('book.titleFor', { name });
  $('book-submit').textContent = submitText();
  const waitNote = $('book-waitlist-note');
  waitNote.textContent = target.waitlist ? t('book.waitlistHint') : '';
  show(waitNote, Boolean(target.waitlist));
  $('book-summary').textContent = summary.filter(Boolean).join(' · ');

  const hybrid = target.kind === 'SESSION' && target.session.format === 'HYBRID';
  const formats = $('format-options');
  const chosen = chosenFormat();
  formats.replaceChildren();
  if (hybrid) {
    const by = target.session.spotsLeftByFormat ?? {};
    for (const format of ['IN_PERSON', 'ONLINE']) {
      const left = by[format] ?? 0;
      const id = `format-${format}`;
      const name = t(`format.${format}`);
      formats.append(h('div', { class: 'choice' },
        h('input', { type: 'radio', id, name: 'format', value: format, disabled: left === 0 && !target.waitlist, onchange: renderPaymentOptions }),
        h('label', { for: id, text: target.waitlist ? name
          : left === 0 ? t('book.formatFull', { format: name }) : plural('book.formatSeats', left, { format: name }) })));
    }
    const keep = formats.querySelector(`input[value="${chosen}"]:not([disabled])`) ?? formats.querySelector('input:not([disabled])');
    if (keep) keep.checked = true;
  }
  show($('format-field'), hybrid);
  renderPaymentOptions();
}

/** While the form is open the lists step aside, so the page is about this one booking. */
function bookingStep(active) {
  document.body.classList.toggle('booking-step', active);
  show($('book'), active);
}

function chosenFormat() {
  return $('book-form').querySelector('input[name="format"]:checked')?.value ?? null;
}

function paymentChoices() {
  const target = state.target;
  const studioMethods = state.profile.paymentMethods ?? [];
  if (target.kind === 'APPOINTMENT') {
    if (target.service.price?.amount === 0) return ['FREE'];
    return studioMethods.filter((m) => ['CARD', 'BANK_TRANSFER', 'PAY_AT_STUDIO'].includes(m))
      .filter((m) => m !== 'BANK_TRANSFER' || transferHasTime());
  }
  const session = target.session;
  const onlineSeat = session.format === 'ONLINE' || (session.format === 'HYBRID' && chosenFormat() === 'ONLINE');
  return (session.paymentMethods ?? [])
    .filter((m) => m === 'FREE' || studioMethods.includes(m))
    .filter((m) => !(onlineSeat && m === 'PAY_AT_STUDIO'))
    .filter((m) => m !== 'CREDITS' || session.creditPrice)
    .filter((m) => m !== 'BANK_TRANSFER' || transferHasTime());
}

/** The start of what is being booked (a slot or a session). */
const targetStart = () => state.target?.slot?.start ?? state.target?.session?.start;

/**
 * Whether a bank transfer would leave real time to pay: the studio offers it only for what starts at
 * least bankTransfer.minHoursBeforeStart hours from now (the API refuses it otherwise).
 */
function transferHasTime() {
  const bank = state.profile.bankTransfer;
  const start = Date.parse(targetStart());
  if (!bank || Number.isNaN(start)) return true;
  return start - Date.now() >= (bank.minHoursBeforeStart ?? 0) * 3600000;
}

/** The short reason bank transfer is missing from the choices, when the studio takes transfers but not this late. */
function transferHiddenReason() {
  const bank = state.profile.bankTransfer;
  if (!bank || transferHasTime()) return null;
  const offered = state.target.kind === 'APPOINTMENT'
    ? (state.profile.paymentMethods ?? []).includes('BANK_TRANSFER')
    : (state.target.session.paymentMethods ?? []).includes('BANK_TRANSFER');
  return offered ? plural('payment.transferTooLate', bank.minHoursBeforeStart) : null;
}

function renderPaymentOptions() {
  const container = $('payment-options');
  const previous = container.querySelector('input:checked')?.value;
  // a signed-in client's wallet turns PASS / CREDITS into what is left, or a way to buy instead of a dead choice
  const fromWallet = new Map(paymentChoices().map((method) => [method, walletChoice(method, state.target)]));
  const choices = [...fromWallet.keys()].filter((method) => !fromWallet.get(method)?.note);
  container.replaceChildren(...choices.map((method) => {
    const id = `pay-${method}`;
    const label = fromWallet.get(method)?.label ?? (method === 'CREDITS'
      ? t('payOption.CREDITS', { credits: plural('credits.amount', state.target.session.creditPrice) })
      : named(`payOption.${method}`, method));
    return h('div', { class: 'choice' },
      h('input', { type: 'radio', id, name: 'paymentMethod', value: method, onchange: renderPaymentHint }),
      h('label', { for: id, text: label }));
  }));
  const keep = choices.includes(previous) ? previous : choices[0];
  const radio = [...container.querySelectorAll('input')].find((input) => input.value === keep);
  if (radio) radio.checked = true;
  $('book-submit').disabled = choices.length === 0;
  if (choices.length === 0) {
    container.append(h('p', { class: 'muted', text: t('payment.none') }));
  }
  for (const choice of fromWallet.values()) if (choice?.note) container.append(choice.note);
  const noTransfer = transferHiddenReason();
  if (noTransfer) container.append(h('p', { class: 'muted', id: 'transfer-too-late', text: noTransfer }));
  renderPaymentHint();
}

function renderPaymentHint() {
  const method = $('payment-options').querySelector('input:checked')?.value;
  const hint = $('payment-hint');
  hint.replaceChildren();
  if (state.target?.waitlist && method !== 'PASS' && method !== 'CREDITS') {
    // nothing is paid on joining: the waitlist note says when
  } else if ((method === 'PASS' || method === 'CREDITS') && !clientToken()) {
    hint.append(`${t(`hint.signIn.${method}`)} `,
      h('button', { type: 'button', class: 'button link', text: t('account.signIn'), onclick: () => openAccount(true) }));
    const buy = buyLink(method);
    if (buy) hint.append(' · ', buy);
  } else if (method === 'CARD') {
    hint.append(t('hint.card'));
  } else if (method === 'BANK_TRANSFER' && state.profile.bankTransfer) {
    hint.append(plural('hint.bankTransfer', state.profile.bankTransfer.dueHours));
  }
  show(hint, hint.childNodes.length > 0);
}

function clearErrors() {
  for (const el of document.querySelectorAll('#book-form .field-error, #book-error')) {
    el.textContent = '';
    show(el, false);
  }
  for (const el of document.querySelectorAll('#book-form [aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** Typing into (or choosing in) a field clears its error. */
function clearFieldError(control) {
  const holder = control.closest('fieldset') ?? control;
  const describedBy = holder.getAttribute('aria-describedby');
  if (!describedBy || holder.getAttribute('aria-invalid') !== 'true') return;
  holder.removeAttribute('aria-invalid');
  const error = $(describedBy);
  error.textContent = '';
  show(error, false);
}

function fieldError(field, message) {
  const target = FIELDS[field];
  if (!target) return false;
  const error = $(`${target}-error`);
  error.textContent = message;
  show(error);
  const input = target === 'payment' || target === 'format' ? $(`${target}-field`) : $(target);
  input.setAttribute('aria-invalid', 'true');
  const focusable = input.matches('input, textarea') ? input : input.querySelector('input:not([disabled])');
  focusable?.focus();
  return true;
}

function formError(message) {
  const box = $('book-error');
  box.textContent = message;
  show(box);
}

function validateForm(body) {
  const problems = [];
  if (state.target.kind === 'SESSION' && state.target.session.format === 'HYBRID' && !body.format) {
    problems.push(['format', t('invalid.format')]);
  }
  if (!body.client.name) problems.push(['client.name', t('invalid.client.name')]);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.client.email)) problems.push(['client.email', t('invalid.client.email')]);
  if (!body.paymentMethod) problems.push(['paymentMethod', t('invalid.paymentMethod')]);
  for (const [field, message] of problems.reverse()) fieldError(field, message);
  return problems.length === 0;
}

/** One Idempotency-Key per booking attempt: the same request sent again (a retry) reuses it. */
function idempotencyKeyFor(request) {
  if (!state.attempt || state.attempt.request !== request) state.attempt = { request, key: uuid() };
  return state.attempt.key;
}

async function submitBooking(event) {
  event.preventDefault();
  clearErrors();
  const form = $('book-form');
  const target = state.target;
  const body = {};
  if (target.kind === 'SESSION') {
    body.sessionId = target.session.sessionId;
    if (target.session.format === 'HYBRID') body.format = chosenFormat() ?? undefined;
  } else {
    body.serviceId = target.service.serviceId;
    body.staffId = target.slot.staffId;
    body.locationId = target.slot.locationId;
    body.start = target.slot.start;
  }
  body.client = { name: form.elements['client.name'].value.trim(), email: form.elements['client.email'].value.trim() };
  const phone = form.elements['client.phone'].value.trim();
  if (phone) body.client.phone = phone;
  const notes = form.elements.notes.value.trim();
  if (notes) body.notes = notes;
  body.paymentMethod = form.querySelector('input[name="paymentMethod"]:checked')?.value;
  body.language = i18n.language;
  if (target.waitlist) body.waitlist = true;
  if (!validateForm(body)) return;

  const token = clientToken();
  const idempotencyKey = idempotencyKeyFor(JSON.stringify([body, token]));
  const button = $('book-submit');
  button.disabled = true;
  button.textContent = t('book.submitting');
  let booking;
  try {
    booking = await withRetry(() => api('POST', `/studios/${enc(state.studioId)}/bookings`, { body, token, idempotencyKey }));
  } catch (e) {
    bookingFailed(e);
    return;
  } finally {
    button.disabled = false;
    button.textContent = submitText();
  }
  state.attempt = null;
  if (booking.accessToken) storage.set(bookingTokenKey(booking.bookingId), booking.accessToken);
  form.elements.notes.value = '';
  afterBooking(booking);
}

function bookingFailed(e) {
  if (e.code === 'UNAUTHENTICATED' && clientToken()) {
    storage.remove(clientKey(state.studioId));
    renderAccountButton();
    fieldError('paymentMethod', t('account.expired'));
    renderPaymentHint();
    return;
  }
  if (e.code === 'CLIENT_TOKEN_REQUIRED') {
    fieldError('paymentMethod', errorText(e));
    renderPaymentHint();
    return;
  }
  if (e.code === 'CAPACITY_REACHED' && state.target.kind === 'SESSION' && !state.target.waitlist
      && canWait({ ...state.target.session, spotsLeft: 0 })) {
    // the last place went meanwhile: the same form, now for the waitlist, with what was typed kept
    state.target = { ...state.target, session: { ...state.target.session, spotsLeft: 0 }, waitlist: true };
    renderBookingForm();
    formError(t('book.lastPlaceTaken'));
    loadSessions();
    return;
  }
  if (e.code === 'SLOT_TAKEN' || e.code === 'CAPACITY_REACHED') {
    // the place is gone: back to the lists (fresh from the API), the reason said once at the top
    const kind = state.target.kind;
    state.target = null;
    state.attempt = null;
    bookingStep(false);
    notice(() => errorText(e), 'error');
    if (kind === 'APPOINTMENT') loadSlots(); else loadSessions();
    focusHeading(kind === 'APPOINTMENT' ? 'slots-title' : 'sessions-title');
    return;
  }
  if (!fieldError(e.field, errorText(e))) formError(errorText(e));
}

function afterBooking(booking) {
  const next = booking.nextAction ?? { type: 'NONE' };
  if (next.type === 'REDIRECT') {
    const url = safeUrl(next.url ?? '');
    if (url) {
      notice(() => t('result.redirecting'));
      location.assign(url);
      return;
    }
  }
  state.target = null;
  bookingStep(false);
  if (!$('wallet').hidden) loadWallet();
  renderResult(booking);
  show($('result'));
  focusHeading('result-title');
  if (state.service) loadSlots();
  loadSessions();
}

/** The booking form's button: book, or join the waitlist of a full class. */
const submitText = () => (state.target?.waitlist ? t('book.waitlistSubmit') : t('book.submit'));

function renderResult(booking) {
  state.result = booking;
  const next = booking.nextAction ?? { type: 'NONE' };
  const body = $('result-body');
  const viewLink = h('a', { href: bookingPageUrl(booking.bookingId), text: t('result.viewLink') });
  if (booking.status === 'WAITLISTED') {
    $('result-title').textContent = t('result.waitlisted.title');
    body.replaceChildren(...waitlistedResult(booking), bookingFacts(booking, { withStatus: true }), h('p', {}, viewLink));
  } else if (next.type === 'BANK_TRANSFER' && next.bankTransfer) {
    $('result-title').textContent = t('result.bankTransfer.title');
    body.replaceChildren(
      h('p', { text: t('result.bankTransfer.text', { when: fmt.moment(next.bankTransfer.dueBy) }) }),
      bankTransferFacts(next.bankTransfer),
      bookingFacts(booking, { withStatus: true, withPaymentDetails: false }),
      h('p', {}, viewLink));
  } else if (next.type === 'REDIRECT') {
    $('result-title').textContent = t('result.redirect.title');
    body.replaceChildren(h('p', { text: t('result.redirect.text') }), h('p', {}, viewLink));
  } else {
    $('result-title').textContent = booking.status === 'CONFIRMED' ? t('result.confirmed') : t('result.received');
    body.replaceChildren(...[
      h('p', { text: booking.client?.email ? t('result.sentTo', { email: booking.client.email }) : t('result.sentToYou') }),
      bookingFacts(booking, { withStatus: true }),
      onlineAccessBox(booking),
      h('p', {}, viewLink)].filter(Boolean));
  }
}

function bookingPageUrl(bookingId) {
  return widgetUrl({ booking: bookingId });
}

function onlineAccessBox(b) {
  const access = b.onlineAccess;
  if (access?.link) {
    return h('div', { class: 'online-access' },
      h('h3', { text: t('online.title') }),
      facts([
        [t('online.link'), h('a', { href: access.link, target: '_blank', rel: 'noopener noreferrer', text: access.link })],
        [t('online.instructions'), access.instructions ? h('span', { class: 'pre', text: access.instructions }) : null],
        [t('online.password'), access.password ? h('span', { class: 'mono', text: access.password }) : null],
      ]));
  }
  if (b.format === 'ONLINE' && b.status !== 'CANCELLED') {
    return h('p', { class: 'muted', text: t('online.pending') });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Account: sign in with an e-mailed code, then wallet and bookings

function renderAccountButton() {
  $('account-toggle').textContent = clientSession() ? t('account.yours') : t('account.signIn');
}

function openAccount(focus) {
  const section = $('account');
  show(section);
  $('account-toggle').setAttribute('aria-expanded', 'true');
  const account = clientSession();
  if (account) {
    show($('code-form'), false);
    show($('token-form'), false);
    loadWallet();
  } else {
    show($('wallet'), false);
    show($('code-form'), $('token-form').hidden);
    if (!$('signin-email').value) $('signin-email').value = $('client-email').value;
  }
  if (focus) focusHeading('account-title');
}

function closeAccount() {
  show($('account'), false);
  $('account-toggle').setAttribute('aria-expanded', 'false');
}

function accountError(id, message) {
  const el = $(id);
  el.textContent = message;
  show(el, Boolean(message));
  const input = $(id.replace(/-error$/, ''));
  if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
}

async function requestCode(event) {
  event.preventDefault();
  const email = $('signin-email').value.trim();
  accountError('signin-email-error', '');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    accountError('signin-email-error', t('invalid.email'));
    $('signin-email').focus();
    return;
  }
  try {
    await api('POST', `/auth/code`, { body: { studioId: state.studioId, email } });
  } catch (e) {
    accountError('signin-email-error', errorText(e));
    $('signin-email').focus();
    return;
  }
  state.codeSentTo = email;
  $('code-sent').textContent = t('account.codeSent', { email });
  show($('code-form'), false);
  show($('token-form'));
  $('signin-code').value = '';
  $('signin-code').focus();
}

async function exchangeCode(event) {
  event.preventDefault();
  const email = $('signin-email').value.trim();
  const code = $('signin-code').value.trim();
  accountError('signin-code-error', '');
  if (!/^[0-9]{6}$/.test(code)) {
    accountError('signin-code-error', t('invalid.code'));
    $('signin-code').focus();
    return;
  }
  let answer;
  try {
    answer = await api('POST', `/auth/token`, { body: { studioId: state.studioId, email, code } });
  } catch (e) {
    accountError('signin-code-error', errorText(e));
    $('signin-code').focus();
    return;
  }
  if (answer.role !== 'CLIENT') {
    accountError('signin-code-error', t('account.staffEmail'));
    return;
  }
  storage.set(clientKey(state.studioId), JSON.stringify({ token: answer.token, expiresAt: answer.expiresAt, email }));
  state.codeSentTo = null;
  show($('token-form'), false);
  renderAccountButton();
  $('client-email').value = email;
  if (state.target) {
    clearErrors();
    renderPaymentHint();
  }
  if (state.bookingId) showBooking(state.bookingId);
  loadWallet();
  focusHeading('account-title');
  continuePurchase();
}

async function loadWallet() {
  const account = clientSession();
  if (!account) return;
  show($('wallet'));
  $('signed-in-as').textContent = t('account.signedInAs', { email: account.email });
  const walletBody = $('wallet-body');
  const bookingsBody = $('my-bookings');
  walletBody.replaceChildren(h('p', { class: 'muted', text: t('account.loading') }));
  bookingsBody.replaceChildren();
  let wallet;
  let mine;
  try {
    [wallet, mine] = await Promise.all([
      fetchWallet(),
      api('GET', `/me/bookings`, { token: account.token }),
    ]);
  } catch (e) {
    if (e.status === 401) {
      signOut();
      accountError('signin-email-error', t('account.expired'));
      return;
    }
    walletBody.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e) }));
    return;
  }
  renderWallet(walletBody, wallet);
  const bookings = (mine.bookings ?? []).slice().sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  bookingsBody.replaceChildren(bookings.length
    ? h('ul', { class: 'plain' }, bookings.map((b) => h('li', {},
      h('a', { href: bookingPageUrl(b.bookingId), text: `${b.serviceName ?? t('account.booking')}, ${fmt.when(b.start)}` }),
      ` · ${named(`bookingStatus.${b.status}`, b.status)}`)))
    : h('p', { class: 'muted', text: t('account.noBookings') }));
}

function signOut() {
  storage.remove(clientKey(state.studioId));
  forgetWallet();
  renderAccountButton();
  show($('wallet'), false);
  show($('token-form'), false);
  show($('code-form'));
  if (state.target) renderPaymentHint();
}

// ---------------------------------------------------------------------------------------------

function wireStaticHandlers() {
  $('language').addEventListener('change', (event) => switchLanguage(event.target.value));
  $('zone-mine').addEventListener('change', (event) => switchZone(event.target.checked));
  $('account-toggle').addEventListener('click', () => ($('account').hidden ? openAccount(true) : closeAccount()));
  $('code-form').addEventListener('submit', requestCode);
  $('token-form').addEventListener('submit', exchangeCode);
  $('code-restart').addEventListener('click', () => {
    state.codeSentTo = null;
    show($('token-form'), false);
    show($('code-form'));
    $('signin-email').focus();
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    $('signin-email').focus();
  });
  $('book-form').addEventListener('submit', submitBooking);
  $('book-form').addEventListener('input', (event) => clearFieldError(event.target));
  $('book-cancel').addEventListener('click', () => {
    bookingStep(false);
    state.target = null;
    focusHeading(state.service ? 'slots-title' : 'sessions-title');
  });
  $('slots-prev').addEventListener('click', () => {
    state.slotsFrom = addDays(state.slotsFrom, -DAYS_OF_SLOTS);
    if (state.slotsFrom < state.today) state.slotsFrom = state.today;
    loadSlots();
  });
  $('slots-next').addEventListener('click', () => {
    state.slotsFrom = addDays(state.slotsFrom, DAYS_OF_SLOTS);
    loadSlots();
  });
  $('slots-close').addEventListener('click', () => {
    show($('slots'), false);
    state.service = null;
    state.slots = null;
    $('services-title').scrollIntoView({ block: 'start' });
  });
  $('sessions-prev').addEventListener('click', () => {
    state.sessionsFrom = addDays(state.sessionsFrom, -DAYS_OF_SESSIONS);
    if (state.sessionsFrom < state.today) state.sessionsFrom = state.today;
    loadSessions();
  });
  $('sessions-next').addEventListener('click', () => {
    state.sessionsFrom = addDays(state.sessionsFrom, DAYS_OF_SESSIONS);
    loadSessions();
  });
}

start();
