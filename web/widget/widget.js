// Studio Booking — the reference booking widget (plain ES module, no build step).
//
// Every call to the API goes through api(METHOD, `/path/${…}?${query({…})}`) in exactly that form:
// WebPagesTest reads these calls and checks each one against docs/openapi.yaml.
// API data only ever reaches the page as text (textContent / text nodes), never as HTML.

import { addDays, facts, h, query, safeUrl } from '../shared/dom.js';
import { send } from '../shared/http.js';

const UNREACHABLE = 'The booking service cannot be reached. Check your connection and try again.';
const DAYS_OF_SESSIONS = 14;
const DAYS_OF_SLOTS = 7;

const params = new URLSearchParams(location.search);
const state = {
  studioId: params.get('studio') ?? '',
  serviceId: params.get('service'),
  staffId: params.get('staff'),
  bookingId: params.get('booking'),
  paid: params.get('paid') === '1',
  cancelled: params.get('cancelled') === '1',
  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  profile: null,
  today: null,
  sessionsFrom: null,
  sessions: [],
  service: null,
  slotsFrom: null,
  target: null,
  attempt: null,
  bookingPolls: 0,
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// API


async function api(method, path, { token, body, idempotencyKey } = {}) {
  return send(method, path, { token, body, idempotencyKey, unreachable: UNREACHABLE });
}

const enc = encodeURIComponent;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries what may have failed in transit; with the same Idempotency-Key a retry never books twice. */
async function withRetry(call) {
  const delays = [800, 2000];
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const transient = e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504
        || e.code === 'IDEMPOTENCY_KEY_IN_USE';
      if (!transient || attempt >= delays.length) throw e;
      await sleep(delays[attempt]);
    }
  }
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Storage: guest access tokens per booking, the client token per studio (localStorage only)

const storage = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { localStorage.setItem(key, value); } catch { /* storage unavailable: the token lives for this page only */ }
  },
  remove(key) {
    try { localStorage.removeItem(key); } catch { /* ignore */ }
  },
};

const bookingTokenKey = (bookingId) => `studio-booking.booking.${bookingId}`;
const clientKey = (studioId) => `studio-booking.client.${studioId}`;

function clientSession() {
  const raw = storage.get(clientKey(state.studioId));
  if (!raw) return null;
  try {
    const session = JSON.parse(raw);
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) {
      storage.remove(clientKey(state.studioId));
      return null;
    }
    return session;
  } catch {
    storage.remove(clientKey(state.studioId));
    return null;
  }
}

const clientToken = () => clientSession()?.token ?? null;

// ---------------------------------------------------------------------------------------------
// DOM and formatting helpers

function show(el, visible = true) { el.hidden = !visible; }

function notice(message, kind = 'info') {
  const box = $('notice');
  box.textContent = message;
  box.className = `notice ${kind}`;
  show(box, Boolean(message));
}

function focusHeading(id) {
  const heading = $(id);
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  heading.focus({ preventScroll: true });
}

const pad = (n) => String(n).padStart(2, '0');
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const whenFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const calendarFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

const localDayKey = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function when(start, end) {
  const s = new Date(start);
  const text = whenFormat.format(s);
  return end ? `${text} – ${timeFormat.format(new Date(end))}` : text;
}

/** Today's date (yyyy-mm-dd) in a time zone: the API takes date ranges in the studio's zone. */
function todayIn(zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const calendarDay = (date) => calendarFormat.format(new Date(`${date}T00:00:00Z`));

function money(m) {
  if (!m || typeof m.amount !== 'number') return '';
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency });
    const digits = format.resolvedOptions().maximumFractionDigits;
    return format.format(m.amount / 10 ** digits);
  } catch {
    return `${(m.amount / 100).toFixed(2)} ${m.currency}`;
  }
}

