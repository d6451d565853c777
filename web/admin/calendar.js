// The Calendar tab: the studio's sessions and appointments by day and by week, per staff member and
// location, in the studio's time zone; and "my classes today", an instructor's own day with the
// participants of each class and one-tap attendance (a STAFF member's first screen after sign-in).
//
// Data: the sessions listing (spots left; cancelled ones too) and the staff bookings listing of the same
// dates (every appointment; a session's seats taken are its bookings that hold a place, so capacity =
// taken + left). Cancelled sessions and appointments show struck through when asked for.
// Week columns are day agendas in time order; under 640 px they stack into one day-by-day list.

import { addDays, facts, h, query } from '../shared/dom.js';
import { dayText, errorText, longDayText, money, plural, t, timeText, weekdayName, zoneName } from './language.js';
import { $, S, api, enc, label, locationName, notice, staffName, state, statusBadge, todayIn, zone } from './base.js';

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const VIEWS = ['mine', 'day', 'week'];

const viewName = (view) => ({ mine: t('cal.view.mine'), day: t('cal.view.day'), week: t('cal.view.week') })[view];
const attendanceText = (mark) => ({ ATTENDED: t('cal.attendance.ATTENDED'), NO_SHOW: t('cal.attendance.NO_SHOW') })[mark] ?? '';

let hooks = { openSession: () => {}, me: () => null };
const cal = { view: 'week', date: null, staffId: '', locationId: '', showCancelled: false, data: null, detail: null };
let ui = null;

/** admin.js hands over what lives there: opening a session in the Sessions tab, and who is signed in. */
export function setupCalendar(given) {
  hooks = given;
}

/** First visit of the tab after sign-in: a STAFF member starts on their own day, an owner on the week. */
export function showCalendar(view = state.role === 'STAFF' ? 'mine' : 'week') {
  cal.view = view;
  cal.date = todayIn(zone());
  cal.staffId = '';
  cal.locationId = '';
  cal.data = null;
  cal.detail = null;
  build();
  load();
}

/** After a change of language: the panel rebuilt from the state, nothing reloaded. */
export function renderCalendar() {
  if (!ui) return;
  build();
  if (cal.data) draw();
  else load();
}

// ---------------------------------------------------------------------------------------------
// The panel: view switch, pager, filters, detail, body

function build() {
  const panel = $('panel-calendar');
  const viewButtons = VIEWS.map((view) => h('button', {
    type: 'button', class: 'button secondary small', 'data-view': view, text: viewName(view),
    onclick: () => switchView(view),
  }));
  const staff = h('select', { id: 'cal-staff', onchange: (e) => { cal.staffId = e.currentTarget.value; draw(); } },
    h('option', { value: '', text: t('cal.everyone') }),
    state.staff.map((s) => h('option', { value: s.staffId, text: s.name })));
  const location = h('select', { id: 'cal-location', onchange: (e) => { cal.locationId = e.currentTarget.value; draw(); } },
    h('option', { value: '', text: t('cal.allLocations') }),
    state.locations.map((l) => h('option', { value: l.locationId, text: l.name })));
  staff.value = cal.staffId;
  location.value = cal.locationId;
  const cancelled = h('input', { type: 'checkbox', id: 'cal-cancelled', onchange: (e) => { cal.showCancelled = e.currentTarget.checked; draw(); } });
  cancelled.checked = cal.showCancelled;
  ui = {
    title: h('h2', { id: 'cal-title', tabindex: -1 }),
    views: viewButtons,
    range: h('span', { id: 'cal-range' }),
    prev: h('button', { type: 'button', id: 'cal-prev', class: 'button secondary small', text: '‹', onclick: () => move(-1) }),
    next: h('button', { type: 'button', id: 'cal-next', class: 'button secondary small', text: '›', onclick: () => move(1) }),
    today: h('button', { type: 'button', id: 'cal-today', class: 'button secondary small', text: t('cal.today'), onclick: () => goTo(todayIn(zone())) }),
    filters: h('div', { class: 'inline-form cal-filters' },
      h('div', { class: 'field' }, h('label', { for: 'cal-staff', text: t('cal.staff') }), staff),
      h('div', { class: 'field' }, h('label', { for: 'cal-location', text: t('cal.location') }), location)),
    cancelled,
    detail: h('div', { id: 'cal-detail', class: 'panel', tabindex: -1, hidden: true }),
    body: h('div', { id: 'cal-body' }),
  };
  panel.replaceChildren(
    h('div', { class: 'panel-head' }, ui.title,
      h('div', { class: 'row-actions cal-views', role: 'group', 'aria-label': t('cal.views') }, viewButtons)),
    h('p', { class: 'muted', id: 'cal-zone', text: t('cal.zone', { zone: zoneLong() }) }),
    h('div', { class: 'pager' }, ui.prev, ui.today, ui.next, ui.range),
    ui.filters,
    h('div', { class: 'choice cal-toggle' }, cancelled, h('label', { for: 'cal-cancelled', text: t('cal.showCancelled') })),
    ui.detail,
    ui.body);
  refreshHead();
  if (cal.detail) showDetail(cal.detail);
}

