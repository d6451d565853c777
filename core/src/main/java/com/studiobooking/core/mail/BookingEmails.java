package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.studiobooking.core.mail.MailBody.row;

/**
 * The e-mails a booking sends: to the client and to the practitioner, each with a calendar invite.
 *
 * <p>Dates, amounts, payment and bank transfer wording come from {@link StudioFormat}, the layout
 * and HTML escaping from {@link MailBody}; the session e-mails share both. Nothing here knows a
 * booking's access token, and an online location's address and notes are never shown: a meeting
 * link is online access (rule 3) and goes out only with the link-release e-mails.
 */
public final class BookingEmails {
    /** The invite a booking sends first; a cancel carries a higher sequence so calendars apply it. */
    static final int REQUEST_SEQUENCE = 0;
    static final int CANCEL_SEQUENCE = 1;

    private BookingEmails() {}

    /**
     * A new appointment: confirmation to the client, notification to the practitioner.
     * {@code bookingPageLink} is the studio's booking page shown to the client, or null; it must not
     * carry an access token.
     */
    public static List<Email> booked(Booking booking, StudioSettings studio, Staff practitioner, Location location,
                                     String bookingPageLink) {
        Facts facts = new Facts(booking, studio, practitioner, location);
        return List.of(bookedToClient(facts, bookingPageLink), bookedToPractitioner(facts));
    }

    /** A cancelled appointment: to the client and to the practitioner, each with a cancelling invite. */
    public static List<Email> cancelled(Booking booking, StudioSettings studio, Staff practitioner, Location location) {
        if (booking.cancellation() == null) {
            throw new IllegalArgumentException("booking " + booking.bookingId() + " has not been cancelled");
        }
        Facts facts = new Facts(booking, studio, practitioner, location);
        return List.of(cancelledToClient(facts), cancelledToPractitioner(facts));
    }

