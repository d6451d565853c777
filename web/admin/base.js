// Studio Booking admin page: what every part of the page shares (state, the API call, forms, times,
// tables). Plain ES module, no build step; admin.js and each feature module import from here.
//
// Every call to the API goes through api(METHOD, `/path/${…}?${query({…})}`) in exactly that form
// (WebPagesTest checks each against docs/openapi.yaml); API data reaches the page only as text.

import { h } from '../shared/dom.js';
import { ApiError, send } from '../shared/http.js';
import { clockText, dateTimeText, errorText, minorDigits, parseClock, t, timeText, zoneName } from './language.js';

export const SESSION_DAYS = 28;

export const params = new URLSearchParams(location.search);
export const state = {
  studioId: params.get('studio') ?? '',
  openSessionId: params.get('session'),
  askedLanguage: params.get('lang'),
  profile: null,
  codeSentTo: null,
  sessions: null,
  bookings: null,
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

export const $ = (id) => document.getElementById(id);
export const enc = encodeURIComponent;
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// ---------------------------------------------------------------------------------------------
// API

let onSignedOut = () => {};
/** What a 401 does (admin.js signs out): set once at start. */
export function whenSignedOut(handler) { onSignedOut = handler; }

/** Calls the API with the staff token (unless {anonymous: true}); a 401 signs out. */
export async function api(method, path, { body, anonymous = false, idempotencyKey } = {}) {
  try {
    return await send(method, path, { token: anonymous ? null : state.token, body, idempotencyKey });
  } catch (error) {
    if (error.status === 401 && !anonymous && state.token) {
      onSignedOut(error.code === 'TOKEN_REVOKED' ? t('signin.revoked') : t('signin.expired'));
    }
    throw error;
  }
}

export const S = () => enc(state.studioId);

// ---------------------------------------------------------------------------------------------
// Staff token: localStorage, one per studio, dropped when it expires

export const tokenKey = (studioId) => `studio-booking.staff.${studioId}`;

export function savedSession(studioId) {
  try {
    const raw = localStorage.getItem(tokenKey(studioId));
    if (!raw) return null;
    const session = JSON.parse(raw);
    if (session.token && Date.parse(session.expiresAt) > Date.now()) return session;
    localStorage.removeItem(tokenKey(studioId));
  } catch { /* storage unavailable or unreadable */ }
  return null;
}

export function saveSession(session) {
  try { localStorage.setItem(tokenKey(state.studioId), JSON.stringify(session)); } catch { /* this page only */ }
}

export function forgetSession() {
  try { localStorage.removeItem(tokenKey(state.studioId)); } catch { /* ignore */ }
}

// ---------------------------------------------------------------------------------------------
// DOM, forms and formatting

export const show = (el, visible = true) => { el.hidden = !visible; };

let noticeTimer = null;
export function notice(message, kind = 'info') {
  const box = $('notice');
  box.textContent = message;
  box.className = `notice ${kind}`;
  show(box, Boolean(message));
  clearTimeout(noticeTimer);
  if (message && kind === 'success') noticeTimer = setTimeout(() => show(box, false), 6000);
}

export function clearFormErrors(form) {
  for (const el of form.querySelectorAll('.field-error.generated')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.form-error')) { el.textContent = ''; show(el, false); }
}

/** The input (or fieldset) an API error's `field` names: data-field, then name, then a parent path. */
export function findField(form, field) {
  if (!field) return null;
  const escaped = CSS.escape(field);
  const found = form.querySelector(`[data-field="${escaped}"]`) ?? form.querySelector(`[name="${escaped}"]`);
  if (found) return found;
  const cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
  return cut > 0 ? findField(form, field.slice(0, cut)) : null;
}

/** The name a person sees for a field: its label's (or legend's) translated text, without the hints. */
export function fieldLabel(input) {
  const caption = input.matches('fieldset') ? input.querySelector('legend')
    : (input.id ? input.form?.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null) ?? input.closest('fieldset')?.querySelector('legend');
  if (!caption) return '';
  return (caption.querySelector('[data-i18n]') ?? caption).textContent.trim();
}

/** An error for people: an InputError's own text, else the bundle's text for the API error code. */
export const messageOf = (error) => error.text ?? errorText(error.code);

let errorIds = 0;
export function showError(form, error, field = error.field) {
  const input = findField(form, field);
  const message = messageOf(error);
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
    const name = input ? fieldLabel(input) : '';
    summary.textContent = name ? t('form.fieldProblem', { field: name, message }) : message;
    show(summary);
  }
}

/** Runs a form's request with its submit button disabled and errors shown next to their fields. */
export async function submitting(form, work) {
  clearFormErrors(form);
  notice('');
  const buttons = [...form.querySelectorAll('button[type="submit"]')];
  for (const button of buttons) button.disabled = true;
  try {
    return await work();
  } catch (e) {
    if (e instanceof ApiError || e instanceof InputError) showError(form, e);
    else showError(form, { code: 'INTERNAL' });
    return undefined;
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

/** A refusal by the page itself, before any request: the field and the (translated) text. */
export class InputError extends Error {
  constructor(field, text) {
    super(text);
    this.field = field;
    this.text = text;
  }
}

export const pad = (n) => String(n).padStart(2, '0');
export const zone = () => state.settings?.timezone ?? 'UTC';
export const whenText = (iso) => dateTimeText(iso, zone());
export const endText = (iso) => timeText(iso, zone());
export const spanText = (start, end) => `${whenText(start)}–${endText(end)}`;
export const whenHeader = () => t('col.when', { zone: zoneName(zone()) });

export function minorUnits(text, field) {
  const value = Number(String(text).replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) throw new InputError(field, t('input.amount'));
  return Math.round(value * 10 ** minorDigits(state.settings.currency));
}

export function integer(text) {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : undefined;
}

/** A time typed in a clock field as "HH:MM", or an InputError naming an example in the page's language. */
export function clockValue(input, field) {
  const value = parseClock(input.value);
  if (!value) throw new InputError(field, t('input.time', { example: clockText('18:30') }));
  return value;
}

/** Today's date (yyyy-mm-dd) in the studio's zone. */
export function todayIn(timeZone) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The zone's UTC offset in minutes at an instant. */
export function offsetMinutes(timeZone, epochMs) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** A wall-clock date and time in the studio's zone as ISO-8601 with that zone's offset then. */
export function zonedIso(date, time, timeZone) {
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

/** The label of an API enum value (format, payment, status, paymentStatus, role, kind): never the raw value. */
export const label = (family, value) => (value ? t(`${family}.${value}`) : '');

export const staffName = (id) => state.staff.find((s) => s.staffId === id)?.name ?? id ?? '';
export const locationName = (id) => state.locations.find((l) => l.locationId === id)?.name ?? id ?? '';
export const clientName = (booking) => booking.client?.name || t('client.this');
/** A cell that keeps together: a time, an amount. */
export const nowrap = (text) => h('span', { class: 'nowrap', text });

/**
 * A table on a desktop; under 640 px each row becomes a card (admin.css), each cell captioned by its
 * column's header (a .cell-label, shown only there). The wrapper scrolls sideways only if a desktop table is too wide,
 * so it is a focusable, named region (keyboard users can scroll it).
 */
export function table(headers, rows, caption, empty = t('common.nothing')) {
  if (rows.length === 0) return h('p', { class: 'muted empty-state', text: empty });
  return h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-label': caption ?? null }, h('table', { class: 'cards' },
    caption ? h('caption', { class: 'sr-only', text: caption }) : null,
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', { scope: 'col', text: title })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => {
      const blank = cell === '' || cell === null || cell === undefined;
      // the column's header again, shown only on a phone's card (admin.css)
      return h('td', { class: blank ? 'blank' : null }, headers[i] && !blank ? h('span', { class: 'cell-label', text: headers[i] }) : null, cell);
    }))))));
}

