package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What instructors hear of their classes' bookings (the studio's {@code instructorNotices}), in the studio's
 * language: an e-mail per booking taken or given up, with the client, the kind of seat and the places left; or
 * one daily digest of their classes in the next 24 hours with who booked. Never any online access.
 */
public final class InstructorEmails {
    private InstructorEmails() {}

    /** A class as the digest lists it: the session and the names of its active participants. */
    public record ClassOfTheDay(Session session, List<String> participants) {
        public ClassOfTheDay {
            participants = List.copyOf(participants);
        }
    }

    /** PER_BOOKING: a place was taken (CONFIRMED, or AWAITING_PAYMENT until it is paid). */
    public static Email seatBooked(Booking booking, Session session, StudioSettings studio, Staff instructor,
                                   int placesLeft) {
        StudioFormat t = new StudioFormat(studio);
        String what = booking.status() == BookingStatus.AWAITING_PAYMENT ? "instructor.awaitingPayment" : "instructor.booked";
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", instructor.name()))
                .paragraph(t.text(what, "client", booking.client().name(), "session", session.name()))
                .details(rows(t, booking, session, placesLeft));
        if (booking.notes() != null && !booking.notes().isBlank()) {
            body.paragraph(t.text("notesFromClient", "notes", booking.notes().strip()));
        }
        body.paragraph(studio.name());
        return body.email(List.of(instructor.email()), List.of(), t.text("subject.newBooking", "client",
                booking.client().name(), "service", session.name(), "when", t.shortDateTime(session.start())), List.of());
    }

    /** PER_BOOKING: a place was given up (by the client, by staff, or released unpaid by the system). */
    public static Email seatCancelled(Booking booking, Session session, StudioSettings studio, Staff instructor,
                                      int placesLeft) {
        StudioFormat t = new StudioFormat(studio);
        Cancellation how = booking.cancellation();
        String what = how == null || how.by() == Cancellation.By.SYSTEM ? "instructor.released"
                : how.by() == Cancellation.By.CLIENT ? "instructor.cancelledByClient" : "instructor.cancelledByStudio";
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", instructor.name()))
                .paragraph(t.text(what, "client", booking.client().name(), "session", session.name()))
                .details(rows(t, booking, session, placesLeft))
                .paragraph(studio.name());
        return body.email(List.of(instructor.email()), List.of(), t.text("subject.cancelledToStaff", "client",
                booking.client().name(), "service", session.name(), "when", t.shortDateTime(session.start())), List.of());
    }

    /** DAILY_DIGEST: the instructor's classes from {@code from} for 24 hours, earliest first, with who booked (by name). */
    public static Email digest(Staff instructor, List<ClassOfTheDay> classes, StudioSettings studio, Instant from) {
        if (classes.isEmpty()) throw new IllegalArgumentException("a digest lists at least one class");
        StudioFormat t = new StudioFormat(studio);
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", instructor.name()))
                .paragraph(t.text("instructor.digest.intro", "studio", studio.name()));
        for (ClassOfTheDay c : classes) {
            Session s = c.session();
            List<MailBody.Row> rows = new ArrayList<>(List.of(t.row("session", s.name()),
                    t.row("when", t.when(s.start(), s.end()))));
            List<String> left = new ArrayList<>();
            for (SessionFormat seat : s.format().seatFormats()) {
                left.add(s.format().seatFormats().size() == 1 ? String.valueOf(s.spotsLeft(seat))
                        : seatName(t, seat) + ": " + s.spotsLeft(seat));
            }
            rows.add(t.row("placesLeft", String.join("; ", left)));
            body.details(rows).paragraph(c.participants().isEmpty() ? t.text("instructor.digest.nobody")
                    : t.plural("instructor.digest.participants", c.participants().size(),
                    "names", String.join(", ", c.participants())));
        }
        body.paragraph(studio.name());
        return body.email(List.of(instructor.email()), List.of(), t.text("subject.instructorDigest",
                "when", t.shortDateTime(from)), List.of());
    }

    private static String seatName(StudioFormat t, SessionFormat seat) {
        return seat == SessionFormat.ONLINE ? t.text("seat.ONLINE") : t.text("seat.IN_PERSON");
    }

    private static List<MailBody.Row> rows(StudioFormat t, Booking booking, Session session, int placesLeft) {
        return List.of(t.row("client", booking.client().name()), t.row("email", booking.client().email()),
                t.row("session", session.name()), t.row("when", t.when(session.start(), session.end())),
                t.row("seat", booking.session() == null ? null : seatName(t, booking.session().format())),
                t.row("placesLeft", String.valueOf(placesLeft)), t.row("reference", booking.reference()));
    }
}
