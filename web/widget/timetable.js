// Studio Booking widget: the week's timetable of classes beside the list, and the filters both views
// share (issue 15). Monday to Sunday of one week, a column per day on a wide screen and a day-by-day
// agenda on a phone; one GET …/sessions per week shown, and the filters (class, instructor, location,
// in the studio / online) narrow what is loaded without asking again. The view and the filters live in
// the page's query (?view=week&type=&instructor=&location=&format=), so a studio can link a filtered
// timetable (embed.js passes data-view, data-type, data-instructor, data-location, data-format).
// Times read in the zone the page shows (the studio's, or the visitor's with ?times=mine), by day of
// that zone; a class opens the same booking form as the list.

import { addDays, h, query } from '../shared/dom.js';
import {
  state, params, $, t, i18n, fmt, api, enc, errorText, show, otherZone, lastBookableDay, spotsText, visitorTime, withWhom,
} from './base.js';
import { canWait } from './waitlist.js';

/** The format filter's values in the query, and which session formats each lets through (a hybrid class is both). */
const FORMATS = { 'in-person': ['IN_PERSON', 'HYBRID'], online: ['ONLINE', 'HYBRID'] };

const filters = {
  type: params.get('type') || null,
  instructor: params.get('instructor') || null,
  location: params.get('location') || null,
  format: FORMATS[params.get('format')] ? params.get('format') : null,
};

const week = {
  view: params.get('view') === 'week' ? 'week' : 'list',
  monday: null,
  sessions: null,
  error: null,
};

/** What widget.js lends: the booking form, and loading and drawing its list. */
let hooks = { book: () => {}, loadList: () => {}, renderList: () => {} };

export function initTimetable(lent) {
  hooks = lent;
}

/** Whether the week is shown (the list's loading then loads the week instead). */
export const weekShown = () => week.view === 'week';

/** The sessions the filters let through. */
export function filterSessions(sessions) {
  return sessions.filter((s) => (!filters.type || s.name === filters.type)
    && (!filters.instructor || s.instructorId === filters.instructor)
    && (!filters.location || (s.format !== 'ONLINE' && s.locationId === filters.location))
    && (!filters.format || FORMATS[filters.format].includes(s.format)));
}

const filtered = () => Object.values(filters).some(Boolean);

/** "No class matches these filters", with a way out; for the list too. */
export function noMatch() {
  return h('div', { class: 'no-match' },
    h('p', { class: 'muted', text: t('timetable.noMatch') }),
    h('button', { type: 'button', class: 'button secondary', text: t('timetable.clear'), onclick: clearFilters }));
}

// ---------------------------------------------------------------------------------------------
// Loading a week

function mondayOf(date) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

export async function loadWeek() {
  if (!week.monday) week.monday = mondayOf(state.today);
  const monday = week.monday;
  // a day more on each side when the visitor's clock may move a class across midnight
  const pad = otherZone() ? 1 : 0;
  const from = addDays(monday, -pad);
  const to = addDays(monday, 6 + pad);
  show($('sessions'));
  week.sessions = null;
  week.error = null;
  renderTimetable();
  let answer;
  try {
    answer = await api('GET', `/studios/${enc(state.studioId)}/sessions?${query({ from, to })}`);
  } catch (e) {
    if (week.monday !== monday) return;
    week.error = e;
    renderTimetable();
    return;
  }
  if (week.monday !== monday) return; // a newer week is on its way
  week.sessions = (answer.sessions ?? []).filter((s) => !state.staffId || s.instructorId === state.staffId);
  renderTimetable();
}

function goToWeek(monday) {
  week.monday = monday;
  loadWeek();
}

// ---------------------------------------------------------------------------------------------
// Choices: the view and the filters, kept in the page's query

function keepInUrl() {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries({ ...filters, view: weekShown() ? 'week' : null })) {
    if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url.href);
}

function chooseView(view) {
  if (week.view === view) return;
  week.view = view;
  keepInUrl();
  renderTimetable();
  if (view === 'week') {
    if (!week.sessions) loadWeek();
  } else if (!state.sessions && !state.sessionsError) {
    hooks.loadList();
  } else {
    hooks.renderList();
  }
  $(`view-${view}`).focus();
}