function minutes(total) {
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

const PAYMENT_LABELS = {
  CARD: 'Card (pay online now)',
  BANK_TRANSFER: 'Bank transfer',
  PAY_AT_STUDIO: 'Pay at the studio',
  PASS: 'Pass',
  CREDITS: 'Credits',
  FREE: 'Free',
};
const METHOD_NAMES = { CARD: 'Card', BANK_TRANSFER: 'Bank transfer', PAY_AT_STUDIO: 'At the studio', PASS: 'Pass', CREDITS: 'Credits', FREE: 'Free' };
const STATUS_LABELS = { CONFIRMED: 'Confirmed', AWAITING_PAYMENT: 'Awaiting payment', CANCELLED: 'Cancelled' };
const PAYMENT_STATUS_LABELS = {
  PAID: 'Paid', UNPAID: 'Not paid yet', NOT_REQUIRED: 'No payment needed', REFUND_PENDING: 'Refund on its way',
  REFUNDED: 'Refunded', REFUND_DUE: 'Refund on its way',
};
const FORMAT_LABELS = { IN_PERSON: 'In person', ONLINE: 'Online', HYBRID: 'In person or online' };
const WALLET_LABELS = {
  CREDITS_GRANTED: 'Credits added', CREDITS_SPENT: 'Credits used', CREDITS_RETURNED: 'Credits returned',
  PASS_ISSUED: 'Pass issued', PASS_ENTRY_USED: 'Pass entry used', PASS_ENTRY_RETURNED: 'Pass entry returned',
};

function locationName(locationId) {
  const location = state.profile?.locations?.find((l) => l.locationId === locationId);
  if (!location) return null;
  return location.address ? `${location.name}, ${location.address}` : location.name;
}

// ---------------------------------------------------------------------------------------------
// The studio

async function start() {
  wireStaticHandlers();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(state.studioId)) {
    notice('This booking page needs a studio: open it with ?studio=<studio id>.', 'error');
    return;
  }
  try {
    state.profile = await api('GET', `/studios/${enc(state.studioId)}`);
  } catch (e) {
    notice(e.status === 404 ? 'There is no such studio. Check the link you followed.' : e.message, 'error');
    return;
  }
  state.today = todayIn(state.profile.timezone);
  state.sessionsFrom = state.today;
  renderStudio();
  renderAccountButton();
  if (state.bookingId) showBooking(state.bookingId);
  renderServices();
  loadSessions();
  if (state.serviceId) {
    const service = allServices().find((s) => s.serviceId === state.serviceId);
    if (service) openService(service, !state.bookingId);
    else notice('That service cannot be booked online. Choose another one below.', 'error');
  }
}

function renderStudio() {
  const p = state.profile;
  document.title = `Book at ${p.name}`;
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
  $('studio-subtitle').textContent = staff ? `Booking with ${staff.name}` : '';
  const zoneNote = `Times are shown in your time zone (${state.zone}).`;
  $('sessions-zone').textContent = zoneNote;
  $('slots-zone').textContent = zoneNote;
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
    rows.push(['Cancellation', h('span', {}, h('span', { class: 'pre', text: c.text ?? '' }),
      h('br'), h('span', { class: 'muted', text: `Cut-off: ${c.cutoffHours} hours before the start${c.refund === 'CREDIT' ? ' (you get credits back)' : ''}.` }))]);
  }
  if (p.bookingPolicy) {
    const b = p.bookingPolicy;
    rows.push(['Booking', `Book at least ${minutes(b.minNoticeMinutes)} before the start and up to ${b.maxDaysAhead} days ahead.`]);
  }
  if (p.paymentMethods?.length) {
    rows.push(['Payment', p.paymentMethods.map((m) => METHOD_NAMES[m] ?? m).join(', ')]);
  }
  if (p.bankTransfer) {
    rows.push(['Bank transfer', `Pay within ${p.bankTransfer.dueHours} hours of booking.${p.bankTransfer.instructions ? ` ${p.bankTransfer.instructions}` : ''}`]);
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
    .map((group) => ({ collection: group.collection ?? null, services: (group.services ?? []).filter(offeredBy) }))
    .filter((group) => group.services.length > 0);
  const list = $('service-list');
  list.replaceChildren();
  const byCollection = state.profile.appearance?.showServiceCollections !== false
    && groups.some((group) => group.collection !== null);
  const shown = byCollection ? groups : [{ collection: null, services: groups.flatMap((g) => g.services) }];
  for (const group of shown) {
    if (byCollection) list.append(h('h3', { class: 'collection', text: group.collection ?? 'Other' }));
    list.append(h('ul', { class: 'cards' }, group.services.map((service) => h('li', { class: 'card' },
      h('div', { class: 'card-main' },
        h('h4', { text: service.name }),
        h('p', { class: 'meta', text: [minutes(service.durationMinutes), service.price?.amount === 0 ? 'Free' : money(service.price)].filter(Boolean).join(' · ') }),
        service.description ? h('p', { class: 'description', text: service.description }) : null),
      h('button', {
        type: 'button', class: 'button', 'aria-controls': 'slots', text: 'See free times',
        'aria-label': `See free times for ${service.name}`, onclick: () => openService(service, true),
      })))));
  }
  show($('services'), shown.some((g) => g.services.length > 0));
}

