// The admin page's language: which one, its words, and how it writes dates, times and money.
//
// Words come from static bundles next to this module, i18n/<code>.json (flat key → text with named
// {placeholders}; plural keys end in .one/.few/.other: see ../shared/i18n.js). Which languages exist
// comes from the server (the public profile's "languages"), so a fourth language is one more bundle
// file here and nothing in the code. The page's fixed texts name their key in the HTML:
// data-i18n="key" (text), data-i18n-placeholder="key", data-i18n-aria-label="key".

import { createI18n, minorDigits } from '../shared/i18n.js';

export const DEFAULT_LANGUAGE = 'en';

const bundles = new Map();
let current = createI18n(DEFAULT_LANGUAGE, {});

export const language = () => current.language;
export const t = (key, params) => current.t(key, params);
export const plural = (key, count, params) => current.plural(key, count, params);
export const money = (m) => current.money(m);
/** The text for people of an API error code: error.<CODE>, else error.other. */
export const errorText = (code) => current.error(code);

/** The digits of the currency's minor unit, as the server counts Money.amount. */
export { minorDigits };

// ---------------------------------------------------------------------------------------------

function bundle(code) {
  if (!bundles.has(code)) {
    const loading = fetch(new URL(`i18n/${encodeURIComponent(code)}.json`, import.meta.url), { credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw new Error(`no admin bundle for ${code}`);
        return response.json();
      });
    loading.catch(() => bundles.delete(code));
    bundles.set(code, loading);
  }
  return bundles.get(code);
}

/** Loads the bundle of code (English fills any gap), then translates the page's fixed texts. */
export async function useLanguage(code) {
  const [labels, fallback] = await Promise.all([
    bundle(code), code === DEFAULT_LANGUAGE ? {} : bundle(DEFAULT_LANGUAGE),
  ]);
  current = createI18n(code, labels, fallback);
  document.documentElement.lang = code;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attribute of ['placeholder', 'aria-label']) {
    for (const el of document.querySelectorAll(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}

/** The first candidate the server has a bundle for (in order: asked, remembered, the studio's), else English. */
export function chooseLanguage(candidates, available) {
  return candidates.find((code) => code && available.includes(code)) ?? DEFAULT_LANGUAGE;
}

const choiceKey = (studioId) => `studio-booking.admin-language.${studioId}`;

export function rememberedLanguage(studioId) {
  try { return studioId ? localStorage.getItem(choiceKey(studioId)) : null; } catch { return null; }
}

export function rememberLanguage(studioId, code) {
  try { if (studioId) localStorage.setItem(choiceKey(studioId), code); } catch { /* this page only */ }
}

// ---------------------------------------------------------------------------------------------
// Dates and times: in the studio's zone, in the language's order and clock (24-hour for ro and id)

export const dateTimeText = (iso, timeZone) => current.dates(timeZone,
  { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const timeText = (iso, timeZone) => current.dates(timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

const utcDay = (date) => new Date(`${date}T00:00:00Z`);

/** A yyyy-mm-dd day, short: "2 dec." */
export const dayText = (date) => current.dates('UTC', { day: 'numeric', month: 'short' }).format(utcDay(date));

/** A yyyy-mm-dd day in words: "marți, 1 decembrie 2026". */
export const longDayText = (date) => current.dates('UTC',
  { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utcDay(date));

/** The zone as the language names it: "EET", "WIB" (short) or "Waktu Indonesia Barat" (long). */
export const zoneName = (timeZone, style = 'short') => current.zoneName(timeZone, style);

const capitalise = (text) => (text ? text.charAt(0).toLocaleUpperCase(current.language) + text.slice(1) : text);

/** MONDAY … SUNDAY → their names in the language ("Luni", "Senin"). */
export function weekdayName(day) {
  const index = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(day);
  if (index < 0) return day;
  return capitalise(current.dates('UTC', { weekday: 'long' }).format(new Date(Date.UTC(2024, 0, 1 + index))));
}

/** A wall-clock "HH:MM" as the language writes it: 18:00 (ro), 18.00 (id), 6:00 PM (en). */
export function clockText(hhmm) {
  const match = /^(\d{2}):(\d{2})/.exec(String(hhmm ?? ''));
  if (!match) return '';
  return current.dates('UTC', { hour: '2-digit', minute: '2-digit' }).format(new Date(Date.UTC(2024, 0, 1, +match[1], +match[2])));
}

/** What a person typed as a time ("18:00", "18.00", "1800", "6:30 pm") as "HH:MM", or null. */
export function parseClock(text) {
  const match = /^\s*(\d{1,2})(?:\s*[:.,h]?\s*(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\s*$/i.exec(String(text ?? ''));
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const half = match[3]?.toLowerCase();
  if (half && (hours < 1 || hours > 12)) return null;
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
