package com.studiobooking.core.model.wallet;

import java.time.Instant;

/** A client's pass: entries left until it expires. */
public record Pass(String passId, String clientId, String passTypeId, String name, int entries, int entriesLeft,
                   Instant validFrom, Instant validUntil) {
    public boolean usableAt(Instant at) {
        return entriesLeft > 0 && at.isBefore(validUntil) && !at.isBefore(validFrom);
    }
}
