// Studio Booking admin page: running sessions (issue 14). Session templates, a session or a weekly
// series created (from a template or not), a session changed or rescheduled, a session or the rest of
// a series cancelled, and who waits for a seat. Every change that e-mails clients or gives money back
// says first what it will do, computed the way core/ does it (SessionSetup, SessionBooking.cancelSeat).
//
// admin.js keeps the list, the session view and its participants; it calls sessionExtras(session)
// after drawing a session, refreshSessionTexts() after a change of language, and hands its own
// functions over once with initSessions({…}).

import { addDays, h, query } from '../shared/dom.js';
import { clockText, dayText, errorText, minorDigits, money, plural, t, weekdayName, zoneName } from './language.js';
import {
  $, InputError, S, api, clearFormErrors, clockValue, enc, integer, label, locationName, minorUnits, notice, show,
  staffName, state, submitting, table, whenText, zone, zonedIso,
} from './base.js';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** What admin.js lends this module: reopen a session, redraw one, reload the list, its form helpers. */
let page = {
  openSession: () => {}, renderSession: () => {}, loadSessions: () => {}, syncSessionFormat: () => {}, toggleSessionForm: () => {},
  refreshDateHint: () => {},
};

/** The session view's extras for the session on screen: its waitlist and, for a series, the series. */
const shown = { sessionId: null, waitlist: [], series: null };
/** The template the session form is editing (null: the form creates a session or series). */
let editingTemplate = null;

export function initSessions(hooks) {
  page = { ...page, ...hooks };
  $('ns-template').addEventListener('change', useTemplate);
  $('ns-save-template').addEventListener('click', saveTemplate);
  $('ns-template-cancel').addEventListener('click', () => editTemplate(null));
  $('session-form').addEventListener('submit', createSession);
  $('session-cancel').addEventListener('click', cancelSession);
  // "New session" after editing a template: the form creates sessions again
  $('new-session-toggle').addEventListener('click', () => { if (editingTemplate) editTemplate(null); });
}

/** After a change of language: the texts this module wrote. */
export function refreshSessionTexts() {
  fillWeekdays();
  if (editingTemplate) {
    $('session-form-title').textContent = t('templates.editing', { name: editingTemplate.name });
    $('ns-save-template').textContent = t('templates.saveChanges');
  }
  if (state.templates) renderTemplates();
}

// ---------------------------------------------------------------------------------------------
// Templates

export async function loadTemplates() {
  fillWeekdays();
  const list = $('template-list');
  list.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  try {
    const answer = await api('GET', `/studios/${S()}/session-templates`);
    state.templates = answer.templates ?? [];
  } catch (e) {
    list.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }));
    return;
  }
  renderTemplates();
}

function renderTemplates() {
  const templates = state.templates ?? [];
  const picker = $('ns-template');
  const previous = picker.value;
  picker.replaceChildren(h('option', { value: '', text: t('templates.none') }),
    ...templates.map((x) => h('option', { value: x.templateId, text: x.name })));
  if (templates.some((x) => x.templateId === previous)) picker.value = previous;
  show($('ns-template-field'), templates.length > 0);
  $('template-list').replaceChildren(table(
    [t('session.name'), t('session.format'), t('common.durationMinutes'), t('session.capacity'), t('session.instructor'), t('common.price'), ''],
    templates.map((x) => [
      x.name,
      label('format', x.format),
      String(x.durationMinutes),
      capacityText(x),
      staffName(x.instructorId),
      [x.price ? money(x.price) : '', x.creditPrice ? plural('credits.count', x.creditPrice) : ''].filter(Boolean).join(' · '),
      h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button small', text: t('templates.use'), 'aria-label': t('templates.useAria', { name: x.name }), onclick: () => startFromTemplate(x) }),
        h('button', { type: 'button', class: 'button small secondary', text: t('common.edit'), 'aria-label': t('templates.editAria', { name: x.name }), onclick: () => editTemplate(x) }),
        h('button', { type: 'button', class: 'button small danger', text: t('common.delete'), 'aria-label': t('templates.deleteAria', { name: x.name }), onclick: (event) => deleteTemplate(x, event.currentTarget) })),
    ]), t('templates.title'), t('templates.empty')));
}

