package com.studiobooking.core.usecase.remind;

import com.studiobooking.core.mail.ClientReminderEmail;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A client reminder's schedule fired: the booking is read again, and the client is e-mailed only if it
 * is still confirmed, still starts when the schedule was set for, has not started, and the studio still
 * sends that reminder. The reminder is marked sent (per booking, hour and start) before the e-mail goes,
 * so a job that fires twice, or a retried invocation, sends one e-mail at most.
 */
public final class ClientReminder {
    private final StudioStore studios;
    private final BookingStore bookings;
    private final SessionStore sessions;
    private final Scheduler scheduler;
    private final Mailer mailer;
    private final ManageLinks manageLinks;
    private final Clock clock;

    public ClientReminder(StudioStore studios, BookingStore bookings, SessionStore sessions, Scheduler scheduler,
                          Mailer mailer, ManageLinks manageLinks, Clock clock) {
        this.studios = studios;
        this.bookings = bookings;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.mailer = mailer;
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    /** True when the reminder was sent; {@code start} is the booking's start the schedule was set for. */
    public boolean remind(String studioId, String bookingId, int hoursBefore, Instant start) {
        Optional<Booking> found = bookings.find(bookingId).filter(b -> b.studioId().equals(studioId));
        if (found.isEmpty()) return false;
        Booking booking = found.get();
        Instant now = clock.instant();
        if (booking.status() != BookingStatus.CONFIRMED || !now.isBefore(booking.start())) return false;
        StudioSettings settings = studios.settingsOf(studioId);
        if (!settings.clientReminders().activeHours().contains(hoursBefore)) return false;
        if (!booking.start().equals(start)) {
            // Set for a start the booking no longer has: a move raced with the schedule. The reminder
            // belongs at the booking's time now, if that is still ahead; nothing goes out for the old one.
            if (TimedJobs.clientReminderAt(booking.start(), hoursBefore).isAfter(now)) {
                scheduler.schedule(TimedJobs.clientReminder(studioId, bookingId, hoursBefore, booking.start(),
                        settings.timezone()));
            }
            return false;
        }
        Email email;
        if (booking.kind() == Booking.Kind.SESSION) {
            Optional<Session> session = sessions.find(studioId, booking.session().sessionId())
                    .filter(s -> s.status() == Session.Status.SCHEDULED);
            if (session.isEmpty()) return false;
            email = ClientReminderEmail.ofSeat(booking, session.get(), settings, location(studioId,
                    session.get().locationId()), LinkVisibility.forBooking(booking, session.get()),
                    manageLinks.manage(booking));
        } else {
            email = ClientReminderEmail.ofAppointment(booking, settings, location(studioId, booking.locationId()),
                    manageLinks.manage(booking));
        }
        if (!bookings.markReminderSent(bookingId, hoursBefore, booking.start())) return false;
        mailer.send(email);
        return true;
    }

    private Location location(String studioId, String locationId) {
        return locationId == null ? null : studios.findLocation(studioId, locationId).orElse(null);
    }
}
