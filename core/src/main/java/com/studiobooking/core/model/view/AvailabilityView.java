package com.studiobooking.core.model.view;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.DateOverride;
import com.studiobooking.core.model.studio.WeeklyBlock;

import java.util.List;

/** A staff member's availability as the API shows it. */
public record AvailabilityView(String staffId, List<WeeklyBlock> weekly, List<DateOverride> overrides, List<TimeRange> timeOff) {
    public static AvailabilityView of(String staffId, Availability a) {
        return new AvailabilityView(staffId, a.weekly(), a.overrides(), a.timeOff());
    }
}
