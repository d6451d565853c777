package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reminder a client gets some hours before a confirmed booking, in the booking's language (else the
 * studio's): what, when (in the studio's zone, named), where, and the booking's reference. For an online
 * seat it carries the link only as the {@code access} that {@link LinkVisibility} granted (rule 3), and
 * otherwise says the link will be e-mailed before the session. No calendar invite: the booking's own
 * invite already holds the event.
 */
public final class ClientReminderEmail {
    private ClientReminderEmail() {}

    /** A seat in a session; {@code location} is the session's room (null online). */
    public static Email ofSeat(Booking booking, Session session, StudioSettings studio, Location location,
                               Optional<OnlineAccess> access, String manageLink) {
        if (booking.session() == null || !booking.session().sessionId().equals(session.sessionId())
                || !booking.studioId().equals(session.studioId())) {
            throw new IllegalArgumentException("booking " + booking.bookingId() + " is not for session " + session.sessionId());
        }
        StudioFormat t = new StudioFormat(studio, booking.language());
        String what = withStaff(t, session.name(), booking.staffName());
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(t.text("reminder.session", "session", session.name(), "studio", studio.name()))
                .details(List.of(
                        t.row("session", session.name()), t.row("when", t.when(session.start(), session.end())),
                        t.row("duration", t.duration(session.start(), session.end())),
                        t.row("instructor", booking.staffName()),
                        t.row("where", booking.isOnlineSeat() ? t.text("where.online") : t.where(location)),
                        t.row("payment", payment(t, booking)), t.row("reference", booking.reference())));
        if (booking.isOnlineSeat()) {
            // rule 3, the second lock: only what was granted, and only to a confirmed, paid or free online seat
            Optional<OnlineAccess> shown = settled(booking) ? access.filter(OnlineAccess::hasLink) : Optional.empty();
            if (shown.isPresent()) {
                body.paragraph(t.text("online.joinBelow"));
                SessionEmails.howToJoin(t, body, shown.get());
            } else {
                body.paragraph(t.text("online.linkWillFollow"));
            }
        }
        return finish(t, booking, studio, body, what, session.start(), manageLink);
    }

    /** An appointment with a practitioner, at {@code location} (or none). */
    public static Email ofAppointment(Booking booking, StudioSettings studio, Location location, String manageLink) {
        StudioFormat t = new StudioFormat(studio, booking.language());
        String what = withStaff(t, booking.serviceName(), booking.staffName());
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(t.text("reminder.appointment", "studio", studio.name()))
                .details(List.of(
                        t.row("service", booking.serviceName()), t.row("when", t.when(booking.start(), booking.end())),
                        t.row("duration", t.duration(booking.start(), booking.end())),
                        t.row("with", booking.staffName()), t.row("where", t.where(location)),
                        t.row("payment", payment(t, booking)), t.row("reference", booking.reference())));
        return finish(t, booking, studio, body, what, booking.start(), manageLink);
    }

    private static Email finish(StudioFormat t, Booking booking, StudioSettings studio, MailBody body, String what,
                                Instant start, String manageLink) {
        body.paragraph(t.text("reminder.cannotCome", "studio", studio.name()));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(),
                t.text("subject.reminder", "what", what, "when", t.shortDateTime(start)), List.of());
    }

    private static String withStaff(StudioFormat t, String what, String staffName) {
        return staffName == null ? what : t.text("serviceWith", "service", what, "staff", staffName);
    }

    private static boolean settled(Booking booking) {
        return booking.status() == BookingStatus.CONFIRMED && booking.paymentStatus().isSettled();
    }

    /** How the booking is paid, as the confirmation said it; a pass entry or credits by name. */
    private static String payment(StudioFormat t, Booking booking) {
        if (booking.paymentMethod() == PaymentMethod.CREDITS && booking.walletUse() != null) {
            return t.plural("payment.credits", booking.walletUse().credits());
        }
        if (booking.paymentMethod() == PaymentMethod.PASS) return t.text("payment.passEntry");
        return t.payment(booking.paymentMethod(), booking.paymentStatus() == PaymentStatus.PAID, null);
    }
}
