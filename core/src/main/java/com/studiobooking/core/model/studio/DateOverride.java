package com.studiobooking.core.model.studio;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Other hours on one date, replacing the weekly blocks of that day; no intervals means a day off. */
public record DateOverride(LocalDate date, List<Interval> intervals) {
    public record Interval(LocalTime start, LocalTime end, String locationId) {
    }
}
