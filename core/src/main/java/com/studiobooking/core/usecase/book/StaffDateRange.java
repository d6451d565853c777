package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.TimeRange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days staff ask bookings for ({@code from} and {@code to}, both included, in the studio's zone):
 * at most {@link #MOST_DAYS} days, so one answer stays one bounded read.
 */
record StaffDateRange(LocalDate first, LocalDate last, TimeRange time) {
    static final int MOST_DAYS = 92;

    static StaffDateRange of(String from, String to, ZoneId zone) {
        LocalDate first = Check.date(from, "from");
        LocalDate last = Check.date(to, "to");
        if (last.isBefore(first)) throw DomainException.invalid("to", "must not be before from");
        if (ChronoUnit.DAYS.between(first, last) > MOST_DAYS) {
            throw DomainException.invalid("to", "must be at most " + MOST_DAYS + " days after from");
        }
        return new StaffDateRange(first, last, new TimeRange(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
