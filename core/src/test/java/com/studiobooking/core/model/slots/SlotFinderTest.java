package com.studiobooking.core.model.slots;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.DateOverride;
import com.studiobooking.core.model.studio.WallClock;
import com.studiobooking.core.model.studio.WeeklyBlock;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotFinderTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final LocalDate MONDAY_JUNE_1 = LocalDate.of(2026, 6, 1);

    // ---- rule 1: working hours ----

    @Test
    void working_hours_come_from_the_weekly_blocks_of_that_weekday() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")));

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusDays(1)).query(), List.of(ana), false);

        assertThat(slots).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "ana", "room"),
                slot("2026-06-01T10:00+03:00", 60, "ana", "room"),
                slot("2026-06-01T11:00+03:00", 60, "ana", "room"));
    }

    @Test
    void a_date_override_replaces_the_weekly_hours_of_that_date() {
        StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "11:00", "room")),
                List.of(new DateOverride(MONDAY_JUNE_1, List.of(interval("14:00", "16:00", "room")))), List.of()), List.of());

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusWeeks(1)).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T14:00+03:00"), at("2026-06-01T15:00+03:00"),
                at("2026-06-08T09:00+03:00"), at("2026-06-08T10:00+03:00"));
    }

    @Test
    void a_date_override_without_intervals_is_a_day_off() {
        StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "11:00", "room")),
                List.of(new DateOverride(MONDAY_JUNE_1, List.of())), List.of()), List.of());

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusWeeks(1)).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-06-08T09:00+03:00"), at("2026-06-08T10:00+03:00"));
    }

    @Test
    void only_locations_the_service_is_offered_at_are_used() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "11:00", "room"), block(MONDAY, "14:00", "16:00", "park")));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).allowed("park").query(), List.of(ana), false);

        assertThat(slots).containsExactly(
                slot("2026-06-01T14:00+03:00", 60, "ana", "park"),
                slot("2026-06-01T15:00+03:00", 60, "ana", "park"));
    }

    @Test
    void the_clients_location_filter_narrows_the_slots_to_that_location() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "11:00", "room"), block(MONDAY, "14:00", "16:00", "park")));

        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).location("room").query(), List.of(ana), false)).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "ana", "room"),
                slot("2026-06-01T10:00+03:00", 60, "ana", "room"));
        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).allowed("park").location("room").query(), List.of(ana), false))
                .isEmpty();
    }

    // ---- rule 2: candidate starts ----

    @Test
    void the_appointment_must_fit_inside_working_hours_but_its_buffers_need_not() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "11:00", "room")));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(60).step(30).buffers(15, 15).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T09:30+03:00"), at("2026-06-01T10:00+03:00"));
    }

    @Test
    void starts_advance_by_the_service_step_from_the_start_of_each_interval() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:10", "10:40", "room"), block(MONDAY, "14:05", "15:05", "room")));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(30).step(20).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:10+03:00"), at("2026-06-01T09:30+03:00"), at("2026-06-01T09:50+03:00"), at("2026-06-01T10:10+03:00"),
                at("2026-06-01T14:05+03:00"), at("2026-06-01T14:25+03:00"));
    }

    @Test
    void overlapping_blocks_never_produce_duplicate_slots() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "11:00", "room"), block(MONDAY, "10:00", "12:00", "room")));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T10:00+03:00"), at("2026-06-01T11:00+03:00"));
    }

    // ---- rule 3: time off ----

    @Test
    void time_off_removes_every_slot_whose_appointment_overlaps_it() {
        StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "12:00", "room")), List.of(),
                List.of(range("2026-06-01T10:00+03:00", "2026-06-01T10:45+03:00"))), List.of());

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(30).step(30).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T09:30+03:00"), at("2026-06-01T11:00+03:00"), at("2026-06-01T11:30+03:00"));
    }

    @Test
    void buffers_may_reach_into_time_off() {
        StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "12:00", "room")), List.of(),
                List.of(range("2026-06-01T10:00+03:00", "2026-06-01T11:00+03:00"))), List.of());

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).buffers(15, 15).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-06-01T09:00+03:00"), at("2026-06-01T11:00+03:00"));
    }

    // ---- rule 4: busy time and buffers ----

    @Test
    void an_existing_bookings_after_buffer_and_the_new_before_buffer_both_apply() {
        // An existing 09:00-10:00 appointment with a 15-minute after-buffer is busy until 10:15.
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                range("2026-06-01T09:00+03:00", "2026-06-01T10:15+03:00"));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(60).step(15).buffers(15, 0).query(), List.of(ana), false);

        // 10:30 leaves a gap of exactly 15 + 15 minutes and is offered; 10:15, one step less, is not.
        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T10:30+03:00"), at("2026-06-01T10:45+03:00"), at("2026-06-01T11:00+03:00"));
    }

    @Test
    void the_new_appointments_after_buffer_must_clear_the_next_booking_and_its_before_buffer() {
        // An existing 11:00-12:00 appointment with a 15-minute before-buffer is busy from 10:45.
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                range("2026-06-01T10:45+03:00", "2026-06-01T12:00+03:00"));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(60).step(15).buffers(0, 15).query(), List.of(ana), false);

        // 09:30-10:30 plus 15 minutes ends exactly at 10:45; 09:45 would not clear it.
        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T09:15+03:00"), at("2026-06-01T09:30+03:00"));
    }

    @Test
    void an_existing_appointment_of_a_different_length_blocks_every_start_it_overlaps() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "13:00", "room")),
                range("2026-06-01T10:20+03:00", "2026-06-01T11:50+03:00"));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(30).step(15).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T09:15+03:00"), at("2026-06-01T09:30+03:00"), at("2026-06-01T09:45+03:00"),
                at("2026-06-01T12:00+03:00"), at("2026-06-01T12:15+03:00"), at("2026-06-01T12:30+03:00"));
    }

    @Test
    void overlapping_busy_ranges_block_their_union() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "13:00", "room")),
                range("2026-06-01T10:00+03:00", "2026-06-01T11:00+03:00"),
                range("2026-06-01T09:30+03:00", "2026-06-01T12:00+03:00"),
                range("2026-06-01T10:30+03:00", "2026-06-01T10:45+03:00"));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(30).step(30).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(
                at("2026-06-01T09:00+03:00"), at("2026-06-01T12:00+03:00"), at("2026-06-01T12:30+03:00"));
    }

    // ---- rule 5: booking policy ----

    @Test
    void slots_start_no_earlier_than_the_minimum_notice() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "13:00", "room")));

        List<Slot> slots = SlotFinder.find(lookup().on(MONDAY_JUNE_1).step(30)
                .now("2026-06-01T09:20+03:00").minNotice(Duration.ofHours(2)).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-06-01T11:30+03:00"), at("2026-06-01T12:00+03:00"));
    }

    @Test
    void slots_in_the_past_are_never_offered() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "13:00", "room")));

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1.minusWeeks(1), MONDAY_JUNE_1)
                .now("2026-06-01T10:00:01+03:00").minNotice(Duration.ofMinutes(-30)).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-06-01T11:00+03:00"), at("2026-06-01T12:00+03:00"));
    }

    @Test
    void slots_end_with_the_last_date_within_the_maximum_days_ahead() {
        StaffSchedule ana = staff("ana", everyDay("09:00", "10:00", "room"));

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusDays(6))
                .now("2026-06-01T23:30+03:00").maxDaysAhead(2).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-06-02T09:00+03:00"), at("2026-06-03T09:00+03:00"));
    }

    @Test
    void a_huge_date_range_is_clipped_to_the_booking_window() {
        StaffSchedule ana = staff("ana", everyDay("09:00", "10:00", "room"));

        List<Slot> slots = SlotFinder.find(lookup().dates(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31))
                .now("2026-06-01T08:00+03:00").maxDaysAhead(60).query(), List.of(ana), false);

        assertThat(slots).hasSize(61);
        assertThat(slots.get(0).start()).isEqualTo(at("2026-06-01T09:00+03:00"));
        assertThat(slots.get(60).start()).isEqualTo(at("2026-07-31T09:00+03:00"));
    }

    @Test
    void only_dates_from_to_inclusive_in_the_studio_zone_are_looked_at() {
        StaffSchedule ana = staff("ana", everyDay("00:00", "01:00", "room"));

        List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusDays(1)).query(), List.of(ana), false);

        assertThat(starts(slots)).containsExactly(at("2026-05-31T21:00:00Z"), at("2026-06-01T21:00:00Z"));
    }

    // ---- rule 6: staff ----

    @Test
    void a_staff_lookup_lists_each_given_staff_members_own_slots() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "11:00", "room")),
                range("2026-06-01T09:00+03:00", "2026-06-01T10:00+03:00"));
        StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "11:00", "room")));

        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(ana), false))
                .containsExactly(slot("2026-06-01T10:00+03:00", 60, "ana", "room"));
        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(bob, ana), false)).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "bob", "room"),
                slot("2026-06-01T10:00+03:00", 60, "ana", "room"),
                slot("2026-06-01T10:00+03:00", 60, "bob", "room"));
    }

    @Test
    void any_staff_gives_one_slot_per_start_and_location_from_the_first_free_staff_member() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                range("2026-06-01T10:00+03:00", "2026-06-01T11:00+03:00"));
        StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "12:00", "room")));

        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(ana, bob), true)).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "ana", "room"),
                slot("2026-06-01T10:00+03:00", 60, "bob", "room"),
                slot("2026-06-01T11:00+03:00", 60, "ana", "room"));
    }

    @Test
    void any_staff_prefers_staff_in_the_order_given() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                range("2026-06-01T10:00+03:00", "2026-06-01T11:00+03:00"));
        StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "12:00", "room")));

        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(bob, ana), true)).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "bob", "room"),
                slot("2026-06-01T10:00+03:00", 60, "bob", "room"),
                slot("2026-06-01T11:00+03:00", 60, "bob", "room"));
    }

    @Test
    void any_staff_keeps_one_slot_for_each_location_at_the_same_start() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "10:00", "room")));
        StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "10:00", "park"), block(MONDAY, "09:00", "10:00", "room")));

        assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(ana, bob), true)).containsExactly(
                slot("2026-06-01T09:00+03:00", 60, "bob", "park"),
                slot("2026-06-01T09:00+03:00", 60, "ana", "room"));
    }

    @Test
    void slots_are_ordered_by_start_then_location_then_staff() {
        StaffSchedule zoe = staff("zoe", List.of(
                block(TUESDAY, "09:00", "10:00", "room"), block(MONDAY, "10:00", "11:00", "room"), block(MONDAY, "10:00", "11:00", "park")));
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "10:00", "11:00", "room"), block(MONDAY, "09:00", "10:00", "room")));

        assertThat(SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusDays(1)).query(), List.of(zoe, ana), false))
                .containsExactly(
                        slot("2026-06-01T09:00+03:00", 60, "ana", "room"),
                        slot("2026-06-01T10:00+03:00", 60, "zoe", "park"),
                        slot("2026-06-01T10:00+03:00", 60, "ana", "room"),
                        slot("2026-06-01T10:00+03:00", 60, "zoe", "room"),
                        slot("2026-06-02T09:00+03:00", 60, "zoe", "room"));
    }

    // ---- re-validating a requested start ----

    @Test
    void a_requested_start_is_free_exactly_when_it_is_offered() {
        StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "13:00", "room")), List.of(),
                List.of(range("2026-06-01T12:00+03:00", "2026-06-01T12:30+03:00"))),
                List.of(range("2026-06-01T09:00+03:00", "2026-06-01T10:15+03:00")));
        SlotQuery query = lookup().dates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).duration(60).step(15).buffers(15, 0)
                .now("2026-06-01T08:00+03:00").minNotice(Duration.ofMinutes(60)).query();

        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T10:30+03:00"))).isTrue();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T10:15+03:00"))).as("inside the buffers").isFalse();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T10:40+03:00"))).as("off the step").isFalse();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T11:30+03:00"))).as("overlaps time off").isFalse();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T12:15+03:00"))).as("ends after hours").isFalse();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-02T10:30+03:00"))).as("not a working day").isFalse();

        SlotQuery onThatDay = lookup().on(MONDAY_JUNE_1).duration(60).step(15).buffers(15, 0)
                .now("2026-06-01T08:00+03:00").minNotice(Duration.ofMinutes(60)).query();
        List<Instant> offered = starts(SlotFinder.find(onThatDay, List.of(ana), false));
        for (Instant start = at("2026-06-01T00:00+03:00"); start.isBefore(at("2026-06-02T00:00+03:00")); start = start.plusSeconds(300)) {
            assertThat(SlotFinder.isFree(query, ana, start)).as(start.toString()).isEqualTo(offered.contains(start));
        }
    }

    @Test
    void a_requested_start_before_the_minimum_notice_is_not_free() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "13:00", "room")));
        SlotQuery query = lookup().on(MONDAY_JUNE_1).now("2026-06-01T09:30+03:00").minNotice(Duration.ofMinutes(60)).query();

        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T10:00+03:00"))).isFalse();
        assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T11:00+03:00"))).isTrue();
    }

    @Test
    void the_slot_at_a_requested_start_tells_the_location_and_the_staff_member() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "10:00", "room")),
                range("2026-06-01T09:00+03:00", "2026-06-01T10:00+03:00"));
        StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "10:00", "park")));

        assertThat(SlotFinder.slotAt(lookup().query(), List.of(ana, bob), true, at("2026-06-01T09:00+03:00")))
                .contains(slot("2026-06-01T09:00+03:00", 60, "bob", "park"));
    }

    @Test
    void a_service_without_a_length_or_a_step_is_refused() {
        StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "10:00", "room")));

        assertThatThrownBy(() -> SlotFinder.find(lookup().on(MONDAY_JUNE_1).duration(0).query(), List.of(ana), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> SlotFinder.find(lookup().on(MONDAY_JUNE_1).step(0).query(), List.of(ana), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }

    // ---- rule 4, slots after bookings: no slot lost to an off-grid booking ----

    @Nested
    class SlotsAfterBookings {
        /** Monday 09:00-17:00; a 45-minute appointment with a 15-minute after-buffer, every 60 minutes. */
        private final Lookup massage = lookup().on(MONDAY_JUNE_1).duration(45).buffers(0, 15).step(60);

        @Test
        void the_slot_right_after_an_off_grid_booking_is_offered_and_the_steps_go_on_from_there() {
            // A 45-minute appointment at 09:15 (booked on another service's 15-minute grid) and its 15-minute buffer.
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "17:00", "room")),
                    range("2026-06-01T09:15+03:00", "2026-06-01T10:15+03:00"));

            List<Slot> after = SlotFinder.find(massage.slotsAfterBookings(true).query(), List.of(ana), false);
            List<Slot> onTheGrid = SlotFinder.find(massage.slotsAfterBookings(false).query(), List.of(ana), false);

            assertThat(starts(after)).containsExactly(
                    at("2026-06-01T10:15+03:00"), at("2026-06-01T11:15+03:00"), at("2026-06-01T12:15+03:00"),
                    at("2026-06-01T13:15+03:00"), at("2026-06-01T14:15+03:00"), at("2026-06-01T15:15+03:00"),
                    at("2026-06-01T16:15+03:00"));
            // On the grid, 10:15-11:00 stays idle and 16:15-17:00 cannot hold the last one: a slot lost.
            assertThat(starts(onTheGrid)).containsExactly(
                    at("2026-06-01T11:00+03:00"), at("2026-06-01T12:00+03:00"), at("2026-06-01T13:00+03:00"),
                    at("2026-06-01T14:00+03:00"), at("2026-06-01T15:00+03:00"), at("2026-06-01T16:00+03:00"));
        }

        @Test
        void the_gap_after_a_booking_is_exactly_its_after_buffer_and_the_new_before_buffer() {
            // Busy 09:00-10:20 (with that booking's own buffers) and 13:00-14:00; the new service has 10 before, 5 after.
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "17:00", "room")),
                    range("2026-06-01T09:00+03:00", "2026-06-01T10:20+03:00"),
                    range("2026-06-01T13:00+03:00", "2026-06-01T14:00+03:00"));
            Lookup service = lookup().on(MONDAY_JUNE_1).duration(45).buffers(10, 5).step(60);

            List<Slot> after = SlotFinder.find(service.slotsAfterBookings(true).query(), List.of(ana), false);
            List<Slot> onTheGrid = SlotFinder.find(service.slotsAfterBookings(false).query(), List.of(ana), false);

            // 10:30 - 10 = 10:20; 12:30 would reach 13:20 with its buffer; 14:10 - 10 = 14:00; 16:10 ends 16:55.
            assertThat(starts(after)).containsExactly(
                    at("2026-06-01T10:30+03:00"), at("2026-06-01T11:30+03:00"),
                    at("2026-06-01T14:10+03:00"), at("2026-06-01T15:10+03:00"), at("2026-06-01T16:10+03:00"));
            assertThat(starts(onTheGrid)).containsExactly(
                    at("2026-06-01T11:00+03:00"), at("2026-06-01T12:00+03:00"),
                    at("2026-06-01T15:00+03:00"), at("2026-06-01T16:00+03:00"));
        }

        @Test
        void time_taken_that_ends_off_the_claim_unit_is_followed_at_the_next_unit() {
            // A session taught from 09:07:30 to 10:07:30: staff time is claimed in 5-minute units, up to 10:10.
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                    range("2026-06-01T09:07:30+03:00", "2026-06-01T10:07:30+03:00"));

            List<Slot> slots = SlotFinder.find(massage.slotsAfterBookings(true).query(), List.of(ana), false);

            assertThat(starts(slots)).containsExactly(at("2026-06-01T10:10+03:00"), at("2026-06-01T11:10+03:00"));
            assertThat(SlotFinder.CLAIM_UNIT_MINUTES).isEqualTo(5);
        }

        @Test
        void time_off_keeps_the_grid_of_the_working_hours() {
            StaffSchedule withoutBookings = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "17:00", "room")),
                    List.of(), List.of(range("2026-06-01T12:10+03:00", "2026-06-01T13:05+03:00"))), List.of());
            assertThat(SlotFinder.find(massage.slotsAfterBookings(true).query(), List.of(withoutBookings), false))
                    .isEqualTo(SlotFinder.find(massage.slotsAfterBookings(false).query(), List.of(withoutBookings), false));

            // After an off-grid booking the steps follow it, until time off sends them back to the grid.
            StaffSchedule ana = staff("ana", new Availability(List.of(block(MONDAY, "09:00", "17:00", "room")),
                    List.of(), List.of(range("2026-06-01T12:00+03:00", "2026-06-01T13:00+03:00"))),
                    List.of(range("2026-06-01T09:15+03:00", "2026-06-01T10:15+03:00")));
            assertThat(starts(SlotFinder.find(massage.slotsAfterBookings(true).query(), List.of(ana), false))).containsExactly(
                    at("2026-06-01T10:15+03:00"), at("2026-06-01T11:15+03:00"), at("2026-06-01T13:00+03:00"),
                    at("2026-06-01T14:00+03:00"), at("2026-06-01T15:00+03:00"), at("2026-06-01T16:00+03:00"));
        }

        @Test
        void a_start_after_a_booking_is_free_exactly_when_it_is_offered() {
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "17:00", "room")),
                    range("2026-06-01T09:15+03:00", "2026-06-01T10:15+03:00"));
            SlotQuery query = massage.slotsAfterBookings(true).query();
            List<Instant> offered = starts(SlotFinder.find(query, List.of(ana), false));

            for (Instant start = at("2026-06-01T00:00+03:00"); start.isBefore(at("2026-06-02T00:00+03:00")); start = start.plusSeconds(300)) {
                assertThat(SlotFinder.isFree(query, ana, start)).as(start.toString()).isEqualTo(offered.contains(start));
            }
            assertThat(SlotFinder.isFree(query, ana, at("2026-06-01T10:15+03:00"))).isTrue();
            assertThat(SlotFinder.isFree(massage.slotsAfterBookings(false).query(), ana, at("2026-06-01T10:15+03:00"))).isFalse();
        }

        @Test
        void any_staff_follows_each_staff_members_own_bookings() {
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "09:00", "12:00", "room")),
                    range("2026-06-01T09:15+03:00", "2026-06-01T10:15+03:00"));
            StaffSchedule bob = staff("bob", List.of(block(MONDAY, "09:00", "12:00", "room")));

            assertThat(SlotFinder.find(massage.slotsAfterBookings(true).query(), List.of(ana, bob), true)).containsExactly(
                    slot("2026-06-01T09:00+03:00", 45, "bob", "room"),
                    slot("2026-06-01T10:00+03:00", 45, "bob", "room"),
                    slot("2026-06-01T10:15+03:00", 45, "ana", "room"),
                    slot("2026-06-01T11:00+03:00", 45, "bob", "room"),
                    slot("2026-06-01T11:15+03:00", 45, "ana", "room"));
        }

        @Test
        void on_a_fall_back_night_the_steps_after_a_booking_run_in_real_time_through_the_repeated_hour() {
            StaffSchedule ana = staff("ana", everyDay("00:00", "06:00", "room"),
                    range("2026-10-25T03:00+03:00", "2026-10-25T03:20+03:00"));

            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).on("2026-10-25").slotsAfterBookings(true).query(),
                    List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-10-25T00:00+03:00"), at("2026-10-25T01:00+03:00"), at("2026-10-25T02:00+03:00"),
                    at("2026-10-25T03:20+03:00"), at("2026-10-25T03:20+02:00"), at("2026-10-25T04:20+02:00"));
        }

        @Test
        void on_a_spring_forward_night_the_steps_after_a_booking_skip_the_missing_hour() {
            StaffSchedule ana = staff("ana", everyDay("00:00", "06:00", "room"),
                    range("2026-03-29T00:00+02:00", "2026-03-29T01:20+02:00"));

            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).on("2026-03-29").slotsAfterBookings(true).query(),
                    List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-03-29T01:20+02:00"), at("2026-03-29T02:20+02:00"), at("2026-03-29T04:20+03:00"));
        }

        /**
         * Random days checked against a plain model of the rule (a peer's: steps start again at the first start
         * that clears each booking), against the grid, and against the claims a booking would make.
         */
        @Test
        void no_day_has_fewer_slots_than_the_grid_or_a_peer_and_every_slot_can_claim_its_time() {
            Random random = new Random(20_261_130L);
            for (int day = 0; day < 3_000; day++) {
                int openMinute = 5 * random.nextInt(12 * 12);                       // 00:00-11:55
                int closeMinute = openMinute + 5 * (1 + random.nextInt((24 * 60 - openMinute) / 5)); // up to 24:00
                int duration = 5 * (1 + random.nextInt(24));
                int before = 5 * random.nextInt(7);
                int after = 5 * random.nextInt(7);
                int step = 5 * (1 + random.nextInt(24));
                LocalTime close = closeMinute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(closeMinute * 60L);
                Instant dayStart = MONDAY_JUNE_1.atStartOfDay(BUCHAREST).toInstant();
                List<TimeRange> busy = new ArrayList<>();
                for (int i = random.nextInt(8); i > 0; i--) {
                    // bookings on the 5-minute unit with their buffers, or sessions taught at any second
                    long start = random.nextBoolean() ? 300L * random.nextInt(288) : random.nextInt(86_400);
                    long length = random.nextBoolean() ? 300L * (1 + random.nextInt(24)) : 60 + random.nextInt(7_200);
                    busy.add(new TimeRange(dayStart.plusSeconds(start), dayStart.plusSeconds(start + length)));
                }
                List<TimeRange> timeOff = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    long start = random.nextInt(86_400);
                    timeOff.add(new TimeRange(dayStart.plusSeconds(start), dayStart.plusSeconds(start + 60 + random.nextInt(7_200))));
                }
                WeeklyBlock hours = new WeeklyBlock(MONDAY, LocalTime.ofSecondOfDay(openMinute * 60L), close, "room");
                Lookup service = lookup().on(MONDAY_JUNE_1).duration(duration).buffers(before, after).step(step);
                int d = day;
                Supplier<String> what = () -> "day " + d + ": " + hours + " " + duration + "+" + before + "/" + after
                        + " every " + step + ", busy " + busy + ", off " + timeOff;

                StaffSchedule withTimeOff = staff("ana", new Availability(List.of(hours), List.of(), timeOff), busy);
                List<Slot> following = SlotFinder.find(service.slotsAfterBookings(true).query(), List.of(withTimeOff), false);
                List<Slot> onTheGrid = SlotFinder.find(service.slotsAfterBookings(false).query(), List.of(withTimeOff), false);
                assertThat(following.size()).as(what).isGreaterThanOrEqualTo(onTheGrid.size());
                for (Slot slot : following) {
                    TimeRange reserved = new TimeRange(slot.start().minus(Duration.ofMinutes(before)),
                            slot.end().plus(Duration.ofMinutes(after)));
                    for (TimeRange taken : busy) {
                        assertThat(claimUnitsOverlap(reserved, taken)).as(() -> what.get() + ": " + slot + " claims a unit of " + taken)
                                .isFalse();
                    }
                }

                StaffSchedule bookingsOnly = staff("ana", List.of(hours), busy.toArray(TimeRange[]::new));
                List<Slot> found = SlotFinder.find(service.slotsAfterBookings(true).query(), List.of(bookingsOnly), false);
                assertThat(found.size()).as(what).isGreaterThanOrEqualTo(
                        peerCount(dayStart.plusSeconds(openMinute * 60L), dayStart.plusSeconds(closeMinute * 60L),
                                duration, before, after, step, busy));
            }
        }

        /** Steps from the opening; after a booking, from the first claim unit that clears it and the before-buffer. */
        private static int peerCount(Instant open, Instant close, int duration, int before, int after, int step,
                                     List<TimeRange> busy) {
            int count = 0;
            Instant start = open;
            while (!start.plus(Duration.ofMinutes(duration)).isAfter(close)) {
                TimeRange reserved = new TimeRange(start.minus(Duration.ofMinutes(before)),
                        start.plus(Duration.ofMinutes(duration + after)));
                Instant clearedAt = null;
                for (TimeRange taken : busy) {
                    if (taken.start().isBefore(reserved.end()) && reserved.start().isBefore(taken.end())
                            && (clearedAt == null || taken.end().isAfter(clearedAt))) {
                        clearedAt = taken.end();
                    }
                }
                if (clearedAt == null) {
                    count++;
                    start = start.plus(Duration.ofMinutes(step));
                } else {
                    long unit = 300;
                    start = Instant.ofEpochSecond((clearedAt.getEpochSecond() + (clearedAt.getNano() > 0 ? 1 : 0) + unit - 1)
                            / unit * unit).plus(Duration.ofMinutes(before));
                }
            }
            return count;
        }

        /** Whether two ranges touch a common 5-minute unit, as StaffTime claims them (docs/decisions/no-double-booking.md). */
        private static boolean claimUnitsOverlap(TimeRange a, TimeRange b) {
            long unit = 300;
            long aFirst = Math.floorDiv(a.start().getEpochSecond(), unit);
            long aLast = Math.floorDiv(a.end().getEpochSecond() - 1, unit);
            long bFirst = Math.floorDiv(b.start().getEpochSecond(), unit);
            long bLast = Math.floorDiv(b.end().getEpochSecond() - 1, unit);
            return aFirst <= bLast && bFirst <= aLast;
        }
    }

    // ---- rule 2: hours ending at midnight ----

    @Nested
    class HoursEndingAtMidnight {
        @Test
        void hours_ending_at_24_00_offer_slots_up_to_midnight() {
            StaffSchedule ana = staff("ana", List.of(block(MONDAY, "20:00", "24:00", "room")));

            assertThat(SlotFinder.find(lookup().on(MONDAY_JUNE_1).query(), List.of(ana), false)).containsExactly(
                    slot("2026-06-01T20:00+03:00", 60, "ana", "room"), slot("2026-06-01T21:00+03:00", 60, "ana", "room"),
                    slot("2026-06-01T22:00+03:00", 60, "ana", "room"), slot("2026-06-01T23:00+03:00", 60, "ana", "room"));
        }

        @Test
        void a_date_override_may_end_at_24_00_and_the_next_day_may_start_at_00_00() {
            StaffSchedule ana = staff("ana", new Availability(List.of(block(TUESDAY, "00:00", "01:00", "room")),
                    List.of(new DateOverride(MONDAY_JUNE_1, List.of(interval("22:30", "24:00", "room")))), List.of()), List.of());

            List<Slot> slots = SlotFinder.find(lookup().dates(MONDAY_JUNE_1, MONDAY_JUNE_1.plusDays(1)).duration(30).step(30).query(),
                    List.of(ana), false);

            // no slot spans midnight: each start fits inside its own day's hours
            assertThat(starts(slots)).containsExactly(
                    at("2026-06-01T22:30+03:00"), at("2026-06-01T23:00+03:00"), at("2026-06-01T23:30+03:00"),
                    at("2026-06-02T00:00+03:00"), at("2026-06-02T00:30+03:00"));
        }

        @Test
        void santiago_moves_its_clocks_at_midnight_and_24_00_is_the_real_end_of_the_day() {
            ZoneId santiago = ZoneId.of("America/Santiago");
            StaffSchedule evenings = staff("ana", List.of(block(DayOfWeek.SATURDAY, "20:00", "24:00", "room"),
                    block(DayOfWeek.SUNDAY, "00:00", "03:00", "room")));

            // 2026-04-04: at Sunday 00:00 (-03:00) the clocks go back to Saturday 23:00 (-04:00): five real hours.
            assertThat(starts(SlotFinder.find(lookup().zone(santiago).on("2026-04-04").query(), List.of(evenings), false)))
                    .containsExactly(at("2026-04-04T20:00-03:00"), at("2026-04-04T21:00-03:00"), at("2026-04-04T22:00-03:00"),
                            at("2026-04-04T23:00-03:00"), at("2026-04-04T23:00-04:00"));
            // 2026-09-05: Saturday 24:00 (-04:00) becomes Sunday 01:00 (-03:00): four hours, and Sunday starts then.
            assertThat(starts(SlotFinder.find(lookup().zone(santiago).dates("2026-09-05", "2026-09-06").query(), List.of(evenings), false)))
                    .containsExactly(at("2026-09-05T20:00-04:00"), at("2026-09-05T21:00-04:00"), at("2026-09-05T22:00-04:00"),
                            at("2026-09-05T23:00-04:00"), at("2026-09-06T01:00-03:00"), at("2026-09-06T02:00-03:00"));
        }
    }

    // ---- rule 2: daylight saving time ----

    @Nested
    class DaylightSavingTime {
        private final StaffSchedule workingDays = staff("ana", everyDay("09:00", "18:00", "room"));
        private final StaffSchedule nights = staff("ana", everyDay("00:00", "06:00", "room"));

        @Test
        void bucharest_spring_forward_keeps_a_normal_working_day_at_the_new_offset() {
            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).dates("2026-03-28", "2026-03-29").query(), List.of(workingDays), false);

            assertThat(starts(slots)).containsExactlyElementsOf(concat(
                    hourly("2026-03-28T09:00+02:00", 9), hourly("2026-03-29T09:00+03:00", 9)));
        }

        @Test
        void bucharest_spring_forward_night_block_loses_the_skipped_hour() {
            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).on("2026-03-29").query(), List.of(nights), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-03-29T00:00+02:00"), at("2026-03-29T01:00+02:00"), at("2026-03-29T02:00+02:00"),
                    at("2026-03-29T04:00+03:00"), at("2026-03-29T05:00+03:00"));
        }

        @Test
        void bucharest_fall_back_keeps_a_normal_working_day_at_the_new_offset() {
            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).dates("2026-10-24", "2026-10-25").query(), List.of(workingDays), false);

            assertThat(starts(slots)).containsExactlyElementsOf(concat(
                    hourly("2026-10-24T09:00+03:00", 9), hourly("2026-10-25T09:00+02:00", 9)));
        }

        @Test
        void bucharest_fall_back_night_block_is_seven_hours_long_with_the_repeated_hour_offered_twice() {
            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).on("2026-10-25").step(30).query(), List.of(nights), false);

            // Bucharest repeats 03:00-04:00 that night (04:00+03:00 becomes 03:00+02:00).
            assertThat(starts(slots)).containsExactly(
                    at("2026-10-25T00:00+03:00"), at("2026-10-25T00:30+03:00"), at("2026-10-25T01:00+03:00"),
                    at("2026-10-25T01:30+03:00"), at("2026-10-25T02:00+03:00"), at("2026-10-25T02:30+03:00"),
                    at("2026-10-25T03:00+03:00"), at("2026-10-25T03:30+03:00"),
                    at("2026-10-25T03:00+02:00"), at("2026-10-25T03:30+02:00"),
                    at("2026-10-25T04:00+02:00"), at("2026-10-25T04:30+02:00"), at("2026-10-25T05:00+02:00"));
        }

        @Test
        void new_york_spring_forward_keeps_a_normal_working_day_at_the_new_offset() {
            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).dates("2026-03-07", "2026-03-08").query(), List.of(workingDays), false);

            assertThat(starts(slots)).containsExactlyElementsOf(concat(
                    hourly("2026-03-07T09:00-05:00", 9), hourly("2026-03-08T09:00-04:00", 9)));
        }

        @Test
        void new_york_spring_forward_night_block_loses_the_skipped_hour() {
            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).on("2026-03-08").query(), List.of(nights), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-03-08T00:00-05:00"), at("2026-03-08T01:00-05:00"),
                    at("2026-03-08T03:00-04:00"), at("2026-03-08T04:00-04:00"), at("2026-03-08T05:00-04:00"));
        }

        @Test
        void new_york_fall_back_keeps_a_normal_working_day_at_the_new_offset() {
            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).dates("2026-10-31", "2026-11-01").query(), List.of(workingDays), false);

            assertThat(starts(slots)).containsExactlyElementsOf(concat(
                    hourly("2026-10-31T09:00-04:00", 9), hourly("2026-11-01T09:00-05:00", 9)));
        }

        @Test
        void new_york_fall_back_night_block_is_seven_hours_long_with_the_repeated_hour_offered_twice() {
            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).on("2026-11-01").step(30).query(), List.of(nights), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-11-01T00:00-04:00"), at("2026-11-01T00:30-04:00"),
                    at("2026-11-01T01:00-04:00"), at("2026-11-01T01:30-04:00"),
                    at("2026-11-01T01:00-05:00"), at("2026-11-01T01:30-05:00"),
                    at("2026-11-01T02:00-05:00"), at("2026-11-01T02:30-05:00"), at("2026-11-01T03:00-05:00"),
                    at("2026-11-01T03:30-05:00"), at("2026-11-01T04:00-05:00"), at("2026-11-01T04:30-05:00"),
                    at("2026-11-01T05:00-05:00"));
        }

        @Test
        void a_block_starting_inside_the_spring_forward_gap_starts_when_the_clocks_resume() {
            StaffSchedule ana = onDate("2026-03-08", "02:30", "05:00");

            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).on("2026-03-08").step(30).query(), List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-03-08T03:00-04:00"), at("2026-03-08T03:30-04:00"), at("2026-03-08T04:00-04:00"));
        }

        @Test
        void a_block_ending_inside_the_fall_back_overlap_ends_at_its_second_occurrence() {
            StaffSchedule ana = onDate("2026-11-01", "00:00", "01:30");

            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).on("2026-11-01").duration(30).step(30).query(), List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-11-01T00:00-04:00"), at("2026-11-01T00:30-04:00"), at("2026-11-01T01:00-04:00"),
                    at("2026-11-01T01:30-04:00"), at("2026-11-01T01:00-05:00"));
        }

        @Test
        void a_block_starting_inside_the_fall_back_overlap_starts_at_its_first_occurrence() {
            StaffSchedule ana = onDate("2026-11-01", "01:30", "03:00");

            List<Slot> slots = SlotFinder.find(lookup().zone(NEW_YORK).on("2026-11-01").duration(30).step(30).query(), List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-11-01T01:30-04:00"), at("2026-11-01T01:00-05:00"), at("2026-11-01T01:30-05:00"),
                    at("2026-11-01T02:00-05:00"), at("2026-11-01T02:30-05:00"));
        }

        @Test
        void busy_time_on_a_fall_back_night_blocks_only_its_own_occurrence_of_the_repeated_hour() {
            StaffSchedule ana = staff("ana", everyDay("00:00", "06:00", "room"),
                    range("2026-10-25T03:00+03:00", "2026-10-25T04:00+03:00"));

            List<Slot> slots = SlotFinder.find(lookup().zone(BUCHAREST).on("2026-10-25").query(), List.of(ana), false);

            assertThat(starts(slots)).containsExactly(
                    at("2026-10-25T00:00+03:00"), at("2026-10-25T01:00+03:00"), at("2026-10-25T02:00+03:00"),
                    at("2026-10-25T03:00+02:00"), at("2026-10-25T04:00+02:00"), at("2026-10-25T05:00+02:00"));
        }

        @Test
        void jakarta_without_daylight_saving_time_is_unchanged_on_those_dates() {
            for (String date : List.of("2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01")) {
                assertThat(starts(SlotFinder.find(lookup().zone(JAKARTA).on(date).query(), List.of(workingDays), false)))
                        .containsExactlyElementsOf(hourly(date + "T09:00+07:00", 9));
                assertThat(starts(SlotFinder.find(lookup().zone(JAKARTA).on(date).query(), List.of(nights), false)))
                        .containsExactlyElementsOf(hourly(date + "T00:00+07:00", 6));
            }
        }

        private StaffSchedule onDate(String date, String start, String end) {
            return staff("ana", new Availability(List.of(),
                    List.of(new DateOverride(LocalDate.parse(date), List.of(interval(start, end, "room")))), List.of()), List.of());
        }
    }

    // ---- helpers ----

    /**
     * A slot query with defaults (60-minute service, 60-minute step, no buffers, open policy, slots on the grid
     * only, as before slots after bookings existed) to adjust.
     */
    private static final class Lookup {
        private Duration duration = Duration.ofMinutes(60);
        private Duration before = Duration.ZERO;
        private Duration after = Duration.ZERO;
        private Duration step = Duration.ofMinutes(60);
        private Set<String> allowed = Set.of();
        private String location;
        private ZoneId zone = BUCHAREST;
        private LocalDate from = MONDAY_JUNE_1;
        private LocalDate to = MONDAY_JUNE_1;
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");
        private Duration minNotice = Duration.ZERO;
        private int maxDaysAhead = 1000;
        private boolean afterBookings;

        Lookup duration(int minutes) { duration = Duration.ofMinutes(minutes); return this; }
        Lookup step(int minutes) { step = Duration.ofMinutes(minutes); return this; }
        Lookup buffers(int beforeMinutes, int afterMinutes) {
            before = Duration.ofMinutes(beforeMinutes);
            after = Duration.ofMinutes(afterMinutes);
            return this;
        }
        Lookup allowed(String... locationIds) { allowed = Set.of(locationIds); return this; }
        Lookup location(String locationId) { location = locationId; return this; }
        Lookup zone(ZoneId studioZone) { zone = studioZone; return this; }
        Lookup on(LocalDate date) { return dates(date, date); }
        Lookup on(String date) { return on(LocalDate.parse(date)); }
        Lookup dates(LocalDate first, LocalDate last) { from = first; to = last; return this; }
        Lookup dates(String first, String last) { return dates(LocalDate.parse(first), LocalDate.parse(last)); }
        Lookup now(String instant) { now = at(instant); return this; }
        Lookup minNotice(Duration notice) { minNotice = notice; return this; }
        Lookup maxDaysAhead(int days) { maxDaysAhead = days; return this; }
        Lookup slotsAfterBookings(boolean on) { afterBookings = on; return this; }

        SlotQuery query() {
            return new SlotQuery(duration, before, after, step, allowed, location, zone, from, to, now, minNotice, maxDaysAhead,
                    afterBookings);
        }
    }

    private static Lookup lookup() {
        return new Lookup();
    }

    private static StaffSchedule staff(String staffId, List<WeeklyBlock> weekly, TimeRange... busy) {
        return staff(staffId, new Availability(weekly, List.of(), List.of()), List.of(busy));
    }

    private static StaffSchedule staff(String staffId, Availability availability, List<TimeRange> busy) {
        return new StaffSchedule(staffId, availability, busy);
    }

    private static WeeklyBlock block(DayOfWeek day, String start, String end, String locationId) {
        return new WeeklyBlock(day, LocalTime.parse(start), WallClock.parseEnd(end), locationId);
    }

    private static List<WeeklyBlock> everyDay(String start, String end, String locationId) {
        return Arrays.stream(DayOfWeek.values()).map(day -> block(day, start, end, locationId)).toList();
    }

    private static DateOverride.Interval interval(String start, String end, String locationId) {
        return new DateOverride.Interval(LocalTime.parse(start), WallClock.parseEnd(end), locationId);
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(at(start), at(end));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Slot slot(String start, int minutes, String staffId, String locationId) {
        return new Slot(at(start), at(start).plus(Duration.ofMinutes(minutes)), staffId, locationId);
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    /** {@code count} starts one real hour apart from {@code first}. */
    private static List<Instant> hourly(String first, int count) {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) starts.add(at(first).plus(Duration.ofHours(i)));
        return starts;
    }

    private static List<Instant> concat(List<Instant> first, List<Instant> second) {
        List<Instant> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
