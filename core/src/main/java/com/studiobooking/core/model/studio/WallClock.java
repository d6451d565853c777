package com.studiobooking.core.model.studio;

import java.time.LocalTime;

/**
 * Working hours' wall-clock times as staff write them ("09:00"). Hours may end at midnight, "24:00",
 * which {@code LocalTime} cannot say: an <em>end</em> of {@link LocalTime#MIDNIGHT} means it. An end of
 * 00:00 can mean nothing else, since hours end after they start; a start of 00:00 is the day's start.
 */
public final class WallClock {
    /** Midnight at the end of the day, as stored and shown. */
    public static final String END_OF_DAY = "24:00";

    private WallClock() {}

    /** Whether an interval's end is midnight at the end of its day. */
    public static boolean isEndOfDay(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** Whether hours from {@code start} to {@code end} last any time at all. */
    public static boolean endsAfter(LocalTime start, LocalTime end) {
        return isEndOfDay(end) || end.isAfter(start);
    }

    /** An end as minutes since the day's start: 1440 for "24:00". */
    public static int endMinute(LocalTime end) {
        return isEndOfDay(end) ? 24 * 60 : end.toSecondOfDay() / 60;
    }

    /** A start as "HH:mm". */
    public static String startText(LocalTime start) {
        return String.format("%02d:%02d", start.getHour(), start.getMinute());
    }

    /** An end as "HH:mm", midnight as "24:00". */
    public static String endText(LocalTime end) {
        return isEndOfDay(end) ? END_OF_DAY : startText(end);
    }

    /** An end as {@link #endText} wrote it. */
    public static LocalTime parseEnd(String text) {
        return END_OF_DAY.equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }
}
