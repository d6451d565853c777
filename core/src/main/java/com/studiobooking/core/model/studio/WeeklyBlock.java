package com.studiobooking.core.model.studio;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Recurring working hours on one weekday, in the studio's time zone, at one location. An {@code end} of
 * 00:00 is midnight at the end of the day, "24:00" ({@link WallClock}).
 */
public record WeeklyBlock(DayOfWeek day, LocalTime start, LocalTime end, String locationId) {
}
