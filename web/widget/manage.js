// Studio Booking widget: "manage my booking" (?studio=<s>&booking=<b>#access=<token>), the page every client
// e-mail links to, and where a card checkout returns (&paid=1 / &cancelled=1). It shows the booking's status,
// what and when, payment and what to do next; the online access exactly as the API gives it (rule 3) with a
// Join button near the start; cancel with the policy's effect shown first; reschedule to another free slot or
// session; add to calendar (.ics from the API, or Google Calendar).
// The conventions of widget.js's header hold here (api() calls in the checked form, API data as text only,
// every word from the profile's labels); `bookingView.cancelled.` + who cancelled is the one composed key.

import { addDays, facts, h, query, safeUrl } from '../shared/dom.js';
import { cancellationEffect } from '../shared/cancellation.js';
import { price, timeFormats, zoneName } from './format.js';
import {
  DAYS_OF_SESSIONS, state, $, i18n, fmt, t, plural, named, errorText, api, enc, storage, bookingTokenKey, clientToken,
  show, notice, focusHeading, todayIn, locationName, withWhom, widgetUrl, bankTransferFacts,
} from './base.js';

/** The Join button is live from this long before the start until the end. */
const JOIN_EARLY_MS = 15 * 60_000;
/** After a checkout, how often and how many times the page asks whether the payment arrived (~12 s). */
const POLL_MS = 1500;
const POLLS = 8;

let hooks = { openAccount: () => {}, switchLanguage: () => {}, changed: () => {} };
/** What the page is in the middle of: the cancel question, a reschedule form, and their outcomes. */
const view = { asking: null, moving: null, done: null, pollGaveUp: false, badLink: false, joinTimer: null };

/**
 * Called once by widget.js before anything else: a token arriving in the link's fragment (#access=…) is kept
 * for this booking and taken out of the address bar, so the address bookmarked or shared carries no token.
 */
export function installManage(widgetHooks) {
  hooks = { ...hooks, ...widgetHooks };
  takeAccessToken();
  // the link opened again in the same tab only changes the fragment: read the booking with its token
  window.addEventListener('hashchange', () => {
    if (takeAccessToken() && state.profile && state.bookingId) showBooking(state.bookingId);
  });
}

function takeAccessToken() {
  const token = new URLSearchParams(location.hash.slice(1)).get('access');
  if (!token) return false;
  if (state.bookingId) storage.set(bookingTokenKey(state.bookingId), token);
  const url = new URL(location.href);
  url.hash = '';
  history.replaceState(null, '', url.href);
  return true;
}

/** Loads booking bookingId and shows it; after a card checkout (&paid=1), asks again until the payment shows. */
export async function showBooking(bookingId) {
  const body = $('booking-body');
  show($('booking-view'));
  const guestToken = storage.get(bookingTokenKey(bookingId));
  const token = guestToken ?? clientToken();
  if (!token) {
    body.replaceChildren(
      h('p', { text: t('bookingView.otherBrowser') }),
      h('button', { type: 'button', class: 'button', text: t('account.signIn'), onclick: () => hooks.openAccount(true) }));
    return;
  }
  if (!body.childNodes.length) body.replaceChildren(h('p', { class: 'muted', text: t('bookingView.loading') }));
  let booking;
  try {
    booking = await api('GET', `/bookings/${enc(bookingId)}`, { token });
  } catch (e) {
    refused(e, Boolean(guestToken));
    return;
  }
  view.badLink = false;
  state.viewed = { booking, token };
  renderManage();
  // A link without ?lang= (a checkout coming back, an e-mail) reads in the language the client booked in.
  if (!state.lang && booking.language && booking.language !== i18n.language
      && (state.profile.languages ?? []).some((l) => l.code === booking.language)) {
    hooks.switchLanguage(booking.language);
  }
  if (state.paid && booking.status === 'AWAITING_PAYMENT') {
    if (state.bookingPolls < POLLS) {
      state.bookingPolls += 1;
      setTimeout(() => showBooking(bookingId), POLL_MS);
    } else if (!view.pollGaveUp) {
      view.pollGaveUp = true;
      renderManage();
    }
  }
  if (state.bookingPolls === 0 || booking.status !== 'AWAITING_PAYMENT') focusHeading('booking-title');
}

