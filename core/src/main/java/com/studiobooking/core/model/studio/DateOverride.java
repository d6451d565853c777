package com.studiobooking.core.model.studio;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Other hours on one date, replacing the weekly blocks of that day; no intervals means a day off. */
public record DateOverride(LocalDate date, List<Interval> intervals) {
    /** Hours on that date; an {@code end} of 00:00 is midnight at the end of the day, "24:00" ({@link WallClock}). */
    public record Interval(LocalTime start, LocalTime end, String locationId) {
    }
}