function capacityText(x) {
  return x.format === 'HYBRID'
    ? t('spots.hybrid', { inPerson: plural('spots.count', x.capacity), online: plural('spots.count', x.onlineCapacity) })
    : plural('spots.count', x.capacity);
}

/** The session form filled from a template: everything but the date, time and online access. */
function fillFromTemplate(x) {
  const f = $('session-form').elements;
  f.name.value = x.name;
  f.format.value = x.format;
  f.durationMinutes.value = x.durationMinutes;
  f.capacity.value = x.capacity;
  f.onlineCapacity.value = x.onlineCapacity ?? '';
  f.instructorId.value = x.instructorId;
  f.locationId.value = x.locationId ?? '';
  f.price.value = x.price ? (x.price.amount / 10 ** minorDigits(x.price.currency)).toFixed(minorDigits(x.price.currency)) : '';
  f.creditPrice.value = x.creditPrice ?? '';
  f.description.value = x.description ?? '';
  for (const box of $('session-form').querySelectorAll('input[name="paymentMethods"]')) box.checked = (x.paymentMethods ?? []).includes(box.value);
  page.syncSessionFormat();
}

function useTemplate(event) {
  const x = (state.templates ?? []).find((one) => one.templateId === event.currentTarget.value);
  if (x) fillFromTemplate(x);
}

function startFromTemplate(x) {
  editTemplate(null);
  page.toggleSessionForm(true);
  $('ns-template').value = x.templateId;
  fillFromTemplate(x);
  $('ns-date').focus();
}

/** The session form edits a template (x), or goes back to creating sessions (null). */
function editTemplate(x) {
  editingTemplate = x;
  const form = $('session-form');
  clearFormErrors(form);
  for (const el of form.querySelectorAll('.session-only')) show(el, !x);
  for (const el of form.querySelectorAll('.template-only')) show(el, Boolean(x));
  $('session-form-title').textContent = x ? t('templates.editing', { name: x.name }) : t('session.new');
  $('ns-save-template').textContent = x ? t('templates.saveChanges') : t('templates.save');
  if (x) {
    page.toggleSessionForm(true);
    fillFromTemplate(x);
    $('ns-name').focus();
  }
  page.syncSessionFormat();
}

