package com.studiobooking.core.model.booking;

public enum BookingStatus {
    /** Holds its place and waits for money (bank transfer, later card checkout). */
    AWAITING_PAYMENT,
    CONFIRMED,
    CANCELLED,
    /**
     * In the line of a full session: holds no seat, no instructor time and no wallet debit, sees no
     * online link and gets no reminders, until a freed seat is given to it (docs/decisions/waitlist.md).
     */
    WAITLISTED;

    /** Not cancelled: a held place, or a place in the waitlist (it can still be cancelled). */
    public boolean isActive() { return this != CANCELLED; }

    /** Whether it holds a seat (or an appointment's time): awaiting payment or confirmed. */
    public boolean holdsPlace() { return this == AWAITING_PAYMENT || this == CONFIRMED; }
}
