// Walk-ins and phone bookings: staff book on a client's behalf (POST /bookings with the staff token).
// "Book for a client" in the Bookings tab (a class or an appointment) and "Add a participant" in an
// open session's detail. The payment methods offered are those the studio and the session or service
// accept; a pass or credits show the client's wallet when the e-mail is a known client's; a card
// booking shows the payment link (also e-mailed to the client) with a copy button.

import { addDays, h, query } from '../shared/dom.js';
import { money, plural, t, zoneName } from './language.js';
import {
  InputError, S, SESSION_DAYS, api, enc, label, notice, show, spanText, state, submitting, todayIn, whenText, zone,
} from './base.js';

const PREPAID = ['CARD', 'PASS', 'CREDITS', 'BANK_TRANSFER'];
let forms = 0;

/** The Bookings tab's "Book for a client" button and its form, in {@code container}; {@code done} after booking. */
export function bookForClient(container, done) {
  const holder = h('div', { class: 'walkin' });
  const button = h('button', {
    type: 'button', class: 'button', text: t('walkin.open'), 'aria-expanded': 'false',
    onclick: () => {
      const open = holder.childElementCount === 0;
      holder.replaceChildren(...(open ? [walkInForm({ done, close: () => button.click() })] : []));
      button.setAttribute('aria-expanded', String(open));
      if (open) holder.querySelector('input, select')?.focus();
    },
  });
  container.replaceChildren(h('div', { class: 'actions' }, button), holder);
}

/** An open session's "Add a participant" button and form (null when the session takes no new bookings). */
export function addParticipant(session, done) {
  if (session.status !== 'SCHEDULED' || Date.parse(session.end) <= Date.now()) return null;
  return bookForClientIn(session, done);
}

function bookForClientIn(session, done) {
  const wrap = h('div', { class: 'walkin subpanel' });
  const holder = h('div');
  const button = h('button', {
    type: 'button', class: 'button secondary', text: t('walkin.addParticipant'), 'aria-expanded': 'false',
    onclick: () => {
      const open = holder.childElementCount === 0;
      holder.replaceChildren(...(open ? [walkInForm({ session, done, close: () => button.click() })] : []));
      button.setAttribute('aria-expanded', String(open));
      if (open) holder.querySelector('input, select')?.focus();
    },
  });
  wrap.append(h('div', { class: 'actions' }, button), holder);
  return wrap;
}

// ---------------------------------------------------------------------------------------------

const field = (id, text, control, hint) => h('div', { class: 'field' },
  h('label', { for: id, text }), control, hint ? h('p', { class: 'hint muted', id: `${id}-hint`, text: hint }) : null);