/** The template fields of the session form (no date, time or online access). */
function templateBody(form) {
  const f = form.elements;
  const format = f.format.value;
  const body = {
    name: f.name.value.trim(),
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
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/**
 * Saves the form as a new template or, when editing one, as its replacement: the API has no change of
 * a template, so the new one is added first and the old one removed (sessions made from it keep theirs).
 */
async function saveTemplate() {
  const form = $('session-form');
  const old = editingTemplate;
  await submitting(form, async () => {
    const saved = await api('POST', `/studios/${S()}/session-templates`, { body: templateBody(form) });
    if (old) await api('DELETE', `/studios/${S()}/session-templates/${enc(old.templateId)}`);
    notice(old ? t('templates.saved', { name: saved.name }) : t('templates.added', { name: saved.name }), 'success');
    if (old) {
      editTemplate(null);
      page.toggleSessionForm(false);
    }
    await loadTemplates();
  });
}

async function deleteTemplate(x, button) {
  if (!window.confirm(t('templates.confirmDelete', { name: x.name }))) return;
  button.disabled = true;
  try {
    await api('DELETE', `/studios/${S()}/session-templates/${enc(x.templateId)}`);
    notice(t('templates.deleted', { name: x.name }), 'success');
  } catch (e) {
    notice(errorText(e.code), 'error');
  }
  if (editingTemplate?.templateId === x.templateId) editTemplate(null);
  await loadTemplates();
}

// ---------------------------------------------------------------------------------------------
// A new session, or a weekly series of them

function fillWeekdays() {
  const box = $('ns-weekdays');
  const checked = new Set([...box.querySelectorAll('input:checked')].map((c) => c.value));
  box.replaceChildren(h('legend', {}, h('span', { text: t('series.repeat') }), ' ', h('span', { class: 'muted', text: t('series.repeatHint') })),
    ...WEEKDAYS.map((day) => h('div', { class: 'choice' },
      h('input', { type: 'checkbox', id: `ns-day-${day}`, name: 'weekdays', value: day, checked: checked.has(day) }),
      h('label', { for: `ns-day-${day}`, text: weekdayName(day) }))));
}

/** The clashing dates an INSTRUCTOR_BUSY names ("… on 2027-01-13, 2027-01-20"), in words. */
function busyDates(error) {
  const dates = [...new Set(String(error.message ?? '').match(/\d{4}-\d{2}-\d{2}/g) ?? [])];
  return dates.map((d) => dayText(d)).join(', ');
}

async function createSession(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (editingTemplate) {
    await saveTemplate();
    return;
  }
  const f = form.elements;
  await submitting(form, async () => {
    if (!f.date.value || !f.time.value) throw new InputError('start', t('session.needStart'));
    const templateId = f.templateId.value;
    const body = { ...templateBody(form), start: zonedIso(f.date.value, clockValue(f.time, 'time'), zone()) };
    if (templateId) body.templateId = templateId;
    const link = f['onlineAccess.link'].value.trim();
    if (body.format !== 'IN_PERSON' && link) {
      body.onlineAccess = { link };
      const instructions = f['onlineAccess.instructions'].value.trim();
      const password = f['onlineAccess.password'].value.trim();
      if (instructions) body.onlineAccess.instructions = instructions;
      if (password) body.onlineAccess.password = password;
    }
    const weekdays = [...form.querySelectorAll('input[name="weekdays"]:checked')].map((c) => c.value);
    if (weekdays.length || f.until.value) {
      if (!weekdays.length) throw new InputError('repeat', t('series.needWeekdays'));
      if (!f.until.value) throw new InputError('until', t('series.needUntil'));
      body.repeat = { weekdays, until: f.until.value };
      let series;
      try {
        series = await api('POST', `/studios/${S()}/series`, { body });
      } catch (e) {
        if (e.code === 'INSTRUCTOR_BUSY' && busyDates(e)) throw new InputError('repeat', t('series.busyOn', { dates: busyDates(e) }));
        throw e;
      }
      notice(plural('series.created', series.sessionIds.length, { name: body.name }), 'success');
    } else {
      const created = await api('POST', `/studios/${S()}/sessions`, { body });
      notice(t('session.created', { name: created.name, when: whenText(created.start) }), 'success');
    }
    form.reset();
    fillWeekdays();
    page.syncSessionFormat();
    page.refreshDateHint($('ns-date'));
    page.refreshDateHint($('ns-until'));
    page.toggleSessionForm(false);
    await page.loadSessions();
  });
}

// ---------------------------------------------------------------------------------------------
// The sessions list: how many wait for a full session

/** Fills the "waiting" cell of each full session once its waitlist is in (only a full session has one). */
export async function showWaitlistCounts(sessions) {
  for (const s of sessions) {
    const cell = document.querySelector(`[data-waiting="${CSS.escape(s.sessionId)}"]`);
    if (!cell) continue;
    try {
      const answer = await api('GET', `/studios/${S()}/sessions/${enc(s.sessionId)}/waitlist`);
      const count = (answer.waitlist ?? []).length;
      cell.textContent = count ? plural('waitlist.count', count) : t('waitlist.nobody');
    } catch {
      cell.textContent = '';
    }
  }
}

/** The cell of the list's "waiting" column: filled later for a full session, else nothing. */
export function waitingCell(s) {
  return s.spotsLeft === 0 ? h('span', { 'data-waiting': s.sessionId, text: '…' }) : '';
}

// ---------------------------------------------------------------------------------------------
// One session: change, reschedule, waitlist, series

const holdsPlace = (p) => p.status === 'CONFIRMED' || p.status === 'AWAITING_PAYMENT';
const dateOf = (iso) => iso.slice(0, 10);
const timeOf = (iso) => iso.slice(11, 16);

/** Called by admin.js after it drew a session: the change form, the waitlist and the series. */
export async function sessionExtras(s) {
  const fresh = shown.sessionId !== s.sessionId;
  if (fresh) {
    shown.sessionId = s.sessionId;
    shown.waitlist = [];
    shown.series = null;
  }
  renderChangeForm(s);
  renderWaitlist(s);
  renderSeries(s);
  const [waitlist, series] = await Promise.all([
    api('GET', `/studios/${S()}/sessions/${enc(s.sessionId)}/waitlist`).then((a) => a.waitlist ?? [], () => null),
    s.seriesId ? api('GET', `/studios/${S()}/series/${enc(s.seriesId)}`).catch(() => null) : null,
  ]);
  if (shown.sessionId !== s.sessionId) return;
  shown.waitlist = waitlist ?? [];
  shown.series = series;
  renderWaitlist(s, waitlist === null);
  renderSeries(s);
}

function renderWaitlist(s, failed = false) {
  const box = $('session-waitlist');
  const rows = [...shown.waitlist].sort((a, b) => a.format.localeCompare(b.format) || a.position - b.position);
  const hybrid = s.format === 'HYBRID';
  box.replaceChildren(
    h('h3', { text: rows.length ? plural('waitlist.count', rows.length) : t('waitlist.title') }),
    failed ? h('p', { class: 'form-error', role: 'alert', text: errorText('INTERNAL') })
      : table([t('waitlist.position'), t('col.client'), hybrid ? t('col.seat') : null, t('col.payment')].filter(Boolean),
        rows.map((w) => [String(w.position), h('span', {}, w.client?.name ?? '', h('br'), h('span', { class: 'muted', text: w.client?.email ?? '' })),
          hybrid ? label('format', w.format) : null, label('payment', w.paymentMethod)].filter((x) => x !== null)),
        t('waitlist.title'), t('waitlist.empty')));
}

function renderChangeForm(s) {
  const box = $('session-manage');
  if (s.status !== 'SCHEDULED') {
    box.replaceChildren();
    return;
  }
  const inSeries = Boolean(s.seriesId);
  const option = (value, text) => h('option', { value, text });
  const form = h('form', { class: 'stack', novalidate: true, id: 'session-change-form', onsubmit: changeSession },
    h('h3', { text: t('change.title') }),
    h('div', { class: 'grid' },
      field('sc-date', t('session.date'), h('input', { id: 'sc-date', name: 'date', type: 'date', 'data-field': 'start', value: dateOf(s.start), 'aria-describedby': 'sc-date-hint' }),
        h('p', { class: 'hint muted', id: 'sc-date-hint' })),
      field('sc-time', `${t('session.start')} (${zoneName(zone())})`,
        h('input', { id: 'sc-time', name: 'time', class: 'clock', 'data-field': 'start', value: clockText(timeOf(s.start)), inputmode: 'numeric', autocomplete: 'off', maxlength: 8 })),
      field('sc-duration', t('common.durationMinutes'), h('input', { id: 'sc-duration', name: 'durationMinutes', type: 'number', min: 5, max: 240, step: 5, value: s.durationMinutes })),
      field('sc-capacity', s.format === 'HYBRID' ? `${t('session.capacity')} ${t('session.capacityInPerson')}` : t('session.capacity'),
        h('input', { id: 'sc-capacity', name: 'capacity', type: 'number', min: 1, max: 10000, value: s.capacity })),
      s.format === 'HYBRID' ? field('sc-online-capacity', t('session.onlineCapacity'),
        h('input', { id: 'sc-online-capacity', name: 'onlineCapacity', type: 'number', min: 1, max: 10000, value: s.onlineCapacity })) : null,
      field('sc-instructor', t('session.instructor'), h('select', { id: 'sc-instructor', name: 'instructorId' },
        state.staff.map((x) => option(x.staffId, x.name)))),
      s.format !== 'ONLINE' ? field('sc-location', t('session.location'), h('select', { id: 'sc-location', name: 'locationId' },
        state.locations.filter((l) => !l.online).map((l) => option(l.locationId, l.name)))) : null),
    inSeries ? h('fieldset', { class: 'checks', 'data-field': 'scope' },
      h('legend', { text: t('change.scope') }),
      h('div', { class: 'choice' }, h('input', { type: 'radio', id: 'sc-scope-one', name: 'scope', value: 'one', checked: true }),
        h('label', { for: 'sc-scope-one', text: t('change.onlyThis') })),
      h('div', { class: 'choice' }, h('input', { type: 'radio', id: 'sc-scope-following', name: 'scope', value: 'following' }),
        h('label', { for: 'sc-scope-following', text: t('change.thisAndFollowing') }))) : null,
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', text: t('change.save') })));
  form.elements.instructorId.value = s.instructorId;
  if (form.elements.locationId) form.elements.locationId.value = s.locationId ?? '';
  const details = h('details', { class: 'subpanel' }, h('summary', { text: t('change.open') }), form);
  const wasOpen = box.querySelector('details')?.open && shown.sessionId === s.sessionId;
  details.open = Boolean(wasOpen);
  box.replaceChildren(details);
  page.refreshDateHint(form.elements.date);
}

function field(id, text, input, ...after) {
  return h('div', { class: 'field' }, h('label', { for: id, text }), input, ...after);
}

/** The changes the form asks for, compared with the session (only what differs). */
function asked(form, s) {
  const f = form.elements;
  const change = {};
  if (!f.date.value) throw new InputError('start', t('session.needStart'));
  const time = clockValue(f.time, 'time');
  if (f.date.value !== dateOf(s.start) || time !== timeOf(s.start)) change.start = zonedIso(f.date.value, time, zone());
  const number = (name, now) => {
    if (!f[name]) return;
    const value = integer(f[name].value);
    if (value !== now) change[name] = value ?? f[name].value;
  };
  number('durationMinutes', s.durationMinutes);
  number('capacity', s.capacity);
  number('onlineCapacity', s.onlineCapacity);
  if (f.instructorId.value !== s.instructorId) change.instructorId = f.instructorId.value;
  if (f.locationId && f.locationId.value !== (s.locationId ?? '')) change.locationId = f.locationId.value;
  return { change, time };
}

/** What a change does, in sentences: e-mails for a move, seats given to the waitlist. */
function changeEffects(s, change, sessions = [s]) {
  const lines = [];
  const booked = sessions.reduce((n, one) => n + (one.participants ?? []).filter(holdsPlace).length, 0);
  if (change.start || change.startTime || change.durationMinutes !== undefined) {
    lines.push(booked ? plural('change.movedMails', booked) : t('change.nobodyToTell'));
  }
  for (const [name, seat] of [['capacity', s.format === 'ONLINE' ? 'ONLINE' : 'IN_PERSON'], ['onlineCapacity', 'ONLINE']]) {
    if (change[name] === undefined || sessions.length !== 1) continue;
    const raise = change[name] - (s[name] ?? 0);
    const waiting = shown.waitlist.filter((w) => w.format === seat).length;
    if (raise > 0 && waiting) lines.push(plural('change.promoted', Math.min(raise, waiting)));
  }
  if (change.instructorId) lines.push(t('change.instructor', { name: staffName(change.instructorId) }));
  if (change.locationId) lines.push(t('change.location', { name: locationName(change.locationId) }));
  return lines;
}

async function changeSession(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const s = state.session;
  const following = form.elements.scope?.value === 'following';
  await submitting(form, async () => {
    const { change, time } = asked(form, s);
    if (!Object.keys(change).length) throw new InputError(null, t('change.nothing'));
    if (following) {
      if (change.start && change.start.slice(0, 10) !== dateOf(s.start)) throw new InputError('start', t('change.seriesKeepsDates'));
      const body = { ...change, from: dateOf(s.start) };
      delete body.start;
      if (change.start) body.startTime = time;
      const later = (shown.series?.sessions ?? []).filter((x) => x.status === 'SCHEDULED' && dateOf(x.start) >= dateOf(s.start));
      const lines = [plural('change.seriesCount', later.length || 1, { date: dayText(dateOf(s.start)) }), ...changeEffects(s, body, later.length ? later : [s])];
      if (!window.confirm(lines.join('\n'))) return;
      try {
        await api('PATCH', `/studios/${S()}/series/${enc(s.seriesId)}`, { body });
      } catch (e) {
        if (e.code === 'INSTRUCTOR_BUSY' && busyDates(e)) throw new InputError('start', t('series.busyOn', { dates: busyDates(e) }));
        throw e;
      }
      notice(t('change.seriesSaved'), 'success');
      shown.sessionId = null;
      await page.openSession(s.sessionId);
      return;
    }
    const lines = changeEffects(s, change);
    if (lines.length && !window.confirm([t('change.question', { name: s.name }), ...lines].join('\n'))) return;
    let after;
    try {
      after = await api('PUT', `/studios/${S()}/sessions/${enc(s.sessionId)}`, { body: change });
    } catch (e) {
      throw belowBooked(e, s) ?? e;
    }
    notice(change.start ? t('change.moved', { name: after.name, when: whenText(after.start) }) : t('change.saved'), 'success');
    shown.sessionId = null;
    page.renderSession(after);
  });
}

/** A capacity the API refused because it is below the seats booked: said with their number. */
function belowBooked(error, s) {
  if (error.code !== 'VALIDATION_FAILED' || !['capacity', 'onlineCapacity'].includes(error.field)) return null;
  const seat = error.field === 'onlineCapacity' || s.format === 'ONLINE' ? 'ONLINE' : 'IN_PERSON';
  const booked = (s.participants ?? []).filter((p) => holdsPlace(p) && (p.format ?? seat) === seat).length;
  return booked ? new InputError(error.field, plural('change.belowBooked', booked)) : null;
}

function renderSeries(s) {
  const box = $('session-series');
  if (!s.seriesId) {
    box.replaceChildren();
    return;
  }
  const series = shown.series;
  const rows = series?.sessions ?? [];
  box.replaceChildren(
    h('h3', { text: t('series.title') }),
    series ? h('p', { class: 'muted', text: t('series.rule', {
      days: series.weekdays.map(weekdayName).join(', '), time: clockText(series.startTime), zone: zoneName(zone()), until: dayText(series.until),
    }) }) : h('p', { class: 'muted', text: t('common.loading') }),
    table([t('col.when', { zone: zoneName(zone()) }), t('col.status'), t('session.participants'), ''], rows.map((x) => [
      whenText(x.start),
      h('span', { class: `badge ${x.status.toLowerCase()}`, text: label('status', x.status) }),
      plural('participants.count', (x.participants ?? []).filter((p) => p.status !== 'CANCELLED').length),
      x.sessionId === s.sessionId ? t('series.thisOne') : h('button', {
        type: 'button', class: 'button small secondary', text: t('common.open'),
        'aria-label': t('session.openAria', { name: x.name, when: whenText(x.start) }), onclick: () => page.openSession(x.sessionId),
      }),
    ]), t('series.title')),
    s.status === 'SCHEDULED' ? h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'button danger', id: 'series-cancel', text: t('series.cancelFrom', { date: dayText(dateOf(s.start)) }),
      onclick: () => cancelSeriesFrom(s),
    })) : null,
    h('p', { class: 'form-error', id: 'series-cancel-error', role: 'alert', hidden: true }));
}

