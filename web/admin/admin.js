// Studio Booking — the hosted admin page for staff (plain ES module, no build step).
//
// Every call to the API goes through api(METHOD, `/path/${…}?${query({…})}`) in exactly that form:
// WebPagesTest reads these calls and checks each one against docs/openapi.yaml.
// API data only ever reaches the page as text (textContent / text nodes), never as HTML.

import { addDays, facts, h, query, safeUrl } from '../shared/dom.js';
import { ApiError, send } from '../shared/http.js';

const UNREACHABLE = 'The Studio Booking API cannot be reached. Check your connection and try again.';
const SESSION_DAYS = 28;

const params = new URLSearchParams(location.search);
const state = {
  studioId: params.get('studio') ?? '',
  openSessionId: params.get('session'),
  token: null,
  role: null,
  email: null,
  settings: null,
  staff: [],
  locations: [],
  services: [],
  today: null,
  sessionsFrom: null,
  session: null,
  availability: null,
  loaded: new Set(),
};

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// ---------------------------------------------------------------------------------------------
// API

/** Calls the API with the staff token (unless {anonymous: true}); a 401 signs out. */
async function api(method, path, { body, anonymous = false } = {}) {
  try {
    return await send(method, path, { token: anonymous ? null : state.token, body, unreachable: UNREACHABLE });
  } catch (error) {
    if (error.status === 401 && !anonymous && state.token) {
      signOut(error.code === 'TOKEN_REVOKED'
        ? 'Your access to this studio changed (removed, or a new role or e-mail). Please sign in again.'
        : 'Your sign-in has expired. Please sign in again.');
    }
    throw error;
  }
}

const S = () => enc(state.studioId);

// ---------------------------------------------------------------------------------------------
// Staff token: localStorage, one per studio, dropped when it expires

const tokenKey = (studioId) => `studio-booking.staff.${studioId}`;

function savedSession(studioId) {
  try {
    const raw = localStorage.getItem(tokenKey(studioId));
    if (!raw) return null;
    const session = JSON.parse(raw);
    if (session.token && Date.parse(session.expiresAt) > Date.now()) return session;
    localStorage.removeItem(tokenKey(studioId));
  } catch { /* storage unavailable or unreadable */ }
  return null;
}

function saveSession(session) {
  try { localStorage.setItem(tokenKey(state.studioId), JSON.stringify(session)); } catch { /* this page only */ }
}

function forgetSession() {
  try { localStorage.removeItem(tokenKey(state.studioId)); } catch { /* ignore */ }
}

// ---------------------------------------------------------------------------------------------
// DOM, forms and formatting

const show = (el, visible = true) => { el.hidden = !visible; };
const capitalise = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

let noticeTimer = null;
function notice(message, kind = 'info') {
  const box = $('notice');
  box.textContent = message;
  box.className = `notice ${kind}`;
  show(box, Boolean(message));
  clearTimeout(noticeTimer);
  if (message && kind === 'success') noticeTimer = setTimeout(() => show(box, false), 6000);
}

function clearFormErrors(form) {
  for (const el of form.querySelectorAll('.field-error.generated')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.form-error')) { el.textContent = ''; show(el, false); }
}

/** The input (or fieldset) an API error's `field` names: data-field, then name, then a parent path. */
function findField(form, field) {
  if (!field) return null;
  const escaped = CSS.escape(field);
  const found = form.querySelector(`[data-field="${escaped}"]`) ?? form.querySelector(`[name="${escaped}"]`);
  if (found) return found;
  const cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
  return cut > 0 ? findField(form, field.slice(0, cut)) : null;
}

let errorIds = 0;
function showError(form, error, field = error.field) {
  const input = findField(form, field);
  const message = capitalise(error.message);
  if (input) {
    const id = `error-${++errorIds}`;
    const p = h('p', { class: 'field-error generated', id, text: message });
    const holder = input.matches('fieldset, [data-field]') ? input : (input.closest('.field, .choice') ?? input.parentElement);
    holder.append(p);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    const focusable = input.matches('input, select, textarea') ? input : input.querySelector('input, select, textarea');
    focusable?.focus();
  }
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.textContent = input ? `Please check the highlighted field: ${message}` : (field ? `${field}: ${message}` : message);
    show(summary);
  }
}

