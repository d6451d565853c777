package com.studiobooking.core.mail;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarTimeZoneTest {
    private static final Instant EVENT = Instant.parse("2026-12-01T07:00:00Z");

    private static List<String> vtimezone(String zone) {
        return CalendarTimeZone.lines(ZoneId.of(zone), EVENT);
    }

    @Test
    void bucharest_changes_on_the_last_sunday_of_march_and_of_october() {
        assertThat(vtimezone("Europe/Bucharest")).containsExactly(
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Bucharest",
                "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0300",
                "DTSTART:19700329T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:+0300",
                "TZOFFSETTO:+0200",
                "DTSTART:19701025T040000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "END:STANDARD",
                "END:VTIMEZONE");
    }

    @Test
    void new_york_changes_on_the_second_sunday_of_march_and_the_first_of_november() {
        assertThat(vtimezone("America/New_York")).containsExactly(
                "BEGIN:VTIMEZONE",
                "TZID:America/New_York",
                "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "DTSTART:19700308T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "DTSTART:19701101T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
                "END:STANDARD",
                "END:VTIMEZONE");
    }

    @Test
    void a_zone_without_daylight_saving_has_one_standard_observance() {
        assertThat(vtimezone("Asia/Jakarta")).containsExactly(
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Jakarta",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:+0700",
                "TZOFFSETTO:+0700",
                "DTSTART:19700101T000000",
                "END:STANDARD",
                "END:VTIMEZONE");
        assertThat(vtimezone("Asia/Kathmandu")).contains("TZOFFSETTO:+0545");
    }

    @Test
    void a_sunday_on_or_after_a_day_that_is_not_a_week_boundary_lists_the_seven_days() {
        // Chile: first Sunday on or after 2 April / 2 September
        assertThat(vtimezone("America/Santiago")).contains(
                "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8",
                "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8");
    }

    @Test
    void a_change_whose_local_date_is_not_its_rule_date_is_listed_year_by_year() {
        // Nuuk changes at 01:00 UTC on the last Sunday of March: 23:00 on Saturday, local time
        assertThat(vtimezone("America/Nuuk")).containsExactly(
                "BEGIN:VTIMEZONE",
                "TZID:America/Nuuk",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:-0200",
                "TZOFFSETTO:-0200",
                "DTSTART:19700101T000000",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:-0200",
                "TZOFFSETTO:-0100",
                "DTSTART:20260328T230000",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:-0100",
                "TZOFFSETTO:-0200",
                "DTSTART:20261025T000000",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:-0200",
                "TZOFFSETTO:-0100",
                "DTSTART:20270327T230000",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:-0100",
                "TZOFFSETTO:-0200",
                "DTSTART:20271031T000000",
                "END:STANDARD",
                "END:VTIMEZONE");
    }

    @Test
    void offsets_are_written_as_hours_and_minutes_and_seconds_only_when_present() {
        assertThat(CalendarTimeZone.offset(ZoneOffset.ofHoursMinutes(5, 45))).isEqualTo("+0545");
        assertThat(CalendarTimeZone.offset(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
        assertThat(CalendarTimeZone.offset(ZoneOffset.UTC)).isEqualTo("+0000");
        assertThat(CalendarTimeZone.offset(ZoneOffset.ofHoursMinutesSeconds(0, 17, 30))).isEqualTo("+001730");
    }

    /**
     * Reads every zone's VTIMEZONE back as a calendar would (onsets from DTSTART, expanded by RRULE)
     * and checks the offset it gives against java.time, weekly and on both sides of every real
     * change, for the ten months either side of the event.
     */
    @Test
    void every_zone_s_vtimezone_gives_the_offsets_java_time_gives_around_the_event() {
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            ZoneRules rules = ZoneId.of(id).getRules();
            List<Onset> onsets = onsets(CalendarTimeZone.lines(ZoneId.of(id), EVENT));
            List<Instant> checks = new ArrayList<>();
            Instant from = EVENT.minus(Duration.ofDays(300));
            Instant to = EVENT.plus(Duration.ofDays(300));
            for (Instant i = from; i.isBefore(to); i = i.plus(Duration.ofDays(7))) checks.add(i);
            for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
                 t = rules.nextTransition(t.getInstant())) {
                checks.add(t.getInstant().minusSeconds(60));
                checks.add(t.getInstant());
                checks.add(t.getInstant().plusSeconds(60));
            }
            for (Instant check : checks) {
                Onset latest = onsets.stream().filter(o -> !o.at().isAfter(check))
                        .max((a, b) -> a.at().compareTo(b.at())).orElseThrow();
                assertThat(latest.offset()).as("%s at %s", id, check).isEqualTo(CalendarTimeZone.offset(rules.getOffset(check)));
            }
        }
    }

    private record Onset(Instant at, String offset) {}

    private static List<Onset> onsets(List<String> vtimezone) {
        List<Onset> onsets = new ArrayList<>();
        Map<String, String> props = new HashMap<>();
        for (String line : vtimezone) {
            if (line.equals("BEGIN:STANDARD") || line.equals("BEGIN:DAYLIGHT")) {
                props.clear();
            } else if (line.equals("END:STANDARD") || line.equals("END:DAYLIGHT")) {
                LocalDateTime start = LocalDateTime.parse(props.get("DTSTART"), CalendarTimeZone.LOCAL);
                ZoneOffset before = ZoneOffset.of(props.get("TZOFFSETFROM"));
                String rrule = props.get("RRULE");
                if (rrule == null) {
                    onsets.add(new Onset(start.toInstant(before), props.get("TZOFFSETTO")));
                } else {
                    assertThat(occurrence(rrule, start.getYear())).as("DTSTART follows %s", rrule).isEqualTo(start.toLocalDate());
                    for (int year = Math.max(start.getYear(), 2024); year <= 2029; year++) {
                        onsets.add(new Onset(LocalDateTime.of(occurrence(rrule, year), start.toLocalTime()).toInstant(before),
                                props.get("TZOFFSETTO")));
                    }
                }
            } else {
                int colon = line.indexOf(':');
                props.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return onsets;
    }

    /** The one date an RRULE of the shapes CalendarTimeZone writes gives in a year. */
    private static LocalDate occurrence(String rrule, int year) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rrule.split(";")) parts.put(part.split("=")[0], part.split("=")[1]);
        assertThat(parts.get("FREQ")).isEqualTo("YEARLY");
        LocalDate first = LocalDate.of(year, Integer.parseInt(parts.get("BYMONTH")), 1);
        List<LocalDate> days = first.datesUntil(first.plusMonths(1)).toList();
        int monthLength = days.size();
        if (parts.containsKey("BYMONTHDAY")) {
            List<Integer> wanted = Arrays.stream(parts.get("BYMONTHDAY").split(","))
                    .map(d -> Integer.parseInt(d) > 0 ? Integer.parseInt(d) : monthLength + 1 + Integer.parseInt(d)).toList();
            days = days.stream().filter(d -> wanted.contains(d.getDayOfMonth())).toList();
        }
        if (parts.containsKey("BYDAY")) {
            String byDay = parts.get("BYDAY");
            String code = byDay.substring(byDay.length() - 2);
            DayOfWeek dow = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(code)).findFirst().orElseThrow();
            days = days.stream().filter(d -> d.getDayOfWeek() == dow).toList();
            if (byDay.length() > 2) {
                int n = Integer.parseInt(byDay.substring(0, byDay.length() - 2));
                days = List.of(n > 0 ? days.get(n - 1) : days.get(days.size() + n));
            }
        }
        assertThat(days).as("%s in %d", rrule, year).hasSize(1);
        return days.get(0);
    }
}