/** A refused read: a wrong or stale link says so once, in words, and forgets the token it carried. */
function refused(e, withGuestToken) {
  const body = $('booking-body');
  if ((e.status === 401 || e.status === 403) && withGuestToken) {
    storage.remove(bookingTokenKey(state.bookingId));
    view.badLink = true;
    body.replaceChildren(
      h('p', { class: 'form-error', role: 'alert', text: t('manage.badLink') }),
      h('button', { type: 'button', class: 'button secondary', text: t('account.signIn'), onclick: () => hooks.openAccount(true) }));
  } else if (e.status === 401 || e.status === 403) {
    body.replaceChildren(h('p', { text: t('bookingView.forbidden') }));
  } else {
    body.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.status === 404 ? t('bookingView.notFound') : errorText(e) }));
  }
}

/** Draws the booking in state.viewed in the current language and zone (widget.js calls it on a change of either). */
export function renderManage() {
  if (!state.viewed) return;
  const { booking } = state.viewed;
  clearTimeout(view.joinTimer);
  const parts = [paymentBanner(booking), statusLine(booking), bookingFacts(booking), zoneNote(booking),
    nextSteps(booking), onlineAccess(booking), calendarBox(booking), rescheduleBox(booking), cancelBox(booking)];
  $('booking-body').replaceChildren(...parts.filter(Boolean));
}

// ---------------------------------------------------------------------------------------------
// Status, facts, what next

function paymentBanner(b) {
  if (state.paid) {
    if (b.paymentStatus === 'PAID') return h('p', { id: 'manage-paid', class: 'banner success', role: 'status', text: t('bookingView.paid') });
    if (b.status !== 'AWAITING_PAYMENT') return null;
    return view.pollGaveUp
      ? h('p', { id: 'manage-confirming', class: 'banner warning', role: 'status', text: t('manage.paidSlow') })
      : h('p', { id: 'manage-confirming', class: 'banner', role: 'status', text: t('bookingView.confirming') });
  }
  if (state.cancelled) {
    return h('p', { class: 'banner warning', text: b.status === 'AWAITING_PAYMENT' ? t('bookingView.payRetry') : t('bookingView.payFailed') });
  }
  return null;
}

function statusLine(b) {
  const status = b.status === 'WAITLISTED' && b.waitlistPosition
    ? t('facts.waitlistPosition', { status: named('bookingStatus.WAITLISTED', b.status), position: b.waitlistPosition })
    : named(`bookingStatus.${b.status}`, b.status);
  return h('p', { id: 'manage-status', class: `status-line status-${b.status.toLowerCase()}` },
    h('strong', { text: status }));
}

/** A booking's status, with its place in line while it waits. */
function statusText(b) {
  return b.status === 'WAITLISTED' && b.waitlistPosition
    ? t('facts.waitlistPosition', { status: named('bookingStatus.WAITLISTED', b.status), position: b.waitlistPosition })
    : named(`bookingStatus.${b.status}`, b.status);
}

/** An online seat, or an online appointment (the API says whether its link is set, never the link itself). */
const isOnline = (b) => b.format === 'ONLINE' || (b.onlineLinkSet !== undefined && b.onlineLinkSet !== null);

/**
 * What a booking is, as the booking page and the widget's result after booking show it. The result adds the
 * status (this page has its own status line) and leaves out the due time and reference when the bank
 * transfer's details beside it already give them.
 */
export function bookingFacts(b, { withStatus = false, withPaymentDetails = true } = {}) {
  const payment = [b.paymentMethod ? named(`paymentMethod.${b.paymentMethod}`, b.paymentMethod) : null,
    b.paymentStatus ? named(`paymentStatus.${b.paymentStatus}`, b.paymentStatus) : null].filter(Boolean).join(' · ');
  return facts([
    [t('facts.what'), b.serviceName],
    [t('facts.when'), fmt.when(b.start, b.end)],
    [t('facts.with'), b.staffName],
    [t('facts.where'), isOnline(b) ? t('format.ONLINE') : locationName(b.locationId)],
    [t('facts.status'), withStatus ? statusText(b) : null],
    [t('facts.price'), b.paymentMethod === 'PASS' || b.paymentMethod === 'CREDITS' ? null : price(i18n, b.price)],
    [t('facts.payment'), payment],
    [t('manage.dueBy'), withPaymentDetails && b.paymentDueBy ? fmt.moment(b.paymentDueBy) : null],
    [t('facts.reference'), withPaymentDetails && b.reference ? h('span', { class: 'mono', text: b.reference }) : null],
    [t('facts.bookedFor'), b.client ? `${b.client.name} (${b.client.email})` : null],
    [t('facts.notes'), b.notes],
  ]);
}

