// Studio Booking admin page: a booking's detail (client, notes, payment, and what staff do with it),
// finding bookings by client and status, and the clients list's search and each client's bookings.
// Plain ES module, no build step. API data reaches the page only as text.

import { addDays, facts, h, query } from '../shared/dom.js';
import { cancellationEffect } from '../shared/cancellation.js';
import { errorText, language, money, t, zoneName } from './language.js';
import {
  $, InputError, S, api, clearFormErrors, clientName, confirmPaymentButton, enc, label, nowrap, notice, show, spanText,
  state, statusBadge, submitting, table, todayIn, whenHeader, whenText, zone,
} from './base.js';

const STATUSES = ['CONFIRMED', 'AWAITING_PAYMENT', 'WAITLISTED', 'CANCELLED'];

// ---------------------------------------------------------------------------------------------
// Finding bookings: by client (name, e-mail or phone) and status, within the days the form loaded

/** Adds the client and status filters to the bookings form; onChange re-renders the list. */
export function installBookingFilters(form, onChange) {
  if (form.querySelector('#bk-q')) return;
  const text = h('div', { class: 'field' },
    h('label', { for: 'bk-q', text: t('detail.findClient') }),
    h('input', { id: 'bk-q', name: 'q', type: 'search', autocomplete: 'off', oninput: onChange }));
  const status = h('div', { class: 'field' },
    h('label', { for: 'bk-status', text: t('col.status') }),
    h('select', { id: 'bk-status', name: 'status', onchange: onChange },
      h('option', { value: '', text: t('detail.anyStatus') }),
      ...STATUSES.map((s) => h('option', { value: s, text: label('status', s) }))));
  form.querySelector('button[type="submit"]').before(text, status);
}

/** The bookings the filters keep. */
export function filterBookings(bookings) {
  const q = ($('bk-q')?.value ?? '').trim().toLowerCase();
  const status = $('bk-status')?.value ?? '';
  return bookings.filter((b) => (!status || b.status === status) && (!q || matchesClient(b.client, q)));
}

/** Whether a client's name or e-mail contains q, or their phone its digits. */
export function matchesClient(client, q) {
  const digits = q.replace(/[^0-9]/g, '');
  return [client?.name, client?.email].some((x) => x?.toLowerCase().includes(q))
    || (digits.length > 0 && (client?.phone ?? '').replace(/[^0-9]/g, '').includes(digits));
}

/** The row button that opens a booking's detail; after() refreshes what opened it. */
export function detailButton(booking, after) {
  return h('button', {
    type: 'button', class: 'button small secondary', text: t('detail.open'),
    'aria-label': t('detail.openAria', { name: clientName(booking) }),
    onclick: () => openBookingDetail(booking.bookingId, after),
  });
}

// ---------------------------------------------------------------------------------------------
// The detail dialog

let dialog;
let current;
let afterChange = () => {};

function detailDialog() {
  if (dialog) return dialog;
  dialog = h('dialog', { id: 'booking-detail', class: 'detail-dialog', 'aria-labelledby': 'bd-title' },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'bd-title', tabindex: '-1' }),
      h('button', { type: 'button', class: 'button secondary', id: 'bd-close', text: t('detail.close'), onclick: closeDetail })),
    h('div', { id: 'bd-body' }));
  dialog.addEventListener('close', () => afterChange());
  document.body.append(dialog);
  return dialog;
}

function closeDetail() {
  dialog?.close();
}

/** Opens the detail of a booking read with the staff token (notes, phone, payment history). */
export async function openBookingDetail(bookingId, after = () => {}) {
  afterChange = after;
  let booking;
  try {
    booking = await api('GET', `/bookings/${enc(bookingId)}`);
  } catch (e) {
    notice(errorText(e.code), 'error');
    return;
  }
  const d = detailDialog();
  renderDetail(booking);
  if (!d.open) d.showModal();
  $('bd-title').focus();
}

async function refreshDetail() {
  try {
    renderDetail(await api('GET', `/bookings/${enc(current.bookingId)}`));
  } catch (e) {
    notice(errorText(e.code), 'error');
  }
}

