package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;

/**
 * The e-mails of an online appointment's own link: the link to the client (in the booking's language, only
 * what {@link LinkVisibility#forAppointment} granted) and the missing-link reminder to the practitioner, owner
 * in copy (in the studio's). Neither carries a calendar invite: the appointment's invite went out when it was
 * booked, without any link.
 */
public final class AppointmentLinkEmails {
    private AppointmentLinkEmails() {}

    /** Staff set or changed the link, or the booking became paid with one: once per link version. */
    public static Email linkReleased(Booking booking, StudioSettings studio, boolean changed, String manageLink) {
        OnlineAccess access = LinkVisibility.forAppointment(booking).orElseThrow(() -> new IllegalArgumentException(
                "booking " + booking.bookingId() + " may not be sent a link: rule 3"));
        StudioFormat t = new StudioFormat(studio, booking.language());
        String what = what(t, booking);
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(t.text(changed ? "link.changed" : "link.howToJoin", "session", what));
        SessionEmails.howToJoin(t, body, access);
        body.details(List.of(t.row("service", booking.serviceName()), t.row("when", t.when(booking.start(), booking.end())),
                        t.row("with", booking.staffName()), t.row("reference", booking.reference())));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(), t.text(changed ? "subject.newLink" : "subject.yourLink",
                "what", what, "when", t.shortDateTime(booking.start())), List.of());
    }

    /** Rule 8: the online appointment still has no link; to its practitioner, owner in copy, in the studio's language. */
    public static Email missingLinkReminder(Booking booking, StudioSettings studio, Staff practitioner, Staff owner,
                                            String adminPageLink) {
        String to = emailOf(practitioner) != null ? emailOf(practitioner) : emailOf(owner);
        if (to == null) throw new IllegalArgumentException("booking " + booking.bookingId() + " has no one to remind");
        String cc = emailOf(owner);
        List<String> copy = cc == null || cc.equalsIgnoreCase(to) ? List.of() : List.of(cc);
        StudioFormat t = new StudioFormat(studio);
        String name = emailOf(practitioner) != null ? practitioner.name() : owner.name();
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", name))
                .paragraph(t.text("missingLink.appointment", "client", booking.client().name(),
                        "service", booking.serviceName()))
                .details(List.of(t.row("service", booking.serviceName()),
                        t.row("when", t.when(booking.start(), booking.end())),
                        t.row("client", booking.client().name()), t.row("reference", booking.reference())));
        if (adminPageLink != null && !adminPageLink.isBlank()) {
            body.link(t.text("missingLink.addTheLink"), adminPageLink.strip());
        }
        body.paragraph(studio.name());
        return body.email(List.of(to), copy, t.text("subject.addMeetingLink", "what", what(t, booking),
                "when", t.shortDateTime(booking.start())), List.of());
    }

    private static String what(StudioFormat t, Booking booking) {
        return booking.staffName() == null ? booking.serviceName()
                : t.text("serviceWith", "service", booking.serviceName(), "staff", booking.staffName());
    }

    private static String emailOf(Staff staff) {
        return staff == null || staff.email() == null || staff.email().isBlank() ? null : staff.email().strip();
    }
}
