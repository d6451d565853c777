package com.studiobooking.core.model.studio;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Recurring working hours on one weekday, in the studio's time zone, at one location. */
public record WeeklyBlock(DayOfWeek day, LocalTime start, LocalTime end, String locationId) {
}
