package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.TimeRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A staff member's availability as staff send it: wall-clock times ("09:00"; an end may be "24:00",
 * midnight) in the studio's zone, dates, and time off as instants with offset. Replaces the whole
 * availability.
 */
public record AvailabilityDetails(List<Block> weekly, List<Override> overrides, List<Off> timeOff) {
    /**
     * As many as anyone plans, and few enough that the whole availability stays one item under the
     * table's 400 KB: at the limits, with our location ids, about 350 KB as the local engine counts it
     * (DynamoDB counts less). Without them a large body was a 500 from the table.
     */
    static final int MAX_WEEKLY_BLOCKS = 100;
    static final int MAX_OVERRIDES = 400;
    static final int MAX_INTERVALS_PER_DATE = 8;
    static final int MAX_TIME_OFF = 400;

    public record Block(String day, String start, String end, String locationId) {
    }

    public record Override(String date, List<Interval> intervals) {
    }

    public record Interval(String start, String end, String locationId) {
    }

    public record Off(String start, String end) {
    }

    /** Validates against the studio's location ids; blocks on one day or date must not overlap. */
    public Availability toAvailability(Set<String> locationIds) {
        List<WeeklyBlock> blocks = new ArrayList<>();
        List<Block> weeklyIn = atMost(weekly, MAX_WEEKLY_BLOCKS, "weekly");
        for (int i = 0; i < weeklyIn.size(); i++) {
            String f = "weekly[" + i + "]";
            Block b = Check.required(weeklyIn.get(i), f);
            LocalTime start = start(b.start(), f + ".start");
            LocalTime end = end(b.end(), f + ".end");
            checkOrder(start, end, f + ".end");
            blocks.add(new WeeklyBlock(day(b.day(), f + ".day"), start, end, location(b.locationId(), f + ".locationId", locationIds)));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            noOverlap(blocks.stream().filter(b -> b.day() == day)
                    .map(b -> new DateOverride.Interval(b.start(), b.end(), b.locationId())).toList(), "weekly");
        }
        List<DateOverride> dates = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<Override> overridesIn = atMost(overrides, MAX_OVERRIDES, "overrides");
        for (int i = 0; i < overridesIn.size(); i++) {
            String f = "overrides[" + i + "]";
            Override o = Check.required(overridesIn.get(i), f);
            LocalDate date = Check.date(o.date(), f + ".date");
            if (!seen.add(date)) throw DomainException.invalid(f + ".date", "is given twice");
            List<DateOverride.Interval> intervals = new ArrayList<>();
            List<Interval> in = atMost(o.intervals(), MAX_INTERVALS_PER_DATE, f + ".intervals");
            for (int j = 0; j < in.size(); j++) {
                String g = f + ".intervals[" + j + "]";
                Interval iv = Check.required(in.get(j), g);
                LocalTime start = start(iv.start(), g + ".start");
                LocalTime end = end(iv.end(), g + ".end");
                checkOrder(start, end, g + ".end");
                intervals.add(new DateOverride.Interval(start, end, location(iv.locationId(), g + ".locationId", locationIds)));
            }
            noOverlap(intervals, f + ".intervals");
            dates.add(new DateOverride(date, List.copyOf(intervals)));
        }
        List<TimeRange> off = new ArrayList<>();
        List<Off> offIn = atMost(timeOff, MAX_TIME_OFF, "timeOff");
        for (int i = 0; i < offIn.size(); i++) {
            String f = "timeOff[" + i + "]";
            Off o = Check.required(offIn.get(i), f);
            Instant start = Check.dateTime(o.start(), f + ".start");
            Instant end = Check.dateTime(o.end(), f + ".end");
            if (!end.isAfter(start)) throw DomainException.invalid(f + ".end", "must be after start");
            off.add(new TimeRange(start, end));
        }
        return new Availability(List.copyOf(blocks), List.copyOf(dates), List.copyOf(off));
    }

    private static <T> List<T> atMost(List<T> list, int max, String field) {
        if (list == null) return List.of();
        if (list.size() > max) throw DomainException.invalid(field, "must have at most " + max + " entries");
        return list;
    }

    private static void noOverlap(List<DateOverride.Interval> intervals, String field) {
        List<DateOverride.Interval> sorted = intervals.stream().sorted(Comparator.comparing(DateOverride.Interval::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            DateOverride.Interval earlier = sorted.get(i - 1);
            DateOverride.Interval later = sorted.get(i);
            if (later.start().toSecondOfDay() / 60 < WallClock.endMinute(earlier.end())) {
                throw DomainException.invalid(field, "has overlapping hours " + hours(earlier) + " and " + hours(later));
            }
        }
    }

    private static String hours(DateOverride.Interval interval) {
        return WallClock.startText(interval.start()) + "–" + WallClock.endText(interval.end());
    }

    private static void checkOrder(LocalTime start, LocalTime end, String field) {
        if (!WallClock.endsAfter(start, end)) throw DomainException.invalid(field, "must be after start (midnight is 24:00)");
    }

    private static DayOfWeek day(String value, String field) {
        try {
            return DayOfWeek.valueOf(Check.text(value, field, 9).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be MONDAY … SUNDAY");
        }
    }

    private static LocalTime start(String value, String field) {
        if (WallClock.END_OF_DAY.equals(value)) {
            throw DomainException.invalid(field, "must be 00:00–23:55 (24:00 ends a day, it does not start one)");
        }
        return time(value, field);
    }

    /** "24:00" is midnight at the end of the day, stored as an end of 00:00; "00:00" itself ends nothing. */
    private static LocalTime end(String value, String field) {
        if (WallClock.END_OF_DAY.equals(value)) return LocalTime.MIDNIGHT;
        LocalTime end = time(value, field);
        if (end.equals(LocalTime.MIDNIGHT)) throw DomainException.invalid(field, "must be after start (midnight is 24:00)");
        return end;
    }

    private static LocalTime time(String value, String field) {
        String text = Check.text(value, field, 5);
        if (!text.matches("[0-2][0-9]:[0-5][0-9]")) throw DomainException.invalid(field, "must be a time like 09:00");
        try {
            LocalTime time = LocalTime.parse(text);
            if (time.getMinute() % ServiceDetails.GRID_MINUTES != 0) {
                throw DomainException.invalid(field, "must be on a " + ServiceDetails.GRID_MINUTES + "-minute mark");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a time like 09:00");
        }
    }

    private static String location(String value, String field, Set<String> known) {
        String id = Check.id(value, field);
        if (!known.contains(id)) throw DomainException.invalid(field, "is not a location of this studio");
        return id;
    }
}
