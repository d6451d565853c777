package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/** How soon and how far ahead clients may book. */
public record BookingPolicy(Integer minNoticeMinutes, Integer maxDaysAhead) {
    static final BookingPolicy DEFAULT = new BookingPolicy(60, 60);

    BookingPolicy validated() {
        return new BookingPolicy(
                Check.range(minNoticeMinutes, "bookingPolicy.minNoticeMinutes", 0, 60 * 24 * 30),
                Check.range(maxDaysAhead, "bookingPolicy.maxDaysAhead", 1, 366));
    }
}
