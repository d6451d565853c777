package com.studiobooking.core.model.booking;

public enum BookingStatus {
    /** Holds its place and waits for money (bank transfer, later card checkout). */
    AWAITING_PAYMENT,
    CONFIRMED,
    CANCELLED;

    public boolean isActive() { return this != CANCELLED; }
}
