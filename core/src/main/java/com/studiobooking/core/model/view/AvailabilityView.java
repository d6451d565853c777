package com.studiobooking.core.model.view;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.WallClock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** A staff member's availability as the API shows it: times as staff write them, midnight as an end "24:00". */
public record AvailabilityView(String staffId, List<Block> weekly, List<Override> overrides, List<TimeRange> timeOff) {
    public record Block(DayOfWeek day, String start, String end, String locationId) {
    }

    public record Override(LocalDate date, List<Interval> intervals) {
    }

    public record Interval(String start, String end, String locationId) {
    }

    public static AvailabilityView of(String staffId, Availability a) {
        return new AvailabilityView(staffId,
                a.weekly().stream().map(b -> new Block(b.day(), WallClock.startText(b.start()), WallClock.endText(b.end()),
                        b.locationId())).toList(),
                a.overrides().stream().map(o -> new Override(o.date(), o.intervals().stream()
                        .map(i -> new Interval(WallClock.startText(i.start()), WallClock.endText(i.end()), i.locationId()))
                        .toList())).toList(),
                a.timeOff());
    }
}
