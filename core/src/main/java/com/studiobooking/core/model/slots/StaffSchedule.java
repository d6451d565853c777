package com.studiobooking.core.model.slots;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;

import java.util.List;

/**
 * One eligible staff member as slot lookup sees them: availability plus the time already taken,
 * each busy range already widened by its own booking's buffers (appointments and sessions taught).
 */
public record StaffSchedule(String staffId, Availability availability, List<TimeRange> busy) {
}