    private static Email bookedToClient(Facts f, String bookingPageLink) {
        Booking b = f.booking;
        boolean awaitingTransfer = b.paymentMethod() == PaymentMethod.BANK_TRANSFER
                && b.status() == BookingStatus.AWAITING_PAYMENT;
        MailBody body = new MailBody()
                .paragraph("Hello " + b.client().name() + ",")
                .paragraph(awaitingTransfer
                        ? "Your appointment at " + f.studio.name() + " is reserved for you. It is confirmed once your bank transfer arrives."
                        : "Your appointment at " + f.studio.name() + " is booked.")
                .details(appointmentDetails(f, true));
        if (awaitingTransfer) f.format.bankTransfer(body, b.price(), b.reference(), b.paymentDueBy());
        String policy = f.format.cancellationPolicy();
        if (policy != null) body.paragraph(policy);
        if (bookingPageLink != null && !bookingPageLink.isBlank()) body.link("Your booking", bookingPageLink.strip());
        body.paragraph(f.studio.name());
        String subject = "Booked: " + f.serviceWithPractitioner() + " on " + f.shortStart();
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email bookedToPractitioner(Facts f) {
        Booking b = f.booking;
        MailBody body = new MailBody()
                .paragraph(b.client().name() + " booked " + b.serviceName() + " with you.")
                .details(clientDetails(f))
                .details(appointmentDetails(f, false));
        if (b.notes() != null && !b.notes().isBlank()) body.paragraph("Notes from the client:\n" + b.notes().strip());
        String subject = "New booking: " + b.client().name() + ", " + b.serviceName() + " on " + f.shortStart();
        return email(f.practitionerEmail(), subject, body, f.practitionerInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email cancelledToClient(Facts f) {
        Booking b = f.booking;
        Cancellation how = b.cancellation();
        MailBody body = new MailBody()
                .paragraph("Hello " + b.client().name() + ",")
                .paragraph((how.by() == Cancellation.By.CLIENT
                        ? "You cancelled your appointment at " + f.studio.name() + "."
                        : f.studio.name() + " cancelled your appointment.") + f.cutoffSentence(how))
                .details(List.of(
                        row("Service", b.serviceName()), row("When", f.when()), row("With", f.practitionerName()),
                        row("Where", f.where()), row("Reference", b.reference()),
                        row("Cancelled", f.fullDateTime(how.cancelledAt()))));
        if (b.paymentMethod() == PaymentMethod.BANK_TRANSFER && b.paymentStatus() == PaymentStatus.UNPAID) {
            body.paragraph("Nothing is due: please do not make the bank transfer.");
        }
        switch (b.paymentStatus()) {
            case REFUND_PENDING, REFUNDED -> body.paragraph("Your card payment is refunded in full; it usually shows "
                    + "within 5–10 days.");
            case REFUND_DUE -> body.paragraph(f.studio.name() + " will transfer your payment back to you.");
            default -> { }
        }
        CancellationPolicy policy = f.studio.cancellationPolicy();
        if (policy != null) body.paragraph("Cancellation policy:\n" + policy.text());
        body.paragraph(f.studio.name());
        String subject = "Cancelled: " + f.serviceWithPractitioner() + " on " + f.shortStart();
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.CANCEL));
    }

    private static Email cancelledToPractitioner(Facts f) {
        Booking b = f.booking;
        Cancellation how = b.cancellation();
        MailBody body = new MailBody()
                .paragraph((how.by() == Cancellation.By.CLIENT
                        ? b.client().name() + " cancelled their appointment."
                        : "The studio cancelled " + b.client().name() + "'s appointment.") + f.cutoffSentence(how))
                .details(clientDetails(f))
                .details(List.of(
                        row("Service", b.serviceName()), row("When", f.when()), row("Where", f.where()),
                        row("Payment", f.payment()), row("Reference", b.reference()),
                        row("Cancelled", f.fullDateTime(how.cancelledAt()))));
        String subject = "Cancelled: " + b.client().name() + ", " + b.serviceName() + " on " + f.shortStart();
        return email(f.practitionerEmail(), subject, body, f.practitionerInvite(CalendarInvite.Method.CANCEL));
    }

    private static List<MailBody.Row> appointmentDetails(Facts f, boolean forClient) {
        Booking b = f.booking;
        return List.of(
                row("Service", b.serviceName()), row("When", f.when()), row("Duration", f.duration()),
                row("With", forClient ? f.practitionerName() : null), row("Where", f.where()),
                row("Price", b.paymentMethod() == PaymentMethod.FREE ? null : f.price()),
                row("Payment", f.payment()), row("Reference", b.reference()));
    }

    private static List<MailBody.Row> clientDetails(Facts f) {
        Client client = f.booking.client();
        return List.of(row("Client", client.name()), row("E-mail", client.email()), row("Phone", client.phone()));
    }

    private static Email email(String to, String subject, MailBody body, CalendarInvite invite) {
        return body.email(List.of(to), List.of(), subject, List.of(invite.attachment()));
    }

    static String money(Money money) {
        return StudioFormat.money(money);
    }

    /** What every e-mail of one booking is written from, formatted in the studio's zone and locale. */
    private static final class Facts {
        final Booking booking;
        final StudioSettings studio;
        final Staff practitioner;
        final Location location;
        final StudioFormat format;

        Facts(Booking booking, StudioSettings studio, Staff practitioner, Location location) {
            this.booking = booking;
            this.studio = studio;
            this.practitioner = practitioner;
            this.location = location;
            this.format = new StudioFormat(studio);
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
            return name == null ? booking.serviceName() : booking.serviceName() + " with " + name;
        }

        String shortStart() {
            return format.shortDateTime(booking.start());
        }

        String fullDateTime(Instant instant) {
            return format.fullDateTime(instant);
        }

        String when() {
            return format.when(booking.start(), booking.end());
        }

        String duration() {
            return StudioFormat.duration(booking.start(), booking.end());
        }

        String where() {
            return StudioFormat.where(location);
        }

        String price() {
            return money(booking.price());
        }

        String payment() {
            boolean awaiting = booking.status() == BookingStatus.AWAITING_PAYMENT;
            return format.payment(booking.paymentMethod(), booking.paymentStatus() == PaymentStatus.PAID,
                    awaiting ? booking.paymentDueBy() : null);
        }

        String cutoffSentence(Cancellation how) {
            return format.cutoffSentence(how.late());
        }

        String summaryForPractitioner() {
            return booking.serviceName() + ": " + booking.client().name();
        }

        CalendarInvite clientInvite(CalendarInvite.Method method) {
            List<String> description = new ArrayList<>();
            description.add(serviceWithPractitioner() + " at " + studio.name() + ".");
            if (booking.reference() != null) description.add("Reference: " + booking.reference());
            return invite(method, serviceWithPractitioner(), String.join("\n", description));
        }

        CalendarInvite practitionerInvite(CalendarInvite.Method method) {
            Client client = booking.client();
            List<String> description = new ArrayList<>();
            description.add("Client: " + client.name());
            description.add("E-mail: " + client.email());
            if (client.phone() != null) description.add("Phone: " + client.phone());
            if (booking.notes() != null && !booking.notes().isBlank()) description.add("Notes: " + booking.notes().strip());
            if (booking.reference() != null) description.add("Reference: " + booking.reference());
            return invite(method, summaryForPractitioner(), String.join("\n", description));
        }

        private CalendarInvite invite(CalendarInvite.Method method, String summary, String description) {
            boolean cancel = method == CalendarInvite.Method.CANCEL;
            Instant stamp = cancel && booking.cancellation().cancelledAt() != null
                    ? booking.cancellation().cancelledAt()
                    : booking.createdAt();
            CalendarInvite.Person organizer = practitioner == null || practitioner.email() == null
                    ? null
                    : new CalendarInvite.Person(studio.name(), practitioner.email());
            return new CalendarInvite(method, CalendarInvite.bookingUid(booking.bookingId()),
                    cancel ? CANCEL_SEQUENCE : REQUEST_SEQUENCE, stamp, format.zone(), booking.start(), booking.end(),
                    summary, location == null ? null : location.online() ? "Online" : where(), description, organizer,
                    new CalendarInvite.Person(booking.client().name(), booking.client().email()));
        }
    }
}