/** A language's own name in the page's language (Intl knows them; no bundle needed). */
const languageName = (code) => {
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const mailLink = (email) => {
  const a = h('a', { text: email });
  a.href = `mailto:${encodeURIComponent(email)}`;
  return a;
};

const phoneLink = (phone) => {
  const a = h('a', { text: phone });
  a.href = `tel:${phone.replace(/[^+0-9]/g, '')}`;
  return a;
};

function renderDetail(b) {
  current = b;
  $('bd-title').textContent = t('detail.title', { name: clientName(b) });
  const c = b.client ?? {};
  const cancelled = b.cancellation;
  $('bd-body').replaceChildren(
    facts([
      [t('detail.client'), c.name],
      [t('common.email'), c.email ? mailLink(c.email) : null],
      [t('detail.phone'), c.phone ? phoneLink(c.phone) : t('detail.noPhone')],
      [t('detail.language'), b.language ? languageName(b.language) : t('detail.studioLanguage')],
      [t('col.what'), [b.serviceName, label('kind', b.kind), b.staffName, label('format', b.format)].filter(Boolean).join(' · ')],
      [t('col.whenPlain'), `${spanText(b.start, b.end)} (${zoneName(zone())})`],
      [t('col.status'), statusBadge('status', b.status)],
      [t('detail.attendance'), b.attendance ? label('attendance', b.attendance) : null],
    ]),
    h('h3', { text: t('detail.notes') }),
    h('p', { class: b.notes ? 'pre' : 'muted', id: 'bd-notes', text: b.notes || t('detail.noNotes') }),
    h('h3', { text: t('detail.payment') }),
    facts([
      [t('col.payment'), label('payment', b.paymentMethod)],
      [t('col.paid'), statusBadge('paymentStatus', b.paymentStatus)],
      [t('common.price'), b.price ? money(b.price) : null],
      [t('detail.reference'), b.paymentMethod === 'BANK_TRANSFER' ? b.reference : null],
      [t('detail.dueBy', { zone: zoneName(zone()) }), b.paymentDueBy ? whenText(b.paymentDueBy) : null],
      [t('detail.card'), b.payment?.cardPaid ? t('detail.cardPaid') : null],
      [t('detail.wallet'), walletText(b.payment)],
      [t('detail.booked'), whenText(b.createdAt)],
      [t('detail.cancelledAt'), cancelled ? t('detail.cancelledBy', {
        when: whenText(cancelled.cancelledAt), by: label('cancelledBy', cancelled.by),
      }) + (cancelled.late ? ` · ${t('detail.late')}` : '') : null],
      [t('detail.givenBack'), givenBackText(b)],
    ]),
    actions(b),
    b.status !== 'CANCELLED' ? rescheduleForm(b) : '',
    b.onlineLinkSet !== undefined && b.onlineLinkSet !== null && b.status !== 'CANCELLED' ? onlineLinkForm(b) : '',
    b.status !== 'CANCELLED' ? cancelSection(b) : '',
  );
}

function walletText(p) {
  if (!p) return null;
  if (p.passEntryUsed) return t('detail.passEntryUsed');
  if (p.creditsUsed > 0) return t('detail.creditsUsed', { credits: p.creditsUsed });
  return null;
}

/** What a cancelled booking gave back, as far as the booking says. */
function givenBackText(b) {
  if (b.status !== 'CANCELLED') return null;
  if (b.payment?.forfeited) return t('detail.effect.forfeited');
  if (b.payment?.walletReturned === true) return b.payment.passEntryUsed ? t('detail.back.pass') : t('detail.back.credits');
  if (b.payment?.walletReturned === false) return t('detail.back.none');
  if (['REFUND_PENDING', 'REFUND_DUE', 'REFUNDED'].includes(b.paymentStatus)) return label('paymentStatus', b.paymentStatus);
  return t('detail.back.nothingPaid');
}

function actions(b) {
  const buttons = [confirmPaymentButton(b, refreshDetail)];
  const started = Date.parse(b.start) <= Date.now();
  if (b.status === 'CONFIRMED' && started) {
    for (const mark of ['ATTENDED', 'NO_SHOW']) {
      buttons.push(h('button', {
        type: 'button', class: `button small ${b.attendance === mark ? '' : 'secondary'}`, text: label('attendance', mark),
        'aria-pressed': String(b.attendance === mark),
        onclick: () => run(() => api('POST', `/studios/${S()}/bookings/${enc(b.bookingId)}/attendance`, { body: { status: mark } }),
          t('detail.marked')),
      }));
    }
  }
  return h('div', { class: 'row-actions detail-actions' }, ...buttons.filter(Boolean));
}

async function run(call, done) {
  try {
    await call();
    notice(done, 'success');
  } catch (e) {
    notice(errorText(e.code), 'error');
  }
  await refreshDetail();
}

// ---------------------------------------------------------------------------------------------
// Reschedule on the client's behalf: a free slot of the same practitioner, or another session of the same kind

function rescheduleForm(b) {
  const day = b.start.slice(0, 10);
  const choice = h('select', { id: 'bd-move-to', name: 'to', disabled: true },
    h('option', { value: '', text: t('detail.pickFirst') }));
  const form = h('form', { id: 'bd-reschedule', class: 'stack subpanel', novalidate: true },
    h('h3', { text: t('detail.reschedule') }),
    h('div', { class: 'inline-form' },
      b.kind === 'APPOINTMENT' ? h('div', { class: 'field' },
        h('label', { for: 'bd-move-day', text: t('detail.moveDay') }),
        h('input', { id: 'bd-move-day', name: 'day', type: 'date', value: day })) : '',
      h('button', {
        type: 'button', class: 'button secondary', text: t('detail.findTimes'),
        onclick: () => findTimes(b, form, choice),
      }),
      h('div', { class: 'field' }, h('label', { for: 'bd-move-to', text: t('detail.moveTo') }), choice)),
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', text: t('detail.move') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const to = choice.value;
      if (!to) throw new InputError('to', t('detail.pickFirst'));
      const body = b.kind === 'APPOINTMENT' ? { start: to } : { sessionId: to };
      const moved = await api('POST', `/bookings/${enc(b.bookingId)}/reschedule`, { body });
      notice(t('detail.moved', { when: whenText(moved.start) }), 'success');
      renderDetail(moved);
    });
  });
  return form;
}

