package com.studiobooking.core.appointment;

import java.util.List;

/** A staff member's availability as the API shows it. */
public record AvailabilityView(String staffId, List<WeeklyBlock> weekly, List<DateOverride> overrides, List<TimeRange> timeOff) {
    static AvailabilityView of(String staffId, Availability a) {
        return new AvailabilityView(staffId, a.weekly(), a.overrides(), a.timeOff());
    }
}
