// Studio Booking — the hosted admin page for staff (plain ES module, no build step).
//
// Every call to the API goes through api(METHOD, `/path/${…}?${query({…})}`) in exactly that form:
// WebPagesTest reads these calls and checks each one against docs/openapi.yaml.
// API data only ever reaches the page as text (textContent / text nodes), never as HTML.
//
// Every text a person reads comes from the bundles in i18n/ through t('key') and plural('key', n)
// (language.js). Keys composed in code, one family per API enum or code, so no raw value reaches the
// screen: format.<SessionFormat>, payment.<PaymentMethod>, status.<BookingStatus or session status>,
// paymentStatus.<PaymentStatus>, role.<StaffRole>, refund.<CancellationPolicy.Refund>,
// kind.<Booking.Kind>, error.<error code> (else error.other), money.<currency> (../shared/i18n.js).

import { addDays, facts, h, query, safeUrl } from '../shared/dom.js';
import {
  DEFAULT_LANGUAGE, chooseLanguage, clockText, dayText, errorText, longDayText, minorDigits, money, parseClock, plural, rememberedLanguage, rememberLanguage, t, useLanguage, weekdayName, zoneName,
} from './language.js';
import {
  $, ID_PATTERN, InputError, S, SESSION_DAYS, api, clearFormErrors, clientName, clockValue, confirmPaymentButton, enc, forgetSession, integer, label, locationName, minorUnits, notice, nowrap, pad, saveSession, savedSession, show, showError, spanText, staffName, state, statusBadge, submitting, table, todayIn, whenHeader, whenSignedOut, whenText, zone, zonedIso,
} from './base.js';
import {
  clientSearch, detailButton, filterBookings, installBookingFilters, installClientSearch, showClientBookings,
} from './detail.js';
import { addParticipant, bookForClient } from './walkin.js';
import { renderCalendar, setupCalendar, showCalendar } from './calendar.js';
import { initSessions, loadTemplates, refreshSessionTexts, sessionExtras, showWaitlistCounts, waitingCell } from './sessions.js';

// ---------------------------------------------------------------------------------------------
// Sign in

function showSignIn(message) {
  show($('app'), false);
  show($('who'), false);
  show($('signin'));
  $('signin-studio').value = state.studioId;
  refreshTitle();
  show($('code-form'));
  show($('token-form'), false);
  if (message) notice(message, 'error');
}

async function requestCode(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const studioId = form.elements.studioId.value.trim();
  const email = form.elements.email.value.trim();
  await submitting(form, async () => {
    if (!ID_PATTERN.test(studioId)) throw new InputError('studioId', t('signin.invalidStudio'));
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new InputError('email', t('signin.invalidEmail'));
    await api('POST', `/auth/code`, { body: { studioId, email }, anonymous: true });
    const otherStudio = studioId !== state.studioId || !state.profile;
    state.studioId = studioId;
    state.email = email;
    state.codeSentTo = { email, studioId };
    if (otherStudio) {
      await loadProfile();
      await applyLanguage();
    }
    refreshCodeSent();
    show(form, false);
    show($('token-form'));
    $('signin-code').value = '';
    $('signin-code').focus();
  });
}

async function exchangeCode(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const code = form.elements.code.value.trim();
  await submitting(form, async () => {
    if (!/^[0-9]{6}$/.test(code)) throw new InputError('code', t('signin.invalidCode'));
    const answer = await api('POST', `/auth/token`, { body: { studioId: state.studioId, email: state.email, code }, anonymous: true });
    if (answer.role !== 'OWNER' && answer.role !== 'STAFF') {
      throw new InputError('code', t('signin.notStaff', { email: state.email, studio: state.profile?.name ?? state.studioId }));
    }
    const session = { token: answer.token, role: answer.role, expiresAt: answer.expiresAt, email: state.email };
    saveSession(session);
    adopt(session);
    const url = new URL(location.href);
    url.searchParams.set('studio', state.studioId);
    history.replaceState(null, '', url);
    await enterApp();
  });
}

function refreshCodeSent() {
  const sent = state.codeSentTo;
  $('code-sent').textContent = sent ? t('signin.codeSent', { email: sent.email, studio: state.profile?.name ?? sent.studioId }) : '';
}

function adopt(session) {
  state.token = session.token;
  state.role = session.role;
  state.email = session.email;
}

function signOut(message) {
  forgetSession();
  state.token = null;
  state.role = null;
  state.loaded.clear();
  showSignIn(message);
  if (!message) notice('');
}

async function enterApp() {
  show($('signin'), false);
  show($('who'));
  refreshWho();
  // the tabs appear once the studio's settings, staff and locations are in: every tab needs them
  notice(t('common.loading'));
  try {
    const [settings, staff, locations] = await Promise.all([
      api('GET', `/studios/${S()}/settings`),
      api('GET', `/studios/${S()}/staff`),
      api('GET', `/studios/${S()}/locations`),
    ]);
    state.settings = settings;
    state.staff = staff.staff ?? [];
    state.locations = locations.locations ?? [];
  } catch (e) {
    if (state.token) notice(e.status === 403 ? t('app.forbidden') : errorText(e.code), 'error');
    return;
  }
  if (!state.profile) await applyLanguage(); // the studio's locale from its settings
  state.today = todayIn(zone());
  state.sessionsFrom = state.today;
  notice('');
  show($('app'));
  refreshTitle();
  for (const el of document.querySelectorAll('.currency-label')) el.textContent = `(${state.settings.currency})`;
  refreshZoneTexts();
  fillStaffAndLocationPickers();
  selectTab(state.role === 'STAFF' ? 'calendar' : 'sessions', false); // staff start on their own day
  loadTemplates();
  await loadSessions();
  if (state.openSessionId) {
    const id = state.openSessionId;
    state.openSessionId = null;
    openSession(id);
  }
}

// ---------------------------------------------------------------------------------------------
// Language: ?lang=, else the choice remembered for this studio, else the studio's locale, else English

/** The studio's public profile: its name, default language and the languages there are bundles for. */
async function loadProfile() {
  state.profile = null;
  if (!ID_PATTERN.test(state.studioId)) return;
  try {
    state.profile = await api('GET', `/studios/${S()}`, { anonymous: true });
  } catch { /* unknown studio or offline: the studio's settings decide after sign-in */ }
}

/**
 * The languages offered: the server's list (each named in itself); without a studio, only the one asked
 * for (English when it has no bundle). A language the server writes but this page has no bundle for falls
 * back to English too.
 */
function languages() {
  if (state.profile) return state.profile.languages ?? [];
  return state.askedLanguage ? [{ code: state.askedLanguage }] : [];
}

/** The studio's language: the profile's (asked for without ?lang=, so the studio's own), else its settings' locale. */
const studioLanguage = () => state.profile?.language ?? state.settings?.locale;

let shownLanguage = null;

/** Picks the page's language and, when it changes, loads it and rewrites every text on the page. */
async function applyLanguage(code = chooseLanguage(
  [state.askedLanguage, rememberedLanguage(state.studioId), studioLanguage()], languages().map((l) => l.code))) {
  if (code !== shownLanguage) {
    try {
      await useLanguage(code);
    } catch (e) {
      if (code === DEFAULT_LANGUAGE) throw e;
      await applyLanguage(DEFAULT_LANGUAGE);
      return;
    }
    shownLanguage = code;
    refreshTexts();
  }
  fillLanguageSwitch(code);
}

function fillLanguageSwitch(code) {
  const offered = languages().filter((l) => l.name);
  const select = $('language');
  select.replaceChildren(...offered.map((l) => h('option', { value: l.code, lang: l.code, text: l.name })));
  select.value = code;
  show($('language-field'), offered.length > 1);
}

async function changeLanguage(event) {
  const code = event.currentTarget.value;
  rememberLanguage(state.studioId, code);
  state.askedLanguage = null;
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  await applyLanguage(code);
}

function refreshTitle() {
  const signedIn = !$('app').hidden && state.settings;
  $('studio-name').textContent = signedIn ? state.settings.name : (state.profile?.name ?? t('signin.heading'));
  document.title = `${signedIn ? state.settings.name : (state.profile?.name ?? 'Studio Booking')} · ${t('app.title')}`;
}

function refreshWho() {
  $('who-text').textContent = t('app.who', { email: state.email ?? '', role: label('role', state.role) });
}

function refreshZoneTexts() {
  if (!state.settings) return;
  for (const el of document.querySelectorAll('.zone-label')) el.textContent = `(${zoneName(zone())})`;
  for (const el of document.querySelectorAll('.zone-note')) el.textContent = zoneNote();
}

/** "Fus orar: Ora Europei de Est (Europe/Bucharest)." */
function zoneNote() {
  const long = zoneName(zone(), 'long');
  return t('zone.note', { zone: long === zone() ? long : `${long} (${zone()})` });
}

/** A date input's value in words in the page's language (browsers write it in their own). */
function refreshDateHint(input) {
  const hint = $(`${input.id}-hint`);
  if (hint) hint.textContent = input.value ? longDayText(input.value) : '';
}

/** Clock inputs show times as the language writes them (18:00, 18.00, 6:00 PM). */
function refreshClock(input) {
  input.placeholder = clockText('18:00');
  const value = parseClock(input.value);
  if (value) input.value = clockText(value);
}

