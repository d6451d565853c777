package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A weekly recurring series: sessions at one wall-clock time in the studio's zone on chosen weekdays,
 * from the first date until a last one. Each occurrence is a normal {@link Session} carrying the
 * series id; the series keeps its rule and the ids of the sessions it created (planned before any is
 * written, so changes and cancellations find them even if a creation was cut short).
 */
public record Series(String seriesId, String studioId, List<DayOfWeek> weekdays, LocalDate firstDate, LocalDate until,
                     LocalTime startTime, String timezone, List<String> sessionIds, Instant createdAt) {
    /**
     * At most this many sessions per series: three a week for a year is 157, and a year of weekdays
     * (261) is better two series. The series item lists them all, far below an item's 400 KB.
     */
    public static final int MAX_OCCURRENCES = 160;

    public Series {
        weekdays = List.copyOf(weekdays);
        sessionIds = List.copyOf(sessionIds);
    }

    /** What staff send under {@code "repeat"}. */
    public record Repeat(List<DayOfWeek> weekdays, String until) {
    }

    /**
     * The starts of every occurrence: each chosen weekday from the first start's date until {@code until},
     * at the first start's wall-clock time in {@code zone} (18:00 stays 18:00 across a DST change; a time
     * that does not exist on a spring-forward day moves forward by the gap, as the clocks do).
     * Refuses, naming the field, weekdays that are missing or repeated, an end before the first
     * occurrence or more than a year after {@code today}, and more than {@link #MAX_OCCURRENCES}.
     */
    public static List<ZonedDateTime> occurrences(Repeat repeat, Instant firstStart, ZoneId zone, LocalDate today) {
        Check.required(repeat, "repeat");
        List<DayOfWeek> days = Check.required(repeat.weekdays(), "repeat.weekdays");
        if (days.isEmpty()) throw DomainException.invalid("repeat.weekdays", "must name at least one day");
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : days) {
            if (!chosen.add(day)) throw DomainException.invalid("repeat.weekdays", day + " is listed twice");
        }
        LocalDate until = Check.date(Check.required(repeat.until(), "repeat.until"), "repeat.until");
        if (until.isAfter(today.plusYears(1))) {
            throw DomainException.invalid("repeat.until", "must be at most one year ahead (" + today.plusYears(1) + ")");
        }
        ZonedDateTime first = firstStart.atZone(zone);
        LocalTime time = first.toLocalTime();
        List<ZonedDateTime> starts = new ArrayList<>();
        for (LocalDate date = first.toLocalDate(); !date.isAfter(until); date = date.plusDays(1)) {
            if (!chosen.contains(date.getDayOfWeek())) continue;
            starts.add(ZonedDateTime.of(date, time, zone));
            if (starts.size() > MAX_OCCURRENCES) {
                throw DomainException.invalid("repeat", "makes more than " + MAX_OCCURRENCES
                        + " sessions; end it earlier or split it into two series");
            }
        }
        if (starts.isEmpty()) {
            throw DomainException.invalid("repeat.until", "must be on or after the first occurrence (no chosen weekday falls from "
                    + first.toLocalDate() + " to " + until + ")");
        }
        return starts;
    }

    /** The start of an occurrence on {@code date} when the series moves to {@code time} (wall clock). */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