function chooseFilter(name, value) {
  filters[name] = value || null;
  keepInUrl();
  redraw();
  $(`filter-${name}`).focus(); // the bar was drawn anew
}

function clearFilters() {
  for (const name of Object.keys(filters)) filters[name] = null;
  keepInUrl();
  redraw();
  $('filter-type')?.focus();
}

function redraw() {
  renderTimetable();
  if (!weekShown() && (state.sessions || state.sessionsError)) hooks.renderList();
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Everything of the timetable from its state, in the page's language and zone (renderPage calls it too). */
export function renderTimetable() {
  if (!state.profile) return;
  const wide = weekShown();
  document.body.classList.toggle('timetable-week', wide);
  show($('sessions-pager'), !wide);
  show($('session-list'), !wide);
  show($('timetable-week'), wide);
  renderBar();
  if (wide) renderWeek();
}

/** The loaded classes (the list's and the week's), for the filters' choices. */
function loaded() {
  return [...(state.sessions ?? []), ...(week.sessions ?? [])];
}

function renderBar() {
  const sessions = loaded();
  const distinct = (pairs) => [...new Map(pairs.filter(([value]) => value)).entries()]
    .sort((a, b) => a[1].localeCompare(b[1], i18n.language));
  const staffName = (id) => state.profile.staff?.find((s) => s.staffId === id)?.name ?? id;
  const placeName = (id) => state.profile.locations?.find((l) => l.locationId === id)?.name ?? id;
  const types = distinct([...sessions.map((s) => [s.name, s.name]), [filters.type, filters.type]]);
  const instructors = distinct([...sessions.map((s) => [s.instructorId, s.instructorName ?? staffName(s.instructorId)]),
    [filters.instructor, staffName(filters.instructor)]]);
  const locations = distinct([...sessions.filter((s) => s.format !== 'ONLINE').map((s) => [s.locationId, placeName(s.locationId)]),
    [filters.location, placeName(filters.location)]]);
  const formats = [['in-person', t('format.IN_PERSON')], ['online', t('format.ONLINE')]];

  const select = (name, label, all, options) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}`, text: label }),
    h('select', { id: `filter-${name}`, name, onchange: (event) => chooseFilter(name, event.target.value) },
      h('option', { value: '', text: all }),
      options.map(([value, text]) => h('option', { value, text, selected: value === filters[name] }))));
  const viewButton = (view, text) => h('button', {
    type: 'button', id: `view-${view}`, class: 'button secondary', 'aria-pressed': String(week.view === view), text,
    onclick: () => chooseView(view),
  });

  $('timetable-bar').replaceChildren(
    h('div', { class: 'view-switch', role: 'group', 'aria-label': t('timetable.views') },
      viewButton('list', t('timetable.list')), viewButton('week', t('timetable.week'))),
    h('div', { class: 'filters', role: 'group', 'aria-label': t('timetable.filters') },
      select('type', t('timetable.type'), t('timetable.allTypes'), types),
      select('instructor', t('timetable.instructor'), t('timetable.allInstructors'), instructors),
      select('location', t('timetable.location'), t('timetable.allLocations'), locations),
      select('format', t('timetable.format'), t('timetable.bothFormats'), formats),
      filtered() ? h('button', { type: 'button', id: 'filters-clear', class: 'button link', text: t('timetable.clear'), onclick: clearFilters }) : null));
}

function renderWeek() {
  const monday = week.monday ?? mondayOf(state.today);
  const sunday = addDays(monday, 6);
  const thisMonday = mondayOf(state.today);
  const range = i18n.dates('UTC', { day: 'numeric', month: 'short', year: 'numeric' })
    .formatRange(new Date(`${monday}T00:00:00Z`), new Date(`${sunday}T00:00:00Z`));
  renderPager(monday, range, thisMonday);
  let body;
  if (week.error) {
    body = h('p', { class: 'form-error', role: 'alert', text: errorText(week.error) });
  } else if (!week.sessions) {
    body = h('p', { class: 'muted', text: t('sessions.loading') });
  } else {
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    const inWeek = week.sessions.filter((s) => days.includes(fmt.dayKey(s.start)));
    const shown = filterSessions(inWeek);
    const dayName = i18n.dates('UTC', { weekday: 'long', day: 'numeric', month: 'long' });
    body = [
      inWeek.length === 0 ? h('p', { class: 'muted', text: t('timetable.noneThisWeek') }) : null,
      inWeek.length > 0 && shown.length === 0 ? noMatch() : null,
      h('ol', { class: 'week-grid' }, days.map((day) => {
        const classes = shown.filter((s) => fmt.dayKey(s.start) === day);
        return h('li', { class: `week-day${classes.length ? '' : ' empty'}${day === state.today ? ' today' : ''}` },
          h('h3', { text: dayName.format(new Date(`${day}T00:00:00Z`)) }),
          classes.length ? h('ul', { class: 'week-classes' }, classes.map(weekClass))
            : h('p', { class: 'muted', text: t('timetable.noneThisDay') }));
      })),
    ];
  }
  $('week-body').replaceChildren(...[body].flat().filter(Boolean));
}

/** The week's pager, drawn once and then updated, so a button keeps the focus and the dates are announced. */
function renderPager(monday, range, thisMonday) {
  const container = $('timetable-week');
  if (!$('week-range')) {
    const pagerButton = (id, step) => h('button', {
      type: 'button', id, class: 'button secondary',
      onclick: () => goToWeek(step === 0 ? mondayOf(state.today) : addDays(week.monday, step)),
    });
    container.replaceChildren(
      h('div', { class: 'week-pager' },
        h('span', { id: 'week-range', 'aria-live': 'polite' }),
        pagerButton('week-prev', -7), pagerButton('week-this', 0), pagerButton('week-next', 7)),
      h('div', { id: 'week-body' }));
  }
  $('week-range').textContent = range;
  const buttons = [['week-prev', t('timetable.previous'), monday <= thisMonday],
    ['week-this', t('timetable.thisWeek'), monday === thisMonday],
    ['week-next', t('timetable.next'), addDays(monday, 7) > lastBookableDay()]];
  const focused = document.activeElement?.id;
  for (const [id, text, disabled] of buttons) {
    $(id).textContent = text;
    $(id).disabled = disabled;
  }
  // the last week reached (or this week again): the focus goes to a button that still works
  if (buttons.some(([id, , disabled]) => id === focused && disabled)) $(buttons.find(([, , disabled]) => !disabled)[0]).focus();
}

function weekClass(session) {
  const started = Date.parse(session.start) <= Date.now();
  const bookable = !started && session.status !== 'CANCELLED' && session.spotsLeft > 0;
  const place = state.profile.locations?.find((l) => l.locationId === session.locationId)?.name;
  const where = session.format === 'ONLINE' ? t('format.ONLINE')
    : session.format === 'HYBRID' ? t('timetable.hybridPlace', { place: place ?? '' }) : place;
  const yourTime = visitorTime(session);
  let action;
  if (started) {
    action = h('p', { class: 'muted', text: t('timetable.started') });
  } else if (!bookable && canWait(session)) {
    action = h('button', {
      type: 'button', class: 'button secondary', text: t('session.joinWaitlist'),
      'aria-label': t('session.joinWaitlistAria', { name: session.name, when: fmt.moment(session.start) }),
      onclick: () => hooks.book({ kind: 'SESSION', session, waitlist: true }),
    });
  } else {
    action = h('button', {
      type: 'button', class: 'button', disabled: !bookable, text: bookable ? t('session.book') : t('session.full'),
      'aria-label': t('session.bookAria', { name: session.name, when: fmt.moment(session.start) }),
      onclick: () => hooks.book({ kind: 'SESSION', session }),
    });
  }
  return h('li', { class: `week-class${started ? ' started' : ''}`, 'data-session': session.sessionId },
    h('p', { class: 'time-label', text: `${fmt.time(session.start)}–${fmt.time(session.end)}` }),
    h('h4', { text: session.name }),
    session.instructorName ? h('p', { class: 'meta', text: withWhom(session.instructorName) }) : null,
    where ? h('p', { class: 'meta', text: where }) : null,
    yourTime ? h('p', { class: 'meta', text: yourTime }) : null,
    started ? null : h('p', { class: `spots${bookable ? '' : ' full'}`, text: spotsText(session) }),
    action);
}