/** After a change of language: every text the code wrote, rewritten from the state (unsaved input stays). */
function refreshTexts() {
  refreshTitle();
  refreshCodeSent();
  for (const input of document.querySelectorAll('input.clock')) refreshClock(input);
  for (const input of document.querySelectorAll('input[type="date"]')) refreshDateHint(input);
  for (const form of document.forms) clearFormErrors(form);
  notice('');
  syncSessionFormat();
  if ($('app').hidden || !state.settings) return;
  refreshWho();
  refreshZoneTexts();
  fillStaffAndLocationPickers();
  showSessionRange();
  if (state.sessions) renderSessions(state.sessions);
  refreshSessionTexts();
  if (state.session) renderSession(state.session);
  if (state.bookings) {
    renderBookings(state.bookings);
    bookForClient($('walkin'), () => loadBookings());
  }
  if (state.loaded.has('people')) renderPeople();
  if (state.loaded.has('services')) {
    renderServices();
    rebuildAvailabilityRows();
  }
  if (state.loaded.has('clients') && state.clients) renderClients();
  if (state.loaded.has('calendar')) renderCalendar();
  if (state.loaded.has('settings')) {
    refreshFixedSettings(state.settings);
    fillLinks();
  }
}

// ---------------------------------------------------------------------------------------------
// Tabs

const TABS = ['sessions', 'calendar', 'bookings', 'people', 'services', 'clients', 'settings'];

function selectTab(name, focus = true) {
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    show($(`panel-${tab}`), selected);
  }
  if (focus) $(`tab-${name}`).focus();
  if (!state.loaded.has(name)) {
    state.loaded.add(name);
    ({ calendar: () => showCalendar(), bookings: initBookings, people: renderPeople, services: loadServices, clients: loadClients, settings: fillSettings })[name]?.();
  }
}

function tabKeys(event) {
  const index = TABS.indexOf(event.currentTarget.id.replace('tab-', ''));
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  selectTab(TABS[(next + TABS.length) % TABS.length]);
}

// ---------------------------------------------------------------------------------------------
// Sessions

function showSessionRange() {
  if (!state.sessionsFrom) return;
  $('sessions-range').textContent = `${dayText(state.sessionsFrom)} – ${dayText(addDays(state.sessionsFrom, SESSION_DAYS - 1))}`;
}

async function loadSessions() {
  const from = state.sessionsFrom;
  const to = addDays(from, SESSION_DAYS - 1);
  showSessionRange();
  $('sessions-prev').disabled = from <= state.today;
  const list = $('session-list');
  list.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  let answer;
  try {
    answer = await api('GET', `/studios/${S()}/sessions?${query({ from, to })}`);
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }));
    return;
  }
  if (from !== state.sessionsFrom) return;
  state.sessions = answer.sessions ?? [];
  renderSessions(state.sessions);
}

function renderSessions(sessions) {
  $('session-list').replaceChildren(table(
    [whenHeader(), t('col.session'), t('session.format'), t('session.instructor'), t('col.spotsLeft'), t('waitlist.title'), ''],
    sessions.map((s) => [
      nowrap(spanText(s.start, s.end)),
      s.name,
      label('format', s.format),
      s.instructorName ?? staffName(s.instructorId),
      spotsText(s.spotsLeftByFormat, s.spotsLeft),
      waitingCell(s),
      h('button', {
        type: 'button', class: 'button small', text: t('common.open'),
        'aria-label': t('session.openAria', { name: s.name, when: whenText(s.start) }), onclick: () => openSession(s.sessionId),
      }),
    ]), t('session.upcoming')));
  showWaitlistCounts(sessions);
}

/** "8 locuri în studio, 20 de locuri online" for a hybrid session, else "8 locuri". */
function spotsText(byFormat, total) {
  const by = byFormat ?? {};
  if (by.IN_PERSON !== undefined && by.ONLINE !== undefined) {
    return t('spots.hybrid', { inPerson: plural('spots.count', by.IN_PERSON), online: plural('spots.count', by.ONLINE) });
  }
  const count = total ?? by.IN_PERSON ?? by.ONLINE;
  return count === undefined || count === null ? '' : plural('spots.count', count);
}

async function openSession(sessionId) {
  if (!ID_PATTERN.test(sessionId)) {
    notice(t('session.invalidId'), 'error');
    return;
  }
  if ($('panel-sessions').hidden) selectTab('sessions', false);
  let session;
  try {
    session = await api('GET', `/studios/${S()}/sessions/${enc(sessionId)}`);
  } catch (e) {
    notice(e.status === 404 ? t('session.notFound') : errorText(e.code), 'error');
    return;
  }
  renderSession(session);
  show($('session-list-panel'), false);
  show($('session-detail'));
  $('session-title').focus();
  const url = new URL(location.href);
  url.searchParams.set('session', sessionId);
  history.replaceState(null, '', url);
}

function closeSession() {
  state.session = null;
  show($('session-detail'), false);
  show($('session-list-panel'));
  const url = new URL(location.href);
  url.searchParams.delete('session');
  history.replaceState(null, '', url);
  loadSessions();
}

function renderSession(s) {
  state.session = s;
  $('session-title').textContent = `${s.name} · ${whenText(s.start)}`;
  const online = s.format === 'ONLINE' || s.format === 'HYBRID';
  const capacity = s.format === 'HYBRID'
    ? t('spots.hybrid', { inPerson: plural('spots.count', s.capacity), online: plural('spots.count', s.onlineCapacity) })
    : plural('spots.count', s.capacity);
  $('session-facts').replaceChildren(facts([
    [t('col.status'), statusBadge('status', s.status)],
    [t('col.whenPlain'), `${spanText(s.start, s.end)} (${zoneName(zone())})`],
    [t('session.format'), label('format', s.format)],
    [t('session.instructor'), staffName(s.instructorId)],
    [t('session.location'), s.locationId ? locationName(s.locationId) : null],
    [t('session.capacity'), capacity],
    [t('col.spotsLeft'), spotsText(s.spotsLeftByFormat)],
    [t('common.price'), s.price ? money(s.price) : null],
    [t('session.creditPrice'), s.creditPrice ? plural('credits.count', s.creditPrice) : null],
    [t('common.paymentMethods'), (s.paymentMethods ?? []).map((m) => label('payment', m)).join(', ')],
    [t('session.onlineLink'), online ? (s.onlineAccess?.link ? t('session.linkSet', { version: s.linkVersion }) : t('session.linkMissing')) : null],
    [t('common.description'), s.description ? h('span', { class: 'pre', text: s.description }) : null],
  ]));

  const form = $('online-access-form');
  clearFormErrors(form);
  show(form, online && s.status === 'SCHEDULED');
  form.elements.link.value = s.onlineAccess?.link ?? '';
  form.elements.instructions.value = s.onlineAccess?.instructions ?? '';
  form.elements.password.value = s.onlineAccess?.password ?? '';
  $('oa-clear').disabled = !s.onlineAccess?.link;

  const participants = s.participants ?? [];
  $('participants-title').textContent = plural('participants.count', participants.length);
  const headers = [t('col.client'), t('col.seat'), t('col.payment'), t('col.status'), t('col.paid'), online ? t('col.linkSent') : null, ''];
  $('participants').replaceChildren(table(headers.filter((x) => x !== null),
    participants.map((p) => [
      h('span', {}, p.client?.name ?? '', h('br'), h('span', { class: 'muted', text: [p.client?.email, p.client?.phone].filter(Boolean).join(' · ') })),
      label('format', p.format),
      label('payment', p.paymentMethod),
      statusBadge('status', p.status),
      statusBadge('paymentStatus', p.paymentStatus),
      online ? (s.linkVersion > 0 && p.linkSentVersion >= s.linkVersion ? t('common.yes') : t('common.no')) : null,
      h('span', { class: 'row-actions' }, confirmPaymentButton(p, () => openSession(s.sessionId)),
        detailButton(p, () => openSession(s.sessionId))),
    ].filter((x, i) => online || i !== 5)), t('session.participants')));

  $('participant-add').replaceChildren(addParticipant(s, () => openSession(s.sessionId)) ?? '');
  show($('session-cancel'), s.status === 'SCHEDULED');
  show($('session-cancel-error'), false);
  sessionExtras(s);
}

async function saveOnlineAccess(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const link = form.elements.link.value.trim();
  const instructions = form.elements.instructions.value.trim();
  const password = form.elements.password.value.trim();
  await submitting(form, async () => {
    if (!link) throw new InputError('link', t('online.needLink', { remove: t('online.remove') }));
    const body = { link, instructions: instructions || null, password: password || null };
    const session = await api('PUT', `/studios/${S()}/sessions/${enc(state.session.sessionId)}/online-access`, { body });
    renderSession(session);
    notice(t('online.saved'), 'success');
  });
}

async function clearOnlineAccess() {
  const form = $('online-access-form');
  if (!window.confirm(t('online.confirmRemove'))) return;
  await submitting(form, async () => {
    const session = await api('PUT', `/studios/${S()}/sessions/${enc(state.session.sessionId)}/online-access`, { body: { link: null } });
    renderSession(session);
    notice(t('online.removed'), 'success');
  });
}

