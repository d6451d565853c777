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
 * @param format             IN_PERSON, or ONLINE: its appointments take place at no location and carry their
 *                           own online access ({@code Booking.onlineAccess}), prepaid or free
 */
public record Service(String serviceId, String name, String description, int durationMinutes, Money price,
                      int bufferBeforeMinutes, int bufferAfterMinutes, int slotStepMinutes, String collection,
                      List<String> staffIds, List<String> locationIds, boolean bookableOnline,
                      boolean slotsAfterBookings, Instant createdAt, ServiceFormat format) {

    public Service {
        if (format == null) format = ServiceFormat.IN_PERSON;
    }

    /** An in-person service (services stored before formats existed, seeded demo data). */
    public Service(String serviceId, String name, String description, int durationMinutes, Money price,
                   int bufferBeforeMinutes, int bufferAfterMinutes, int slotStepMinutes, String collection,
                   List<String> staffIds, List<String> locationIds, boolean bookableOnline,
                   boolean slotsAfterBookings, Instant createdAt) {
        this(serviceId, name, description, durationMinutes, price, bufferBeforeMinutes, bufferAfterMinutes,
                slotStepMinutes, collection, staffIds, locationIds, bookableOnline, slotsAfterBookings, createdAt,
                ServiceFormat.IN_PERSON);
    }

    public boolean isOnline() { return format == ServiceFormat.ONLINE; }

    public Duration duration() { return Duration.ofMinutes(durationMinutes); }

    public Duration bufferBefore() { return Duration.ofMinutes(bufferBeforeMinutes); }

    public Duration bufferAfter() { return Duration.ofMinutes(bufferAfterMinutes); }

    public Duration step() { return Duration.ofMinutes(slotStepMinutes); }
}
