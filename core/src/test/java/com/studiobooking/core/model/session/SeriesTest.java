package com.studiobooking.core.model.session;

import com.studiobooking.core.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The occurrences of a weekly series: wall-clock times in the studio's zone, and the limits of the rule. */
class SeriesTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void occurrences_keep_the_wall_clock_time_across_the_spring_change() {
        List<ZonedDateTime> starts = Series.occurrences(new Series.Repeat(List.of(FRIDAY, SUNDAY), "2027-03-29"),
                Instant.parse("2027-03-19T16:00:00Z"), BUCHAREST, TODAY); // Friday 18:00 +02:00

        assertThat(starts).extracting(ZonedDateTime::toLocalDate).extracting(LocalDate::toString)
                .containsExactly("2027-03-19", "2027-03-21", "2027-03-26", "2027-03-28");
        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(18, 0));
        assertThat(starts.get(3).toInstant()).isEqualTo(Instant.parse("2027-03-28T15:00:00Z")); // the change day, +03:00
    }

    @Test
    void a_time_the_spring_change_skips_moves_forward_by_the_gap_and_later_weeks_keep_it() {
        // 03:30 does not exist on 2027-03-28 in Bucharest (03:00 → 04:00)
        List<ZonedDateTime> starts = Series.occurrences(new Series.Repeat(List.of(SUNDAY), "2027-04-04"),
                ZonedDateTime.of(2027, 3, 21, 3, 30, 0, 0, BUCHAREST).toInstant(), BUCHAREST, TODAY);

        assertThat(starts).extracting(ZonedDateTime::toLocalTime)
                .containsExactly(LocalTime.of(3, 30), LocalTime.of(4, 30), LocalTime.of(3, 30));
    }

    @Test
    void the_first_occurrence_is_the_first_chosen_weekday_on_or_after_the_start_date() {
        List<ZonedDateTime> starts = Series.occurrences(new Series.Repeat(List.of(MONDAY, WEDNESDAY), "2026-12-09"),
                Instant.parse("2026-12-01T16:00:00Z"), BUCHAREST, TODAY); // a Tuesday

        assertThat(starts).extracting(z -> z.toLocalDate().getDayOfWeek())
                .containsExactly(WEDNESDAY, MONDAY, WEDNESDAY);
    }

    @Test
    void the_rule_is_refused_naming_the_field() {
        Instant start = Instant.parse("2026-12-07T16:00:00Z");
        assertField(() -> Series.occurrences(null, start, BUCHAREST, TODAY), "repeat");
        assertField(() -> Series.occurrences(new Series.Repeat(null, "2026-12-31"), start, BUCHAREST, TODAY), "repeat.weekdays");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(), "2026-12-31"), start, BUCHAREST, TODAY), "repeat.weekdays");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(MONDAY, MONDAY), "2026-12-31"), start, BUCHAREST, TODAY),
                "repeat.weekdays");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(MONDAY), null), start, BUCHAREST, TODAY), "repeat.until");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(MONDAY), "2027-11-24"), start, BUCHAREST, TODAY),
                "repeat.until");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(MONDAY), "2026-12-06"), start, BUCHAREST, TODAY),
                "repeat.until");
        assertField(() -> Series.occurrences(new Series.Repeat(List.of(DayOfWeek.values()), "2027-06-01"), start, BUCHAREST,
                TODAY), "repeat");
        assertThat(Series.occurrences(new Series.Repeat(List.of(MONDAY), "2027-11-23"), start, BUCHAREST, TODAY))
                .hasSize(51);
        // exactly the limit: every day for 160 days
        assertThat(Series.occurrences(new Series.Repeat(List.of(DayOfWeek.values()), "2027-05-15"), start, BUCHAREST, TODAY))
                .hasSize(Series.MAX_OCCURRENCES);
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo(field));
    }
}