function syncSessionFormat() {
  const format = $('ns-format').value;
  show($('ns-location-field'), format !== 'ONLINE');
  show($('ns-online-capacity-field'), format === 'HYBRID');
  show($('ns-online'), format !== 'IN_PERSON');
  $('ns-capacity-note').textContent = format === 'HYBRID' ? t('session.capacityInPerson') : '';
}

function toggleSessionForm(open = $('session-form').hidden) {
  show($('session-form'), open);
  $('new-session-toggle').setAttribute('aria-expanded', String(open));
  if (open) {
    if (!$('ns-date').value) $('ns-date').value = addDays(state.today, 1);
    refreshDateHint($('ns-date'));
    $('ns-name').focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Bookings

function initBookings() {
  $('bk-from').value = state.today;
  $('bk-to').value = addDays(state.today, 13);
  refreshDateHint($('bk-from'));
  refreshDateHint($('bk-to'));
  installBookingFilters($('bookings-form'), () => renderBookings(filterBookings(state.bookings ?? [])));
  bookForClient($('walkin'), () => loadBookings());
  loadBookings();
}

/** The days the bookings form asks for, or an InputError naming the empty field. */
function bookingDays(form) {
  const from = form.elements.from.value;
  const to = form.elements.to.value;
  if (!from) throw new InputError('from', t('bookings.needFrom'));
  if (!to) throw new InputError('to', t('bookings.needTo'));
  return { from, to };
}

/** Downloads the days' bookings as a CSV file for the accountant, in the page's language. */
async function exportBookings() {
  const form = $('bookings-form');
  await submitting(form, async () => {
    const { from, to } = bookingDays(form);
    const answer = await api('GET', `/studios/${S()}/bookings/export?${query({ from, to, lang: shownLanguage })}`);
    const link = h('a', { download: answer.name, hidden: true });
    link.href = URL.createObjectURL(answer.file); // a blob: address of our own making (h() takes http(s) only)
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    notice(t('bookings.exported', { name: answer.name }), 'success');
  });
}

async function loadBookings(event) {
  event?.preventDefault();
  const form = $('bookings-form');
  const list = $('booking-list');
  await submitting(form, async () => {
    const { from, to } = bookingDays(form);
    list.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
    const answer = await api('GET', `/studios/${S()}/bookings?${query({ from, to })}`);
    state.bookings = answer.bookings ?? [];
    renderBookings(filterBookings(state.bookings));
  });
}

function renderBookings(bookings) {
  const headers = [whenHeader(), t('col.what'), t('col.client'), t('col.payment'), t('col.status'), t('col.paid'), t('common.price'), ''];
  $('booking-list').replaceChildren(table(headers, bookings.map((b) => [
    nowrap(whenText(b.start)),
    h('span', {}, b.serviceName ?? '', h('br'), h('span', { class: 'muted', text: [label('kind', b.kind), b.staffName, label('format', b.format)].filter(Boolean).join(' · ') })),
    h('span', {}, b.client?.name ?? '', h('br'), h('span', { class: 'muted', text: [b.client?.email, b.client?.phone,
      b.bookedBy ? t('walkin.bookedBy', { name: staffName(b.bookedBy) }) : null].filter(Boolean).join(' · ') })),
    label('payment', b.paymentMethod),
    statusBadge('status', b.status),
    statusBadge('paymentStatus', b.paymentStatus),
    nowrap(money(b.price)),
    h('span', { class: 'row-actions' },
      confirmPaymentButton(b, () => loadBookings()),
      detailButton(b, () => loadBookings()),
      b.kind === 'SESSION' && b.sessionId ? h('button', {
        type: 'button', class: 'button small secondary', text: t('bookings.session'), 'aria-label': t('bookings.sessionAria', { name: clientName(b) }),
        onclick: () => openSession(b.sessionId),
      }) : null,
      b.status !== 'CANCELLED' ? h('button', {
        type: 'button', class: 'button small danger', text: t('bookings.cancel'), 'aria-label': t('bookings.cancelAria', { name: clientName(b) }),
        onclick: (event) => cancelBooking(b, event.currentTarget),
      }) : null),
  ]), t('tab.bookings')));
}

async function cancelBooking(booking, button) {
  if (!window.confirm(t('bookings.confirmCancel', { name: clientName(booking), when: whenText(booking.start) }))) return;
  button.disabled = true;
  try {
    await api('POST', `/bookings/${enc(booking.bookingId)}/cancel`);
    notice(t('bookings.cancelled'), 'success');
  } catch (e) {
    notice(errorText(e.code), 'error');
  }
  loadBookings();
}

// ---------------------------------------------------------------------------------------------
// Staff and locations

async function refreshPeople() {
  const [staff, locations] = await Promise.all([
    api('GET', `/studios/${S()}/staff`),
    api('GET', `/studios/${S()}/locations`),
  ]);
  state.staff = staff.staff ?? [];
  state.locations = locations.locations ?? [];
  fillStaffAndLocationPickers();
  renderPeople();
}

const isOwner = () => state.role === 'OWNER';
/** The signed-in staff member's own record (matched by e-mail). */
const me = () => state.staff.find((s) => s.email?.toLowerCase() === state.email?.toLowerCase());

/** What each add form is changing instead, when an Edit button turned it into an edit form: form id → item. */
const editing = {};
const EDIT_NAMES = { 'staff-form': (x) => x.name, 'location-form': (x) => x.name, 'service-form': (x) => x.name };

/** Turns an add form into the edit form of item (null: back to adding, emptied). */
function setEditing(form, item) {
  editing[form.id] = item ?? null;
  if (!item) form.reset();
  for (const el of form.querySelectorAll('.add-only')) show(el, !item);
  for (const el of form.querySelectorAll('.edit-only')) show(el, Boolean(item));
  refreshEditHeading(form);
  clearFormErrors(form);
  if (form.id === 'staff-form') syncStaffForm();
  if (item) {
    form.scrollIntoView({ block: 'start' });
    form.querySelector('input:not([type="checkbox"]), textarea')?.focus();
  }
}

function refreshEditHeading(form) {
  const item = editing[form.id];
  form.querySelector('h3.edit-only').textContent = item ? t('common.editHeading', { name: EDIT_NAMES[form.id](item) }) : '';
}

/** A small row button. */
const rowButton = (text, ariaLabel, onclick, kind = 'secondary') => h('button', {
  type: 'button', class: `button small ${kind}`, text, 'aria-label': ariaLabel, onclick,
});

/** Asks first, then deletes with one call, says so and refreshes; a refusal is told in the notice. */
async function removeAfterAsking(question, call, done, after) {
  if (!window.confirm(question)) return;
  try {
    await call();
    notice(done, 'success');
  } catch (e) {
    notice(errorText(e.code), 'error');
  }
  await after();
}

/** The staff form: the owner adds and changes anyone (not their own role); staff change their own name and bio. */
function syncStaffForm() {
  const form = $('staff-form');
  const item = editing[form.id];
  const self = item && item.staffId === me()?.staffId;
  show(form, isOwner() || Boolean(item));
  show($('sf-email-field'), isOwner());
  show($('sf-role-field'), isOwner() && !self);
}

function renderPeople() {
  $('staff-list').replaceChildren(table([t('staff.name'), t('common.email'), t('staff.role'), t('col.bookingLink'), ''], state.staff.map((s) => [
    h('span', {}, s.name, s.bio ? h('br') : null, s.bio ? h('span', { class: 'muted', text: s.bio }) : null),
    s.email,
    label('role', s.role),
    s.bookingLink ? h('a', { href: s.bookingLink, target: '_blank', rel: 'noopener', text: t('col.bookingPage') }) : '',
    h('span', { class: 'row-actions' },
      isOwner() || s.staffId === me()?.staffId ? rowButton(t('common.edit'), t('common.editAria', { name: s.name }), () => editStaff(s)) : null,
      isOwner() && s.role !== 'OWNER' ? rowButton(t('common.delete'), t('common.deleteAria', { name: s.name }), () => removeAfterAsking(
        t('staff.confirmDelete', { name: s.name }), () => api('DELETE', `/studios/${S()}/staff/${enc(s.staffId)}`),
        t('staff.deleted', { name: s.name }), refreshPeople), 'danger') : null),
  ]), t('people.staff')));
  $('location-list').replaceChildren(table([t('location.name'), t('location.address'), t('col.online'), t('location.notes'), ''], state.locations.map((l) => [
    l.name, l.address ?? '', l.online ? t('common.yes') : t('common.no'), l.notes ?? '',
    h('span', { class: 'row-actions' },
      rowButton(t('common.edit'), t('common.editAria', { name: l.name }), () => editLocation(l)),
      rowButton(t('common.delete'), t('common.deleteAria', { name: l.name }), () => removeAfterAsking(
        t('location.confirmDelete', { name: l.name }), () => api('DELETE', `/studios/${S()}/locations/${enc(l.locationId)}`),
        t('location.deleted', { name: l.name }), refreshPeople), 'danger')),
  ]), t('people.locations')));
  syncStaffForm();
  for (const id of ['staff-form', 'location-form']) refreshEditHeading($(id));
}

function editStaff(s) {
  const form = $('staff-form');
  setEditing(form, s);
  form.elements.name.value = s.name ?? '';
  form.elements.email.value = s.email ?? '';
  form.elements.role.value = s.role ?? 'STAFF';
  form.elements.bio.value = s.bio ?? '';
}

function editLocation(l) {
  const form = $('location-form');
  setEditing(form, l);
  form.elements.name.value = l.name ?? '';
  form.elements.address.value = l.address ?? '';
  form.elements.online.checked = Boolean(l.online);
  form.elements.notes.value = l.notes ?? '';
}

async function addStaff(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  const item = editing[form.id];
  await submitting(form, async () => {
    if (item) {
      const body = { name: f.name.value.trim(), bio: f.bio.value.trim() };
      if (isOwner()) body.email = f.email.value.trim();
      if (isOwner() && item.staffId !== me()?.staffId) body.role = f.role.value;
      const changed = await api('PUT', `/studios/${S()}/staff/${enc(item.staffId)}`, { body });
      notice(t('staff.changed', { name: changed.name }), 'success');
      setEditing(form, null);
    } else {
      const body = { name: f.name.value.trim(), email: f.email.value.trim(), role: f.role.value };
      if (f.bio.value.trim()) body.bio = f.bio.value.trim();
      const added = await api('POST', `/studios/${S()}/staff`, { body });
      notice(t('staff.added', { name: added.name, email: added.email }), 'success');
      form.reset();
    }
    await refreshPeople();
  });
}

async function addLocation(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  const item = editing[form.id];
  await submitting(form, async () => {
    const body = { name: f.name.value.trim(), online: f.online.checked };
    if (item) {
      body.address = f.address.value.trim();
      body.notes = f.notes.value.trim();
      const changed = await api('PUT', `/studios/${S()}/locations/${enc(item.locationId)}`, { body });
      notice(t('location.changed', { name: changed.name }), 'success');
      setEditing(form, null);
    } else {
      if (f.address.value.trim()) body.address = f.address.value.trim();
      if (f.notes.value.trim()) body.notes = f.notes.value.trim();
      const added = await api('POST', `/studios/${S()}/locations`, { body });
      notice(t('location.added', { name: added.name }), 'success');
      form.reset();
    }
    await refreshPeople();
  });
}

function fillStaffAndLocationPickers() {
  const options = (items, id, name, empty) => [
    empty ? h('option', { value: '', text: empty }) : null,
    ...items.map((item) => h('option', { value: item[id], text: item[name] })),
  ].filter(Boolean);
  const keep = (select, build) => {
    const previous = select.value;
    select.replaceChildren(...build);
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
  };
  keep($('ns-instructor'), options(state.staff, 'staffId', 'name'));
  keep($('ns-location'), options(state.locations.filter((l) => !l.online), 'locationId', 'name', t('location.choose')));
  // the owner sets anyone's hours; a staff member only their own (the API refuses the others)
  keep($('av-staff'), options(isOwner() ? state.staff : state.staff.filter((s) => s.staffId === me()?.staffId), 'staffId', 'name'));
  const checks = (container, items, id, name, prefix, field) => {
    const checked = new Set([...container.querySelectorAll('input:checked')].map((c) => c.value));
    container.replaceChildren(...items.map((item) => {
      const inputId = `${prefix}-${item[id]}`;
      return h('div', { class: 'choice' },
        h('input', { type: 'checkbox', id: inputId, name: field, value: item[id], checked: checked.has(item[id]) }),
        h('label', { for: inputId, text: item[name] }));
    }));
  };
  checks($('sv-staff'), state.staff, 'staffId', 'name', 'sv-staff', 'staffIds');
  checks($('sv-locations'), state.locations, 'locationId', 'name', 'sv-location', 'locationIds');
}

// ---------------------------------------------------------------------------------------------
// Services and availability

async function loadServices() {
  const list = $('service-list');
  list.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  try {
    const answer = await api('GET', `/studios/${S()}/services`);
    state.services = answer.services ?? [];
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }));
    return;
  }
  renderServices();
  if ($('av-staff').value) loadAvailability();
}

