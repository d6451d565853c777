package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.ServiceFormat;

import java.time.Instant;
import java.util.List;

/** A service as the API shows it, with the link to book it. */
public record ServiceOffer(String serviceId, String name, String description, int durationMinutes, Money price,
                           int bufferBeforeMinutes, int bufferAfterMinutes, int slotStepMinutes, String collection,
                           List<String> staffIds, List<String> locationIds, boolean bookableOnline,
                           boolean slotsAfterBookings, Instant createdAt, String bookingLink,
                           ServiceFormat format) {
    public static ServiceOffer of(Service s, String bookingLink) {
        return new ServiceOffer(s.serviceId(), s.name(), s.description(), s.durationMinutes(), s.price(),
                s.bufferBeforeMinutes(), s.bufferAfterMinutes(), s.slotStepMinutes(), s.collection(), s.staffIds(),
                s.locationIds(), s.bookableOnline(), s.slotsAfterBookings(), s.createdAt(), bookingLink, s.format());
    }
}
