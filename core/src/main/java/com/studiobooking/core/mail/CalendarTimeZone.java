package com.studiobooking.core.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The VTIMEZONE block of an invite, generated from the JDK's zone rules so that a calendar reads
 * the event's TZID wall-clock times exactly as the studio means them.
 *
 * <p>When the years around the event follow the zone's yearly rules, there is one observance per
 * rule with an RRULE (Europe/Bucharest: DAYLIGHT from the last Sunday of March, STANDARD from the
 * last Sunday of October). Otherwise (no daylight saving, transitions listed one by one as in
 * Africa/Casablanca, or a rule whose wall-clock date differs from its rule date as in America/Nuuk)
 * the block holds the offset in force a year before the event and each actual transition up to a
 * year after it; a zone without daylight saving (Asia/Jakarta) is then a single STANDARD.
 */
final class CalendarTimeZone {
    /** Rules are written from this year on, as most generators do; only the years around the event matter. */
    private static final int RULES_SINCE = 1970;
    private static final Duration AROUND = Duration.ofDays(366);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private CalendarTimeZone() {}

    /** The unfolded content lines from BEGIN:VTIMEZONE to END:VTIMEZONE. */
    static List<String> lines(ZoneId zone, Instant around) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<String> observances = yearlyRules(zone.getRules(), around);
        lines.addAll(observances != null ? observances : transitions(zone.getRules(), around));
        lines.add("END:VTIMEZONE");
        return lines;
    }

    /** One observance per yearly rule, or null when the rules cannot describe the years around the event. */
    private static List<String> yearlyRules(ZoneRules rules, Instant around) {
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) return null;
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        if (!listed.isEmpty() && !listed.get(listed.size() - 1).getInstant().isBefore(around.minus(AROUND))) return null;
        List<String> lines = new ArrayList<>();
        for (ZoneOffsetTransitionRule rule : yearly) {
            ZoneOffsetTransition first = rule.createTransition(RULES_SINCE);
            String rrule = rrule(rule, first);
            if (rrule == null) return null;
            lines.addAll(observance(!rule.getOffsetAfter().equals(rule.getStandardOffset()),
                    rule.getOffsetBefore(), rule.getOffsetAfter(), first.getDateTimeBefore(), rrule));
        }
        return lines;
    }

    /** The offset in force a year before the event, then every transition until a year after it. */
    private static List<String> transitions(ZoneRules rules, Instant around) {
        Instant from = around.minus(AROUND);
        Instant to = around.plus(AROUND);
        ZoneOffset base = rules.getOffset(from);
        List<String> lines = new ArrayList<>(observance(rules.isDaylightSavings(from), base, base,
                LocalDateTime.of(RULES_SINCE, 1, 1, 0, 0), null));
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && !t.getInstant().isAfter(to);
             t = rules.nextTransition(t.getInstant())) {
            lines.addAll(observance(rules.isDaylightSavings(t.getInstant()), t.getOffsetBefore(), t.getOffsetAfter(),
                    t.getDateTimeBefore(), null));
        }
        return lines;
    }

    private static List<String> observance(boolean daylight, ZoneOffset from, ZoneOffset to, LocalDateTime start,
                                           String rrule) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        List<String> lines = new ArrayList<>(List.of("BEGIN:" + kind, "TZOFFSETFROM:" + offset(from),
                "TZOFFSETTO:" + offset(to), "DTSTART:" + LOCAL.format(start)));
        if (rrule != null) lines.add("RRULE:" + rrule);
        lines.add("END:" + kind);
        return lines;
    }

    /**
     * The RRULE for a rule such as "Sunday on or after March 25", or null when RRULE cannot say it
     * exactly: the wall-clock date of the change is not the rule's date (a UTC time that falls on the
     * previous day, 24:00), or "on or after" can run into the next month.
     */
    static String rrule(ZoneOffsetTransitionRule rule, ZoneOffsetTransition sample) {
        Month month = rule.getMonth();
        int dom = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        int year = sample.getDateTimeBefore().getYear();
        if (!sample.getDateTimeBefore().toLocalDate().equals(ruleDate(rule, year))) return null;
        String yearly = "FREQ=YEARLY;BYMONTH=" + month.getValue();
        if (dow == null) return yearly + ";BYMONTHDAY=" + dom;
        String day = dow.name().substring(0, 2);
        int fromStart = dom > 0 ? dom : -dom;
        if (fromStart + 6 > month.minLength()) return null;
        String sign = dom > 0 ? "" : "-";
        if ((fromStart - 1) % 7 == 0) return yearly + ";BYDAY=" + sign + ((fromStart - 1) / 7 + 1) + day;
        if (dom > 0 && dom + 6 == month.maxLength()) return yearly + ";BYDAY=-1" + day;
        StringJoiner days = new StringJoiner(",");
        for (int d = fromStart; d <= fromStart + 6; d++) days.add(sign + d);
        return yearly + ";BYDAY=" + day + ";BYMONTHDAY=" + days;
    }

    /** The date the rule names for a year, before its time is applied (as ZoneOffsetTransitionRule does). */
    private static LocalDate ruleDate(ZoneOffsetTransitionRule rule, int year) {
        Month month = rule.getMonth();
        int dom = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dom < 0) {
            LocalDate date = LocalDate.of(year, month, month.length(Year.isLeap(year)) + 1 + dom);
            return dow == null ? date : date.with(TemporalAdjusters.previousOrSame(dow));
        }
        LocalDate date = LocalDate.of(year, month, dom);
        return dow == null ? date : date.with(TemporalAdjusters.nextOrSame(dow));
    }

    /** {@code +0200}, {@code -0500}, {@code +0545}; seconds only when there are any. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