function renderServices() {
  const headers = [t('col.service'), t('col.duration'), t('common.price'), t('service.givenBy'), t('service.where'), t('col.bookingPage'), ''];
  $('service-list').replaceChildren(table(headers, state.services.map((s) => [
    h('span', {}, s.name, h('br'), h('span', { class: 'muted', text: s.collection ?? t('service.noCollection') })),
    timingText(s),
    nowrap(money(s.price)),
    (s.staffIds ?? []).map(staffName).join(', '),
    (s.locationIds ?? []).length ? s.locationIds.map(locationName).join(', ') : t('service.whereTheyWork'),
    s.bookableOnline ? h('a', { href: s.bookingLink, target: '_blank', rel: 'noopener', text: t('common.open') }) : t('service.staffOnly'),
    h('span', { class: 'row-actions' },
      rowButton(t('common.edit'), t('common.editAria', { name: s.name }), () => editService(s)),
      rowButton(t('common.delete'), t('common.deleteAria', { name: s.name }), () => removeAfterAsking(
        t('service.confirmDelete', { name: s.name }), () => api('DELETE', `/studios/${S()}/services/${enc(s.serviceId)}`),
        t('service.deleted', { name: s.name }), loadServices), 'danger')),
  ]), t('services.title'), t('service.none')));
  refreshEditHeading($('service-form'));
}

/** The service's price as typed in a form: major units (250.00), without grouping. */
function majorUnits(m) {
  if (!m) return '';
  const digits = minorDigits(m.currency);
  return (m.amount / 10 ** digits).toFixed(digits);
}

function editService(s) {
  const form = $('service-form');
  setEditing(form, s);
  const f = form.elements;
  f.name.value = s.name ?? '';
  f.collection.value = s.collection ?? '';
  f.durationMinutes.value = s.durationMinutes ?? '';
  f.price.value = majorUnits(s.price);
  f.bufferBeforeMinutes.value = s.bufferBeforeMinutes ?? 0;
  f.bufferAfterMinutes.value = s.bufferAfterMinutes ?? 0;
  f.slotStepMinutes.value = s.slotStepMinutes ?? 15;
  f.description.value = s.description ?? '';
  f.bookableOnline.checked = s.bookableOnline !== false;
  for (const box of form.querySelectorAll('input[name="staffIds"]')) box.checked = (s.staffIds ?? []).includes(box.value);
  for (const box of form.querySelectorAll('input[name="locationIds"]')) box.checked = (s.locationIds ?? []).includes(box.value);
}

/** "60 min (+0/15 min buffer), a slot every 30 min" */
function timingText(s) {
  const values = { duration: s.durationMinutes, before: s.bufferBeforeMinutes, after: s.bufferAfterMinutes, step: s.slotStepMinutes };
  return s.bufferBeforeMinutes || s.bufferAfterMinutes ? t('service.timingWithBuffer', values) : t('service.timing', values);
}

async function addService(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    if (f.price.value === '') throw new InputError('price', t('service.needPrice'));
    const body = {
      name: f.name.value.trim(),
      durationMinutes: integer(f.durationMinutes.value),
      price: { amount: minorUnits(f.price.value, 'price'), currency: state.settings.currency },
      bufferBeforeMinutes: integer(f.bufferBeforeMinutes.value) ?? 0,
      bufferAfterMinutes: integer(f.bufferAfterMinutes.value) ?? 0,
      slotStepMinutes: integer(f.slotStepMinutes.value) ?? 15,
      staffIds: [...form.querySelectorAll('input[name="staffIds"]:checked')].map((c) => c.value),
      locationIds: [...form.querySelectorAll('input[name="locationIds"]:checked')].map((c) => c.value),
      bookableOnline: f.bookableOnline.checked,
    };
    if (body.staffIds.length === 0) throw new InputError('staffIds', t('service.needStaff'));
    const item = editing[form.id];
    if (item) {
      body.collection = f.collection.value.trim() || null;
      body.description = f.description.value.trim() || null;
    } else {
      if (f.collection.value.trim()) body.collection = f.collection.value.trim();
      if (f.description.value.trim()) body.description = f.description.value.trim();
    }
    if (body.durationMinutes === undefined) delete body.durationMinutes;
    if (item) {
      const changed = await api('PUT', `/studios/${S()}/services/${enc(item.serviceId)}`, { body });
      notice(t('service.changed', { name: changed.name }), 'success');
      setEditing(form, null);
    } else {
      const added = await api('POST', `/studios/${S()}/services`, { body });
      notice(t('service.added', { name: added.name }), 'success');
      form.reset();
    }
    await loadServices();
  });
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const hhmm = (time) => String(time ?? '').slice(0, 5);

