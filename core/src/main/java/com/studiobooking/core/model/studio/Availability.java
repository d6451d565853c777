package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.TimeRange;

import java.util.List;

/** When a staff member can be booked: weekly hours, date overrides and time off. */
public record Availability(List<WeeklyBlock> weekly, List<DateOverride> overrides, List<TimeRange> timeOff) {
    public static final Availability NONE = new Availability(List.of(), List.of(), List.of());
}