function openService(service, focus) {
  state.service = service;
  state.slotsFrom = state.today;
  $('slots-title').textContent = `${service.name}: free times`;
  show($('slots'));
  loadSlots();
  if (focus) focusHeading('slots-title');
}

function lastBookableDay() {
  return addDays(state.today, state.profile.bookingPolicy?.maxDaysAhead ?? 92);
}

async function loadSlots() {
  const service = state.service;
  if (!service) return;
  const from = state.slotsFrom;
  const to = addDays(from, DAYS_OF_SLOTS - 1);
  $('slots-range').textContent = `${calendarDay(from)} – ${calendarDay(to)}`;
  $('slots-prev').disabled = from <= state.today;
  $('slots-next').disabled = addDays(to, 1) > lastBookableDay();
  const list = $('slot-list');
  list.replaceChildren(h('p', { class: 'muted', text: 'Looking for free times…' }));
  let answer;
  try {
    answer = await api('GET', `/studios/${enc(state.studioId)}/slots?${query({
      serviceId: service.serviceId, staffId: state.staffId, from, to, timezone: state.zone })}`);
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.message }));
    return;
  }
  if (state.service !== service || state.slotsFrom !== from) return; // a newer request is on its way
  const slots = answer.slots ?? [];
  if (slots.length === 0) {
    list.replaceChildren(h('p', { class: 'muted', text: 'No free times on these days. Try later dates.' }));
    return;
  }
  const showLocation = new Set(slots.map((s) => s.locationId)).size > 1;
  const days = new Map();
  for (const slot of slots) {
    const key = localDayKey(new Date(slot.start));
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(slot);
  }
  list.replaceChildren(...[...days.values()].map((daySlots) => {
    const day = dayFormat.format(new Date(daySlots[0].start));
    return h('div', { class: 'day' },
      h('h3', { text: day }),
      h('ul', { class: 'times' }, daySlots.map((slot) => {
        const time = timeFormat.format(new Date(slot.start));
        const place = showLocation ? locationName(slot.locationId) : null;
        return h('li', {}, h('button', {
          type: 'button', class: 'time',
          'aria-label': `Book ${service.name} on ${day} at ${time}${place ? `, ${place}` : ''}`,
          onclick: () => openBookingForm({ kind: 'APPOINTMENT', service, slot }),
        }, time, place ? h('span', { class: 'place', text: place }) : null));
      })));
  }));
}

// ---------------------------------------------------------------------------------------------
// Sessions (classes)

async function loadSessions() {
  const from = state.sessionsFrom;
  const to = addDays(from, DAYS_OF_SESSIONS - 1);
  $('sessions-range').textContent = `${calendarDay(from)} – ${calendarDay(to)}`;
  $('sessions-prev').disabled = from <= state.today;
  $('sessions-next').disabled = addDays(to, 1) > lastBookableDay();
  const list = $('session-list');
  show($('sessions'));
  list.replaceChildren(h('p', { class: 'muted', text: 'Loading classes…' }));
  let answer;
  try {
    answer = await api('GET', `/studios/${enc(state.studioId)}/sessions?${query({ from, to })}`);
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.message }));
    return;
  }
  if (state.sessionsFrom !== from) return;
  state.sessions = (answer.sessions ?? []).filter((s) => !state.staffId || s.instructorId === state.staffId);
  if (state.sessions.length === 0) {
    list.replaceChildren(h('p', { class: 'muted', text: 'No classes on these days.' }));
    return;
  }
  const days = new Map();
  for (const session of state.sessions) {
    const key = localDayKey(new Date(session.start));
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(session);
  }
  list.replaceChildren(...[...days.values()].map((daySessions) => h('div', { class: 'day' },
    h('h3', { text: dayFormat.format(new Date(daySessions[0].start)) }),
    h('ul', { class: 'cards' }, daySessions.map(sessionCard)))));
}

