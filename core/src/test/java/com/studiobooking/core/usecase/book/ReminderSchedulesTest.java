package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.studio.ClientReminders;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.port.Scheduler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a booking's reminders cost the scheduler (figures in docs/benchmarks.md): one call per reminder
 * still ahead when the booking is confirmed, moved or cancelled, none for a booking not confirmed, none
 * while reminders are off.
 */
class ReminderSchedulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant START = Instant.parse("2026-11-28T16:00:00Z");
    private static final StudioSettings OFF = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "en");
    private static final StudioSettings THREE = OFF.changedBy(new StudioSettings(null, null, null, null, null, null,
            null, null, null, null, new ClientReminders(true, List.of(2, 24, 168)), null, null, null));

    private final List<String> calls = new ArrayList<>();
    private final ReminderSchedules reminders = new ReminderSchedules(new Scheduler() {
        @Override public void schedule(ScheduledJob job) { calls.add("schedule " + job.name() + " at " + job.at()); }
        @Override public void scheduleDaily(DailyJob job) { calls.add("daily " + job.name()); }
        @Override public void cancel(String name) { calls.add("cancel " + name); }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Booking booking(BookingStatus status, Instant start) {
        return new Booking("bk_1", "st_1", Booking.Kind.APPOINTMENT, "sv_1", "Massage", "sf_1", "Ioana", null, start,
                start.plusSeconds(3600), 0, 0, new Client("Maria", "maria@example.com", null), null,
                PaymentMethod.PAY_AT_STUDIO, status, PaymentStatus.UNPAID, new Money(25000L, "RON"), "SB-1", null, null,
                null, null, NOW, null, null, null, null, null, 0, null, 0, Booking.NEW);
    }

    @Test
    void confirming_makes_one_schedule_per_reminder_still_ahead() {
        reminders.confirmed(booking(BookingStatus.CONFIRMED, START), THREE);

        // 168 h before the start was 2026-11-21: past, not scheduled
        assertThat(calls).containsExactly(
                "schedule reminder-bk_1-24h at 2026-11-27T16:00:00Z",
                "schedule reminder-bk_1-2h at 2026-11-28T14:00:00Z");
    }

    @Test
    void moving_puts_each_reminder_at_its_new_time_or_deletes_it_when_that_has_passed() {
        reminders.moved(booking(BookingStatus.CONFIRMED, Instant.parse("2026-11-24T08:00:00Z")), THREE);

        assertThat(calls).containsExactly(
                "cancel reminder-bk_1-168h",
                "cancel reminder-bk_1-24h",
                "schedule reminder-bk_1-2h at 2026-11-24T06:00:00Z");
    }

    @Test
    void ending_deletes_the_reminders_still_ahead() {
        reminders.ended(booking(BookingStatus.CONFIRMED, START), THREE);

        assertThat(calls).containsExactly("cancel reminder-bk_1-24h", "cancel reminder-bk_1-2h");
    }

    @Test
    void a_booking_not_confirmed_and_a_studio_without_reminders_cost_the_scheduler_nothing() {
        Booking awaiting = booking(BookingStatus.AWAITING_PAYMENT, START);
        reminders.confirmed(awaiting, THREE);
        reminders.moved(awaiting, THREE);
        reminders.ended(awaiting, THREE);
        Booking cancelled = booking(BookingStatus.CONFIRMED, START)
                .cancelled(new Cancellation(NOW, Cancellation.By.CLIENT, false));
        reminders.confirmed(cancelled, THREE);
        Booking confirmed = booking(BookingStatus.CONFIRMED, START);
        reminders.confirmed(confirmed, OFF);
        reminders.moved(confirmed, OFF);
        reminders.ended(confirmed, OFF);

        assertThat(calls).isEmpty();
    }
}