// ---------------------------------------------------------------------------------------------
// Cancelling: what it does to each booking, said before it is done

/**
 * The effect of cancelling these sessions on their bookings, as SessionBooking.cancelSeat decides it:
 * a waiting place ends, an unpaid one costs nothing, a pass entry or the credits go back to the wallet,
 * a paid card is refunded, a paid bank transfer is owed back by hand (or given as credits when the
 * policy refunds in credits and the session has a credit price).
 */
function cancelEffects(sessions, prices) {
  const e = { bookings: 0, card: 0, cardAmounts: new Map(), passes: 0, credits: 0, creditBookings: 0, transfers: 0, transferCredits: 0, waiting: 0, unpaid: 0 };
  const creditPolicy = state.settings?.cancellationPolicy?.refund === 'CREDIT';
  for (const s of sessions) {
    for (const p of s.participants ?? []) {
      if (p.status === 'CANCELLED') continue;
      if (p.status === 'WAITLISTED') {
        e.waiting += 1;
        continue;
      }
      e.bookings += 1;
      const paid = p.paymentStatus === 'PAID';
      if (p.status === 'AWAITING_PAYMENT') e.unpaid += 1;
      else if (p.paymentMethod === 'PASS') e.passes += 1;
      else if (p.paymentMethod === 'CREDITS') {
        e.creditBookings += 1;
        e.credits += s.creditPrice ?? 0;
      } else if (p.paymentMethod === 'CARD' && paid) {
        e.card += 1;
        const price = prices.get(p.bookingId) ?? s.price;
        if (price) e.cardAmounts.set(price.currency, (e.cardAmounts.get(price.currency) ?? 0) + price.amount);
      } else if (p.paymentMethod === 'BANK_TRANSFER' && paid) {
        if (creditPolicy && s.creditPrice) {
          e.creditBookings += 1;
          e.transferCredits += s.creditPrice;
        } else e.transfers += 1;
      } else e.unpaid += 1;
    }
  }
  return e;
}