function spotsText(session) {
  if (session.status === 'CANCELLED') return 'Cancelled';
  if (session.spotsLeft === 0) return 'Full';
  const by = session.spotsLeftByFormat ?? {};
  if (session.format === 'HYBRID') return `${by.IN_PERSON ?? 0} in the room, ${by.ONLINE ?? 0} online`;
  return `${session.spotsLeft} ${session.spotsLeft === 1 ? 'spot' : 'spots'} left`;
}

function sessionPrice(session) {
  const parts = [];
  if (session.price) parts.push(session.price.amount === 0 ? 'Free' : money(session.price));
  if (session.creditPrice) parts.push(`${session.creditPrice} ${session.creditPrice === 1 ? 'credit' : 'credits'}`);
  if (parts.length === 0 && (session.paymentMethods ?? []).includes('FREE')) parts.push('Free');
  return parts.join(' or ');
}

function sessionCard(session) {
  const bookable = session.status !== 'CANCELLED' && session.spotsLeft > 0;
  const time = `${timeFormat.format(new Date(session.start))}–${timeFormat.format(new Date(session.end))}`;
  const place = session.format === 'ONLINE' ? null : locationName(session.locationId);
  return h('li', { class: 'card' },
    h('div', { class: 'card-main' },
      h('p', { class: 'time-label', text: time }),
      h('h4', { text: session.name }),
      h('p', { class: 'meta', text: [session.instructorName ? `with ${session.instructorName}` : null,
        FORMAT_LABELS[session.format] ?? session.format, place, sessionPrice(session)].filter(Boolean).join(' · ') }),
      session.description ? h('p', { class: 'description', text: session.description }) : null,
      h('p', { class: `spots${bookable ? '' : ' full'}`, text: spotsText(session) })),
    h('button', {
      type: 'button', class: 'button', disabled: !bookable, text: bookable ? 'Book' : 'Full',
      'aria-label': `Book ${session.name} on ${whenFormat.format(new Date(session.start))}`,
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
  clearErrors();
  show($('result'), false);
  let summary;
  if (target.kind === 'APPOINTMENT') {
    const { service, slot } = target;
    const staff = state.profile.staff?.find((s) => s.staffId === slot.staffId);
    summary = [service.name, when(slot.start, slot.end), staff ? `with ${staff.name}` : null, locationName(slot.locationId),
      service.price?.amount === 0 ? 'Free' : money(service.price)];
  } else {
    const s = target.session;
    summary = [s.name, when(s.start, s.end), s.instructorName ? `with ${s.instructorName}` : null,
      s.format === 'ONLINE' ? 'Online' : locationName(s.locationId), sessionPrice(s)];
  }
  $('book-title').textContent = target.kind === 'APPOINTMENT' ? `Book ${target.service.name}` : `Book ${target.session.name}`;
  $('book-summary').textContent = summary.filter(Boolean).join(' · ');

  const hybrid = target.kind === 'SESSION' && target.session.format === 'HYBRID';
  const formats = $('format-options');
  formats.replaceChildren();
  if (hybrid) {
    const by = target.session.spotsLeftByFormat ?? {};
    for (const format of ['IN_PERSON', 'ONLINE']) {
      const left = by[format] ?? 0;
      const id = `format-${format}`;
      formats.append(h('div', { class: 'choice' },
        h('input', { type: 'radio', id, name: 'format', value: format, disabled: left === 0, onchange: renderPaymentOptions }),
        h('label', { for: id, text: `${FORMAT_LABELS[format]} (${left === 0 ? 'full' : `${left} left`})` })));
    }
    const firstOpen = formats.querySelector('input:not([disabled])');
    if (firstOpen) firstOpen.checked = true;
  }
  show($('format-field'), hybrid);

  const account = clientSession();
  if (account && !$('client-email').value) $('client-email').value = account.email ?? '';
  renderPaymentOptions();
  bookingStep(true);
  focusHeading('book-title');
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
    return studioMethods.filter((m) => ['CARD', 'BANK_TRANSFER', 'PAY_AT_STUDIO'].includes(m));
  }
  const session = target.session;
  const onlineSeat = session.format === 'ONLINE' || (session.format === 'HYBRID' && chosenFormat() === 'ONLINE');
  return (session.paymentMethods ?? [])
    .filter((m) => m === 'FREE' || studioMethods.includes(m))
    .filter((m) => !(onlineSeat && m === 'PAY_AT_STUDIO'))
    .filter((m) => m !== 'CREDITS' || session.creditPrice);
}

function renderPaymentOptions() {
  const container = $('payment-options');
  const previous = container.querySelector('input:checked')?.value;
  const choices = paymentChoices();
  container.replaceChildren(...choices.map((method) => {
    const id = `pay-${method}`;
    let label = PAYMENT_LABELS[method] ?? method;
    if (method === 'CREDITS') label = `Credits (${state.target.session.creditPrice})`;
    if (method === 'PASS') label = 'An entry of your pass';
    return h('div', { class: 'choice' },
      h('input', { type: 'radio', id, name: 'paymentMethod', value: method, onchange: renderPaymentHint }),
      h('label', { for: id, text: label }));
  }));
  const keep = choices.includes(previous) ? previous : choices[0];
  const radio = [...container.querySelectorAll('input')].find((input) => input.value === keep);
  if (radio) radio.checked = true;
  $('book-submit').disabled = choices.length === 0;
  if (choices.length === 0) {
    container.append(h('p', { class: 'muted', text: 'This cannot be paid for online. Please contact the studio.' }));
  }
  renderPaymentHint();
}

function renderPaymentHint() {
  const method = $('payment-options').querySelector('input:checked')?.value;
  const hint = $('payment-hint');
  hint.replaceChildren();
  if ((method === 'PASS' || method === 'CREDITS') && !clientToken()) {
    hint.append(`Sign in to use your ${method === 'PASS' ? 'pass' : 'credits'}. `,
      h('button', { type: 'button', class: 'button link', text: 'Sign in', onclick: () => openAccount(true) }));
  } else if (method === 'CARD') {
    hint.append('You will be taken to a secure payment page.');
  } else if (method === 'BANK_TRANSFER' && state.profile.bankTransfer) {
    hint.append(`Pay within ${state.profile.bankTransfer.dueHours} hours; you get the account details after booking.`);
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
  error.textContent = capitalise(message);
  show(error);
  const input = target === 'payment' || target === 'format' ? $(`${target}-field`) : $(target);
  input.setAttribute('aria-invalid', 'true');
  const focusable = input.matches('input, textarea') ? input : input.querySelector('input:not([disabled])');
  focusable?.focus();
  return true;
}

const capitalise = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

function formError(message) {
  const box = $('book-error');
  box.textContent = message;
  show(box);
}

function validateForm(body) {
  const problems = [];
  if (state.target.kind === 'SESSION' && state.target.session.format === 'HYBRID' && !body.format) {
    problems.push(['format', 'choose in the room or online']);
  }
  if (!body.client.name) problems.push(['client.name', 'please enter your name']);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.client.email)) problems.push(['client.email', 'please enter an e-mail address such as name@example.com']);
  if (!body.paymentMethod) problems.push(['paymentMethod', 'choose how to pay']);
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
  if (!validateForm(body)) return;

  const token = clientToken();
  const idempotencyKey = idempotencyKeyFor(JSON.stringify([body, token]));
  const button = $('book-submit');
  button.disabled = true;
  button.textContent = 'Booking…';
  let booking;
  try {
    booking = await withRetry(() => api('POST', `/studios/${enc(state.studioId)}/bookings`, { body, token, idempotencyKey }));
  } catch (e) {
    bookingFailed(e);
    return;
  } finally {
    button.disabled = false;
    button.textContent = 'Book';
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
    fieldError('paymentMethod', 'your sign-in has expired; please sign in again');
    renderPaymentHint();
    return;
  }
  if (e.code === 'CLIENT_TOKEN_REQUIRED') {
    fieldError('paymentMethod', e.message);
    renderPaymentHint();
    return;
  }
  if (e.code === 'SLOT_TAKEN' || e.code === 'CAPACITY_REACHED') {
    formError(`${capitalise(e.message)}. Please choose another time.`);
    if (state.target.kind === 'APPOINTMENT') loadSlots(); else loadSessions();
    return;
  }
  if (!fieldError(e.field, e.message)) formError(capitalise(e.message));
}

function afterBooking(booking) {
  const next = booking.nextAction ?? { type: 'NONE' };
  if (next.type === 'REDIRECT') {
    const url = safeUrl(next.url ?? '');
    if (url) {
      notice('Taking you to the payment page…');
      location.assign(url);
      return;
    }
  }
  bookingStep(false);
  const body = $('result-body');
  const viewLink = h('a', { href: bookingPageUrl(booking.bookingId), text: 'View or cancel this booking' });
  if (next.type === 'BANK_TRANSFER' && next.bankTransfer) {
    $('result-title').textContent = 'Almost done: pay by bank transfer';
    body.replaceChildren(
      h('p', { text: `Your place is held until ${whenFormat.format(new Date(next.bankTransfer.dueBy))}. Please transfer the amount with the reference below so the studio can match your payment.` }),
      bankTransferFacts(next.bankTransfer),
      bookingFacts(booking),
      h('p', {}, viewLink));
  } else if (next.type === 'REDIRECT') {
    $('result-title').textContent = 'Almost done: payment';
    body.replaceChildren(h('p', { text: 'The payment page could not be opened from here.' }), h('p', {}, viewLink));
  } else {
    $('result-title').textContent = booking.status === 'CONFIRMED' ? 'You are booked' : 'Booking received';
    body.replaceChildren(
      h('p', { text: `We sent a confirmation to ${booking.client?.email ?? 'your e-mail'}.` }),
      bookingFacts(booking),
      onlineAccessBox(booking),
      h('p', {}, viewLink));
  }
  show($('result'));
  focusHeading('result-title');
  if (state.service) loadSlots();
  loadSessions();
}

function bookingPageUrl(bookingId) {
  const url = new URL(location.href);
  url.search = new URLSearchParams({ studio: state.studioId, booking: bookingId }).toString();
  url.hash = '';
  return url.href;
}

function bankTransferFacts(bt) {
  return facts([
    ['Account name', bt.accountName],
    ['IBAN', h('span', { class: 'mono', text: bt.iban })],
    ['Bank', bt.bankName],
    ['Amount', money(bt.amount)],
    ['Reference', h('span', { class: 'mono', text: bt.reference })],
    ['Pay by', whenFormat.format(new Date(bt.dueBy))],
  ]);
}

function bookingFacts(b) {
  const where = b.format === 'ONLINE' ? 'Online' : locationName(b.locationId);
  const payment = [METHOD_NAMES[b.paymentMethod] ?? b.paymentMethod, PAYMENT_STATUS_LABELS[b.paymentStatus] ?? b.paymentStatus]
    .filter(Boolean).join(' · ');
  return facts([
    ['What', b.serviceName],
    ['When', when(b.start, b.end)],
    ['With', b.staffName],
    ['Where', where],
    ['Status', STATUS_LABELS[b.status] ?? b.status],
    ['Price', b.price?.amount === 0 ? 'Free' : money(b.price)],
    ['Payment', payment],
    ['Booked for', b.client ? `${b.client.name} (${b.client.email})` : null],
    ['Notes', b.notes],
  ]);
}

function onlineAccessBox(b) {
  const access = b.onlineAccess;
  if (access?.link) {
    return h('div', { class: 'online-access' },
      h('h3', { text: 'Join online' }),
      facts([
        ['Link', h('a', { href: access.link, target: '_blank', rel: 'noopener noreferrer', text: access.link })],
        ['Instructions', access.instructions ? h('span', { class: 'pre', text: access.instructions }) : null],
        ['Password', access.password ? h('span', { class: 'mono', text: access.password }) : null],
      ]));
  }
  if (b.format === 'ONLINE' && b.status !== 'CANCELLED') {
    return h('p', { class: 'muted', text: 'The link to join appears here and is e-mailed to you once your payment is settled and the studio has added it.' });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One booking (?booking=<id>)

async function showBooking(bookingId) {
  const section = $('booking-view');
  const body = $('booking-body');
  show(section);
  const guestToken = storage.get(bookingTokenKey(bookingId));
  const token = guestToken ?? clientToken();
  if (!token) {
    body.replaceChildren(
      h('p', { text: 'This booking was made in another browser. Sign in with the e-mail you booked with to see it, or open the link from your confirmation e-mail on the device you booked with.' }),
      h('button', { type: 'button', class: 'button', text: 'Sign in', onclick: () => openAccount(true) }));
    return;
  }
  if (!body.childNodes.length) body.replaceChildren(h('p', { class: 'muted', text: 'Loading your booking…' }));
  let booking;
  try {
    booking = await api('GET', `/bookings/${enc(bookingId)}`, { token });
  } catch (e) {
    if ((e.status === 401 || e.status === 403) && !guestToken) {
      body.replaceChildren(h('p', { text: 'You cannot see this booking while signed in with this e-mail.' }));
    } else {
      body.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.status === 404 ? 'There is no such booking.' : e.message }));
    }
    return;
  }
  renderBooking(booking, token);
  if (state.paid && booking.status === 'AWAITING_PAYMENT' && state.bookingPolls < 8) {
    state.bookingPolls += 1;
    setTimeout(() => showBooking(bookingId), 1500);
  }
  if (state.bookingPolls === 0 || booking.status !== 'AWAITING_PAYMENT') focusHeading('booking-title');
}

