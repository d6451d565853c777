package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A 1:1 service a client books as an appointment (massage, private class, coaching call).
 *
 * @param slotsAfterBookings whether slots are also offered right where a booking (with its buffers) ends,
 *                           off the {@code slotStepMinutes} grid, so no slot is lost after an off-grid booking
 */
public record Service(String serviceId, String name, String description, int durationMinutes, Money price,
                      int bufferBeforeMinutes, int bufferAfterMinutes, int slotStepMinutes, String collection,
                      List<String> staffIds, List<String> locationIds, boolean bookableOnline,
                      boolean slotsAfterBookings, Instant createdAt) {

    public Duration duration() { return Duration.ofMinutes(durationMinutes); }

    public Duration bufferBefore() { return Duration.ofMinutes(bufferBeforeMinutes); }

    public Duration bufferAfter() { return Duration.ofMinutes(bufferAfterMinutes); }

    public Duration step() { return Duration.ofMinutes(slotStepMinutes); }
}
