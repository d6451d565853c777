package com.studiobooking.core.model.booking;

import java.time.Instant;

/** Who cancelled and when; {@code late} when it came after the policy's cut-off. */
public record Cancellation(Instant cancelledAt, By by, boolean late) {
    public enum By { CLIENT, STAFF, SYSTEM }
}