function renderBooking(booking, token) {
  const body = $('booking-body');
  const parts = [];
  if (state.paid) {
    parts.push(booking.paymentStatus === 'PAID'
      ? h('p', { class: 'banner success', text: 'Thank you: your payment was received and your booking is confirmed.' })
      : booking.status === 'AWAITING_PAYMENT'
        ? h('p', { class: 'banner', text: 'Thank you: we are confirming your payment. This page updates by itself.' })
        : null);
  } else if (state.cancelled) {
    parts.push(h('p', { class: 'banner warning', text: booking.status === 'AWAITING_PAYMENT'
      ? 'The payment was not completed. You can try again below before your hold expires.'
      : 'The payment was not completed, so this booking is not confirmed.' }));
  }
  parts.push(bookingFacts(booking));
  if (booking.cancellation) {
    const by = { CLIENT: 'you', STAFF: 'the studio', SYSTEM: 'the booking system, because the payment was not completed' }[booking.cancellation.by]
      ?? booking.cancellation.by;
    parts.push(h('p', { text: `Cancelled on ${whenFormat.format(new Date(booking.cancellation.cancelledAt))} by ${by}${booking.cancellation.late ? ', after the free cancellation cut-off' : ''}.` }));
  }
  const next = booking.nextAction;
  if (booking.status === 'AWAITING_PAYMENT' && next?.type === 'BANK_TRANSFER' && next.bankTransfer) {
    parts.push(h('h3', { text: 'Pay by bank transfer' }), bankTransferFacts(next.bankTransfer));
  }
  if (booking.status === 'AWAITING_PAYMENT' && next?.type === 'REDIRECT' && safeUrl(next.url ?? '') && !state.paid) {
    parts.push(h('p', {}, h('a', { class: 'button', href: next.url, text: 'Pay by card now' })));
  }
  parts.push(onlineAccessBox(booking));
  if (booking.status !== 'CANCELLED') {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const policy = state.profile?.cancellationPolicy;
    parts.push(h('div', { class: 'cancel-box' },
      policy?.text ? h('p', { class: 'muted pre', text: policy.text }) : null,
      h('button', {
        type: 'button', class: 'button danger', text: 'Cancel this booking',
        onclick: (event) => cancelBooking(booking, token, event.currentTarget, error),
      }),
      error));
  }
  body.replaceChildren(...parts.filter(Boolean));
}