/** Which clock the times above are on; an online booking also reads on the visitor's own. */
function zoneNote(b) {
  const zone = zoneName(i18n, fmt.zone);
  const lines = [state.mineTimes ? t('zone.mine', { zone }) : t('zone.studio', { zone })];
  if (isOnline(b) && !state.mineTimes && state.profile && state.profile.timezone !== state.visitorZone) {
    const mine = timeFormats(i18n, state.visitorZone);
    lines.push(t('session.yourTime', { time: `${mine.time(b.start)}–${mine.time(b.end)}`, zone: state.visitorZone }));
  }
  return h('p', { class: 'muted', text: lines.join(' ') });
}

function nextSteps(b) {
  const items = [];
  const next = b.nextAction;
  if (b.status === 'CANCELLED') {
    const c = b.cancellation;
    if (c) {
      const by = i18n.has(`bookingView.cancelled.${c.by}`) ? c.by : 'STAFF';
      items.push(h('p', { text: t(`bookingView.cancelled.${by}`, { when: fmt.moment(c.cancelledAt) }) }));
      if (c.late) items.push(h('p', { text: t('bookingView.cancelledLate') }));
    }
    const done = giveBackText(b);
    if (done) items.push(h('p', { id: 'manage-given-back', text: done }));
    items.push(h('p', {}, h('a', { href: widgetUrl({}), text: t('manage.bookAgain') })));
  } else if (b.status === 'WAITLISTED') {
    items.push(h('p', { text: t('manage.next.waitlisted') }));
  } else if (b.status === 'AWAITING_PAYMENT' && next?.type === 'BANK_TRANSFER' && next.bankTransfer) {
    items.push(h('p', {}, h('strong', { text: t('bookingView.payByTransfer') })),
      h('p', { text: t('manage.next.transfer', { when: fmt.moment(next.bankTransfer.dueBy) }) }),
      bankTransferFacts(next.bankTransfer));
  } else if (b.status === 'AWAITING_PAYMENT' && next?.type === 'REDIRECT' && safeUrl(next.url ?? '')) {
    if (!state.paid) {
      items.push(h('p', { text: b.paymentDueBy ? t('manage.next.card', { when: fmt.moment(b.paymentDueBy) }) : t('bookingView.payByCard') }),
        h('p', {}, h('a', { id: 'manage-pay', class: 'button', href: next.url, text: t('bookingView.payByCard') })));
    }
  } else if (b.status === 'AWAITING_PAYMENT') {
    items.push(h('p', { text: t('manage.next.unpaid') }));
  } else if (b.paymentMethod === 'PAY_AT_STUDIO' && b.paymentStatus === 'UNPAID') {
    items.push(h('p', { text: t('manage.next.payAtStudio', { amount: price(i18n, b.price) }) }));
  }
  if (b.status === 'CONFIRMED' && Date.parse(b.end) > Date.now()) {
    if (!isOnline(b)) {
      items.push(h('p', { text: t('manage.next.inPerson', { where: locationName(b.locationId) ?? state.profile?.name ?? '', when: fmt.moment(b.start) }) }));
    } else if (b.onlineAccess?.link) {
      items.push(h('p', { text: t('manage.next.join') }));
    }
  }
  if (!items.length) return null;
  return h('div', { class: 'next-steps' }, h('h3', { text: t('manage.next.title') }), ...items);
}

/** What a cancellation gave back, as the cancelled booking reads. */
function giveBackText(b) {
  const amount = price(i18n, b.price);
  if (b.payment?.walletReturned && b.paymentMethod === 'PASS') return t('manage.done.pass');
  if (b.payment?.walletReturned && b.paymentMethod === 'CREDITS') return plural('manage.done.credits', b.payment.creditsUsed);
  if (b.paymentMethod === 'CARD' && (b.paymentStatus === 'REFUNDED' || b.paymentStatus === 'REFUND_PENDING')) {
    return t('manage.done.card', { amount });
  }
  if (b.paymentStatus === 'REFUND_DUE') return t('manage.done.transfer', { amount });
  return null;
}

// ---------------------------------------------------------------------------------------------
// Online access: only what the API gave (rule 3), and a Join button from 15 minutes before the start