function zoneLong() {
  const long = zoneName(zone(), 'long');
  return long === zone() ? long : `${long} (${zone()})`;
}

function refreshHead() {
  const [from, to] = range();
  ui.title.textContent = { mine: t('cal.title.mine'), day: t('cal.title.day'), week: t('cal.title.week') }[cal.view];
  for (const button of ui.views) button.setAttribute('aria-pressed', String(button.dataset.view === cal.view));
  ui.range.textContent = from === to ? longDayText(from) : `${dayText(from)} – ${dayText(to)}`;
  const week = cal.view === 'week';
  ui.prev.setAttribute('aria-label', week ? t('cal.prevWeek') : t('cal.prevDay'));
  ui.next.setAttribute('aria-label', week ? t('cal.nextWeek') : t('cal.nextDay'));
  const mine = cal.view === 'mine';
  for (const el of [ui.prev, ui.next, ui.today, ui.filters]) el.hidden = mine;
}

function switchView(view) {
  cal.view = view;
  if (view === 'mine') cal.date = todayIn(zone());
  closeDetail();
  refreshHead();
  load();
}

function move(step) {
  goTo(addDays(cal.date, step * (cal.view === 'week' ? 7 : 1)));
}

function goTo(date) {
  cal.date = date;
  closeDetail();
  refreshHead();
  load();
}

/** The dates shown: the day, or Monday to Sunday of its week. */
function range() {
  if (cal.view !== 'week') return [cal.date, cal.date];
  const weekday = new Date(`${cal.date}T00:00:00Z`).getUTCDay();
  const monday = addDays(cal.date, -((weekday + 6) % 7));
  return [monday, addDays(monday, 6)];
}

// ---------------------------------------------------------------------------------------------
// Data

async function load() {
  const [from, to] = range();
  const body = ui.body;
  body.setAttribute('aria-busy', 'true');
  body.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  let sessions;
  let bookings;
  try {
    [sessions, bookings] = await Promise.all([
      api('GET', `/studios/${S()}/sessions?${query({ from, to, cancelled: true })}`),
      api('GET', `/studios/${S()}/bookings?${query({ from, to })}`),
    ]);
  } catch (e) {
    if (range()[0] !== from || range()[1] !== to || ui.body !== body) return;
    body.removeAttribute('aria-busy');
    body.replaceChildren(h('div', { class: 'empty-state' },
      h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }),
      h('button', { type: 'button', class: 'button secondary', text: t('cal.retry'), onclick: load })));
    return;
  }
  if (range()[0] !== from || range()[1] !== to) return; // moved on meanwhile
  cal.data = { from, to, sessions: sessions.sessions ?? [], bookings: bookings.bookings ?? [] };
  draw();
}

/** The date (yyyy-mm-dd) of an instant in the studio's zone. */
function dateOf(iso) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

const holdsPlace = (b) => b.status === 'CONFIRMED' || b.status === 'AWAITING_PAYMENT';

