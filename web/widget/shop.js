// Studio Booking widget: buying passes and credit packs, and the client's wallet (issue 15).
//
// The profile lists what the studio sells by card (passTypes, creditPacks). "Buy" needs a signed-in
// client (the account's e-mailed code; after signing in the purchase continues), posts
// /studios/{id}/purchases and goes to its checkout; the checkout comes back with
// ?purchase=<id>&paid=1 (or &cancelled=1), in the language the client was reading (kept with the
// purchase in localStorage: the return address carries none), and the wallet is read until the
// payment's webhook has put the pass or credits in it. The wallet (credits, passes, history) is drawn here, and the booking
// form asks here whether a pass or the credits can pay for a class (the server's rule: a pass with
// an entry left, valid now and still valid when the class starts; credits when the balance covers
// the class's creditPrice).

import { h, safeUrl } from '../shared/dom.js';
import { price } from './format.js';
import {
  state, params, $, i18n, fmt, t, plural, named, errorText, api, enc, uuid, storage, clientSession, show, notice,
  focusHeading, sleep, purchaseKey, savedPurchase,
} from './base.js';

const shop = {
  /** The signed-in client's wallet as last read (null: not read, or signed out). */
  wallet: null,
  /** What to buy once the client has signed in. */
  pending: null,
  /** The last failure of a purchase, shown in the shop until the next try. */
  error: null,
  busy: false,
  listeners: [],
  openAccount: () => {},
};

const passTypes = () => state.profile?.passTypes ?? [];
const creditPacks = () => state.profile?.creditPacks ?? [];
export const onSale = () => passTypes().length + creditPacks().length > 0;

/** Wires the shop's buttons and, back from a checkout (?purchase=…), says how the purchase went. */
export function initShop({ openAccount }) {
  shop.openAccount = openAccount;
  $('shop-toggle').addEventListener('click', () => ($('shop').hidden ? openShop(true) : closeShop()));
  $('shop-close').addEventListener('click', () => {
    closeShop();
    $('shop-toggle').focus();
  });
  renderShop();
  const purchaseId = params.get('purchase');
  if (purchaseId && /^[A-Za-z0-9_-]{1,64}$/.test(purchaseId)) returnedFromCheckout(purchaseId);
}

export function openShop(focus) {
  show($('shop'));
  $('shop-toggle').setAttribute('aria-expanded', 'true');
  renderShop();
  if (focus) focusHeading('shop-title');
}

function closeShop() {
  show($('shop'), false);
  $('shop-toggle').setAttribute('aria-expanded', 'false');
  shop.error = null;
}

/** The shop's button and, when open, its list, in the current language. */
export function renderShop() {
  show($('shop-toggle'), onSale());
  if ($('shop').hidden) return;
  const signedIn = Boolean(clientSession());
  const status = $('shop-status');
  status.textContent = shop.error ?? '';
  show(status, Boolean(shop.error));
  const item = (offer, kind, name, details) => h('li', { class: 'card' },
    h('div', { class: 'card-main' },
      h('h4', { text: name }),
      h('p', { class: 'meta', text: details.filter(Boolean).join(' · ') }),
      h('p', { class: 'shop-price', text: price(i18n, offer.price) })),
    h('button', {
      type: 'button', class: 'button', disabled: shop.busy,
      text: shop.busy && shop.pending?.id === (offer.passTypeId ?? offer.packId) ? t('shop.opening') : t('shop.buy'),
      'aria-label': t('shop.buyAria', { name, price: price(i18n, offer.price) }),
      onclick: () => buy({ kind, id: offer.passTypeId ?? offer.packId, name }),
    }));
  const passes = passTypes().map((p) => item(p, 'PASS', p.name,
    [plural('shop.entries', p.entries), plural('shop.validDays', p.validDays)]));
  const packs = creditPacks().map((c) => item(c, 'CREDITS', c.name,
    [plural('credits.amount', c.credits), t('shop.creditsKeep')]));
  $('shop-body').replaceChildren(...[
    h('p', { class: 'muted', text: t('shop.intro') }),
    signedIn ? null : h('p', { class: 'muted', id: 'shop-signin-note', text: t('shop.signInFirst') }),
    passes.length ? h('h3', { text: t('shop.passes') }) : null,
    passes.length ? h('ul', { class: 'cards', id: 'shop-passes' }, passes) : null,
    packs.length ? h('h3', { text: t('shop.credits') }) : null,
    packs.length ? h('ul', { class: 'cards', id: 'shop-packs' }, packs) : null,
    onSale() ? null : h('p', { class: 'muted', text: t('shop.nothing') }),
  ].filter(Boolean));
}