async function loadAvailability() {
  const staffId = $('av-staff').value;
  const form = $('availability-form');
  clearFormErrors(form);
  if (!staffId) return;
  $('av-rows').replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  let a;
  try {
    a = await api('GET', `/studios/${S()}/staff/${enc(staffId)}/availability`);
  } catch (e) {
    if ($('av-staff').value !== staffId) return;
    $('av-rows').replaceChildren();
    showError(form, e);
    return;
  }
  if ($('av-staff').value !== staffId) return; // another staff member was chosen meanwhile
  state.availability = a;
  showAvailabilityNote();
  $('av-rows').replaceChildren();
  for (const block of a.weekly ?? []) addAvailabilityRow(block);
  if (!(a.weekly ?? []).length) $('av-rows').append(h('p', { class: 'muted empty', text: t('availability.none') }));
  $('av-overrides').replaceChildren();
  for (const o of a.overrides ?? []) {
    if (!(o.intervals ?? []).length) addOverrideRow({ date: o.date, dayOff: true });
    for (const i of o.intervals ?? []) addOverrideRow({ date: o.date, dayOff: false, start: hhmm(i.start), end: hhmm(i.end), locationId: i.locationId });
  }
  if (!(a.overrides ?? []).length) $('av-overrides').append(h('p', { class: 'muted empty', text: t('availability.noOverrides') }));
  $('av-timeoff').replaceChildren();
  for (const off of a.timeOff ?? []) addTimeOffRow({ start: zonedParts(off.start), end: zonedParts(off.end) });
  if (!(a.timeOff ?? []).length) $('av-timeoff').append(h('p', { class: 'muted empty', text: t('availability.noTimeOff') }));
}

