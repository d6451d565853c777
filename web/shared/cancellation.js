// What a cancellation gives back, as the API decides it (core: MoneyRules.afterCancel, SessionBooking's
// restitution): shared by the admin page (staff cancelling) and the widget's booking page (the client
// cancelling), so both show the same effect before anyone confirms. Pure: no DOM, no API.

/**
 * What cancelling booking b now gives back under the studio's cancellation policy ({text, cutoffHours, refund}
 * from the settings or the public profile): {effect} is 'forfeited' (a no-show kept), 'pass' (the entry
 * returns), 'credits', 'card' (refunded), 'transfer' (owed back), 'transferCredit' (returned as credits) or
 * 'nothingPaid'; {lateHours} is the policy's cut-off when a client's own cancellation now would be past it
 * (then the policy keeps what was paid; a staff cancellation is never late).
 */
export function cancellationEffect(b, settings, now = Date.now()) {
  const policy = settings?.cancellationPolicy;
  const lateHours = policy && (Date.parse(b.start) - now) / 3_600_000 < policy.cutoffHours ? policy.cutoffHours : null;
  let effect;
  if (b.payment?.forfeited) effect = 'forfeited';
  else if (b.paymentMethod === 'PASS' && b.payment?.passEntryUsed) effect = 'pass';
  else if (b.paymentMethod === 'CREDITS' && b.payment?.creditsUsed > 0) effect = 'credits';
  else if (b.status !== 'CONFIRMED' || b.paymentStatus !== 'PAID') effect = 'nothingPaid';
  else if (b.paymentMethod === 'CARD') effect = 'card';
  else if (b.paymentMethod === 'BANK_TRANSFER') effect = b.kind === 'SESSION' && policy?.refund === 'CREDIT' ? 'transferCredit' : 'transfer';
  else effect = 'nothingPaid';
  return { effect, lateHours };
}