/** Sessions and appointments of the shown dates, as calendar entries, earliest first, filters applied. */
function entries() {
  const { sessions, bookings } = cal.data;
  const list = [];
  for (const s of sessions) {
    const seats = bookings.filter((b) => b.sessionId === s.sessionId);
    const taken = seats.filter(holdsPlace).length;
    list.push({
      kind: 'session', id: s.sessionId, start: s.start, end: s.end, name: s.name, staffId: s.instructorId,
      locationId: s.locationId, cancelled: s.status === 'CANCELLED', taken, capacity: taken + (s.spotsLeft ?? 0), seats, session: s,
    });
  }
  for (const b of bookings) {
    if (b.kind !== 'APPOINTMENT') continue;
    list.push({
      kind: 'appointment', id: b.bookingId, start: b.start, end: b.end, name: b.serviceName ?? '', staffId: b.staffId,
      locationId: b.locationId, cancelled: b.status === 'CANCELLED', booking: b,
    });
  }
  const mine = cal.view === 'mine' ? hooks.me()?.staffId ?? null : null;
  return list
    .filter((e) => cal.showCancelled || !e.cancelled)
    .filter((e) => (cal.view === 'mine' ? e.staffId === mine : (!cal.staffId || e.staffId === cal.staffId)))
    .filter((e) => cal.view === 'mine' || !cal.locationId || e.locationId === cal.locationId)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------
// Drawing

function draw() {
  if (!cal.data) return;
  const body = ui.body;
  body.removeAttribute('aria-busy');
  if (cal.view === 'mine') {
    body.replaceChildren(myDay());
    return;
  }
  const list = entries();
  const days = cal.view === 'week' ? [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(cal.data.from, i)) : [cal.data.from];
  const today = todayIn(zone());
  const columns = days.map((date) => {
    const items = list.filter((e) => dateOf(e.start) === date);
    const headId = `cal-day-${date}`;
    return h('section', { class: `cal-day${date === today ? ' today' : ''}`, 'data-date': date, 'aria-labelledby': headId },
      h('h3', { id: headId, class: 'cal-day-head' },
        h('span', { class: 'cal-weekday', text: weekdayName(WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]) }), ' ',
        h('span', { text: dayText(date) })),
      items.length
        ? h('ul', { class: 'cal-items' }, items.map((e) => h('li', {}, entryButton(e))))
        : h('p', { class: 'muted cal-empty', text: t('cal.emptyDay') }));
  });
  const empty = list.length === 0
    ? h('p', { class: 'muted empty-state', text: cal.view === 'week' ? t('cal.emptyWeek') : t('cal.emptyDay') }) : null;
  body.replaceChildren(empty ?? '', h('div', { class: `cal-grid ${cal.view}` }, columns));
}

function timeSpan(e) {
  return `${timeText(e.start, zone())}–${timeText(e.end, zone())}`;
}

function entryButton(e) {
  const who = [staffName(e.staffId), e.locationId ? locationName(e.locationId) : null].filter(Boolean).join(' · ');
  return h('button', {
    type: 'button', class: `cal-item ${e.kind}${e.cancelled ? ' cancelled' : ''}`, 'data-id': e.id,
    onclick: () => (e.kind === 'session' ? hooks.openSession(e.id) : showDetail(e.booking)),
  },
  h('span', { class: 'cal-time', text: timeSpan(e) }),
  h('span', { class: 'cal-name', text: e.name }),
  h('span', { class: 'cal-meta', text: who }),
  e.kind === 'session'
    ? h('span', { class: 'cal-meta', text: e.cancelled ? label('kind', 'SESSION') : t('cal.seats', { taken: e.taken, capacity: e.capacity }) })
    : h('span', { class: 'cal-meta', text: `${label('kind', 'APPOINTMENT')}: ${e.booking.client?.name ?? ''}` }),
  e.cancelled ? h('span', { class: 'badge cancelled', text: label('status', 'CANCELLED') }) : null);
}

// ---------------------------------------------------------------------------------------------
// An appointment's details

function showDetail(b) {
  cal.detail = b;
  const panel = ui.detail;
  panel.replaceChildren(
    h('div', { class: 'panel-head' },
      h('h3', { text: t('cal.appointmentTitle', { service: b.serviceName ?? '', client: b.client?.name ?? '' }) }),
      h('button', { type: 'button', class: 'button secondary small', id: 'cal-detail-close', text: t('cal.close'), onclick: closeDetail })),
    facts([
      [t('col.client'), [b.client?.name, b.client?.email, b.client?.phone].filter(Boolean).join(' · ')],
      [t('col.whenPlain'), `${longDayText(dateOf(b.start))}, ${timeSpan(b)} (${zoneName(zone())})`],
      [t('col.service'), b.serviceName],
      [t('cal.staff'), staffName(b.staffId)],
      [t('session.location'), b.locationId ? locationName(b.locationId) : null],
      [t('col.status'), statusBadge('status', b.status)],
      [t('col.payment'), h('span', {}, `${label('payment', b.paymentMethod)} · ${b.price ? money(b.price) : ''} `, statusBadge('paymentStatus', b.paymentStatus))],
      [t('cal.attendanceLabel'), b.attendance ? attendanceText(b.attendance) : null],
      [t('cal.notes'), b.notes ? h('span', { class: 'pre', text: b.notes }) : null],
    ]),
    attendanceControls(b, b.client?.name ?? ''));
  panel.hidden = false;
  panel.focus();
}

