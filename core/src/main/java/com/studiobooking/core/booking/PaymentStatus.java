package com.studiobooking.core.booking;

/** Where the money of a booking stands. REFUND_DUE: owed back, to be paid out by staff (bank transfers). */
public enum PaymentStatus {
    PAID, UNPAID, NOT_REQUIRED, REFUNDED, REFUND_DUE;

    /** Paid or nothing to pay: what rule 3 requires before online access is shown. */
    public boolean isSettled() {
        return this == PAID || this == NOT_REQUIRED;
    }
}
