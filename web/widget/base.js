// Studio Booking widget: what every part of the widget shares (state, words, the API call, storage,
// DOM helpers). Plain ES module, no build step; widget.js and each feature module import from here.
// The conventions of widget.js's header hold here too (api() calls in the checked form, text only,
// every word from the profile's labels).

import { addDays, facts, h, query } from '../shared/dom.js';
import { send } from '../shared/http.js';
import { createI18n } from '../shared/i18n.js';
import { timeFormats } from './format.js';

export const DAYS_OF_SESSIONS = 14;
export const DAYS_OF_SLOTS = 7;

export const params = new URLSearchParams(location.search);

/** Where the shop keeps a purchase on its way through the checkout (what was bought, and in which language). */
export const purchaseKey = (purchaseId) => `studio-booking.purchase.${purchaseId}`;

/** The purchase the shop kept before going to its checkout, or null (none, unreadable, or no storage). */
export function savedPurchase(purchaseId) {
  try {
    return JSON.parse(localStorage.getItem(purchaseKey(purchaseId)) ?? 'null');
  } catch {
    return null;
  }
}

const LANGUAGE = /^[a-z]{2,3}$/;

/**
 * The language asked for: the link's ?lang=, or, back from a purchase's checkout (whose return address carries
 * no language), the language the client was reading when they bought.
 */
function askedLanguage() {
  if (LANGUAGE.test(params.get('lang') ?? '')) return params.get('lang');
  const saved = params.get('purchase') ? savedPurchase(params.get('purchase')) : null;
  return LANGUAGE.test(saved?.lang ?? '') ? saved.lang : null;
}

export const state = {
  studioId: params.get('studio') ?? '',
  serviceId: params.get('service'),
  staffId: params.get('staff'),
  /** Only the services of this collection (?collection=, e.g. from an embed's data-collection). */
  collection: params.get('collection'),
  bookingId: params.get('booking'),
  paid: params.get('paid') === '1',
  cancelled: params.get('cancelled') === '1',
  /** The language asked for (see askedLanguage), if any; the studio's language otherwise. */
  lang: askedLanguage(),
  visitorZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  /** Times in the visitor's own zone (?times=mine) rather than the studio's. */
  mineTimes: params.get('times') === 'mine',
  profile: null,
  today: null,
  sessionsFrom: null,
  sessions: null,
  sessionsError: null,
  service: null,
  slotsFrom: null,
  slots: null,
  slotsError: null,
  target: null,
  result: null,
  viewed: null,
  codeSentTo: null,
  notice: null,
  attempt: null,
  bookingPolls: 0,
};

export const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// Words: the labels of the profile; until they arrive, the English texts index.html carries

export const PAGE_TEXTS = Object.fromEntries([...document.querySelectorAll('[data-i18n]'), ...$('texts').content.querySelectorAll('[data-i18n]')]
  .map((el) => [el.dataset.i18n, el.textContent.trim()]));

export let i18n = createI18n('en', {}, PAGE_TEXTS);
export let fmt = timeFormats(i18n, state.visitorZone);

export const t = (key, values) => i18n.t(key, values);
export const plural = (key, count, values) => i18n.plural(key, count, values);
/** The label of key, or the raw value when the bundle has none (a value newer than this page). */
export const named = (key, value) => (i18n.has(key) ? i18n.t(key) : value);

/** What to tell a person about a refused request: the field's text, the code's text, or a generic one. */
export function errorText(e) {
  if (e?.code === 'VALIDATION_FAILED' && e.field && i18n.has(`invalid.${e.field}`)) return t(`invalid.${e.field}`);
  return i18n.error(e?.code);
}

export function useLanguage(profile) {
  const language = profile.language ?? state.lang ?? 'en';
  i18n = createI18n(language, profile.labels ?? {}, PAGE_TEXTS);
  useZone();
}

/** In-person sessions and appointments read in the studio's zone unless the visitor asks for theirs. */
export function displayZone() {
  return state.mineTimes || !state.profile ? state.visitorZone : state.profile.timezone;
}