async function cancelBooking(booking, token, button, error) {
  if (!window.confirm('Cancel this booking?')) return;
  button.disabled = true;
  show(error, false);
  try {
    const cancelled = await api('POST', `/bookings/${enc(booking.bookingId)}/cancel`, { token });
    state.paid = false;
    state.cancelled = false;
    renderBooking(cancelled, token);
    notice('Your booking is cancelled.', 'success');
    loadSessions();
    if (state.service) loadSlots();
  } catch (e) {
    button.disabled = false;
    error.textContent = capitalise(e.message);
    show(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Account: sign in with an e-mailed code, then wallet and bookings

function renderAccountButton() {
  const button = $('account-toggle');
  button.textContent = clientSession() ? 'Your account' : 'Sign in';
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
  el.textContent = capitalise(message);
  show(el, Boolean(message));
  const input = $(id.replace(/-error$/, ''));
  if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
}

async function requestCode(event) {
  event.preventDefault();
  const email = $('signin-email').value.trim();
  accountError('signin-email-error', '');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    accountError('signin-email-error', 'please enter an e-mail address such as name@example.com');
    $('signin-email').focus();
    return;
  }
  try {
    await api('POST', `/auth/code`, { body: { studioId: state.studioId, email } });
  } catch (e) {
    accountError('signin-email-error', e.message);
    $('signin-email').focus();
    return;
  }
  $('code-sent').textContent = `We sent a sign-in code to ${email}. It is valid for a few minutes.`;
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
    accountError('signin-code-error', 'the code has 6 digits');
    $('signin-code').focus();
    return;
  }
  let answer;
  try {
    answer = await api('POST', `/auth/token`, { body: { studioId: state.studioId, email, code } });
  } catch (e) {
    accountError('signin-code-error', e.message);
    $('signin-code').focus();
    return;
  }
  if (answer.role !== 'CLIENT') {
    accountError('signin-code-error', 'this e-mail belongs to the studio\'s staff: manage the studio on the admin page, and book with another e-mail');
    return;
  }
  storage.set(clientKey(state.studioId), JSON.stringify({ token: answer.token, expiresAt: answer.expiresAt, email }));
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
}

async function loadWallet() {
  const account = clientSession();
  if (!account) return;
  show($('wallet'));
  $('signed-in-as').textContent = `Signed in as ${account.email}.`;
  const walletBody = $('wallet-body');
  const bookingsBody = $('my-bookings');
  walletBody.replaceChildren(h('p', { class: 'muted', text: 'Loading…' }));
  bookingsBody.replaceChildren();
  let wallet;
  let mine;
  try {
    [wallet, mine] = await Promise.all([
      api('GET', `/me/wallet`, { token: account.token }),
      api('GET', `/me/bookings`, { token: account.token }),
    ]);
  } catch (e) {
    if (e.status === 401) {
      signOut();
      accountError('signin-email-error', 'your sign-in has expired; please sign in again');
      return;
    }
    walletBody.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.message }));
    return;
  }
  const passes = (wallet.passes ?? []).map((p) => h('li', {
    text: `${p.name}: ${p.entriesLeft} of ${p.entries} entries left, valid until ${dateFormat.format(new Date(p.validUntil))}`,
  }));
  walletBody.replaceChildren(
    h('p', { text: `Credits: ${wallet.credits}` }),
    passes.length ? h('ul', { class: 'plain' }, passes) : h('p', { class: 'muted', text: 'No passes.' }),
    (wallet.history ?? []).length ? h('details', {},
      h('summary', { text: 'History' }),
      h('ul', { class: 'plain' }, wallet.history.slice(-20).reverse().map((entry) => h('li', {
        text: [dateFormat.format(new Date(entry.at)), WALLET_LABELS[entry.kind] ?? entry.kind,
          entry.credits ? `${entry.credits > 0 ? '+' : ''}${entry.credits} credits` : null,
          entry.entries ? `${entry.entries > 0 ? '+' : ''}${entry.entries} entries` : null,
          entry.description].filter(Boolean).join(' · '),
      })))) : null);
  const bookings = (mine.bookings ?? []).slice().sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  bookingsBody.replaceChildren(bookings.length
    ? h('ul', { class: 'plain' }, bookings.map((b) => h('li', {},
      h('a', { href: bookingPageUrl(b.bookingId), text: `${b.serviceName ?? 'Booking'}, ${when(b.start)}` }),
      ` · ${STATUS_LABELS[b.status] ?? b.status}`)))
    : h('p', { class: 'muted', text: 'No bookings yet.' }));
}

function signOut() {
  storage.remove(clientKey(state.studioId));
  renderAccountButton();
  show($('wallet'), false);
  show($('token-form'), false);
  show($('code-form'));
  if (state.target) renderPaymentHint();
}

// ---------------------------------------------------------------------------------------------

function wireStaticHandlers() {
  $('account-toggle').addEventListener('click', () => ($('account').hidden ? openAccount(true) : closeAccount()));
  $('code-form').addEventListener('submit', requestCode);
  $('token-form').addEventListener('submit', exchangeCode);
  $('code-restart').addEventListener('click', () => {
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