function onlineAccess(b) {
  const access = b.onlineAccess;
  if (!access?.link) {
    return isOnline(b) && b.status !== 'CANCELLED' ? h('p', { class: 'muted', text: t('online.pending') }) : null;
  }
  const now = Date.now();
  const opens = Date.parse(b.start) - JOIN_EARLY_MS;
  const ends = Date.parse(b.end);
  let join;
  if (now >= ends) {
    join = h('p', { class: 'muted', text: t('manage.joinEnded') });
  } else if (now >= opens) {
    join = h('a', { id: 'manage-join', class: 'button join', href: access.link, target: '_blank', rel: 'noopener noreferrer', text: t('manage.join') });
    view.joinTimer = setTimeout(renderManage, Math.min(ends - now + 1000, 2 ** 31 - 1));
  } else {
    join = h('div', {},
      h('button', { id: 'manage-join', type: 'button', class: 'button join', disabled: true, 'aria-describedby': 'manage-join-opens', text: t('manage.join') }),
      h('p', { id: 'manage-join-opens', class: 'muted', text: t('manage.joinOpens', { when: fmt.moment(new Date(opens).toISOString()) }) }));
    if (opens - now < 2 ** 31 - 1) view.joinTimer = setTimeout(renderManage, opens - now + 500);
  }
  return h('div', { class: 'online-access' },
    h('h3', { text: t('online.title') }),
    join,
    facts([
      [t('online.link'), h('a', { href: access.link, target: '_blank', rel: 'noopener noreferrer', text: access.link })],
      [t('online.instructions'), access.instructions ? h('span', { class: 'pre', text: access.instructions }) : null],
      [t('online.password'), access.password ? h('span', { class: 'mono', text: access.password }) : null],
    ]));
}

// ---------------------------------------------------------------------------------------------
// Add to calendar: the API's .ics (fetched with the token, saved from a Blob) or a Google Calendar link

function calendarBox(b) {
  if ((b.status !== 'CONFIRMED' && b.status !== 'AWAITING_PAYMENT') || Date.parse(b.end) <= Date.now()) return null;
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  return h('div', { class: 'calendar-box' },
    h('h3', { text: t('manage.calendar.title') }),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', id: 'manage-ics', class: 'button secondary', text: t('manage.calendar.ics'),
        onclick: (event) => downloadIcs(b, event.currentTarget, error),
      }),
      h('a', { id: 'manage-google', class: 'button secondary', href: googleCalendarUrl(b), target: '_blank', rel: 'noopener noreferrer', text: t('manage.calendar.google') })),
    error);
}

async function downloadIcs(b, button, error) {
  button.disabled = true;
  show(error, false);
  try {
    const { file, name } = await api('GET', `/bookings/${enc(b.bookingId)}/calendar.ics`, { token: state.viewed.token });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    error.textContent = errorText(e);
    show(error);
  } finally {
    button.disabled = false;
  }
}

