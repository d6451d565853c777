package com.studiobooking.core.model.booking;

/** What a cancelled booking gives back to the client. */
public enum Restitution {
    /** Cancelled after the cut-off: the policy keeps the payment. */
    NONE,
    /** Nothing had been paid yet (e.g. an unpaid bank transfer). */
    NOTHING_PAID,
    CARD_REFUND,
    CREDITS_RETURNED,
    PASS_ENTRY_RETURNED,
    /** Paid by bank transfer: the studio pays it back by hand. */
    REFUND_DUE,
    /** Marked a no-show under a policy that forfeits: what was paid or used is kept. */
    NO_SHOW_FORFEITED
}