/** Runs a form's request with its submit button disabled and errors shown next to their fields. */
async function submitting(form, work) {
  clearFormErrors(form);
  notice('');
  const button = form.querySelector('button[type="submit"]');
  if (button) button.disabled = true;
  try {
    return await work();
  } catch (e) {
    if (e instanceof ApiError || e.field !== undefined) showError(form, e);
    else showError(form, { message: String(e.message ?? e) });
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

class InputError extends Error {
  constructor(field, message) {
    super(message);
    this.field = field;
  }
}

const pad = (n) => String(n).padStart(2, '0');
const zone = () => state.settings?.timezone ?? 'UTC';
const inZone = (options) => new Intl.DateTimeFormat(undefined, { timeZone: zone(), ...options });
const whenText = (iso) => inZone({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const timeText = (iso) => inZone({ hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const dayText = (date) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

function fractionDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

function money(m) {
  if (!m) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(m.amount / 10 ** fractionDigits(m.currency));
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}

function minorUnits(text, field) {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InputError(field, 'enter an amount such as 50 or 49.90');
  return Math.round(value * 10 ** fractionDigits(state.settings.currency));
}

function integer(text) {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : undefined;
}

/** Today's date (yyyy-mm-dd) in the studio's zone. */
function todayIn(timeZone) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The zone's UTC offset in minutes at an instant. */
function offsetMinutes(timeZone, epochMs) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** A wall-clock date and time in the studio's zone as ISO-8601 with that zone's offset then. */
function zonedIso(date, time, timeZone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - offsetMinutes(timeZone, wall) * 60000;
  instant = wall - offsetMinutes(timeZone, instant) * 60000;
  const offset = offsetMinutes(timeZone, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const LABELS = {
  format: { IN_PERSON: 'In person', ONLINE: 'Online', HYBRID: 'Hybrid' },
  payment: { CARD: 'Card', BANK_TRANSFER: 'Bank transfer', PASS: 'Pass', CREDITS: 'Credits', PAY_AT_STUDIO: 'At the studio', FREE: 'Free' },
  status: { CONFIRMED: 'Confirmed', AWAITING_PAYMENT: 'Awaiting payment', CANCELLED: 'Cancelled', SCHEDULED: 'Scheduled' },
  paymentStatus: { PAID: 'Paid', UNPAID: 'Unpaid', NOT_REQUIRED: 'Not required', REFUND_PENDING: 'Refund in progress', REFUNDED: 'Refunded', REFUND_DUE: 'Refund due' },
};
const label = (kind, value) => LABELS[kind][value] ?? value ?? '';

const staffName = (id) => state.staff.find((s) => s.staffId === id)?.name ?? id ?? '';
const locationName = (id) => state.locations.find((l) => l.locationId === id)?.name ?? id ?? '';

function table(headers, rows, caption) {
  if (rows.length === 0) return h('p', { class: 'muted', text: 'Nothing here yet.' });
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', { class: 'sr-only', text: caption }) : null,
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', { scope: 'col', text: title })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

function statusBadge(kind, value) {
  return h('span', { class: `badge ${String(value).toLowerCase()}`, text: label(kind, value) });
}

// ---------------------------------------------------------------------------------------------
// Sign in

function showSignIn(message) {
  show($('app'), false);
  show($('who'), false);
  show($('signin'));
  $('studio-name').textContent = 'Sign in';
  $('signin-studio').value = state.studioId;
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
    if (!ID_PATTERN.test(studioId)) throw new InputError('studioId', 'enter the studio id (letters, digits, _ or -)');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new InputError('email', 'enter your e-mail address');
    await api('POST', `/auth/code`, { body: { studioId, email }, anonymous: true });
    state.studioId = studioId;
    state.email = email;
    $('code-sent').textContent = `If ${email} may sign in to ${studioId}, a code is on its way there.`;
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
    if (!/^[0-9]{6}$/.test(code)) throw new InputError('code', 'the code has 6 digits');
    const answer = await api('POST', `/auth/token`, { body: { studioId: state.studioId, email: state.email, code }, anonymous: true });
    if (answer.role !== 'OWNER' && answer.role !== 'STAFF') {
      throw new InputError('code', `${state.email} is not on the staff of ${state.studioId}`);
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
  show($('app'));
  show($('who'));
  $('who-text').textContent = `${state.email} · ${state.role === 'OWNER' ? 'owner' : 'staff'}`;
  notice('');
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
    if (state.token) notice(e.status === 403 ? 'This account may not manage this studio.' : e.message, 'error');
    return;
  }
  state.today = todayIn(zone());
  state.sessionsFrom = state.today;
  $('studio-name').textContent = state.settings.name;
  document.title = `${state.settings.name} · Studio admin`;
  for (const el of document.querySelectorAll('.currency-label')) el.textContent = `(${state.settings.currency})`;
  $('ns-zone').textContent = `(${zone()})`;
  fillStaffAndLocationPickers();
  selectTab('sessions', false);
  await loadSessions();
  if (state.openSessionId) {
    const id = state.openSessionId;
    state.openSessionId = null;
    openSession(id);
  }
}

// ---------------------------------------------------------------------------------------------
// Tabs

const TABS = ['sessions', 'bookings', 'people', 'services', 'settings'];

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
    ({ bookings: initBookings, people: renderPeople, services: loadServices, settings: fillSettings })[name]?.();
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

async function loadSessions() {
  const from = state.sessionsFrom;
  const to = addDays(from, SESSION_DAYS - 1);
  $('sessions-range').textContent = `${dayText(from)} – ${dayText(to)}`;
  $('sessions-prev').disabled = from <= state.today;
  const list = $('session-list');
  list.replaceChildren(h('p', { class: 'muted', text: 'Loading sessions…' }));
  let answer;
  try {
    answer = await api('GET', `/studios/${S()}/sessions?${query({ from, to })}`);
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.message }));
    return;
  }
  if (from !== state.sessionsFrom) return;
  const sessions = answer.sessions ?? [];
  list.replaceChildren(table(['When', 'Session', 'Format', 'Instructor', 'Spots left', ''], sessions.map((s) => [
    `${whenText(s.start)}–${timeText(s.end)}`,
    s.name,
    label('format', s.format),
    s.instructorName ?? staffName(s.instructorId),
    spotsLeft(s.spotsLeftByFormat, s.spotsLeft),
    h('button', {
      type: 'button', class: 'button small', text: 'Open',
      'aria-label': `Open ${s.name}, ${whenText(s.start)}`, onclick: () => openSession(s.sessionId),
    }),
  ]), 'Upcoming sessions'));
}

function spotsLeft(byFormat, total) {
  const by = byFormat ?? {};
  if (by.IN_PERSON !== undefined && by.ONLINE !== undefined) return `${by.IN_PERSON} in person, ${by.ONLINE} online`;
  return String(total ?? by.IN_PERSON ?? by.ONLINE ?? '');
}

async function openSession(sessionId) {
  if (!ID_PATTERN.test(sessionId)) {
    notice('That session id is not valid.', 'error');
    return;
  }
  if ($('panel-sessions').hidden) selectTab('sessions', false);
  let session;
  try {
    session = await api('GET', `/studios/${S()}/sessions/${enc(sessionId)}`);
  } catch (e) {
    notice(e.status === 404 ? 'There is no such session at this studio.' : e.message, 'error');
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
  $('session-facts').replaceChildren(facts([
    ['Status', statusBadge('status', s.status)],
    ['When', `${whenText(s.start)}–${timeText(s.end)} (${zone()})`],
    ['Format', label('format', s.format)],
    ['Instructor', staffName(s.instructorId)],
    ['Location', s.locationId ? locationName(s.locationId) : null],
    ['Capacity', s.format === 'HYBRID' ? `${s.capacity} in person, ${s.onlineCapacity} online` : String(s.capacity)],
    ['Spots left', spotsLeft(s.spotsLeftByFormat)],
    ['Price', s.price ? money(s.price) : null],
    ['Credit price', s.creditPrice ? String(s.creditPrice) : null],
    ['Payment methods', (s.paymentMethods ?? []).map((m) => label('payment', m)).join(', ')],
    ['Online link', online ? (s.onlineAccess?.link ? `set (version ${s.linkVersion})` : 'not set yet') : null],
    ['Description', s.description ? h('span', { class: 'pre', text: s.description }) : null],
  ]));

  const form = $('online-access-form');
  clearFormErrors(form);
  show(form, online && s.status === 'SCHEDULED');
  form.elements.link.value = s.onlineAccess?.link ?? '';
  form.elements.instructions.value = s.onlineAccess?.instructions ?? '';
  form.elements.password.value = s.onlineAccess?.password ?? '';
  $('oa-clear').disabled = !s.onlineAccess?.link;

  const participants = s.participants ?? [];
  $('participants').replaceChildren(table(['Client', 'Seat', 'Payment', 'Status', 'Paid', online ? 'Link sent' : null, ''].filter((x) => x !== null),
    participants.map((p) => [
      h('span', {}, p.client?.name ?? '', h('br'), h('span', { class: 'muted', text: [p.client?.email, p.client?.phone].filter(Boolean).join(' · ') })),
      label('format', p.format),
      label('payment', p.paymentMethod),
      statusBadge('status', p.status),
      statusBadge('paymentStatus', p.paymentStatus),
      online ? (s.linkVersion > 0 && p.linkSentVersion >= s.linkVersion ? 'Yes' : 'No') : null,
      confirmPaymentButton(p, () => openSession(s.sessionId)),
    ].filter((x, i) => online || i !== 5)), 'Participants'));

  show($('session-cancel'), s.status === 'SCHEDULED');
  show($('session-cancel-error'), false);
}

function confirmPaymentButton(booking, after) {
  const name = booking.client?.name ?? 'this client';
  if (booking.paymentStatus === 'REFUND_DUE') {
    // a refund owed by bank transfer: staff send the money, then record it here (the client is e-mailed)
    return moneyButton('Mark refunded', `Record that the refund to ${name} was transferred`,
      `Have you transferred the refund to ${name}? They will be told by e-mail.`,
      () => api('POST', `/studios/${S()}/bookings/${enc(booking.bookingId)}/mark-refunded`),
      `Refund to ${name} recorded.`, after);
  }
  if (booking.status !== 'AWAITING_PAYMENT' || booking.paymentMethod !== 'BANK_TRANSFER') return '';
  return moneyButton('Confirm payment', `Confirm the bank transfer of ${name}`,
    `Has the bank transfer of ${name} arrived? Confirming makes the booking paid.`,
    () => api('POST', `/studios/${S()}/bookings/${enc(booking.bookingId)}/confirm-payment`),
    `Payment of ${name} confirmed.`, after);
}

/** A small button that asks first, runs one call, says how it went, then refreshes the view. */
function moneyButton(text, ariaLabel, question, call, done, after) {
  return h('button', {
    type: 'button', class: 'button small', text, 'aria-label': ariaLabel,
    onclick: async (event) => {
      if (!window.confirm(question)) return;
      event.currentTarget.disabled = true;
      try {
        await call();
        notice(done, 'success');
      } catch (e) {
        notice(e.message, 'error');
      }
      after();
    },
  });
}

async function saveOnlineAccess(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const link = form.elements.link.value.trim();
  const instructions = form.elements.instructions.value.trim();
  const password = form.elements.password.value.trim();
  await submitting(form, async () => {
    if (!link) throw new InputError('link', 'enter the meeting link, or use “Remove the link”');
    const body = { link, instructions: instructions || null, password: password || null };
    const session = await api('PUT', `/studios/${S()}/sessions/${enc(state.session.sessionId)}/online-access`, { body });
    renderSession(session);
    notice('Online access saved; paid online participants are e-mailed the new link.', 'success');
  });
}

async function clearOnlineAccess() {
  const form = $('online-access-form');
  if (!window.confirm('Remove the link, instructions and password of this session?')) return;
  await submitting(form, async () => {
    const session = await api('PUT', `/studios/${S()}/sessions/${enc(state.session.sessionId)}/online-access`, { body: { link: null } });
    renderSession(session);
    notice('The link was removed.', 'success');
  });
}

async function cancelSession() {
  const s = state.session;
  if (!window.confirm(`Cancel ${s.name} on ${whenText(s.start)}? Every participant is refunded and e-mailed.`)) return;
  const button = $('session-cancel');
  button.disabled = true;
  try {
    const cancelled = await api('POST', `/studios/${S()}/sessions/${enc(s.sessionId)}/cancel`);
    renderSession(cancelled);
    notice('The session is cancelled and the participants were told.', 'success');
  } catch (e) {
    $('session-cancel-error').textContent = capitalise(e.message);
    show($('session-cancel-error'));
  } finally {
    button.disabled = false;
  }
}

function syncSessionFormat() {
  const format = $('ns-format').value;
  show($('ns-location-field'), format !== 'ONLINE');
  show($('ns-online-capacity-field'), format === 'HYBRID');
  show($('ns-online'), format !== 'IN_PERSON');
  $('ns-capacity-note').textContent = format === 'HYBRID' ? '(in person)' : '';
}

async function createSession(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    const format = f.format.value;
    if (!f.date.value || !f.time.value) throw new InputError('start', 'choose the date and the start time');
    const body = {
      name: f.name.value.trim(),
      start: zonedIso(f.date.value, f.time.value, zone()),
      durationMinutes: integer(f.durationMinutes.value),
      capacity: integer(f.capacity.value),
      instructorId: f.instructorId.value,
      format,
    };
    const description = f.description.value.trim();
    if (description) body.description = description;
    if (format !== 'ONLINE' && f.locationId.value) body.locationId = f.locationId.value;
    if (format === 'HYBRID') body.onlineCapacity = integer(f.onlineCapacity.value);
    if (f.price.value !== '') body.price = { amount: minorUnits(f.price.value, 'price'), currency: state.settings.currency };
    if (f.creditPrice.value !== '') body.creditPrice = integer(f.creditPrice.value);
    const methods = [...form.querySelectorAll('input[name="paymentMethods"]:checked')].map((c) => c.value);
    if (methods.length) body.paymentMethods = methods;
    const link = f['onlineAccess.link'].value.trim();
    if (format !== 'IN_PERSON' && link) {
      body.onlineAccess = { link };
      const instructions = f['onlineAccess.instructions'].value.trim();
      const password = f['onlineAccess.password'].value.trim();
      if (instructions) body.onlineAccess.instructions = instructions;
      if (password) body.onlineAccess.password = password;
    }
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const created = await api('POST', `/studios/${S()}/sessions`, { body });
    notice(`${created.name} is scheduled for ${whenText(created.start)}.`, 'success');
    form.reset();
    syncSessionFormat();
    toggleSessionForm(false);
    await loadSessions();
  });
}

function toggleSessionForm(open = $('session-form').hidden) {
  show($('session-form'), open);
  $('new-session-toggle').setAttribute('aria-expanded', String(open));
  if (open) {
    if (!$('ns-date').value) $('ns-date').value = addDays(state.today, 1);
    $('ns-name').focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Bookings

function initBookings() {
  $('bk-from').value = state.today;
  $('bk-to').value = addDays(state.today, 13);
  loadBookings();
}

async function loadBookings(event) {
  event?.preventDefault();
  const form = $('bookings-form');
  const from = form.elements.from.value;
  const to = form.elements.to.value;
  const list = $('booking-list');
  await submitting(form, async () => {
    if (!from) throw new InputError('from', 'choose the first day');
    if (!to) throw new InputError('to', 'choose the last day');
    list.replaceChildren(h('p', { class: 'muted', text: 'Loading bookings…' }));
    const answer = await api('GET', `/studios/${S()}/bookings?${query({ from, to })}`);
    renderBookings(answer.bookings ?? []);
  });
}

function renderBookings(bookings) {
  $('booking-list').replaceChildren(table(['When', 'What', 'Client', 'Payment', 'Status', 'Paid', 'Price', ''], bookings.map((b) => [
    whenText(b.start),
    h('span', {}, b.serviceName ?? '', h('br'), h('span', { class: 'muted', text: [b.kind === 'SESSION' ? 'Session' : 'Appointment', b.staffName, b.format ? label('format', b.format) : null].filter(Boolean).join(' · ') })),
    h('span', {}, b.client?.name ?? '', h('br'), h('span', { class: 'muted', text: [b.client?.email, b.client?.phone].filter(Boolean).join(' · ') })),
    label('payment', b.paymentMethod),
    statusBadge('status', b.status),
    statusBadge('paymentStatus', b.paymentStatus),
    money(b.price),
    h('span', { class: 'row-actions' },
      confirmPaymentButton(b, () => loadBookings()),
      b.kind === 'SESSION' && b.sessionId ? h('button', {
        type: 'button', class: 'button small secondary', text: 'Session', 'aria-label': `Open the session of ${b.client?.name ?? 'this booking'}`,
        onclick: () => openSession(b.sessionId),
      }) : null,
      b.status !== 'CANCELLED' ? h('button', {
        type: 'button', class: 'button small danger', text: 'Cancel', 'aria-label': `Cancel the booking of ${b.client?.name ?? 'this client'}`,
        onclick: (event) => cancelBooking(b, event.currentTarget),
      }) : null),
  ]), 'Bookings'));
}

async function cancelBooking(booking, button) {
  if (!window.confirm(`Cancel the booking of ${booking.client?.name ?? 'this client'} on ${whenText(booking.start)}? The client is refunded and e-mailed.`)) return;
  button.disabled = true;
  try {
    await api('POST', `/bookings/${enc(booking.bookingId)}/cancel`);
    notice('The booking is cancelled.', 'success');
  } catch (e) {
    notice(e.message, 'error');
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

function renderPeople() {
  $('staff-list').replaceChildren(table(['Name', 'E-mail', 'Role', 'Booking link'], state.staff.map((s) => [
    h('span', {}, s.name, s.bio ? h('br') : null, s.bio ? h('span', { class: 'muted', text: s.bio }) : null),
    s.email,
    s.role === 'OWNER' ? 'Owner' : 'Staff',
    s.bookingLink ? h('a', { href: s.bookingLink, target: '_blank', rel: 'noopener', text: 'Booking page' }) : '',
  ]), 'Staff'));
  $('location-list').replaceChildren(table(['Name', 'Address', 'Online', 'Notes'], state.locations.map((l) => [
    l.name, l.address ?? '', l.online ? 'Yes' : 'No', l.notes ?? '',
  ]), 'Locations'));
}

async function addStaff(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    const body = { name: f.name.value.trim(), email: f.email.value.trim(), role: f.role.value };
    if (f.bio.value.trim()) body.bio = f.bio.value.trim();
    const added = await api('POST', `/studios/${S()}/staff`, { body });
    notice(`${added.name} was added. They sign in here with ${added.email}.`, 'success');
    form.reset();
    await refreshPeople();
  });
}

async function addLocation(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    const body = { name: f.name.value.trim(), online: f.online.checked };
    if (f.address.value.trim()) body.address = f.address.value.trim();
    if (f.notes.value.trim()) body.notes = f.notes.value.trim();
    const added = await api('POST', `/studios/${S()}/locations`, { body });
    notice(`${added.name} was added.`, 'success');
    form.reset();
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
  keep($('ns-location'), options(state.locations.filter((l) => !l.online), 'locationId', 'name', 'Choose a location'));
  keep($('av-staff'), options(state.staff, 'staffId', 'name'));
  const checks = (container, items, id, name, prefix, field) => container.replaceChildren(...items.map((item) => {
    const inputId = `${prefix}-${item[id]}`;
    return h('div', { class: 'choice' },
      h('input', { type: 'checkbox', id: inputId, name: field, value: item[id] }),
      h('label', { for: inputId, text: item[name] }));
  }));
  checks($('sv-staff'), state.staff, 'staffId', 'name', 'sv-staff', 'staffIds');
  checks($('sv-locations'), state.locations, 'locationId', 'name', 'sv-location', 'locationIds');
}

// ---------------------------------------------------------------------------------------------
// Services and availability

async function loadServices() {
  const list = $('service-list');
  list.replaceChildren(h('p', { class: 'muted', text: 'Loading services…' }));
  try {
    const answer = await api('GET', `/studios/${S()}/services`);
    state.services = answer.services ?? [];
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: e.message }));
    return;
  }
  list.replaceChildren(table(['Service', 'Duration', 'Price', 'Given by', 'Where', 'Booking page'], state.services.map((s) => [
    h('span', {}, s.name, h('br'), h('span', { class: 'muted', text: s.collection ?? 'No collection' })),
    `${s.durationMinutes} min${s.bufferBeforeMinutes || s.bufferAfterMinutes ? ` (+${s.bufferBeforeMinutes}/${s.bufferAfterMinutes} buffer)` : ''}, every ${s.slotStepMinutes} min`,
    money(s.price),
    (s.staffIds ?? []).map(staffName).join(', '),
    (s.locationIds ?? []).length ? s.locationIds.map(locationName).join(', ') : 'Where they work',
    s.bookableOnline ? h('a', { href: s.bookingLink, target: '_blank', rel: 'noopener', text: 'Open' }) : 'Staff only',
  ]), 'Services'));
  if ($('av-staff').value) loadAvailability();
}

async function addService(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  await submitting(form, async () => {
    if (f.price.value === '') throw new InputError('price', 'enter a price (0 for free)');
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
    if (body.staffIds.length === 0) throw new InputError('staffIds', 'choose who gives the service');
    if (f.collection.value.trim()) body.collection = f.collection.value.trim();
    if (f.description.value.trim()) body.description = f.description.value.trim();
    if (body.durationMinutes === undefined) delete body.durationMinutes;
    const added = await api('POST', `/studios/${S()}/services`, { body });
    notice(`${added.name} was added.`, 'success');
    form.reset();
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
  $('av-rows').replaceChildren(h('p', { class: 'muted', text: 'Loading…' }));
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
  $('av-note').textContent = `Wall-clock times in ${zone()}.`
    + ((a.overrides?.length || a.timeOff?.length)
      ? ` Date overrides (${a.overrides?.length ?? 0}) and time off (${a.timeOff?.length ?? 0}) are kept as they are.` : '');
  $('av-rows').replaceChildren();
  for (const block of a.weekly ?? []) addAvailabilityRow(block);
  if (!(a.weekly ?? []).length) $('av-rows').append(h('p', { class: 'muted empty', text: 'No weekly hours yet.' }));
}

let rowIds = 0;
function addAvailabilityRow(block = { day: 'MONDAY', start: '09:00', end: '17:00', locationId: state.locations.find((l) => !l.online)?.locationId }) {
  $('av-rows').querySelector('.empty')?.remove();
  const n = ++rowIds;
  const field = (labelText, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: labelText }), control);
  const row = h('div', { class: 'av-row' },
    field('Day', h('select', { id: `av-day-${n}`, 'data-part': 'day' },
      DAYS.map((d) => h('option', { value: d, text: d.charAt(0) + d.slice(1).toLowerCase() })))),
    field('From', h('input', { id: `av-start-${n}`, type: 'time', 'data-part': 'start', value: hhmm(block.start), required: true })),
    field('To', h('input', { id: `av-end-${n}`, type: 'time', 'data-part': 'end', value: hhmm(block.end), required: true })),
    field('Location', h('select', { id: `av-location-${n}`, 'data-part': 'locationId' },
      state.locations.map((l) => h('option', { value: l.locationId, text: l.name })))),
    h('button', { type: 'button', class: 'button small secondary', text: 'Remove', 'aria-label': 'Remove these hours', onclick: () => row.remove() }));
  row.querySelector('[data-part="day"]').value = block.day;
  if (block.locationId) row.querySelector('[data-part="locationId"]').value = block.locationId;
  $('av-rows').append(row);
  renumberAvailabilityRows();
  return row;
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
    if (!staffId) throw new InputError('staffId', 'choose a staff member');
    const weekly = [...$('av-rows').querySelectorAll('.av-row')].map((row) => ({
      day: row.querySelector('[data-part="day"]').value,
      start: hhmm(row.querySelector('[data-part="start"]').value),
      end: hhmm(row.querySelector('[data-part="end"]').value),
      locationId: row.querySelector('[data-part="locationId"]').value,
    }));
    const current = state.availability?.staffId === staffId ? state.availability : { overrides: [], timeOff: [] };
    const body = {
      weekly,
      overrides: (current.overrides ?? []).map((o) => ({
        date: o.date,
        intervals: (o.intervals ?? []).map((i) => ({ start: hhmm(i.start), end: hhmm(i.end), locationId: i.locationId })),
      })),
      timeOff: (current.timeOff ?? []).map((t) => ({ start: t.start, end: t.end })),
    };
    state.availability = await api('PUT', `/studios/${S()}/staff/${enc(staffId)}/availability`, { body });
    notice(`Weekly hours of ${staffName(staffId)} saved.`, 'success');
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
    $('st-fixed').textContent = `Time zone ${s.timezone} · currency ${s.currency} · locale ${s.locale}`;
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
    setValue('st-bank-instructions', bank.instructions);
  },
  'settings-appearance': (s) => {
    setValue('st-color', s.appearance?.color ?? '#7c3aed');
    setValue('st-logo', s.appearance?.logoUrl);
    $('st-collections').checked = s.appearance?.showServiceCollections !== false;
  },
};

async function fillSettings() {
  for (const fill of Object.values(SETTINGS_FILLERS)) fill(state.settings);
  try {
    const profile = await api('GET', `/studios/${S()}`, { anonymous: true });
    const link = $('st-booking-link');
    link.textContent = profile.bookingLink;
    const safe = safeUrl(profile.bookingLink);
    if (safe) link.href = safe;
  } catch { /* the link is a convenience */ }
}

const SETTINGS_SECTIONS = {
  'settings-general': (f) => ({
    name: f.name.value.trim(),
    missingLinkReminderHours: integer(f.missingLinkReminderHours.value),
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
    $('studio-name').textContent = state.settings.name;
    notice('Settings saved.', 'success');
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
  $('ns-format').addEventListener('change', syncSessionFormat);
  $('session-form').addEventListener('submit', createSession);
  $('session-close').addEventListener('click', closeSession);
  $('online-access-form').addEventListener('submit', saveOnlineAccess);
  $('oa-clear').addEventListener('click', clearOnlineAccess);
  $('session-cancel').addEventListener('click', cancelSession);
  $('bookings-form').addEventListener('submit', loadBookings);
  $('staff-form').addEventListener('submit', addStaff);
  $('location-form').addEventListener('submit', addLocation);
  $('service-form').addEventListener('submit', addService);
  $('av-staff').addEventListener('change', loadAvailability);
  $('av-add').addEventListener('click', () => addAvailabilityRow().querySelector('select').focus());
  $('availability-form').addEventListener('submit', saveAvailability);
  for (const id of Object.keys(SETTINGS_SECTIONS)) $(id).addEventListener('submit', saveSettings);
  syncSessionFormat();
}

async function start() {
  wire();
  $('signin-studio').value = state.studioId;
  const saved = ID_PATTERN.test(state.studioId) ? savedSession(state.studioId) : null;
  if (saved) {
    adopt(saved);
    await enterApp();
  } else {
    showSignIn();
    if (state.openSessionId) notice('Sign in to open the session from your e-mail.');
    (state.studioId ? $('signin-email') : $('signin-studio')).focus();
  }
}

start();
