// Times, durations and prices of the booking widget in the page's language and a chosen time zone.
// Pure functions over an i18n object (../shared/i18n.js): no DOM, no API, no state of their own.

/**
 * The formats of one language and time zone: days, times and full dates read as people there write
 * them ("marți, 1 decembrie", "18:00"; "Selasa, 1 Desember", "18.00"), every full date-time ends
 * with the zone's short name so nobody has to guess which clock it means.
 */
export function timeFormats(i18n, zone) {
  const cache = new Map();
  const format = (options) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, i18n.dates(zone, options));
    return cache.get(key);
  };
  // 24-hour clocks read 09:00; 12-hour ones 9:00 AM, not 09:00 AM
  const hour = /h1[12]/.test(i18n.dates('UTC', { hour: 'numeric' }).resolvedOptions().hourCycle ?? '') ? 'numeric' : '2-digit';
  const day = (instant) => format({ weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));
  const time = (instant) => format({ hour, minute: '2-digit' }).format(new Date(instant));
  const zoned = (instant) => format({ hour, minute: '2-digit', timeZoneName: 'short' }).format(new Date(instant));
  const full = (instant) => format({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour, minute: '2-digit', timeZoneName: 'short' }).format(new Date(instant));
  const fullNoZone = (instant) => format({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour, minute: '2-digit' }).format(new Date(instant));
  return {
    zone,
    day,
    time,
    /** "mar., 1 dec. 2026, 18:00 – 19:00 EET": start and end on one day, the zone named once. */
    when(start, end) {
      if (!end) return full(start);
      return sameDay(zone, start, end) ? `${fullNoZone(start)} – ${zoned(end)}` : `${fullNoZone(start)} – ${full(end)}`;
    },
    /** A date-time on its own, with its zone: deadlines, cancellations. */
    moment: full,
    /** A calendar date with no time (yyyy-mm-dd or an instant), as in "1 dec. 2026". */
    date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value)
      ? i18n.dates('UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${value}T00:00:00Z`))
      : format({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(value))),
    /** A yyyy-mm-dd date of the pager, as in "1 dec.". */
    calendarDay: (date) => i18n.dates('UTC', { day: 'numeric', month: 'short' }).format(new Date(`${date}T00:00:00Z`)),
    /** The day (yyyy-mm-dd) an instant falls on in this zone: lists group by it. */
    dayKey: (instant) => dayKey(zone, instant),
  };
}

/** The calendar day (yyyy-mm-dd) of an instant in a time zone. */
export function dayKey(zone, instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function sameDay(zone, a, b) {
  return dayKey(zone, a) === dayKey(zone, b);
}

/** "Ora Europei de Est (Europe/Bucharest)": the zone's name in the language, and its IANA id. */
export function zoneName(i18n, zone) {
  const name = i18n.zoneName(zone);
  return name !== zone ? `${name} (${zone})` : zone;
}

/** How long a service or a session lasts, in minutes as studios write it: "60 min", "90 menit". */
export function minutes(i18n, count) {
  return i18n.t('duration.minutes', { count: i18n.number(count) });
}

/** A notice period: whole hours when it is ("2 ore", "24 jam"), else minutes. */
export function duration(i18n, count) {
  if (count >= 60 && count % 60 === 0) return i18n.plural('duration.hours', count / 60);
  return minutes(i18n, count);
}

/** A price, or the language's word for free. */
export function price(i18n, amount) {
  if (!amount) return '';
  return amount.amount === 0 ? i18n.t('price.free') : i18n.money(amount);
}