export function useZone() {
  fmt = timeFormats(i18n, displayZone());
}

export const otherZone = () => Boolean(state.profile) && state.profile.timezone !== state.visitorZone;

// ---------------------------------------------------------------------------------------------
// API

export async function api(method, path, { token, body, idempotencyKey } = {}) {
  return send(method, path, { token, body, idempotencyKey });
}

export const enc = encodeURIComponent;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries what may have failed in transit; with the same Idempotency-Key a retry never books twice. */
export async function withRetry(call) {
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

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Storage: guest access tokens per booking, the client token per studio (localStorage only)

export const storage = {
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

export const bookingTokenKey = (bookingId) => `studio-booking.booking.${bookingId}`;
export const clientKey = (studioId) => `studio-booking.client.${studioId}`;

export function clientSession() {
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

export const clientToken = () => clientSession()?.token ?? null;

// ---------------------------------------------------------------------------------------------
// DOM helpers

export function show(el, visible = true) { el.hidden = !visible; }

/** A message at the top of the page; text is a function, so a change of language re-words it. */
export function notice(text, kind = 'info') {
  state.notice = text ? { text, kind } : null;
  renderNotice();
}

export function renderNotice() {
  const box = $('notice');
  const message = state.notice ? state.notice.text() : '';
  box.textContent = message;
  box.className = `notice ${state.notice?.kind ?? 'info'}`;
  show(box, Boolean(message));
}

export function focusHeading(id) {
  const heading = $(id);
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  heading.focus({ preventScroll: true });
}

/** Today's date (yyyy-mm-dd) in a time zone: the API takes date ranges in the studio's zone. */
export function todayIn(zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const withWhom = (name) => (name ? t('person.with', { name }) : null);

export function locationName(locationId) {
  const location = state.profile?.locations?.find((l) => l.locationId === locationId);
  if (!location) return null;
  return location.address ? `${location.name}, ${location.address}` : location.name;
}

/** The links between the widget's own views keep the language and the clock the visitor chose. */
export function widgetUrl(values) {
  const url = new URL(location.href);
  url.search = query({ studio: state.studioId, ...values, lang: i18n.language, times: state.mineTimes ? 'mine' : null });
  url.hash = '';
  return url.href;
}


// ---------------------------------------------------------------------------------------------
// Classes: what the list and the week's timetable (timetable.js) both say of one

/** The last day the booking policy lets a client book (yyyy-mm-dd, the studio's zone). */
export function lastBookableDay() {
  return addDays(state.today, state.profile.bookingPolicy?.maxDaysAhead ?? 92);
}

/** A class's places: cancelled, full, or how many are left (in the studio and online for a hybrid one). */
export function spotsText(session) {
  if (session.status === 'CANCELLED') return t('session.cancelled');
  if (session.spotsLeft === 0) return t('session.full');
  const by = session.spotsLeftByFormat ?? {};
  if (session.format === 'HYBRID') {
    return `${plural('session.seatsInRoom', by.IN_PERSON ?? 0)}, ${plural('session.seatsOnline', by.ONLINE ?? 0)}`;
  }
  return plural('session.seatsLeft', session.spotsLeft);
}

/** An online seat's time on the visitor's clock, when the list reads the studio's. */
export function visitorTime(session) {
  if (state.mineTimes || !otherZone() || session.format === 'IN_PERSON') return null;
  const mine = timeFormats(i18n, state.visitorZone);
  return t('session.yourTime', { time: `${mine.time(session.start)}–${mine.time(session.end)}`, zone: state.visitorZone });
}

/** A bank transfer's details (account, IBAN, amount, reference, due by): after booking and on the booking page. */
export function bankTransferFacts(bt) {
  return facts([
    [t('facts.accountName'), bt.accountName],
    [t('facts.iban'), h('span', { class: 'mono', text: bt.iban })],
    [t('facts.bank'), bt.bankName],
    [t('facts.amount'), i18n.money(bt.amount)],
    [t('facts.reference'), h('span', { class: 'mono', text: bt.reference })],
    [t('facts.payBy'), fmt.moment(bt.dueBy)],
  ]);
}
