package com.studiobooking.core.model.booking;

/**
 * Where the money of a booking stands. REFUND_PENDING: a card refund decided and not yet confirmed by
 * the provider (retried until it is). REFUND_DUE: owed back, to be paid out by staff (bank transfers),
 * who then mark it REFUNDED.
 */
public enum PaymentStatus {
    PAID, UNPAID, NOT_REQUIRED, REFUND_PENDING, REFUNDED, REFUND_DUE;

    /** Paid or nothing to pay: what rule 3 requires before online access is shown. */
    public boolean isSettled() {
        return this == PAID || this == NOT_REQUIRED;
    }
}
