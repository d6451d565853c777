package com.studiobooking.core.model.studio;

/** How a client pays for a booking. FREE is decided per offer, never enabled as a studio setting. */
public enum PaymentMethod {
    CARD, CREDITS, PASS, BANK_TRANSFER, PAY_AT_STUDIO, FREE;

    /** Methods that take the money before the client attends (rule 4). */
    public boolean isPrepayment() {
        return this == CARD || this == CREDITS || this == PASS || this == BANK_TRANSFER;
    }
}