function cancelLines(e) {
  const lines = [];
  if (e.bookings) lines.push(plural('cancel.bookings', e.bookings));
  if (e.card) {
    const amounts = [...e.cardAmounts].map(([currency, amount]) => money({ amount, currency })).join(' + ');
    lines.push(amounts ? plural('cancel.cardRefunds', e.card, { amount: amounts }) : plural('cancel.cardRefundsNoAmount', e.card));
  }
  if (e.passes) lines.push(plural('cancel.passes', e.passes));
  if (e.credits + e.transferCredits) lines.push(plural('cancel.credits', e.credits + e.transferCredits));
  if (e.transfers) lines.push(plural('cancel.transfers', e.transfers));
  if (e.unpaid) lines.push(plural('cancel.unpaid', e.unpaid));
  if (e.waiting) lines.push(plural('cancel.waiting', e.waiting));
  lines.push(e.bookings + e.waiting ? t('cancel.everyoneMailed') : t('cancel.nobody'));
  return lines;
}

/** What each booking paid (the bookings of those days), so a card refund names its amount. */
async function pricesOf(sessions) {
  const prices = new Map();
  if (!sessions.length) return prices;
  const days = sessions.map((s) => dateOf(s.start)).sort();
  try {
    const from = days[0];
    const to = days[days.length - 1] > addDays(from, 91) ? addDays(from, 91) : days[days.length - 1];
    const answer = await api('GET', `/studios/${S()}/bookings?${query({ from, to })}`);
    for (const b of answer.bookings ?? []) if (b.price) prices.set(b.bookingId, b.price);
  } catch { /* the session's price is said instead */ }
  return prices;
}