/** Buys at once when signed in; otherwise signs in first (the account's code) and then continues. */
async function buy(item) {
  shop.error = null;
  const account = clientSession();
  if (!account) {
    shop.pending = item;
    renderShop();
    shop.openAccount(true);
    return;
  }
  shop.pending = item;
  shop.busy = true;
  renderShop();
  try {
    const before = await fetchWallet().catch(() => null);
    const body = item.kind === 'PASS' ? { passTypeId: item.id } : { packId: item.id };
    const purchase = await api('POST', `/studios/${enc(state.studioId)}/purchases`,
      { token: account.token, body, idempotencyKey: uuid() });
    const url = safeUrl(purchase.nextAction?.url ?? '');
    if (purchase.nextAction?.type !== 'REDIRECT' || !url) throw new Error('no checkout');
    storage.set(purchaseKey(purchase.purchaseId), JSON.stringify({
      kind: item.kind, name: item.name, before: before ? landed(before, item.kind) : null, lang: i18n.language,
    }));
    notice(() => t('result.redirecting'));
    location.assign(url);
  } catch (e) {
    shop.busy = false;
    shop.pending = null;
    shop.error = e.status === 401 ? t('account.expired') : errorText(e);
    renderShop();
  }
}

/** After signing in from "Buy": the purchase goes on. */
export function continuePurchase() {
  const item = shop.pending;
  if (!item || shop.busy) return;
  openShop(false);
  buy(item);
}

/** How many passes bought or credit grants the wallet's history holds: one more once a purchase landed. */
function landed(wallet, kind) {
  const wanted = kind === 'PASS' ? 'PASS_ISSUED' : 'CREDITS_GRANTED';
  return (wallet.history ?? []).filter((e) => e.kind === wanted).length;
}

async function returnedFromCheckout(purchaseId) {
  const url = new URL(location.href);
  for (const name of ['purchase', 'paid', 'cancelled']) url.searchParams.delete(name);
  history.replaceState(null, '', url.href);
  const saved = savedPurchase(purchaseId);
  const pass = saved?.kind !== 'CREDITS';
  if (params.get('cancelled') === '1') {
    storage.remove(purchaseKey(purchaseId));
    notice(() => t('shop.cancelled'), 'error');
    openShop(true);
    return;
  }
  if (params.get('paid') !== '1') return;
  if (!clientSession()) {
    notice(() => t('shop.paidSignIn'), 'success');
    shop.openAccount(true);
    return;
  }
  notice(() => t('shop.waiting'));
  for (const delay of [0, 700, 1000, 1500, 2000, 2500, 3000, 3000]) {
    await sleep(delay);
    let wallet;
    try {
      wallet = await fetchWallet();
    } catch {
      continue;
    }
    if (saved?.before == null || landed(wallet, saved.kind) > saved.before) {
      storage.remove(purchaseKey(purchaseId));
      notice(() => (pass ? t('shop.passReady') : t('shop.creditsReady')), 'success');
      shop.openAccount(true);
      return;
    }
  }
  notice(() => t('shop.slow'));
  shop.openAccount(false);
}

// ---------------------------------------------------------------------------------------------
// The wallet

/** Reads the signed-in client's wallet and tells whoever listens (the booking form's choices). */
export async function fetchWallet() {
  const account = clientSession();
  if (!account) {
    forgetWallet();
    return null;
  }
  const wallet = await api('GET', `/me/wallet`, { token: account.token });
  shop.wallet = wallet;
  for (const listener of shop.listeners) listener();
  return wallet;
}

/** Reads the wallet again, quietly (the booking form opened): an error leaves the form as it was. */
export function refreshWallet() {
  if (clientSession()) fetchWallet().catch(() => {});
}

export function forgetWallet() {
  const had = shop.wallet !== null;
  shop.wallet = null;
  shop.pending = null;
  if (had) for (const listener of shop.listeners) listener();
}

export function onWalletChange(listener) {
  shop.listeners.push(listener);
}

const expired = (pass, now) => Boolean(pass.validUntil) && Date.parse(pass.validUntil) <= now;