async function findTimes(b, form, choice) {
  clearFormErrors(form);
  await submitting(form, async () => {
    let options;
    if (b.kind === 'APPOINTMENT') {
      const day = form.elements.day.value;
      if (!day) throw new InputError('day', t('detail.pickDay'));
      const answer = await api('GET', `/studios/${S()}/slots?${query({ serviceId: b.serviceId, staffId: b.staffId, from: day, to: day })}`);
      options = (answer.slots ?? []).filter((s) => s.start !== b.start)
        .map((s) => h('option', { value: s.start, text: spanText(s.start, s.end) }));
    } else {
      const from = todayIn(zone());
      const to = addDays(from, 27);
      const answer = await api('GET', `/studios/${S()}/sessions?${query({ from, to })}`);
      options = (answer.sessions ?? []).filter((s) => s.status === 'SCHEDULED' && s.sessionId !== b.sessionId
        && s.name === b.serviceName && Date.parse(s.start) > Date.now())
        .map((s) => h('option', { value: s.sessionId, text: `${spanText(s.start, s.end)} · ${s.name}` }));
    }
    choice.replaceChildren(options.length ? h('option', { value: '', text: t('detail.pick') }) : h('option', { value: '', text: t('detail.noTimes') }), ...options);
    choice.disabled = options.length === 0;
    if (options.length) choice.focus();
  });
}

// ---------------------------------------------------------------------------------------------
// An online appointment's own link

function onlineLinkForm(b) {
  const field = (name, text, type = 'text') => h('div', { class: 'field' },
    h('label', { for: `bd-oa-${name}`, text }), h('input', { id: `bd-oa-${name}`, name, type, maxlength: 2048 }));
  const form = h('form', { id: 'bd-online', class: 'stack subpanel', novalidate: true },
    h('h3', { text: t('detail.onlineLink') }),
    h('p', { class: 'muted', text: b.onlineLinkSet ? t('detail.linkSet') : t('detail.linkMissing') }),
    field('link', t('detail.link'), 'url'), field('instructions', t('detail.instructions')), field('password', t('detail.password')),
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', text: t('detail.saveLink') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const value = (name) => form.elements[name].value.trim() || null;
      if (!value('link')) throw new InputError('link', t('detail.needLink'));
      const body = { link: value('link'), instructions: value('instructions'), password: value('password') };
      renderDetail(await api('PUT', `/studios/${S()}/bookings/${enc(b.bookingId)}/online-access`, { body }));
      notice(t('detail.linkSaved'), 'success');
    });
  });
  return form;
}

// ---------------------------------------------------------------------------------------------
// Cancel, with what it gives back shown first