/** An instant as the date and wall-clock time in the studio's zone. */
function zonedParts(iso) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone(), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${pad(+p.hour % 24)}:${p.minute}` };
}

const avField = (labelText, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: labelText }), control);
const avClock = (id, part, value) => h('input', {
  id, class: 'clock', 'data-part': part, value: clockText(value) || value, placeholder: clockText('18:00'),
  inputmode: 'numeric', autocomplete: 'off', maxlength: 8, required: true,
});
const avDate = (id, part, value) => h('input', { id, type: 'date', 'data-part': part, value, required: true });
const avLocations = (id, value) => {
  const select = h('select', { id, 'data-part': 'locationId' }, state.locations.map((l) => h('option', { value: l.locationId, text: l.name })));
  if (value) select.value = value;
  return select;
};
const defaultLocation = () => state.locations.find((l) => !l.online)?.locationId;

/** A date with other hours (one interval per row; rows of one date make one override), or a day off. */
function addOverrideRow(o = { date: addDays(state.today, 7), dayOff: true }) {
  $('av-overrides').querySelector('.empty')?.remove();
  const n = ++rowIds;
  const hours = [
    avField(t('common.from'), avClock(`ov-start-${n}`, 'start', o.start ?? '10:00')),
    avField(t('common.to'), avClock(`ov-end-${n}`, 'end', o.end ?? '14:00')),
    avField(t('session.location'), avLocations(`ov-location-${n}`, o.locationId ?? defaultLocation())),
  ];
  const dayOff = h('input', { type: 'checkbox', id: `ov-off-${n}`, 'data-part': 'dayOff', checked: Boolean(o.dayOff) });
  const sync = () => { for (const f of hours) show(f, !dayOff.checked); };
  dayOff.addEventListener('change', sync);
  const row = h('div', { class: 'av-row override-row' },
    avField(t('availability.date'), avDate(`ov-date-${n}`, 'date', o.date)),
    h('div', { class: 'choice' }, dayOff, h('label', { for: dayOff.id, text: t('availability.dayOff') })),
    ...hours,
    h('button', { type: 'button', class: 'button small secondary', text: t('availability.remove'), 'aria-label': t('availability.removeDateAria'), onclick: () => row.remove() }));
  sync();
  $('av-overrides').append(row);
  return row;
}

/** Time off from a date and time to a date and time, in the studio's zone (a whole day: 00:00 to 00:00 the next day). */
function addTimeOffRow(off = { start: { date: addDays(state.today, 1), time: '00:00' }, end: { date: addDays(state.today, 2), time: '00:00' } }) {
  $('av-timeoff').querySelector('.empty')?.remove();
  const n = ++rowIds;
  const row = h('div', { class: 'av-row timeoff-row' },
    avField(t('availability.offFrom'), avDate(`to-start-${n}`, 'startDate', off.start.date)),
    avField(t('availability.atTime'), avClock(`to-start-time-${n}`, 'startTime', off.start.time)),
    avField(t('availability.offUntil'), avDate(`to-end-${n}`, 'endDate', off.end.date)),
    avField(t('availability.atTime'), avClock(`to-end-time-${n}`, 'endTime', off.end.time)),
    h('button', { type: 'button', class: 'button small secondary', text: t('availability.remove'), 'aria-label': t('availability.removeTimeOffAria'), onclick: () => row.remove() }));
  $('av-timeoff').append(row);
  return row;
}

/** The override rows as the API takes them, one override per date; names each control after its place, for errors. */
function overridesTyped() {
  const overrides = [];
  const byDate = new Map();
  for (const row of $('av-overrides').querySelectorAll('.override-row')) {
    const part = (name) => row.querySelector(`[data-part="${name}"]`);
    const date = part('date').value;
    if (!date) {
      part('date').name = `overrides[${overrides.length}].date`;
      throw new InputError(part('date').name, t('availability.needDate'));
    }
    let o = byDate.get(date);
    if (!o) {
      o = { date, intervals: [] };
      byDate.set(date, o);
      overrides.push(o);
    }
    const g = overrides.indexOf(o);
    part('date').name = `overrides[${g}].date`;
    if (part('dayOff').checked) continue;
    const j = o.intervals.length;
    for (const name of ['start', 'end', 'locationId']) part(name).name = `overrides[${g}].intervals[${j}].${name}`;
    o.intervals.push({
      start: clockValue(part('start'), part('start').name), end: clockValue(part('end'), part('end').name), locationId: part('locationId').value,
    });
  }
  return overrides;
}

function timeOffTyped() {
  return [...$('av-timeoff').querySelectorAll('.timeoff-row')].map((row, i) => {
    const part = (name) => row.querySelector(`[data-part="${name}"]`);
    part('startDate').name = `timeOff[${i}].start`;
    part('endDate').name = `timeOff[${i}].end`;
    if (!part('startDate').value) throw new InputError(`timeOff[${i}].start`, t('availability.needDate'));
    if (!part('endDate').value) throw new InputError(`timeOff[${i}].end`, t('availability.needDate'));
    return {
      start: zonedIso(part('startDate').value, clockValue(part('startTime'), `timeOff[${i}].start`), zone()),
      end: zonedIso(part('endDate').value, clockValue(part('endTime'), `timeOff[${i}].end`), zone()),
    };
  });
}

function showAvailabilityNote() {
  if (!state.availability) return;
  $('av-note').textContent = zoneNote();
}

let rowIds = 0;
function addAvailabilityRow(block = { day: 'MONDAY', start: '09:00', end: '17:00', locationId: state.locations.find((l) => !l.online)?.locationId }) {
  $('av-rows').querySelector('.empty')?.remove();
  const n = ++rowIds;
  const field = (labelText, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: labelText }), control);
  const clock = (id, part, value) => h('input', {
    id, class: 'clock', 'data-part': part, value: clockText(value) || value, placeholder: clockText('18:00'),
    inputmode: 'numeric', autocomplete: 'off', maxlength: 8, required: true,
  });
  const row = h('div', { class: 'av-row' },
    field(t('availability.day'), h('select', { id: `av-day-${n}`, 'data-part': 'day' },
      DAYS.map((d) => h('option', { value: d, text: weekdayName(d) })))),
    field(t('common.from'), clock(`av-start-${n}`, 'start', hhmm(block.start))),
    field(t('common.to'), clock(`av-end-${n}`, 'end', hhmm(block.end))),
    field(t('session.location'), h('select', { id: `av-location-${n}`, 'data-part': 'locationId' },
      state.locations.map((l) => h('option', { value: l.locationId, text: l.name })))),
    h('button', { type: 'button', class: 'button small secondary', text: t('availability.remove'), 'aria-label': t('availability.removeAria'), onclick: () => row.remove() }));
  row.querySelector('[data-part="day"]').value = block.day;
  if (block.locationId) row.querySelector('[data-part="locationId"]').value = block.locationId;
  $('av-rows').append(row);
  renumberAvailabilityRows();
  return row;
}

/** The rows as typed (times as "HH:MM" when they read as a time, else as typed). */
function availabilityRows() {
  const time = (row, part) => {
    const text = row.querySelector(`[data-part="${part}"]`).value;
    return parseClock(text) ?? text;
  };
  return [...$('av-rows').querySelectorAll('.av-row')].map((row) => ({
    day: row.querySelector('[data-part="day"]').value,
    start: time(row, 'start'),
    end: time(row, 'end'),
    locationId: row.querySelector('[data-part="locationId"]').value,
  }));
}

/** After a change of language: the same rows, labelled anew. */
function rebuildAvailabilityRows() {
  showAvailabilityNote();
  const typed = (row, part) => row.querySelector(`[data-part="${part}"]`);
  const clock = (row, part) => parseClock(typed(row, part).value) ?? typed(row, part).value;
  const overrides = [...$('av-overrides').querySelectorAll('.override-row')].map((row) => ({
    date: typed(row, 'date').value, dayOff: typed(row, 'dayOff').checked,
    start: clock(row, 'start'), end: clock(row, 'end'), locationId: typed(row, 'locationId').value,
  }));
  const timeOff = [...$('av-timeoff').querySelectorAll('.timeoff-row')].map((row) => ({
    start: { date: typed(row, 'startDate').value, time: clock(row, 'startTime') },
    end: { date: typed(row, 'endDate').value, time: clock(row, 'endTime') },
  }));
  if (overrides.length) {
    $('av-overrides').replaceChildren();
    for (const o of overrides) addOverrideRow(o);
  } else {
    $('av-overrides').querySelector('.empty')?.replaceChildren(t('availability.noOverrides'));
  }
  if (timeOff.length) {
    $('av-timeoff').replaceChildren();
    for (const off of timeOff) addTimeOffRow(off);
  } else {
    $('av-timeoff').querySelector('.empty')?.replaceChildren(t('availability.noTimeOff'));
  }
  const rows = availabilityRows();
  if (rows.length === 0) {
    $('av-rows').querySelector('.empty')?.replaceChildren(t('availability.none'));
    return;
  }
  $('av-rows').replaceChildren();
  for (const block of rows) addAvailabilityRow(block);
}

/** Names rows weekly[i].day etc., so an error about weekly[1].end lands on its input. */
function renumberAvailabilityRows() {
  [...$('av-rows').querySelectorAll('.av-row')].forEach((row, i) => {
    for (const control of row.querySelectorAll('[data-part]')) control.name = `weekly[${i}].${control.dataset.part}`;
  });
}

async function saveAvailability(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const staffId = $('av-staff').value;
  renumberAvailabilityRows();
  await submitting(form, async () => {
    if (!staffId) throw new InputError('staffId', t('availability.needStaff'));
    const weekly = [...$('av-rows').querySelectorAll('.av-row')].map((row, i) => ({
      day: row.querySelector('[data-part="day"]').value,
      start: clockValue(row.querySelector('[data-part="start"]'), `weekly[${i}].start`),
      end: clockValue(row.querySelector('[data-part="end"]'), `weekly[${i}].end`),
      locationId: row.querySelector('[data-part="locationId"]').value,
    }));
    const body = { weekly, overrides: overridesTyped(), timeOff: timeOffTyped() };
    state.availability = await api('PUT', `/studios/${S()}/staff/${enc(staffId)}/availability`, { body });
    notice(t('availability.saved', { name: staffName(staffId) }), 'success');
    await loadAvailability();
  });
}

// ---------------------------------------------------------------------------------------------
// Clients: their wallets (passes, credits, history), and the pass types and credit packs on sale

/** The history line's kind for people (WalletEntry.kind): literal keys, so no raw value is shown. */
const WALLET_KINDS = {
  CREDITS_GRANTED: () => t('wallet.creditsGranted'),
  CREDITS_SPENT: () => t('wallet.creditsSpent'),
  CREDITS_RETURNED: () => t('wallet.creditsReturned'),
  PASS_ISSUED: () => t('wallet.passIssued'),
  PASS_ENTRY_USED: () => t('wallet.passEntryUsed'),
  PASS_ENTRY_RETURNED: () => t('wallet.passEntryReturned'),
};
const walletKind = (kind) => WALLET_KINDS[kind]?.() ?? t('wallet.other');

async function loadClients() {
  const list = $('client-list');
  installClientSearch(list, loadClients);
  list.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  try {
    const [clients, passTypes, packs] = await Promise.all([
      api('GET', `/studios/${S()}/clients?${query({ q: clientSearch() })}`),
      api('GET', `/studios/${S()}/pass-types`),
      api('GET', `/studios/${S()}/credit-packs`),
    ]);
    state.clients = clients.clients ?? [];
    state.passTypes = passTypes.passTypes ?? [];
    state.creditPacks = packs.creditPacks ?? [];
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }));
    return;
  }
  // each client's wallet, for the balance in the list
  state.wallets = new Map(await Promise.all(state.clients.map(async (c) => {
    try {
      return [c.clientId, await api('GET', `/studios/${S()}/clients/${enc(c.clientId)}/wallet`)];
    } catch {
      return [c.clientId, null];
    }
  })));
  renderClients();
}

/** "2 passes (7 entries left)" */
function passesText(wallet) {
  const usable = (wallet?.passes ?? []).filter((p) => p.entriesLeft > 0 && Date.parse(p.validUntil) > Date.now());
  if (!usable.length) return t('wallet.noPasses');
  return plural('wallet.passCount', usable.length, { entries: usable.reduce((sum, p) => sum + p.entriesLeft, 0) });
}

function renderClients() {
  show($('pass-type-form'), isOwner());
  show($('credit-pack-form'), isOwner());
  $('client-list').replaceChildren(table([t('detail.client'), t('common.email'), t('detail.phone'), t('detail.bookings'),
    t('clients.credits'), t('clients.passes'), ''], (state.clients ?? []).map((c) => {
    const wallet = state.wallets?.get(c.clientId);
    return [
      c.name ?? '',
      c.email,
      c.phone ?? '',
      String(c.bookings ?? 0),
      wallet ? plural('credits.count', wallet.credits ?? 0) : '',
      wallet ? passesText(wallet) : '',
      rowButton(t('clients.wallet'), t('clients.walletAria', { email: c.email }), () => openWallet(c)),
    ];
  }), t('tab.clients'), t('clients.none')));
  $('pass-type-list').replaceChildren(table([t('clients.passName'), t('clients.entries'), t('clients.validDays'), t('common.price')],
    (state.passTypes ?? []).map((p) => [p.name, String(p.entries), String(p.validDays), nowrap(money(p.price))]),
    t('clients.passTypes'), t('clients.noPassTypes')));
  $('credit-pack-list').replaceChildren(table([t('clients.packName'), t('clients.credits'), t('common.price')],
    (state.creditPacks ?? []).map((p) => [p.name, String(p.credits), nowrap(money(p.price))]),
    t('clients.creditPacks'), t('clients.noCreditPacks')));
  const keep = (select, options) => {
    const previous = select.value;
    select.replaceChildren(...options);
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
  };
  keep($('ip-type'), (state.passTypes ?? []).map((p) => h('option', { value: p.passTypeId, text: `${p.name} · ${money(p.price)}` })));
  keep($('gc-pack'), [h('option', { value: '', text: t('clients.noPack') }),
    ...(state.creditPacks ?? []).map((p) => h('option', { value: p.packId, text: `${p.name} · ${money(p.price)}` }))]);
  if (state.client) renderWallet();
}

async function openWallet(client) {
  state.client = client;
  try {
    state.wallets.set(client.clientId, await api('GET', `/studios/${S()}/clients/${enc(client.clientId)}/wallet`));
  } catch (e) {
    notice(errorText(e.code), 'error');
    return;
  }
  renderWallet();
  show($('client-list-panel'), false);
  show($('wallet-panel'));
  $('wallet-title').focus();
  showClientBookings(client, $('wallet-panel'));
}

function closeWallet() {
  state.client = null;
  show($('wallet-panel'), false);
  show($('client-list-panel'));
  loadClients();
}

function renderWallet() {
  const c = state.client;
  const w = state.wallets.get(c.clientId) ?? { credits: 0, passes: [], history: [] };
  $('wallet-title').textContent = t('clients.walletOf', { email: c.email });
  $('wallet-facts').replaceChildren(facts([
    [t('common.email'), c.email],
    [t('clients.credits'), plural('credits.count', w.credits ?? 0)],
    [t('clients.passes'), passesText(w)],
  ]));
  $('wallet-passes').replaceChildren(table([t('clients.passName'), t('clients.entriesLeft'), t('clients.validUntil', { zone: zoneName(zone()) })],
    (w.passes ?? []).map((p) => [p.name, t('clients.entriesOf', { left: p.entriesLeft, entries: p.entries }), nowrap(whenText(p.validUntil))]),
    t('clients.passes'), t('clients.noPasses')));
  $('wallet-history').replaceChildren(table([whenHeader(), t('clients.what'), t('clients.credits'), t('clients.entries'), t('clients.note')],
    [...(w.history ?? [])].reverse().map((x) => [
      nowrap(whenText(x.at)), walletKind(x.kind), x.credits ? signed(x.credits) : '', x.entries ? signed(x.entries) : '', x.description ?? '',
    ]), t('clients.history'), t('clients.noHistory')));
  show($('issue-pass-form'), (state.passTypes ?? []).length > 0);
}

const signed = (n) => (n > 0 ? `+${n}` : String(n));

async function addClient(event) {
  event.preventDefault();
  const form = event.currentTarget;
  await submitting(form, async () => {
    const email = form.elements.email.value.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new InputError('email', t('signin.invalidEmail'));
    const added = await api('POST', `/studios/${S()}/clients`, { body: { email } });
    notice(t('clients.added', { email: added.email }), 'success');
    form.reset();
    await loadClients();
  });
}

async function issuePass(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const c = state.client;
  await submitting(form, async () => {
    const body = { passTypeId: form.elements.passTypeId.value, note: form.elements.note.value.trim() || null };
    if (!body.passTypeId) throw new InputError('passTypeId', t('clients.needPassType'));
    await api('POST', `/studios/${S()}/clients/${enc(c.clientId)}/passes`, { body });
    notice(t('clients.passGiven', { email: c.email }), 'success');
    form.reset();
    await openWallet(c);
  });
}

async function grantCredits(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const c = state.client;
  await submitting(form, async () => {
    const packId = form.elements.packId.value;
    const credits = integer(form.elements.credits.value);
    if (packId && credits !== undefined) throw new InputError('credits', t('clients.packOrCredits'));
    if (!packId && credits === undefined) throw new InputError('credits', t('clients.needCredits'));
    const body = packId ? { packId } : { credits };
    body.note = form.elements.note.value.trim() || null;
    await api('POST', `/studios/${S()}/clients/${enc(c.clientId)}/credits`, { body });
    notice(t('clients.creditsGiven', { email: c.email }), 'success');
    form.reset();
    await openWallet(c);
  });
}

async function addPassType(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    if (f.price.value === '') throw new InputError('price', t('service.needPrice'));
    const body = {
      name: f.name.value.trim(), entries: integer(f.entries.value), validDays: integer(f.validDays.value),
      price: { amount: minorUnits(f.price.value, 'price'), currency: state.settings.currency },
    };
    const added = await api('POST', `/studios/${S()}/pass-types`, { body: dropUndefined(body) });
    notice(t('clients.passTypeAdded', { name: added.name }), 'success');
    form.reset();
    await loadClients();
  });
}

async function addCreditPack(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    if (f.price.value === '') throw new InputError('price', t('service.needPrice'));
    const body = {
      name: f.name.value.trim(), credits: integer(f.credits.value),
      price: { amount: minorUnits(f.price.value, 'price'), currency: state.settings.currency },
    };
    const added = await api('POST', `/studios/${S()}/credit-packs`, { body: dropUndefined(body) });
    notice(t('clients.creditPackAdded', { name: added.name }), 'success');
    form.reset();
    await loadClients();
  });
}

// ---------------------------------------------------------------------------------------------
// Settings

const setValue = (id, value) => { $(id).value = value ?? ''; };

/** Fills each settings form from the stored settings; after a save only the saved parts, so edits elsewhere stay. */
const SETTINGS_FILLERS = {
  'settings-general': (s) => {
    setValue('st-name', s.name);
    setValue('st-reminder', s.missingLinkReminderHours);
    fillZoneAndLanguagePickers(s);
    setValue('st-currency', s.currency);
    refreshFixedSettings(s);
  },
  'settings-reminders': (s) => {
    $('st-remind-enabled').checked = Boolean(s.clientReminders?.enabled);
    setValue('st-remind-hours', (s.clientReminders?.hoursBefore ?? [24]).join(', '));
  },
  'settings-noshow': (s) => {
    $('st-forfeit').checked = Boolean(s.noShowPolicy?.forfeit);
  },
  'settings-waitlist': (s) => {
    $('st-waitlist-enabled').checked = Boolean(s.waitlist?.enabled);
    setValue('st-waitlist-closes', s.waitlist?.closesMinutesBefore ?? 60);
  },
  'settings-notices': (s) => {
    setValue('st-notices-mode', s.instructorNotices?.mode ?? 'NONE');
    setValue('st-digest-hour', s.instructorNotices?.digestHour ?? 7);
  },
  'settings-booking': (s) => {
    setValue('st-notice', s.bookingPolicy?.minNoticeMinutes);
    setValue('st-ahead', s.bookingPolicy?.maxDaysAhead);
  },
  'settings-cancellation': (s) => {
    setValue('st-cancel-text', s.cancellationPolicy?.text);
    setValue('st-cutoff', s.cancellationPolicy?.cutoffHours);
    setValue('st-refund', s.cancellationPolicy?.refund ?? 'REFUND');
  },
  'settings-payments': (s) => {
    for (const box of $('settings-payments').querySelectorAll('input[name="paymentMethods"]')) {
      box.checked = (s.paymentMethods ?? []).includes(box.value);
    }
  },
  'settings-bank': (s) => {
    const bank = s.bankTransfer ?? { enabled: false };
    $('st-bank-enabled').checked = Boolean(bank.enabled);
    setValue('st-bank-account', bank.accountName);
    setValue('st-bank-iban', bank.iban);
    setValue('st-bank-name', bank.bankName);
    setValue('st-bank-due', bank.dueHours ?? 48);
    setValue('st-bank-lead', bank.minHoursBeforeStart ?? 24);
    setValue('st-bank-instructions', bank.instructions);
  },
  'settings-appearance': (s) => {
    setValue('st-color', s.appearance?.color ?? '#7c3aed');
    setValue('st-logo', s.appearance?.logoUrl);
    $('st-collections').checked = s.appearance?.showServiceCollections !== false;
  },
};

/** The zones the browser knows (the studio's first if it is not among them), and the languages there are bundles for. */
function fillZoneAndLanguagePickers(s) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes(s.timezone) ? zones : [s.timezone, ...zones];
  const zoneSelect = $('st-timezone');
  if (zoneSelect.options.length !== all.length) zoneSelect.replaceChildren(...all.map((z) => h('option', { value: z, text: z })));
  zoneSelect.value = s.timezone;
  const offered = languages().filter((l) => l.name);
  const languageList = offered.some((l) => l.code === s.locale) ? offered : [{ code: s.locale, name: s.locale }, ...offered];
  $('st-locale').replaceChildren(...languageList.map((l) => h('option', { value: l.code, lang: l.code, text: l.name })));
  $('st-locale').value = s.locale;
}

/** One line on the studio's zone, currency and language as stored. */
function refreshFixedSettings(s) {
  const studioLanguageName = languages().find((l) => l.code === s.locale)?.name ?? s.locale;
  $('st-fixed').textContent = t('settings.fixed', { zone: s.timezone, currency: s.currency, language: studioLanguageName });
}

async function fillSettings() {
  for (const fill of Object.values(SETTINGS_FILLERS)) fill(state.settings);
  // only the owner changes settings: staff read them, without controls the API would refuse
  for (const form of document.querySelectorAll('#panel-settings form')) {
    for (const control of form.querySelectorAll('input, select, textarea')) control.disabled = !isOwner();
    for (const actions of form.querySelectorAll('.actions')) show(actions, isOwner());
  }
  if (!state.profile) await loadProfile();
  if (!state.profile) return; // the links are a convenience
  const link = $('st-booking-link');
  link.textContent = state.profile.bookingLink;
  const safe = safeUrl(state.profile.bookingLink);
  if (safe) link.href = safe;
  await fillLinks();
}

/** The studio's, each service's and each staff member's booking link, and the widget's embed snippet. */
async function fillLinks() {
  if (!state.loaded.has('services')) {
    try {
      state.services = (await api('GET', `/studios/${S()}/services`)).services ?? [];
    } catch { /* the studio's link and the snippet are still useful */ }
  }
  const services = state.services.filter((s) => s.bookableOnline && s.bookingLink);
  const staff = state.staff.filter((s) => s.bookingLink);
  const links = [
    [t('settings.linkStudio'), state.profile?.bookingLink],
    ...services.map((s) => [t('settings.linkService', { name: s.name }), s.bookingLink]),
    ...staff.map((s) => [t('settings.linkStaff', { name: s.name }), s.bookingLink]),
  ].filter(([, url]) => safeUrl(url));
  $('st-links').replaceChildren(h('ul', { class: 'links' }, links.map(([text, url]) => h('li', {},
    h('span', { class: 'muted', text: `${text}: ` }), h('a', { href: url, target: '_blank', rel: 'noopener', text: url })))));
  fillEmbedOptions(services, staff);
  $('st-embed').value = embedSnippet();
}

/**
 * The choices the snippet carries (web/widget/embed.js reads them as data- attributes, the iframe as its query):
 * everything or one of the services or staff members that have a booking link (those listed above it), classes as a list or the week's timetable, and the
 * studio's language or another one the booking page speaks. A choice kept across refills when still offered.
 */
function fillEmbedOptions(services, staff) {
  const offer = $('em-offer');
  const chosenOffer = offer.value;
  offer.replaceChildren(h('option', { value: '', text: t('settings.embedEverything') }),
    ...services.map((s) => h('option', { value: `service:${s.serviceId}`, text: t('settings.linkService', { name: s.name }) })),
    ...staff.map((s) => h('option', { value: `staff:${s.staffId}`, text: t('settings.linkStaff', { name: s.name }) })));
  offer.value = [...offer.options].some((o) => o.value === chosenOffer) ? chosenOffer : '';
  const lang = $('em-lang');
  const chosenLang = lang.value;
  lang.replaceChildren(h('option', { value: '', text: t('settings.embedLangStudio') }),
    ...languages().filter((l) => l.name).map((l) => h('option', { value: l.code, lang: l.code, text: l.name })));
  lang.value = [...lang.options].some((o) => o.value === chosenLang) ? chosenLang : '';
}

/** The snippet's choices, as the widget's query names them. */
function embedChoices() {
  const [kind, id] = ($('em-offer').value || ':').split(':');
  return { service: kind === 'service' ? id : null, staff: kind === 'staff' ? id : null,
    view: $('em-view').value || null, lang: $('em-lang').value || null };
}

/**
 * The booking widget on the studio's own website: one script line (web/widget/embed.js puts the
 * widget's iframe there and keeps it as tall as its content), and for sites that allow no scripts of
 * others an iframe alternative, with a small listener of its own for the widget's height.
 */
function embedSnippet() {
  const widget = new URL(safeUrl(state.profile?.bookingLink) ?? `../widget/?${query({ studio: state.studioId })}`, location.href);
  const script = new URL('embed.js', widget);
  script.search = '';
  const choices = embedChoices();
  for (const [name, value] of Object.entries(choices)) if (value) widget.searchParams.set(name, value);
  const attribute = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const data = Object.entries(choices).filter(([, value]) => value)
    .map(([name, value]) => ` data-${name}="${attribute(value)}"`).join('');
  const title = t('settings.embedTitle', { name: state.settings?.name ?? '' });
  return `<script src="${attribute(script.href)}" data-studio="${attribute(state.studioId)}"${data} data-title="${attribute(title)}" async></script>

