// Studio Booking widget: joining a full class's waitlist (issue 15). A full class offers "Join the
// waitlist" while the studio's line is open; the booking form then sends "waitlist": true and the
// result names the place in line. When a seat frees up the first in line gets it and an e-mail (with
// the pay link, for a card), so nothing is paid now.

import { h } from '../shared/dom.js';
import { state, t } from './base.js';

/** Whether the studio's waitlist takes this (full, not cancelled) class now. */
export function canWait(session) {
  const policy = state.profile?.waitlist;
  if (!policy?.enabled || session.status === 'CANCELLED' || session.spotsLeft > 0) return false;
  const closes = Date.parse(session.start) - (policy.closesMinutesBefore ?? 0) * 60000;
  return Date.now() < closes;
}

/** The result of joining: the place in line and where the news will come. */
export function waitlistedResult(booking) {
  return [
    h('p', { text: t('result.waitlisted.position', { position: booking.waitlistPosition ?? '?', email: booking.client?.email ?? '' }) }),
    h('p', { class: 'muted', text: t('book.waitlistHint') }),
  ];
}
