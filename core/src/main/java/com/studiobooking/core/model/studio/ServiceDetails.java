package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What staff routes accept for a service; on update, absent fields are kept. Lengths are whole
 * multiples of {@value #GRID_MINUTES} minutes, so a practitioner's time can be reserved in
 * {@value #GRID_MINUTES}-minute units (see docs/decisions/no-double-booking.md).
 */
public record ServiceDetails(String name, String description, Integer durationMinutes, Money price,
                             Integer bufferBeforeMinutes, Integer bufferAfterMinutes, Integer slotStepMinutes,
                             String collection, List<String> staffIds, List<String> locationIds, Boolean bookableOnline,
                             Boolean slotsAfterBookings, ServiceFormat format) {
    public static final int GRID_MINUTES = 5;
    public static final int MAX_RESERVED_MINUTES = 480;

    public Service toService(String serviceId, String currency, Instant now) {
        return validated(new Service(serviceId, name, description, Check.required(durationMinutes, "durationMinutes"),
                Check.required(price, "price"), orZero(bufferBeforeMinutes), orZero(bufferAfterMinutes),
                slotStepMinutes == null ? 15 : slotStepMinutes, collection,
                Check.required(staffIds, "staffIds"), locationIds == null ? List.of() : locationIds,
                bookableOnline == null || bookableOnline, slotsAfterBookings == null || slotsAfterBookings, now,
                format), currency);
    }

    public Service applyTo(Service s, String currency) {
        return validated(new Service(s.serviceId(), pick(name, s.name()), pick(description, s.description()),
                pick(durationMinutes, s.durationMinutes()), pick(price, s.price()),
                pick(bufferBeforeMinutes, s.bufferBeforeMinutes()), pick(bufferAfterMinutes, s.bufferAfterMinutes()),
                pick(slotStepMinutes, s.slotStepMinutes()), pick(collection, s.collection()), pick(staffIds, s.staffIds()),
                pick(locationIds, s.locationIds()), pick(bookableOnline, s.bookableOnline()),
                pick(slotsAfterBookings, s.slotsAfterBookings()), s.createdAt(), pick(format, s.format())), currency);
    }

    private static Service validated(Service s, String currency) {
        int duration = minutes(s.durationMinutes(), "durationMinutes", GRID_MINUTES, MAX_RESERVED_MINUTES);
        int before = minutes(s.bufferBeforeMinutes(), "bufferBeforeMinutes", 0, 120);
        int after = minutes(s.bufferAfterMinutes(), "bufferAfterMinutes", 0, 120);
        if (duration + before + after > MAX_RESERVED_MINUTES) {
            throw DomainException.invalid("durationMinutes", "with both buffers must be at most " + MAX_RESERVED_MINUTES + " minutes");
        }
        List<String> staff = ids(Check.notEmpty(s.staffIds(), "staffIds"), "staffIds");
        return new Service(s.serviceId(), Check.text(s.name(), "name", 120),
                Check.optionalText(s.description(), "description", 4000), duration,
                s.price().validated("price", currency), before, after,
                minutes(s.slotStepMinutes(), "slotStepMinutes", GRID_MINUTES, 240),
                Check.optionalText(s.collection(), "collection", 80), staff, ids(s.locationIds(), "locationIds"),
                s.bookableOnline(), s.slotsAfterBookings(), s.createdAt(), s.format());
    }

    private static int minutes(int value, String field, int min, int max) {
        Check.range(value, field, min, max);
        if (value % GRID_MINUTES != 0) throw DomainException.invalid(field, "must be a multiple of " + GRID_MINUTES);
        return value;
    }

    private static List<String> ids(List<String> ids, String field) {
        for (int i = 0; i < ids.size(); i++) Check.id(ids.get(i), field + "[" + i + "]");
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