/** A Google Calendar template link: times in UTC, the place for an in-person booking, never a token or a meeting link. */
export function googleCalendarUrl(b) {
  const utc = (instant) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const studio = state.profile?.name ?? '';
  const title = b.staffName ? t('manage.calendar.titleWith', { what: b.serviceName, who: b.staffName }) : b.serviceName;
  const details = [studio, b.reference ? `${t('facts.reference')}: ${b.reference}` : null, widgetUrl({ booking: b.bookingId })]
    .filter(Boolean).join('\n');
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE', text: title, dates: `${utc(b.start)}/${utc(b.end)}`, details,
    location: isOnline(b) ? t('format.ONLINE') : locationName(b.locationId),
  })}`;
}

// ---------------------------------------------------------------------------------------------
// Reschedule: another free slot of the same service and practitioner, or another session of the same class

/** Why the client may not move this booking now, or null when they may (the server decides in the end). */
function moveBlocked(b) {
  if (b.status !== 'CONFIRMED' && b.status !== 'AWAITING_PAYMENT') return 'hidden';
  if (b.status === 'AWAITING_PAYMENT' && b.paymentMethod === 'CARD') return 'hidden';
  if (Date.parse(b.start) <= Date.now()) return 'hidden';
  const policy = state.profile?.cancellationPolicy;
  if (policy?.cutoffHours != null && Date.parse(b.start) - Date.now() < policy.cutoffHours * 3_600_000) return 'cutoff';
  return null;
}

function rescheduleBox(b) {
  const blocked = moveBlocked(b);
  if (blocked === 'hidden') return null;
  const kind = b.kind === 'SESSION' ? 'session' : 'appointment';
  const box = h('div', { class: 'reschedule-box' }, h('h3', { text: t('manage.move.title') }));
  if (blocked === 'cutoff') {
    box.append(h('p', { class: 'muted', text: plural('manage.move.closed', state.profile.cancellationPolicy.cutoffHours) }));
    return box;
  }
  if (view.moving?.bookingId !== b.bookingId) {
    box.append(h('button', {
      type: 'button', id: 'manage-move', class: 'button secondary',
      text: kind === 'session' ? t('manage.move.openSession') : t('manage.move.openAppointment'),
      onclick: () => openMove(b),
    }));
    return box;
  }
  const m = view.moving;
  if (m.loading) {
    box.append(h('p', { class: 'muted', role: 'status', text: t('manage.move.loading') }));
    return box;
  }
  if (m.loadError) {
    box.append(h('p', { class: 'form-error', role: 'alert', text: errorText(m.loadError) }));
    return box;
  }
  if (!m.choices.length) {
    box.append(h('p', { class: 'muted', text: kind === 'session' ? t('manage.move.noSessions') : t('manage.move.noSlots') }),
      h('button', { type: 'button', class: 'button link', text: t('manage.move.back'), onclick: closeMove }));
    return box;
  }
  const select = h('select', { id: 'manage-move-choice', name: kind === 'session' ? 'sessionId' : 'start', 'aria-describedby': 'manage-move-error' });
  const groups = new Map();
  for (const choice of m.choices) {
    const day = fmt.dayKey(choice.start);
    if (!groups.has(day)) groups.set(day, h('optgroup', { label: fmt.day(choice.start) }));
    groups.get(day).append(h('option', { value: choice.value, text: choice.label }));
  }
  select.append(...groups.values());
  if (m.selected) select.value = m.selected;
  select.addEventListener('change', () => { m.selected = select.value; });
  const form = h('form', { class: 'stack', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'manage-move-choice', text: kind === 'session' ? t('manage.move.sessionLabel') : t('manage.move.slotLabel') }),
      select,
      h('p', { id: 'manage-move-error', class: 'field-error', hidden: !m.error, text: m.error ?? '' })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'manage-move-submit', class: 'button', disabled: Boolean(m.sending), text: t('manage.move.submit') }),
      h('button', { type: 'button', class: 'button secondary', text: t('manage.move.back'), onclick: closeMove })));
  form.addEventListener('submit', (event) => { event.preventDefault(); m.selected = select.value; submitMove(b); });
  box.append(form);
  return box;
}

function closeMove() {
  view.moving = null;
  renderManage();
  $('manage-move')?.focus();
}

async function openMove(b) {
  view.moving = { bookingId: b.bookingId, loading: true, choices: [] };
  view.asking = null;
  renderManage();
  try {
    view.moving.choices = b.kind === 'SESSION' ? await otherSessions(b) : await otherSlots(b);
    view.moving.selected = view.moving.choices[0]?.value;
  } catch (e) {
    view.moving.loadError = e;
  }
  view.moving.loading = false;
  renderManage();
  $('manage-move-choice')?.focus();
}

async function otherSlots(b) {
  const from = todayIn(state.profile.timezone);
  const to = addDays(from, 13);
  const answer = await api('GET', `/studios/${enc(state.studioId)}/slots?${query({ serviceId: b.serviceId, staffId: b.staffId, from, to })}`);
  return (answer.slots ?? [])
    .filter((s) => s.staffId === b.staffId && Date.parse(s.start) !== Date.parse(b.start))
    .map((s) => ({ value: s.start, start: s.start, label: fmt.when(s.start, s.end) }));
}

/** Sessions the API would take: the same class (name, price, credit price), a seat of the booking's kind, its payment accepted. */
async function otherSessions(b) {
  const from = todayIn(state.profile.timezone);
  const to = addDays(from, DAYS_OF_SESSIONS * 2 - 1);
  const answer = await api('GET', `/studios/${enc(state.studioId)}/sessions?${query({ from, to })}`);
  const current = (answer.sessions ?? []).find((s) => s.sessionId === b.sessionId);
  const seat = b.format ?? 'IN_PERSON';
  return (answer.sessions ?? [])
    .filter((s) => s.sessionId !== b.sessionId && s.name === b.serviceName && (s.status ?? 'SCHEDULED') === 'SCHEDULED')
    .filter((s) => Date.parse(s.start) > Date.now())
    .filter((s) => samePrice(s.price, b.price) && (!current || current.creditPrice === s.creditPrice))
    .filter((s) => s.format === seat || s.format === 'HYBRID')
    .filter((s) => b.paymentMethod === 'FREE' || (s.paymentMethods ?? []).includes(b.paymentMethod))
    .filter((s) => (s.spotsLeftByFormat?.[seat] ?? s.spotsLeft) > 0)
    .map((s) => ({
      value: s.sessionId, start: s.start,
      label: `${fmt.when(s.start, s.end)} · ${plural('manage.move.placesLeft', s.spotsLeftByFormat?.[seat] ?? s.spotsLeft)}`,
    }));
}

const samePrice = (a, b) => (a?.amount ?? 0) === (b?.amount ?? 0) && (a?.currency ?? '') === (b?.currency ?? a?.currency ?? '');

async function submitMove(b) {
  const m = view.moving;
  if (!m.selected) return;
  m.sending = true;
  m.error = null;
  renderManage();
  const body = b.kind === 'SESSION' ? { sessionId: m.selected } : { start: m.selected };
  try {
    const moved = await api('POST', `/bookings/${enc(b.bookingId)}/reschedule`, { token: state.viewed.token, body });
    view.moving = null;
    state.viewed = { ...state.viewed, booking: moved };
    renderManage();
    notice(() => t('manage.move.done', { when: fmt.moment(moved.start) }), 'success');
    focusHeading('booking-title');
    hooks.changed();
  } catch (e) {
    m.sending = false;
    // the refusal by its field: the time or session picked, else the whole move
    m.error = errorText(e);
    renderManage();
    $('manage-move-choice')?.focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Cancel: what the policy gives back, said before the client confirms

/** The sentences that say what cancelling now gives back, as the API will decide it (core's cancellation rules). */
export function cancelEffectTexts(b, policy, now = Date.now()) {
  const { effect, lateHours } = cancellationEffect(b, { cancellationPolicy: policy }, now);
  const amount = price(i18n, b.price);
  const texts = [];
  if (effect === 'nothingPaid') {
    texts.push(t('manage.effect.nothingPaid'));
  } else if (effect === 'forfeited') {
    texts.push(t('manage.effect.forfeited'));
  } else if (lateHours !== null) {
    texts.push(plural('manage.effect.late', lateHours));
  } else {
    if (policy?.cutoffHours != null) texts.push(plural('manage.effect.beforeCutoff', policy.cutoffHours));
    texts.push({
      card: () => t('manage.effect.card', { amount }),
      transfer: () => t('manage.effect.transfer', { amount }),
      transferCredit: () => t('manage.effect.transferCredit', { amount }),
      pass: () => t('manage.effect.pass'),
      credits: () => plural('manage.effect.credits', b.payment.creditsUsed),
    }[effect]());
  }
  return texts;
}

function cancelBox(b) {
  if (b.status === 'CANCELLED' || Date.parse(b.start) <= Date.now()) return null;
  const policy = state.profile?.cancellationPolicy;
  const box = h('div', { class: 'cancel-box' }, h('h3', { text: t('manage.cancel.title') }));
  if (view.asking !== b.bookingId) {
    box.append(h('button', {
      type: 'button', id: 'manage-cancel', class: 'button danger', text: t('bookingView.cancel'),
      onclick: () => { view.asking = b.bookingId; view.moving = null; renderManage(); $('manage-effect').focus(); },
    }));
    return box;
  }
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  box.append(
    h('div', { id: 'manage-effect', class: 'effect', tabindex: '-1' },
      h('p', {}, h('strong', { text: t('bookingView.confirmCancel') })),
      ...cancelEffectTexts(b, policy).map((text) => h('p', { text }))),
    policy?.text ? h('p', { class: 'muted pre', text: policy.text }) : null,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', id: 'manage-cancel-yes', class: 'button danger', text: t('manage.cancel.yes'),
        onclick: (event) => cancelBooking(b, event.currentTarget, error),
      }),
      h('button', {
        type: 'button', id: 'manage-cancel-no', class: 'button secondary', text: t('manage.cancel.no'),
        onclick: () => { view.asking = null; renderManage(); $('manage-cancel').focus(); },
      })),
    error);
  return box;
}

async function cancelBooking(b, button, error) {
  button.disabled = true;
  show(error, false);
  try {
    const cancelled = await api('POST', `/bookings/${enc(b.bookingId)}/cancel`, { token: state.viewed.token });
    state.paid = false;
    state.cancelled = false;
    view.asking = null;
    state.viewed = { ...state.viewed, booking: cancelled };
    renderManage();
    notice(() => t('bookingView.cancelledNotice'), 'success');
    focusHeading('booking-title');
    hooks.changed();
  } catch (e) {
    button.disabled = false;
    error.textContent = errorText(e);
    show(error);
  }
}