function closeDetail() {
  cal.detail = null;
  if (ui) ui.detail.hidden = true;
}

// ---------------------------------------------------------------------------------------------
// My classes today

function myDay() {
  const me = hooks.me();
  if (!me) return h('p', { class: 'muted empty-state', text: t('cal.notStaff', { email: state.email ?? '' }) });
  const list = entries();
  if (list.length === 0) return h('p', { class: 'muted empty-state', text: t('cal.emptyMine') });
  return h('ul', { class: 'my-day' }, list.map((e) => h('li', { class: `my-item${e.cancelled ? ' cancelled' : ''}`, 'data-id': e.id },
    h('div', { class: 'my-head' },
      h('span', { class: 'cal-time', text: timeSpan(e) }),
      h('h3', { class: 'cal-name', text: e.name }),
      h('span', { class: 'cal-meta', text: [e.locationId ? locationName(e.locationId) : null,
        e.kind === 'session' && !e.cancelled ? t('cal.seats', { taken: e.taken, capacity: e.capacity }) : null,
        e.cancelled ? label('status', 'CANCELLED') : null,
        e.kind === 'appointment' ? label('kind', 'APPOINTMENT') : null].filter(Boolean).join(' · ') }),
      e.kind === 'session' ? h('button', {
        type: 'button', class: 'button secondary small', text: t('cal.openSession'),
        'aria-label': t('session.openAria', { name: e.name, when: timeText(e.start, zone()) }), onclick: () => hooks.openSession(e.id),
      }) : null),
    e.kind === 'session' ? participants(e) : h('ul', { class: 'people' }, person(e.booking)))));
}

function participants(e) {
  const people = e.seats.filter((b) => cal.showCancelled || b.status !== 'CANCELLED')
    .sort((a, b) => (a.client?.name ?? '').localeCompare(b.client?.name ?? ''));
  if (people.length === 0) return h('p', { class: 'muted', text: t('cal.noParticipants') });
  return h('div', {},
    h('p', { class: 'muted', text: plural('participants.count', people.length) }),
    h('ul', { class: 'people' }, people.map(person)));
}

function person(b) {
  const name = b.client?.name ?? t('client.this');
  return h('li', { class: 'person', 'data-booking': b.bookingId },
    h('div', { class: 'person-name', text: name }),
    h('div', { class: 'person-badges' }, statusBadge('status', b.status), ' ', statusBadge('paymentStatus', b.paymentStatus), ' ',
      h('span', { class: 'muted', text: `${label('payment', b.paymentMethod)}` })),
    attendanceControls(b, name));
}

/** "Came" and "No-show" for a confirmed booking that has started; else why not yet. */
function attendanceControls(b, name) {
  const mark = h('p', { class: `attendance-mark${b.attendance ? ' marked' : ''}`, text: b.attendance ? attendanceText(b.attendance) : t('cal.notMarked') });
  if (b.status !== 'CONFIRMED') return b.attendance ? mark : null;
  if (Date.parse(b.start) > Date.now()) {
    return h('p', { class: 'muted hint', text: t('cal.fromStart', { time: timeText(b.start, zone()) }) });
  }
  const button = (status, text, aria) => h('button', {
    type: 'button', class: `button secondary attendance-button ${status === 'ATTENDED' ? 'came' : 'missed'}`, 'data-mark': status,
    'aria-pressed': String(b.attendance === status), text, 'aria-label': aria,
    onclick: (event) => markAttendance(b, status, event.currentTarget),
  });
  return h('div', { class: 'attendance' }, mark,
    h('div', { class: 'attendance-buttons' },
      button('ATTENDED', t('cal.markAttended'), t('cal.markAttendedAria', { name })),
      button('NO_SHOW', t('cal.markNoShow'), t('cal.markNoShowAria', { name }))));
}

async function markAttendance(b, status, button) {
  button.disabled = true;
  let changed;
  try {
    changed = await api('POST', `/studios/${S()}/bookings/${enc(b.bookingId)}/attendance`, { body: { status } });
  } catch (e) {
    button.disabled = false;
    notice(errorText(e.code), 'error');
    return;
  }
  b.attendance = changed.attendance ?? status;
  notice(t('cal.marked', { name: b.client?.name ?? t('client.this'), mark: attendanceText(b.attendance) }), 'success');
  if (cal.detail === b) showDetail(b);
  draw();
  document.querySelector(`[data-booking="${CSS.escape(b.bookingId)}"] [data-mark="${status}"]`)?.focus();
}
