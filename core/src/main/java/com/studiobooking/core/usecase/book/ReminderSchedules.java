package com.studiobooking.core.usecase.book;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.Scheduler;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps a booking's client reminders in step with it: one one-time schedule per reminder hour of the
 * studio's {@code clientReminders}, made when the booking is confirmed, moved when it moves, deleted
 * when it is cancelled. A reminder whose time has passed is never scheduled. Each method is called after
 * the booking's write succeeded; a call that loses a race with another writer leaves at most a stale
 * schedule, which {@code ClientReminder} recognises when it fires and sends nothing for.
 *
 * <p>An online appointment without a link also has its missing-link reminder to staff (rule 8), made when it
 * is booked, moved and deleted with it, and deleted once staff set the link.
 */
public final class ReminderSchedules {
    private final Scheduler scheduler;
    private final Clock clock;

    public ReminderSchedules(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The booking is confirmed (booked so, paid, taken again): a schedule per reminder still ahead. */
    public void confirmed(Booking booking, StudioSettings settings) {
        if (booking.status() != BookingStatus.CONFIRMED) return;
        Instant now = clock.instant();
        for (int hours : settings.clientReminders().activeHours()) {
            if (TimedJobs.clientReminderAt(booking.start(), hours).isAfter(now)) {
                scheduler.schedule(TimedJobs.clientReminder(booking.studioId(), booking.bookingId(), hours,
                        booking.start(), settings.timezone()));
            }
        }
    }

    /**
     * The booking moved to {@code moved.start()}: each reminder moves with it, and one whose new time
     * has passed is deleted (it would remind of the old time).
     */
    public void moved(Booking moved, StudioSettings settings) {
        linkMissing(moved, settings);
        if (moved.status() != BookingStatus.CONFIRMED) return;
        Instant now = clock.instant();
        for (int hours : settings.clientReminders().activeHours()) {
            if (TimedJobs.clientReminderAt(moved.start(), hours).isAfter(now)) {
                scheduler.schedule(TimedJobs.clientReminder(moved.studioId(), moved.bookingId(), hours, moved.start(),
                        settings.timezone()));
            } else {
                scheduler.cancel(TimedJobs.clientReminderName(moved.bookingId(), hours));
            }
        }
    }

    /**
     * The booking, as it was before its cancellation or release, is no longer active: its reminders still
     * ahead are deleted (those past have run and deleted themselves).
     */
    public void ended(Booking before, StudioSettings settings) {
        if (before.isOnlineAppointment()) scheduler.cancel(TimedJobs.missingLinkName(before.bookingId()));
        if (before.status() != BookingStatus.CONFIRMED) return;
        Instant now = clock.instant();
        for (int hours : settings.clientReminders().activeHours()) {
            if (TimedJobs.clientReminderAt(before.start(), hours).isAfter(now)) {
                scheduler.cancel(TimedJobs.clientReminderName(before.bookingId(), hours));
            }
        }
    }

    /**
     * Rule 8 for an online appointment: while it is active and has no link, a reminder at start − the studio's
     * lead time; once it has a link, none.
     */
    public void linkMissing(Booking booking, StudioSettings settings) {
        if (!booking.isOnlineAppointment()) return;
        if (booking.status().isActive() && !booking.onlineAccess().hasLink() && booking.start().isAfter(clock.instant())) {
            scheduler.schedule(TimedJobs.appointmentLink(booking.studioId(), booking.bookingId(), booking.start(),
                    settings.missingLinkReminderHours(), clock.instant(), settings.timezone()));
        } else {
            scheduler.cancel(TimedJobs.missingLinkName(booking.bookingId()));
        }
    }
}
