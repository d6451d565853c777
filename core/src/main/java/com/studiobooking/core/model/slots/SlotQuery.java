package com.studiobooking.core.model.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * What is being looked for: a service's length, buffers and step, where it may take place, the
 * dates asked for (in the studio's zone), and the booking policy as of {@code now}.
 *
 * @param allowedLocationIds  locations the service is offered at; empty means any
 * @param locationId          the client's location filter, or null
 * @param slotsAfterBookings  whether a slot is also offered right where time already taken ends, off the
 *                            step grid, with the steps continuing from there (see {@link SlotFinder})
 */
public record SlotQuery(Duration duration, Duration bufferBefore, Duration bufferAfter, Duration step,
                        Set<String> allowedLocationIds, String locationId, ZoneId zone,
                        LocalDate from, LocalDate to, Instant now, Duration minNotice, int maxDaysAhead,
                        boolean slotsAfterBookings) {
}