/**
 * What cancelling this booking now, by staff, gives back (a staff cancellation is never late): one of the EFFECTS
 * below, as ../shared/cancellation.js decides it for the admin page and the widget alike.
 */
export { cancellationEffect };

const EFFECTS = {
  forfeited: () => t('detail.effect.forfeited'),
  pass: () => t('detail.effect.pass'),
  credits: (b) => t('detail.effect.credits', { credits: b.payment.creditsUsed }),
  nothingPaid: () => t('detail.effect.nothingPaid'),
  card: (b) => t('detail.effect.card', { amount: money(b.price) }),
  transfer: (b) => t('detail.effect.transfer', { amount: money(b.price) }),
  transferCredit: (b) => t('detail.effect.transferCredit', { amount: money(b.price) }),
};

function cancelSection(b) {
  const { effect, lateHours } = cancellationEffect(b, state.settings);
  const confirmBox = h('div', { id: 'bd-cancel-confirm', class: 'stack', hidden: true },
    h('p', { id: 'bd-effect', tabindex: '-1', text: EFFECTS[effect](b) }),
    lateHours !== null ? h('p', { class: 'muted', text: t('detail.effect.lateNote', { hours: lateHours }) }) : '',
    h('p', { text: t('detail.cancelEmail') }),
    h('div', { class: 'row-actions' },
      h('button', {
        type: 'button', id: 'bd-cancel-yes', class: 'button danger', text: t('detail.cancelYes'),
        onclick: (event) => {
          event.currentTarget.disabled = true;
          run(() => api('POST', `/bookings/${enc(b.bookingId)}/cancel`), t('bookings.cancelled'));
        },
      }),
      h('button', {
        type: 'button', class: 'button secondary', text: t('detail.cancelNo'),
        onclick: () => { show(confirmBox, false); show(ask); ask.focus(); },
      })));
  const ask = h('button', {
    type: 'button', id: 'bd-cancel', class: 'button danger', text: t('detail.cancel'),
    onclick: () => { show(ask, false); show(confirmBox); $('bd-effect').focus(); },
  });
  return h('div', { class: 'subpanel' }, h('h3', { text: t('detail.cancelTitle') }), ask, confirmBox);
}

// ---------------------------------------------------------------------------------------------
// Clients: search, and a client's bookings beside their wallet

/** Adds the search field above the clients list; reload() reads the list again with it. */
export function installClientSearch(list, reload) {
  if ($('cl-search')) return;
  let timer;
  const form = h('form', { id: 'client-search-form', class: 'inline-form', role: 'search', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'cl-search', text: t('detail.searchClients') }),
      h('input', {
        id: 'cl-search', name: 'q', type: 'search', maxlength: 120, autocomplete: 'off',
        oninput: () => { clearTimeout(timer); timer = setTimeout(reload, 250); },
      })),
    h('button', { type: 'submit', class: 'button secondary', text: t('detail.search') }));
  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); reload(); });
  list.before(form);
}

/** What the clients search asks for (empty: everyone). */
export const clientSearch = () => ($('cl-search')?.value ?? '').trim();

/** The client's bookings from 45 days ago to 46 days ahead (one bounded read), under their wallet. */
export async function showClientBookings(client, panel) {
  let box = $('client-bookings');
  if (!box) {
    box = h('div', { id: 'client-bookings' });
    panel.append(h('h3', { text: t('detail.clientBookings') }), box);
  }
  box.replaceChildren(h('p', { class: 'muted', text: t('common.loading') }));
  const today = todayIn(zone());
  try {
    const from = addDays(today, -45);
    const to = addDays(today, 46);
    const answer = await api('GET', `/studios/${S()}/bookings?${query({ from, to })}`);
    const mine = (answer.bookings ?? []).filter((b) => b.client?.email?.toLowerCase() === client.email.toLowerCase());
    box.replaceChildren(table([whenHeader(), t('col.what'), t('col.status'), t('col.paid'), ''], mine.map((b) => [
      nowrap(whenText(b.start)),
      [b.serviceName, b.staffName].filter(Boolean).join(' · '),
      statusBadge('status', b.status),
      statusBadge('paymentStatus', b.paymentStatus),
      detailButton(b, () => showClientBookings(client, panel)),
    ]), t('detail.clientBookings'), t('detail.noClientBookings')));
  } catch (e) {
    box.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: errorText(e.code) }));
  }
}
