// Words, numbers, money and times in the page's language, shared by the widget and the admin page.
//
// A bundle is a flat map of keys to texts with named placeholders: "{count} places left". A plural
// text has one key per CLDR category the language uses ("seatsLeft.one", "seatsLeft.few",
// "seatsLeft.other"), chosen with the browser's Intl.PluralRules, so Romanian gets 1 loc / 2 locuri /
// 20 de locuri and Indonesian one form. Money follows the bundle too: "money.RON" = "{amount} lei"
// (ro), "money.IDR" = "Rp {amount}" (id), else "money.any" = "{amount} {currency}".

/** Currencies whose minor units nobody writes (ISO gives IDR two decimals; Indonesians write none). */
const NO_MINOR_UNITS = new Set(['IDR']);

/**
 * ISO 4217 minor units where the browser's CLDR data counts fewer. The API counts money in ISO's, as
 * Java's Currency does (Rp 150.000 is 15000000), while Intl writes no decimals for rupiah or forints.
 */
const ISO_MINOR_UNITS = {
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IQD: 3, IRR: 2, KPW: 2, LAK: 2, LBP: 2, MGA: 2, MMK: 2, PKR: 2,
  SLL: 2, SOS: 2, SYP: 2, YER: 2,
};

/** How many digits of minor units the API counts for a currency (Money.amount = 1 = 0.01 RON). */
export function minorDigits(currency) {
  if (ISO_MINOR_UNITS[currency] !== undefined) return ISO_MINOR_UNITS[currency];
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

export function createI18n(language, labels, fallback = {}) {
  const plurals = new Intl.PluralRules(language);
  const lookup = (key) => labels[key] ?? fallback[key];

  /** The text of key with {placeholders} filled; the key itself when no bundle has it. */
  function t(key, params = {}) {
    const text = lookup(key);
    if (text === undefined) {
      console.warn(`missing label ${key}`);
      return key;
    }
    return fill(text, params);
  }

  /** The plural form of key for count ({count} is filled in, formatted for the language). */
  function plural(key, count, params = {}) {
    const category = plurals.select(count);
    const text = lookup(`${key}.${category}`) ?? lookup(`${key}.other`);
    if (text === undefined) {
      console.warn(`missing label ${key}.other`);
      return `${key} ${count}`;
    }
    return fill(text, { ...params, count: number(count) });
  }

  function has(key) {
    return lookup(key) !== undefined;
  }

  function number(value, options = {}) {
    return new Intl.NumberFormat(language, options).format(value);
  }

  /** {amount: minor units, currency} as people write it in this language: 50,00 lei; Rp 150.000. */
  function money(m) {
    if (!m || m.amount === null || m.amount === undefined) return '';
    const iso = minorDigits(m.currency);
    const shown = NO_MINOR_UNITS.has(m.currency) ? 0 : iso;
    const amount = number(m.amount / 10 ** iso, { minimumFractionDigits: shown, maximumFractionDigits: shown });
    const pattern = lookup(`money.${m.currency}`) ?? lookup('money.any') ?? '{amount} {currency}';
    return fill(pattern, { amount, currency: m.currency });
  }

  /** An Intl.DateTimeFormat in this language and the given zone; ro and id read 24-hour times. */
  function dates(timeZone, options) {
    const hourCycle = options.hour && language !== 'en' ? { hourCycle: 'h23' } : {};
    return new Intl.DateTimeFormat(language, { timeZone, ...hourCycle, ...options });
  }

  /** The zone as this language names it: "Ora Europei de Est" (long), "EET" (short); its IANA id if unnamed. */
  function zoneName(timeZone, style = 'long') {
    try {
      const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: style === 'short' ? 'shortGeneric' : 'longGeneric' })
        .formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
      return part?.value ?? timeZone;
    } catch {
      return timeZone;
    }
  }

  /** The error's text for people: "error.<CODE>" of the bundle, else the generic one. */
  function error(code) {
    return has(`error.${code}`) ? t(`error.${code}`) : t('error.other');
  }

  return { language, t, plural, has, number, money, dates, zoneName, error };
}

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}