<!-- ${t('settings.embedIframe')} -->
<iframe id="studio-booking" src="${attribute(widget.href)}" title="${attribute(title)}" style="width:100%;height:720px;border:0"></iframe>
<script>addEventListener('message', (e) => { const f = document.getElementById('studio-booking');
  if (e.source === f.contentWindow && e.data && e.data.type === 'studio-booking:height') f.style.height = e.data.height + 'px'; });</script>`;
}

async function copyEmbed() {
  const box = $('st-embed');
  try {
    await navigator.clipboard.writeText(box.value);
  } catch {
    box.select(); // no clipboard permission: select it, for the browser's own copy
    document.execCommand('copy');
  }
  notice(t('settings.copied'), 'success');
}

const SETTINGS_SECTIONS = {
  'settings-general': (f) => ({
    name: f.name.value.trim(),
    timezone: f.timezone.value,
    currency: f.currency.value.trim().toUpperCase(),
    locale: f.locale.value,
    missingLinkReminderHours: integer(f.missingLinkReminderHours.value),
  }),
  'settings-reminders': (f) => {
    const typed = f['clientReminders.hoursBefore'].value.split(/[\s,;]+/).filter(Boolean);
    const hoursBefore = typed.map((x) => (/^[0-9]{1,3}$/.test(x) ? Number(x) : NaN));
    if (hoursBefore.some(Number.isNaN)) throw new InputError('clientReminders.hoursBefore', t('settings.hoursInvalid'));
    return { clientReminders: { enabled: f['clientReminders.enabled'].checked, hoursBefore } };
  },
  'settings-noshow': (f) => ({ noShowPolicy: { forfeit: f['noShowPolicy.forfeit'].checked } }),
  'settings-waitlist': (f) => ({
    waitlist: { enabled: f['waitlist.enabled'].checked, closesMinutesBefore: integer(f['waitlist.closesMinutesBefore'].value) },
  }),
  'settings-notices': (f) => ({
    instructorNotices: { mode: f['instructorNotices.mode'].value, digestHour: integer(f['instructorNotices.digestHour'].value) },
  }),
  'settings-booking': (f) => ({
    bookingPolicy: {
      minNoticeMinutes: integer(f['bookingPolicy.minNoticeMinutes'].value),
      maxDaysAhead: integer(f['bookingPolicy.maxDaysAhead'].value),
    },
  }),
  'settings-cancellation': (f) => ({
    cancellationPolicy: {
      text: f['cancellationPolicy.text'].value.trim(),
      cutoffHours: integer(f['cancellationPolicy.cutoffHours'].value),
      refund: f['cancellationPolicy.refund'].value,
    },
  }),
  'settings-payments': (f, form) => ({
    paymentMethods: [...form.querySelectorAll('input[name="paymentMethods"]:checked')].map((c) => c.value),
  }),
  'settings-bank': (f) => {
    const text = (name) => f[`bankTransfer.${name}`].value.trim() || null;
    return {
      bankTransfer: {
        enabled: f['bankTransfer.enabled'].checked,
        accountName: text('accountName'),
        iban: text('iban'),
        bankName: text('bankName'),
        dueHours: integer(f['bankTransfer.dueHours'].value) ?? 48,
        minHoursBeforeStart: integer(f['bankTransfer.minHoursBeforeStart'].value) ?? 24,
        instructions: text('instructions'),
      },
    };
  },
  'settings-appearance': (f) => ({
    appearance: {
      color: f['appearance.color'].value,
      logoUrl: f['appearance.logoUrl'].value.trim() || null,
      showServiceCollections: f['appearance.showServiceCollections'].checked,
    },
  }),
};

function dropUndefined(value) {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.currentTarget;
  await submitting(form, async () => {
    const body = dropUndefined(SETTINGS_SECTIONS[form.id](form.elements, form));
    state.settings = await api('PUT', `/studios/${S()}/settings`, { body });
    SETTINGS_FILLERS[form.id](state.settings);
    // enabling bank transfer also enables the BANK_TRANSFER payment method
    if (form.id === 'settings-bank') SETTINGS_FILLERS['settings-payments'](state.settings);
    refreshTitle();
    if (form.id === 'settings-general') {
      // a new zone or currency: every time and price label follows
      state.today = todayIn(zone());
      for (const el of document.querySelectorAll('.currency-label')) el.textContent = `(${state.settings.currency})`;
      refreshZoneTexts();
      $('st-embed').value = embedSnippet();
    }
    notice(t('settings.saved'), 'success');
  });
}

// ---------------------------------------------------------------------------------------------

function wire() {
  $('code-form').addEventListener('submit', requestCode);
  $('token-form').addEventListener('submit', exchangeCode);
  $('code-restart').addEventListener('click', () => {
    show($('token-form'), false);
    show($('code-form'));
    $('signin-email').focus();
  });
  $('sign-out').addEventListener('click', () => signOut());
  for (const tab of TABS) {
    $(`tab-${tab}`).addEventListener('click', () => selectTab(tab));
    $(`tab-${tab}`).addEventListener('keydown', tabKeys);
  }
  $('sessions-prev').addEventListener('click', () => {
    state.sessionsFrom = addDays(state.sessionsFrom, -SESSION_DAYS);
    if (state.sessionsFrom < state.today) state.sessionsFrom = state.today;
    loadSessions();
  });
  $('sessions-next').addEventListener('click', () => {
    state.sessionsFrom = addDays(state.sessionsFrom, SESSION_DAYS);
    loadSessions();
  });
  $('new-session-toggle').addEventListener('click', () => toggleSessionForm());
  initSessions({ openSession, renderSession, loadSessions, syncSessionFormat, toggleSessionForm, refreshDateHint });
  $('ns-format').addEventListener('change', syncSessionFormat);
  $('session-close').addEventListener('click', closeSession);
  $('online-access-form').addEventListener('submit', saveOnlineAccess);
  $('oa-clear').addEventListener('click', clearOnlineAccess);
  $('bookings-form').addEventListener('submit', loadBookings);
  $('bookings-export').addEventListener('click', exportBookings);
  $('staff-form').addEventListener('submit', addStaff);
  $('location-form').addEventListener('submit', addLocation);
  for (const button of document.querySelectorAll('.edit-cancel')) button.addEventListener('click', (event) => setEditing(event.currentTarget.form, null));
  $('service-form').addEventListener('submit', addService);
  $('av-staff').addEventListener('change', loadAvailability);
  $('av-add').addEventListener('click', () => addAvailabilityRow().querySelector('select').focus());
  $('av-add-override').addEventListener('click', () => addOverrideRow().querySelector('input').focus());
  $('av-add-timeoff').addEventListener('click', () => addTimeOffRow().querySelector('input').focus());
  $('availability-form').addEventListener('submit', saveAvailability);
  for (const id of Object.keys(SETTINGS_SECTIONS)) $(id).addEventListener('submit', saveSettings);
  $('st-embed-copy').addEventListener('click', copyEmbed);
  for (const id of ['em-offer', 'em-view', 'em-lang']) {
    $(id).addEventListener('change', () => { $('st-embed').value = embedSnippet(); });
  }
  $('client-form').addEventListener('submit', addClient);
  $('wallet-close').addEventListener('click', closeWallet);
  $('issue-pass-form').addEventListener('submit', issuePass);
  $('grant-credits-form').addEventListener('submit', grantCredits);
  $('pass-type-form').addEventListener('submit', addPassType);
  $('credit-pack-form').addEventListener('submit', addCreditPack);
  $('language').addEventListener('change', changeLanguage);
  document.addEventListener('input', (event) => {
    if (event.target.matches('input[type="date"]')) refreshDateHint(event.target);
  });
  document.addEventListener('change', (event) => {
    if (event.target.matches('input.clock')) refreshClock(event.target);
  });
}

async function start() {
  whenSignedOut(signOut);
  setupCalendar({ openSession, me });
  wire();
  $('signin-studio').value = state.studioId;
  await loadProfile();
  await applyLanguage();
  const saved = ID_PATTERN.test(state.studioId) ? savedSession(state.studioId) : null;
  if (saved) {
    adopt(saved);
    await enterApp();
  } else {
    showSignIn();
    if (state.openSessionId) notice(t('signin.openSession'));
    (state.studioId ? $('signin-email') : $('signin-studio')).focus();
  }
}

start();
