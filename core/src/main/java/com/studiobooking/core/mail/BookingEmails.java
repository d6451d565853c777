package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mails a booking sends: to the client and to the practitioner, each with a calendar invite.
 * The client's are written in the booking's language (else the studio's), the practitioner's in the
 * studio's; every word comes from the {@code mail} bundle.
 *
 * <p>Dates, amounts, payment and bank transfer wording come from {@link StudioFormat}, the layout
 * and HTML escaping from {@link MailBody}; the session e-mails share both. Every e-mail to the client
 * carries the booking's "manage" link ({@link com.studiobooking.core.model.booking.ManageLinks}): the
 * booking's access token travels only there, in the link's fragment, and only to the booking's own client,
 * never in an e-mail to staff. An online location's address and notes are never shown: a meeting
 * link is online access (rule 3) and goes out only with the link-release e-mails.
 *
 * <p>Every invite of a booking carries its UID and the booking's {@code calendarSequence}: 0 when booked,
 * raised by each move and cancellation in the write the e-mail follows, so calendars apply each update.
 */
public final class BookingEmails {
    private BookingEmails() {}

    /**
     * A new appointment: confirmation to the client, notification to the practitioner.
     * {@code manageLink} is the booking's manage link, for the client's e-mail only.
     */
    public static List<Email> booked(Booking booking, StudioSettings studio, Staff practitioner, Location location,
                                     String manageLink) {
        return List.of(bookedToClient(new Facts(booking, studio, practitioner, location, booking.language()),
                        manageLink),
                bookedToPractitioner(new Facts(booking, studio, practitioner, location, null)));
    }

    /**
     * A cancelled appointment: to the client and to the practitioner, each with a cancelling invite;
     * {@code manageLink} (to see it) in the client's only.
     */
    public static List<Email> cancelled(Booking booking, StudioSettings studio, Staff practitioner, Location location,
                                        String manageLink) {
        if (booking.cancellation() == null) {
            throw new IllegalArgumentException("booking " + booking.bookingId() + " has not been cancelled");
        }
        return List.of(cancelledToClient(new Facts(booking, studio, practitioner, location, booking.language()), manageLink),
                cancelledToPractitioner(new Facts(booking, studio, practitioner, location, null)));
    }

    /**
     * The client (or staff for them) moved the appointment: {@code before} and {@code moved} are the booking
     * before and after. To the client and to the practitioner, each with the updated invite (same UID);
     * {@code manageLink} in the client's only.
     */
    public static List<Email> moved(Booking before, Booking moved, StudioSettings studio, Staff practitioner,
                                    Location location, Instant movedAt, String manageLink) {
        Facts client = new Facts(moved, studio, practitioner, location, moved.language()).movedAt(movedAt);
        Facts staff = new Facts(moved, studio, practitioner, location, null).movedAt(movedAt);
        return List.of(movedToClient(client, before, manageLink), movedToPractitioner(staff, before));
    }

    /**
     * The appointment as a calendar file the client keeps (METHOD:PUBLISH): the client's invite in the
     * booking's language, with the same UID and SEQUENCE as the e-mails' invites.
     */
    public static CalendarInvite calendar(Booking booking, StudioSettings studio, Staff practitioner, Location location) {
        return new Facts(booking, studio, practitioner, location, booking.language())
                .clientInvite(CalendarInvite.Method.PUBLISH);
    }

    private static Email movedToClient(Facts f, Booking before, String manageLink) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", b.client().name()))
                .paragraph(t.text("appointment.moved", "studio", f.studio.name()))
                .details(List.of(
                        t.row("service", b.serviceName()), t.row("newTime", f.when()),
                        t.row("was", t.when(before.start(), before.end())), t.row("with", f.practitionerName()),
                        t.row("where", f.where()), t.row("payment", f.payment()), t.row("reference", b.reference())));
        if (b.paymentMethod() == PaymentMethod.BANK_TRANSFER && b.status() == BookingStatus.AWAITING_PAYMENT) {
            t.bankTransfer(body, b.price(), b.reference(), b.paymentDueBy());
        }
        String policy = t.cancellationPolicy();
        if (policy != null) body.paragraph(policy);
        t.manageLink(body, manageLink, true);
        body.paragraph(f.studio.name());
        String subject = t.text("subject.moved", "what", f.serviceWithPractitioner(), "when", f.shortStart());
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email movedToPractitioner(Facts f, Booking before) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        MailBody body = t.body()
                .paragraph(t.text("appointment.toPractitioner.moved", "client", b.client().name(),
                        "service", b.serviceName()))
                .details(clientDetails(f))
                .details(List.of(
                        t.row("service", b.serviceName()), t.row("newTime", f.when()),
                        t.row("was", t.when(before.start(), before.end())), t.row("where", f.where()),
                        t.row("payment", f.payment()), t.row("reference", b.reference())));
        String subject = t.text("subject.movedToStaff", "client", b.client().name(), "service", b.serviceName(),
                "when", f.shortStart());
        return email(f.practitionerEmail(), subject, body, f.practitionerInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email bookedToClient(Facts f, String manageLink) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        boolean awaitingTransfer = b.paymentMethod() == PaymentMethod.BANK_TRANSFER
                && b.status() == BookingStatus.AWAITING_PAYMENT;
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", b.client().name()))
                .paragraph(t.text(awaitingTransfer ? "appointment.reserved" : "appointment.booked",
                        "studio", f.studio.name()))
                .details(appointmentDetails(f, true));
        onlineLinkNote(t, body, b);
        if (awaitingTransfer) t.bankTransfer(body, b.price(), b.reference(), b.paymentDueBy());
        String policy = t.cancellationPolicy();
        if (policy != null) body.paragraph(policy);
        t.manageLink(body, manageLink, true);
        body.paragraph(f.studio.name());
        String subject = t.text("subject.booked", "what", f.serviceWithPractitioner(), "when", f.shortStart());
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email bookedToPractitioner(Facts f) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        MailBody body = t.body()
                .paragraph(t.text("appointment.toPractitioner.booked", "client", b.client().name(),
                        "service", b.serviceName()))
                .details(clientDetails(f))
                .details(appointmentDetails(f, false));
        if (b.notes() != null && !b.notes().isBlank()) {
            body.paragraph(t.text("notesFromClient", "notes", b.notes().strip()));
        }
        String subject = t.text("subject.newBooking", "client", b.client().name(), "service", b.serviceName(),
                "when", f.shortStart());
        return email(f.practitionerEmail(), subject, body, f.practitionerInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email cancelledToClient(Facts f, String manageLink) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        Cancellation how = b.cancellation();
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", b.client().name()))
                .paragraph(t.text(how.by() == Cancellation.By.CLIENT
                        ? "appointment.cancelledByYou" : "appointment.cancelledByStudio", "studio", f.studio.name())
                        + t.cutoffSentence(how.late()))
                .details(List.of(
                        t.row("service", b.serviceName()), t.row("when", f.when()), t.row("with", f.practitionerName()),
                        t.row("where", f.where()), t.row("reference", b.reference()),
                        t.row("cancelled", t.fullDateTime(how.cancelledAt()))));
        if (b.paymentMethod() == PaymentMethod.BANK_TRANSFER && b.paymentStatus() == PaymentStatus.UNPAID) {
            body.paragraph(t.text("nothingDue.doNotTransfer"));
        }
        switch (b.paymentStatus()) {
            case REFUND_PENDING, REFUNDED -> body.paragraph(t.text("refund.cardInFull"));
            case REFUND_DUE -> body.paragraph(t.text("refund.studioWillTransfer", "studio", f.studio.name()));
            default -> { }
        }
        String policy = t.cancellationPolicyText();
        if (policy != null) body.paragraph(policy);
        t.manageLink(body, manageLink, false);
        body.paragraph(f.studio.name());
        String subject = t.text("subject.cancelled", "what", f.serviceWithPractitioner(), "when", f.shortStart());
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.CANCEL));
    }

    private static Email cancelledToPractitioner(Facts f) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        Cancellation how = b.cancellation();
        MailBody body = t.body()
                .paragraph(t.text(how.by() == Cancellation.By.CLIENT
                        ? "appointment.toPractitioner.cancelledByClient" : "appointment.toPractitioner.cancelledByStudio",
                        "client", b.client().name()) + t.cutoffSentence(how.late()))
                .details(clientDetails(f))
                .details(List.of(
                        t.row("service", b.serviceName()), t.row("when", f.when()), t.row("where", f.where()),
                        t.row("payment", f.payment()), t.row("reference", b.reference()),
                        t.row("cancelled", t.fullDateTime(how.cancelledAt()))));
        String subject = t.text("subject.cancelledToStaff", "client", b.client().name(), "service", b.serviceName(),
                "when", f.shortStart());
        return email(f.practitionerEmail(), subject, body, f.practitionerInvite(CalendarInvite.Method.CANCEL));
    }

    /**
     * An online appointment without its link in hand (rule 7): it comes once paid, or will follow; a link already
     * visible goes out in its own e-mail (AppointmentLinkEmails), never here.
     */
    static void onlineLinkNote(StudioFormat t, MailBody body, Booking b) {
        if (!b.isOnlineAppointment()) return;
        boolean settled = b.status() == BookingStatus.CONFIRMED && b.paymentStatus().isSettled();
        if (!settled) {
            body.paragraph(t.text("appointment.online.linkAfterPayment"));
        } else if (!b.onlineAccess().hasLink()) {
            body.paragraph(t.text("appointment.online.linkWillFollow"));
        }
    }

    private static List<MailBody.Row> appointmentDetails(Facts f, boolean forClient) {
        Booking b = f.booking;
        StudioFormat t = f.format;
        return List.of(
                t.row("service", b.serviceName()), t.row("when", f.when()), t.row("duration", f.duration()),
                t.row("with", forClient ? f.practitionerName() : null), t.row("where", f.where()),
                t.row("price", b.paymentMethod() == PaymentMethod.FREE ? null : f.price()),
                t.row("payment", f.payment()), t.row("reference", b.reference()));
    }

    private static List<MailBody.Row> clientDetails(Facts f) {
        Client client = f.booking.client();
        StudioFormat t = f.format;
        return List.of(t.row("client", client.name()), t.row("email", client.email()), t.row("phone", client.phone()));
    }

    private static Email email(String to, String subject, MailBody body, CalendarInvite invite) {
        return body.email(List.of(to), List.of(), subject, List.of(invite.attachment()));
    }

    /** What an e-mail of one booking is written from, formatted in the studio's zone and the reader's language. */
    private static final class Facts {
        final Booking booking;
        final StudioSettings studio;
        final Staff practitioner;
        final Location location;
        final StudioFormat format;
        /** When the booking moved: the DTSTAMP of the updated invite (null: not a move). */
        Instant movedAt;

        /** {@code language}: the client's, or null for the studio's (what staff read). */
        Facts(Booking booking, StudioSettings studio, Staff practitioner, Location location, String language) {
            this.booking = booking;
            this.studio = studio;
            this.practitioner = practitioner;
            this.location = location;
            this.format = new StudioFormat(studio, language);
        }

        Facts movedAt(Instant when) {
            this.movedAt = when;
            return this;
        }

        String practitionerName() {
            return practitioner != null ? practitioner.name() : booking.staffName();
        }

        String practitionerEmail() {
            if (practitioner == null || practitioner.email() == null) {
                throw new IllegalArgumentException("the practitioner of booking " + booking.bookingId() + " has no e-mail");
            }
            return practitioner.email();
        }

        String serviceWithPractitioner() {
            String name = practitionerName();
            return name == null ? booking.serviceName()
                    : format.text("serviceWith", "service", booking.serviceName(), "staff", name);
        }

        String shortStart() {
            return format.shortDateTime(booking.start());
        }

        String when() {
            return format.when(booking.start(), booking.end());
        }

        String duration() {
            return format.duration(booking.start(), booking.end());
        }

        String where() {
            return booking.isOnlineAppointment() ? format.text("where.online") : format.where(location);
        }

        String price() {
            return format.money(booking.price());
        }

        String payment() {
            boolean awaiting = booking.status() == BookingStatus.AWAITING_PAYMENT;
            return format.payment(booking.paymentMethod(), booking.paymentStatus() == PaymentStatus.PAID,
                    awaiting ? booking.paymentDueBy() : null);
        }

        CalendarInvite clientInvite(CalendarInvite.Method method) {
            List<String> description = new ArrayList<>();
            description.add(format.text("invite.whatWhere", "what", serviceWithPractitioner(), "studio", studio.name()));
            if (booking.reference() != null) description.add(format.text("invite.reference", "reference", booking.reference()));
            return invite(method, serviceWithPractitioner(), String.join("\n", description));
        }

        CalendarInvite practitionerInvite(CalendarInvite.Method method) {
            Client client = booking.client();
            List<String> description = new ArrayList<>();
            description.add(format.text("invite.client", "client", client.name()));
            description.add(format.text("invite.email", "email", client.email()));
            if (client.phone() != null) description.add(format.text("invite.phone", "phone", client.phone()));
            if (booking.notes() != null && !booking.notes().isBlank()) {
                description.add(format.text("invite.notes", "notes", booking.notes().strip()));
            }
            if (booking.reference() != null) description.add(format.text("invite.reference", "reference", booking.reference()));
            return invite(method, format.text("invite.summaryForStaff", "service", booking.serviceName(),
                    "client", client.name()), String.join("\n", description));
        }

        private CalendarInvite invite(CalendarInvite.Method method, String summary, String description) {
            boolean cancel = method == CalendarInvite.Method.CANCEL;
            Instant stamp = cancel && booking.cancellation().cancelledAt() != null
                    ? booking.cancellation().cancelledAt()
                    : movedAt != null ? movedAt : booking.createdAt();
            CalendarInvite.Person organizer = practitioner == null || practitioner.email() == null
                    ? null
                    : new CalendarInvite.Person(studio.name(), practitioner.email());
            return new CalendarInvite(method, CalendarInvite.bookingUid(booking.bookingId()),
                    booking.calendarSequence(), stamp, format.zone(), booking.start(), booking.end(),
                    summary, location == null ? null : location.online() ? format.text("invite.online") : where(),
                    description, organizer, new CalendarInvite.Person(booking.client().name(), booking.client().email()));
        }
    }
}