export function statusBadge(kind, value) {
  return h('span', { class: `badge ${String(value).toLowerCase()}`, text: label(kind, value) });
}

/** Confirm a transfer's payment, or record a refund paid out by transfer: '' when neither applies. */
export function confirmPaymentButton(booking, after) {
  const name = clientName(booking);
  if (booking.paymentStatus === 'REFUND_DUE') {
    // a refund owed by bank transfer: staff send the money, then record it here (the client is e-mailed)
    return moneyButton(t('refund.mark'), t('refund.markAria', { name }), t('refund.question', { name }),
      () => api('POST', `/studios/${S()}/bookings/${enc(booking.bookingId)}/mark-refunded`),
      t('refund.recorded', { name }), after);
  }
  if (booking.status !== 'AWAITING_PAYMENT' || booking.paymentMethod !== 'BANK_TRANSFER') return '';
  return moneyButton(t('payment.confirm'), t('payment.confirmAria', { name }), t('payment.confirmQuestion', { name }),
    () => api('POST', `/studios/${S()}/bookings/${enc(booking.bookingId)}/confirm-payment`),
    t('payment.confirmed', { name }), after);
}

/** A small button that asks first, runs one call, says how it went, then refreshes the view. */
export function moneyButton(text, ariaLabel, question, call, done, after) {
  return h('button', {
    type: 'button', class: 'button small', text, 'aria-label': ariaLabel,
    onclick: async (event) => {
      if (!window.confirm(question)) return;
      event.currentTarget.disabled = true;
      try {
        await call();
        notice(done, 'success');
      } catch (e) {
        notice(errorText(e.code), 'error');
      }
      after();
    },
  });
}
