package com.studiobooking.benchmarks.slots;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.slots.Slot;
import com.studiobooking.core.model.slots.SlotFinder;
import com.studiobooking.core.model.slots.StaffSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's scenario is the one docs/benchmarks.md describes, and the same on every run. */
class SlotScenarioTest {

    @Test
    void the_scenario_is_the_same_on_every_run() {
        assertThat(SlotScenario.of(2000)).isEqualTo(SlotScenario.of(2000));
    }

    @Test
    void two_thousand_appointments_fit_without_overlapping_within_the_sixty_days() {
        SlotScenario scenario = SlotScenario.of(2000);

        assertThat(scenario.overlapping()).isZero();
        assertThat(scenario.staff()).hasSize(3);
        assertThat(scenario.staff().stream().mapToInt(s -> s.busy().size()).sum()).isEqualTo(2000);
        Instant first = SlotScenario.NOW.atZone(SlotScenario.ZONE).toLocalDate().atStartOfDay(SlotScenario.ZONE).toInstant();
        Instant last = first.atZone(SlotScenario.ZONE).toLocalDate().plusDays(SlotScenario.DAYS).atStartOfDay(SlotScenario.ZONE).toInstant();
        for (StaffSchedule staff : scenario.staff()) {
            List<TimeRange> busy = staff.busy();
            for (int i = 0; i < busy.size(); i++) {
                TimeRange range = busy.get(i);
                assertThat(Duration.between(range.start(), range.end())).isEqualTo(Duration.ofMinutes(90));
                assertThat(range.start()).isAfterOrEqualTo(first);
                assertThat(range.end()).isBeforeOrEqualTo(last);
                if (i > 0) assertThat(range.start()).isAfterOrEqualTo(busy.get(i - 1).end()); // sorted, no overlap
            }
        }
    }

    @Test
    void four_thousand_appointments_leave_no_free_slot_and_some_overlap() {
        SlotScenario scenario = SlotScenario.of(4000);

        assertThat(scenario.overlapping()).isPositive();
        assertThat(scenario.staff().stream().mapToInt(s -> s.busy().size()).sum()).isEqualTo(4000);
        assertThat(SlotFinder.find(scenario.query(), scenario.staff(), true)).isEmpty();
    }

    @Test
    void without_appointments_every_quarter_hour_of_the_sixty_days_is_offered_after_the_notice() {
        SlotScenario scenario = SlotScenario.of(0);

        List<Slot> any = SlotFinder.find(scenario.query(), scenario.staff(), true);
        List<Slot> one = SlotFinder.find(scenario.query(), scenario.oneStaff(), false);

        // 09:00 to 17:00 every 15 minutes is 33 starts a day; today (notice: 09:00 + 2 h) from 11:00, 25
        assertThat(any).hasSize(59 * 33 + 25);
        assertThat(one).hasSize(59 * 33 + 25);
        assertThat(any.get(0).start()).isEqualTo(SlotScenario.NOW.plus(Duration.ofHours(2)));
        assertThat(any.get(any.size() - 1).start().atZone(SlotScenario.ZONE).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(any).allSatisfy(slot -> assertThat(slot.staffId()).isEqualTo("sf_1"));
    }

    @Test
    void the_benchmark_returns_what_the_finder_returns() {
        SlotLookupBenchmark benchmark = new SlotLookupBenchmark();
        benchmark.appointments = 2000;
        benchmark.buildScenario();
        SlotScenario scenario = SlotScenario.of(2000);

        assertThat(benchmark.anyStaff()).isEqualTo(SlotFinder.find(scenario.query(), scenario.staff(), true)).isNotEmpty();
        assertThat(benchmark.oneStaff()).isEqualTo(SlotFinder.find(scenario.query(), scenario.oneStaff(), false)).isNotEmpty();
    }
}