function walkInForm({ session: fixed, done, close }) {
  const n = ++forms;
  const id = (name) => `wi${n}-${name}`;
  const form = h('form', { class: 'stack panel', novalidate: true, 'aria-label': fixed ? t('walkin.addParticipant') : t('walkin.title') });
  const kind = fixed ? 'SESSION' : null;
  const kindField = fixed ? null : h('fieldset', { 'data-field': 'kind' }, h('legend', { text: t('walkin.what') }),
    ...[['SESSION', t('walkin.class')], ['APPOINTMENT', t('walkin.appointment')]].map(([value, text], i) => h('span', { class: 'choice' },
      h('input', { type: 'radio', name: 'kind', id: id(`kind-${value}`), value, checked: i === 0, onchange: () => refreshKind() }),
      h('label', { for: id(`kind-${value}`), text }))));
  const sessionSelect = h('select', { id: id('session'), name: 'sessionId', onchange: () => refreshMethods() });
  const serviceSelect = h('select', { id: id('service'), name: 'serviceId', onchange: () => { refreshStaff(); loadSlots(); } });
  const staffSelect = h('select', { id: id('staff'), name: 'staffId', onchange: () => loadSlots() });
  const dateInput = h('input', { id: id('date'), name: 'date', type: 'date', value: todayIn(zone()), onchange: () => loadSlots() });
  const slotSelect = h('select', { id: id('slot'), name: 'start' });
  const nameInput = h('input', { id: id('name'), name: 'client.name', autocomplete: 'off', maxlength: 200, required: true });
  const emailInput = h('input', { id: id('email'), name: 'client.email', type: 'email', autocomplete: 'off', maxlength: 254, required: true,
    onchange: () => refreshWallet() });
  const phoneInput = h('input', { id: id('phone'), name: 'client.phone', type: 'tel', autocomplete: 'off', maxlength: 40 });
  const methodSelect = h('select', { id: id('method'), name: 'paymentMethod', onchange: () => refreshWallet() });
  const walletNote = h('p', { class: 'muted walkin-wallet', 'aria-live': 'polite', hidden: true });
  const result = h('div', { class: 'walkin-result', 'aria-live': 'polite' });

  const sessionPart = h('div', { class: 'stack' }, fixed
    ? h('p', { class: 'muted', text: t('walkin.forSession', { name: fixed.name, when: whenText(fixed.start) }) })
    : field(id('session'), t('walkin.session'), sessionSelect));
  const appointmentPart = h('div', { class: 'stack' },
    field(id('service'), t('walkin.service'), serviceSelect),
    field(id('staff'), t('walkin.staff'), staffSelect),
    field(id('date'), t('walkin.date'), dateInput),
    field(id('slot'), t('walkin.slot', { zone: zoneName(zone()) }), slotSelect));
  form.append(
    h('h3', { text: fixed ? t('walkin.addParticipant') : t('walkin.title') }),
    kindField, sessionPart, appointmentPart,
    field(id('name'), t('walkin.clientName'), nameInput),
    field(id('email'), t('walkin.clientEmail'), emailInput, t('walkin.emailHint')),
    field(id('phone'), t('walkin.clientPhone'), phoneInput),
    field(id('method'), t('walkin.payment'), methodSelect), walletNote,
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button', text: t('walkin.book') }),
      h('button', { type: 'button', class: 'button secondary', text: t('walkin.close'), onclick: close })),
    result);

  let sessions = fixed ? [fixed] : [];
  let slots = [];
  const currentKind = () => kind ?? form.querySelector('input[name="kind"]:checked')?.value ?? 'SESSION';
  const chosenSession = () => sessions.find((s) => s.sessionId === (fixed?.sessionId ?? sessionSelect.value));
  const chosenService = () => state.services.find((s) => s.serviceId === serviceSelect.value);

  function refreshKind() {
    const appointment = currentKind() === 'APPOINTMENT';
    show(sessionPart, !appointment);
    show(appointmentPart, appointment);
    refreshMethods();
    if (appointment) loadSlots();
  }

  /** The methods the studio and the chosen session or service accept (no pay-at-the-studio for online). */
  function refreshMethods() {
    const studio = state.settings?.paymentMethods ?? [];
    let methods = [];
    if (currentKind() === 'SESSION') {
      const s = chosenSession();
      if (s) {
        const free = !s.price || s.price.amount === 0;
        methods = free ? ['FREE'] : (s.paymentMethods ?? []).filter((m) => studio.includes(m));
        if (s.format === 'ONLINE') methods = methods.filter((m) => m === 'FREE' || PREPAID.includes(m));
      }
    } else {
      const service = chosenService();
      if (service) {
        const free = !service.price || service.price.amount === 0;
        methods = free ? ['FREE'] : studio.filter((m) => ['CARD', 'BANK_TRANSFER', 'PAY_AT_STUDIO'].includes(m));
        if (service.format === 'ONLINE') methods = methods.filter((m) => m !== 'PAY_AT_STUDIO');
      }
    }
    const before = methodSelect.value;
    methodSelect.replaceChildren(...methods.map((m) => h('option', { value: m, text: label('payment', m), selected: m === before })));
    refreshWallet();
  }

  function refreshStaff() {
    const service = chosenService();
    staffSelect.replaceChildren(h('option', { value: '', text: t('walkin.anyStaff') }),
      ...state.staff.filter((s) => service?.staffIds?.includes(s.staffId)).map((s) => h('option', { value: s.staffId, text: s.name })));
    refreshMethods();
  }

  async function loadSlots() {
    if (currentKind() !== 'APPOINTMENT' || !serviceSelect.value || !dateInput.value) return;
    const asked = `${serviceSelect.value}|${staffSelect.value}|${dateInput.value}`;
    slotSelect.replaceChildren(h('option', { value: '', text: t('common.loading') }));
    try {
      const answer = await api('GET', `/studios/${S()}/slots?${query({ serviceId: serviceSelect.value, staffId: staffSelect.value, from: dateInput.value, to: dateInput.value })}`);
      if (asked !== `${serviceSelect.value}|${staffSelect.value}|${dateInput.value}`) return;
      slots = answer.slots ?? [];
      slotSelect.replaceChildren(...(slots.length === 0 ? [h('option', { value: '', text: t('walkin.noSlots') })]
        : slots.map((slot, i) => h('option', { value: String(i), text: spanText(slot.start, slot.end) }))));
    } catch {
      slots = [];
      slotSelect.replaceChildren(h('option', { value: '', text: t('walkin.noSlots') }));
    }
  }

  /** For a pass or credits, the balance of the client with this e-mail, if the studio knows them. */
  async function refreshWallet() {
    const method = methodSelect.value;
    const email = emailInput.value.trim().toLowerCase();
    walletNote.textContent = '';
    show(walletNote, false);
    if (!['PASS', 'CREDITS'].includes(method) || !email) return;
    show(walletNote);
    try {
      state.walkInClients ??= (await api('GET', `/studios/${S()}/clients`)).clients ?? [];
      const known = state.walkInClients.find((c) => c.email?.toLowerCase() === email);
      if (!known) {
        walletNote.textContent = t('walkin.unknownClient');
        return;
      }
      const wallet = await api('GET', `/studios/${S()}/clients/${enc(known.clientId)}/wallet`);
      if (methodSelect.value !== method || emailInput.value.trim().toLowerCase() !== email) return;
      const passes = (wallet.passes ?? []).filter((p) => p.entriesLeft > 0 && Date.parse(p.validUntil) > Date.now());
      const entries = passes.reduce((sum, p) => sum + p.entriesLeft, 0);
      walletNote.textContent = method === 'CREDITS'
        ? t('walkin.walletCredits', { credits: plural('credits.count', wallet.credits ?? 0) })
        : t('walkin.walletPasses', { entries: plural('walkin.entries', entries) });
    } catch {
      walletNote.textContent = '';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    result.replaceChildren();
    submitting(form, async () => {
      const body = {
        client: { name: nameInput.value.trim(), email: emailInput.value.trim(), phone: phoneInput.value.trim() || undefined },
        paymentMethod: methodSelect.value,
      };
      if (!body.client.name) throw new InputError('client.name', t('walkin.needName'));
      if (!body.client.email) throw new InputError('client.email', t('walkin.needEmail'));
      if (currentKind() === 'SESSION') {
        const s = chosenSession();
        if (!s) throw new InputError('sessionId', t('walkin.needSession'));
        body.sessionId = s.sessionId;
        if (s.format === 'HYBRID') body.format = 'IN_PERSON';
      } else {
        const slot = slots[Number.parseInt(slotSelect.value, 10)];
        if (!chosenService()) throw new InputError('serviceId', t('walkin.needService'));
        if (!slot) throw new InputError('start', t('walkin.needSlot'));
        Object.assign(body, { serviceId: serviceSelect.value, staffId: slot.staffId, locationId: slot.locationId ?? undefined, start: slot.start });
      }
      if (!body.paymentMethod) throw new InputError('paymentMethod', t('walkin.needPayment'));
      const booking = await api('POST', `/studios/${S()}/bookings`, { body, idempotencyKey: crypto.randomUUID() });
      state.walkInClients = null; // the booking may have registered a new client
      showBooked(booking, body.client);
      for (const input of [nameInput, emailInput, phoneInput]) input.value = ''; // a second click is not a second booking
      refreshWallet();
      done?.(booking);
    });
  });

  function showBooked(booking, client) {
    const link = booking.nextAction?.type === 'REDIRECT' ? booking.nextAction.url : null;
    if (!link) {
      notice(t('walkin.booked', { name: client.name }), 'success');
      result.replaceChildren(h('p', { class: 'success-text', text: t('walkin.booked', { name: client.name }) }));
      return;
    }
    const box = h('input', { id: id('link'), class: 'code', readonly: true, value: link });
    result.replaceChildren(
      h('p', { text: t('walkin.linkSent', { email: client.email }) }),
      field(id('link'), t('walkin.link'), box),
      h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'button secondary', text: t('walkin.copy'),
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(link);
          } catch {
            box.select();
            document.execCommand('copy');
          }
          notice(t('walkin.copied'), 'success');
        },
      })));
  }

  (async () => {
    if (!fixed) {
      try {
        const from = todayIn(zone());
        const to = addDays(from, SESSION_DAYS - 1);
        const answer = await api('GET', `/studios/${S()}/sessions?${query({ from, to })}`);
        sessions = (answer.sessions ?? []).filter((s) => Date.parse(s.end) > Date.now());
      } catch {
        sessions = [];
      }
      sessionSelect.replaceChildren(...(sessions.length === 0 ? [h('option', { value: '', text: t('walkin.noSessions') })]
        : sessions.map((s) => h('option', { value: s.sessionId, text: `${whenText(s.start)} · ${s.name}` }))));
      if (!state.services?.length) {
        try {
          state.services = (await api('GET', `/studios/${S()}/services`)).services ?? [];
        } catch {
          state.services = [];
        }
      }
      serviceSelect.replaceChildren(...state.services.filter((s) => s.bookableOnline !== false)
        .map((s) => h('option', { value: s.serviceId, text: s.price ? `${s.name} · ${money(s.price)}` : s.name })));
      refreshStaff();
    }
    refreshKind();
  })();
  return form;
}