/** The wallet as the account shows it: credits, passes in use, past passes folded away, recent history. */
export function renderWallet(container, wallet) {
  const now = Date.now();
  const passes = wallet.passes ?? [];
  const current = passes.filter((p) => p.entriesLeft > 0 && !expired(p, now));
  const past = passes.filter((p) => !current.includes(p));
  const change = (n) => i18n.number(n, { signDisplay: 'always' });
  const history = (wallet.history ?? []).slice()
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, 20);
  container.replaceChildren(...[
    h('p', { id: 'wallet-credits', text: plural('wallet.credits', wallet.credits ?? 0) }),
    current.length
      ? h('ul', { class: 'plain', id: 'wallet-passes' }, current.map((p) => passLine(p, now)))
      : h('p', { class: 'muted', text: t('wallet.noPasses') }),
    past.length ? h('details', {},
      h('summary', { text: plural('wallet.pastPasses', past.length) }),
      h('ul', { class: 'plain', id: 'wallet-past-passes' }, past.map((p) => passLine(p, now)))) : null,
    history.length ? h('details', {},
      h('summary', { text: t('wallet.history') }),
      h('ul', { class: 'plain' }, history.map((entry) => h('li', {
        text: [entry.at ? fmt.date(entry.at) : null, named(`walletEntry.${entry.kind}`, entry.kind),
          entry.credits ? plural('wallet.creditsChange', Math.abs(entry.credits), { change: change(entry.credits) }) : null,
          entry.entries ? plural('wallet.entriesChange', Math.abs(entry.entries), { change: change(entry.entries) }) : null,
          entry.description].filter(Boolean).join(' · '),
      })))) : null,
    onSale() ? h('button', { type: 'button', class: 'button secondary', id: 'wallet-buy', text: t('wallet.buy'),
      onclick: () => openShop(true) }) : null,
  ].filter(Boolean));
}

function passLine(pass, now) {
  const left = plural('wallet.entriesLeft', pass.entriesLeft ?? 0, { total: i18n.number(pass.entries ?? 0) });
  let validity;
  if (!pass.validUntil) validity = t('wallet.noExpiry');
  else if (expired(pass, now)) validity = t('wallet.expiredOn', { date: fmt.date(pass.validUntil) });
  else validity = t('wallet.validUntil', { date: fmt.date(pass.validUntil) });
  const usedUp = pass.entriesLeft <= 0 ? t('wallet.usedUp') : null;
  return h('li', {}, h('strong', { text: pass.name ?? '' }), ` · ${[left, validity, usedUp].filter(Boolean).join(' · ')}`);
}

// ---------------------------------------------------------------------------------------------
// Paying a class from the wallet

/** The pass the server would use for this class: an entry left, valid now and when it starts; the soonest to end. */
function usablePass(session) {
  const now = Date.now();
  const start = Date.parse(session.start);
  return (shop.wallet?.passes ?? [])
    .filter((p) => p.entriesLeft > 0 && (!p.validFrom || Date.parse(p.validFrom) <= now)
      && (!p.validUntil || (Date.parse(p.validUntil) > now && start < Date.parse(p.validUntil))))
    .sort((a, b) => Date.parse(a.validUntil ?? '9999-12-31') - Date.parse(b.validUntil ?? '9999-12-31'))[0] ?? null;
}

/**
 * For PASS and CREDITS once the signed-in client's wallet is known: the choice's label with what is
 * left ({label}), or, when the wallet cannot pay, a note with a way to buy ({note}) instead of a dead
 * choice. null: nothing to add (another method, signed out, or the wallet not read yet).
 */
export function walletChoice(method, target) {
  if (!shop.wallet || !clientSession() || target?.kind !== 'SESSION') return null;
  const session = target.session;
  if (method === 'PASS') {
    const pass = usablePass(session);
    if (pass) return { label: plural('shop.payPass', pass.entriesLeft, { name: pass.name }) };
    return { note: buyNote(t('shop.noPass'), passTypes().length ? t('shop.buyPass') : null) };
  }
  if (method === 'CREDITS' && session.creditPrice) {
    const values = { cost: plural('credits.amount', session.creditPrice), balance: plural('credits.amount', shop.wallet.credits ?? 0) };
    if ((shop.wallet.credits ?? 0) >= session.creditPrice) return { label: t('shop.payCredits', values) };
    return { note: buyNote(t('shop.fewCredits', values), creditPacks().length ? t('shop.buyCredits') : null) };
  }
  return null;
}

/** Beside "sign in to use your pass / credits": a way to buy some, when the studio sells them. */
export function buyLink(method) {
  const sold = method === 'PASS' ? passTypes().length : method === 'CREDITS' ? creditPacks().length : 0;
  if (!sold) return null;
  return h('button', { type: 'button', class: 'button link', id: 'hint-buy',
    text: method === 'PASS' ? t('shop.buyPass') : t('shop.buyCredits'), onclick: () => openShop(true) });
}

function buyNote(text, action) {
  return h('p', { class: 'muted wallet-note' }, action ? `${text} ` : text,
    action ? h('button', { type: 'button', class: 'button link', text: action, onclick: () => openShop(true) }) : null);
}
