package com.studiobooking.core.usecase.remind;

import com.studiobooking.core.mail.AppointmentLinkEmails;
import com.studiobooking.core.mail.SessionEmails;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.usecase.book.SessionBooking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 8, when the schedule fires: if the session is still upcoming, not cancelled and without a
 * link, its instructor (owner in copy) is e-mailed once; otherwise nothing happens. The same for an
 * online appointment and its practitioner.
 */
public final class MissingLinkReminder {
    private final StudioStore studios;
    private final SessionStore sessions;
    private final BookingStore bookings;
    private final SessionBooking seats;
    private final Mailer mailer;
    private final String adminPageUrl;
    private final Clock clock;

    public MissingLinkReminder(StudioStore studios, SessionStore sessions, BookingStore bookings, SessionBooking seats,
                               Mailer mailer, String adminPageUrl, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.bookings = bookings;
        this.seats = seats;
        this.mailer = mailer;
        this.adminPageUrl = adminPageUrl;
        this.clock = clock;
    }

    /** True when a reminder was sent. */
    public boolean remind(String studioId, String sessionId) {
        Optional<Session> found = sessions.find(studioId, sessionId);
        if (found.isEmpty()) return false;
        Session session = found.get();
        boolean due = session.status() == Session.Status.SCHEDULED && session.format().hasOnlineSeats()
                && !session.hasLink() && clock.instant().isBefore(session.start());
        if (!due || !sessions.markReminderSent(studioId, sessionId, session.start())) return false;
        StudioSettings settings = studios.findStudio(studioId).orElseThrow().settings();
        Staff instructor = studios.findStaff(studioId, session.instructorId()).orElse(null);
        Staff owner = studios.listStaff(studioId).stream().filter(s -> s.role() == StaffRole.OWNER).findFirst().orElse(null);
        String link = adminPageUrl + (adminPageUrl.contains("?") ? "&" : "?") + "studio=" + studioId + "&session=" + sessionId;
        mailer.send(SessionEmails.missingLinkReminder(session, settings, instructor, owner, seats.paidParticipants(session), link));
        return true;
    }

    /**
     * True when the practitioner of the online appointment was reminded: only while it is active, upcoming, still
     * at the start the job was made for (a moved appointment has its own job) and without a link; once per start.
     */
    public boolean remindAppointment(String studioId, String bookingId, Instant start) {
        Optional<Booking> found = bookings.find(bookingId).filter(b -> b.studioId().equals(studioId));
        if (found.isEmpty()) return false;
        Booking booking = found.get();
        boolean due = booking.isOnlineAppointment() && booking.status().isActive() && !booking.onlineAccess().hasLink()
                && booking.start().equals(start) && clock.instant().isBefore(start);
        if (!due || !bookings.markLinkReminderSent(bookingId, start)) return false;
        StudioSettings settings = studios.findStudio(studioId).orElseThrow().settings();
        Staff practitioner = studios.findStaff(studioId, booking.staffId()).orElse(null);
        Staff owner = studios.listStaff(studioId).stream().filter(s -> s.role() == StaffRole.OWNER).findFirst().orElse(null);
        String link = adminPageUrl + (adminPageUrl.contains("?") ? "&" : "?") + "studio=" + studioId + "&booking=" + bookingId;
        mailer.send(AppointmentLinkEmails.missingLinkReminder(booking, settings, practitioner, owner, link));
        return true;
    }
}
