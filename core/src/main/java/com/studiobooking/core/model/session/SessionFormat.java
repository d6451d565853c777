package com.studiobooking.core.model.session;

/** Where a session takes place. HYBRID sessions sell both, each with its own capacity. */
public enum SessionFormat {
    IN_PERSON, ONLINE, HYBRID;

    /** The formats a participant can book: HYBRID offers both. */
    public java.util.List<SessionFormat> seatFormats() {
        return this == HYBRID ? java.util.List.of(IN_PERSON, ONLINE) : java.util.List.of(this);
    }

    public boolean hasOnlineSeats() {
        return this != IN_PERSON;
    }
}