/**
 * The online twins cancelled with these sessions (SessionSetup.cancelSession cancels them too), as staff
 * see them: found in the loaded list by their twinOf (a twin starts when its original does).
 */
async function twinsOf(sessions) {
  const ids = new Set(sessions.map((x) => x.sessionId));
  const twins = (state.sessions ?? []).filter((x) => x.twinOf && ids.has(x.twinOf));
  return Promise.all(twins.map((x) => api('GET', `/studios/${S()}/sessions/${enc(x.sessionId)}`)));
}

async function cancelSession() {
  const s = state.session;
  const button = $('session-cancel');
  button.disabled = true;
  try {
    const all = [s, ...(await twinsOf([s])).filter((x) => x.status === 'SCHEDULED')];
    const effects = cancelEffects(all, await pricesOf(all));
    const question = [t('session.confirmCancelWhat', { name: s.name, when: whenText(s.start) }),
      ...(all.length > 1 ? [plural('cancel.twins', all.length - 1)] : []), ...cancelLines(effects)].join('\n');
    if (!window.confirm(question)) return;
    const cancelled = await api('POST', `/studios/${S()}/sessions/${enc(s.sessionId)}/cancel`);
    shown.sessionId = null;
    page.renderSession(cancelled);
    notice(t('session.cancelled'), 'success');
  } catch (e) {
    $('session-cancel-error').textContent = errorText(e.code);
    show($('session-cancel-error'));
  } finally {
    button.disabled = false;
  }
}

async function cancelSeriesFrom(s) {
  const from = dateOf(s.start);
  const later = (shown.series?.sessions ?? []).filter((x) => x.status === 'SCHEDULED' && dateOf(x.start) >= from);
  const twins = (await twinsOf(later).catch(() => [])).filter((x) => x.status === 'SCHEDULED');
  const effects = cancelEffects([...later, ...twins], await pricesOf([...later, ...twins]));
  const question = [plural('series.confirmCancel', later.length, { date: dayText(from) }),
    ...(twins.length ? [plural('cancel.twins', twins.length)] : []), ...cancelLines(effects)].join('\n');
  if (!window.confirm(question)) return;
  const error = $('series-cancel-error');
  try {
    const answer = await api('POST', `/studios/${S()}/series/${enc(s.seriesId)}/cancel`, { body: { from } });
    notice(plural('series.cancelled', answer.cancelledSessionIds?.length ?? 0), 'success');
    shown.sessionId = null;
    await page.openSession(s.sessionId);
  } catch (e) {
    error.textContent = errorText(e.code);
    show(error);
  }
}

