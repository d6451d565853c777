package com.studiobooking.core.booking;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.mail.CalendarInvite;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.Html;
import com.studiobooking.core.studio.BankTransfer;
import com.studiobooking.core.studio.CancellationPolicy;
import com.studiobooking.core.studio.Location;
import com.studiobooking.core.studio.PaymentMethod;
import com.studiobooking.core.studio.Staff;
import com.studiobooking.core.studio.StudioSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The e-mails a booking sends: to the client and to the practitioner, each with a calendar invite.
 *
 * <p>The wording is English; dates use the studio's locale (English when the JDK has no date names
 * for its language) and its time zone, named in every full date. Amounts are written
 * {@code 250.00 RON} whatever the locale, as a bank form expects them. Nothing here knows a
 * booking's access token, and an online location's address and notes are never shown: a meeting
 * link is online access (rule 3) and goes out only with the link-release e-mails.
 */
public final class BookingEmails {
    /** The invite a booking sends first; a cancel carries a higher sequence so calendars apply it. */
    static final int REQUEST_SEQUENCE = 0;
    static final int CANCEL_SEQUENCE = 1;

    private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("EEE MMM", Locale.ROOT);
    private static final LocalDate A_TUESDAY_IN_DECEMBER = LocalDate.of(2026, 12, 1);

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
        Body body = new Body()
                .paragraph("Hello " + b.client().name() + ",")
                .paragraph(awaitingTransfer
                        ? "Your appointment at " + f.studio.name() + " is reserved for you. It is confirmed once your bank transfer arrives."
                        : "Your appointment at " + f.studio.name() + " is booked.")
                .details(appointmentDetails(f, true));
        if (awaitingTransfer) bankTransfer(f, body);
        CancellationPolicy policy = f.studio.cancellationPolicy();
        if (policy != null) {
            body.paragraph("Cancellation policy (cut-off " + f.cutoff() + " before the start):\n" + policy.text());
        }
        if (bookingPageLink != null && !bookingPageLink.isBlank()) body.link("Your booking", bookingPageLink.strip());
        body.paragraph(f.studio.name());
        String subject = "Booked: " + f.serviceWithPractitioner() + " on " + f.shortStart();
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.REQUEST));
    }

    private static Email bookedToPractitioner(Facts f) {
        Booking b = f.booking;
        Body body = new Body()
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
        Body body = new Body()
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
        CancellationPolicy policy = f.studio.cancellationPolicy();
        if (policy != null) body.paragraph("Cancellation policy:\n" + policy.text());
        body.paragraph(f.studio.name());
        String subject = "Cancelled: " + f.serviceWithPractitioner() + " on " + f.shortStart();
        return email(b.client().email(), subject, body, f.clientInvite(CalendarInvite.Method.CANCEL));
    }

    private static Email cancelledToPractitioner(Facts f) {
        Booking b = f.booking;
        Cancellation how = b.cancellation();
        Body body = new Body()
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

    private static List<Row> appointmentDetails(Facts f, boolean forClient) {
        Booking b = f.booking;
        return List.of(
                row("Service", b.serviceName()), row("When", f.when()), row("Duration", f.duration()),
                row("With", forClient ? f.practitionerName() : null), row("Where", f.where()),
                row("Price", b.paymentMethod() == PaymentMethod.FREE ? null : f.price()),
                row("Payment", f.payment()), row("Reference", b.reference()));
    }

    private static List<Row> clientDetails(Facts f) {
        Client client = f.booking.client();
        return List.of(row("Client", client.name()), row("E-mail", client.email()), row("Phone", client.phone()));
    }

    private static void bankTransfer(Facts f, Body body) {
        Booking b = f.booking;
        BankTransfer bank = f.studio.bankTransfer();
        String dueBy = f.fullDateTime(b.paymentDueBy());
        body.paragraph("Please transfer " + f.price() + (dueBy == null ? "" : " by " + dueBy)
                + (b.reference() == null ? "" : ", quoting the reference " + b.reference()) + ":");
        body.details(List.of(
                row("Account name", bank == null ? null : bank.accountName()),
                row("IBAN", bank == null ? null : bank.iban()),
                row("Bank", bank == null ? null : bank.bankName()),
                row("Amount", f.price()),
                row("Reference", b.reference()),
                row("Pay by", dueBy)));
        if (bank != null && bank.instructions() != null) body.paragraph(bank.instructions());
    }

    private static Email email(String to, String subject, Body body, CalendarInvite invite) {
        return new Email(List.of(to), List.of(), oneLine(subject), body.text(), body.html(),
                List.of(invite.attachment()));
    }

    /** A subject is a mail header: no line breaks may reach it. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    static String money(Money money) {
        if (money == null || money.amount() == null) return null;
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    /**
     * The studio's locale for dates, or English when the JDK has no day and month names for it (it
     * then gives the root locale's). Compared by name rather than looked up in
     * {@code Locale.getAvailableLocales()}, which costs some 50 ms on a cold start.
     */
    static Locale dateLocale(String languageTag) {
        if (languageTag == null) return Locale.ENGLISH;
        Locale locale = Locale.forLanguageTag(languageTag);
        String names = NAMES.withLocale(locale).format(A_TUESDAY_IN_DECEMBER);
        return names.equals(NAMES.format(A_TUESDAY_IN_DECEMBER)) ? Locale.ENGLISH : locale;
    }

    private static Row row(String label, String value) {
        return new Row(label, value);
    }

    /** What every e-mail of one booking is written from, formatted in the studio's zone and locale. */
    private static final class Facts {
        final Booking booking;
        final StudioSettings studio;
        final Staff practitioner;
        final Location location;
        final ZoneId zone;
        final DateTimeFormatter shortFormat;
        final DateTimeFormatter dateFormat;
        final DateTimeFormatter timeFormat;

        Facts(Booking booking, StudioSettings studio, Staff practitioner, Location location) {
            this.booking = booking;
            this.studio = studio;
            this.practitioner = practitioner;
            this.location = location;
            this.zone = ZoneId.of(studio.timezone());
            Locale locale = dateLocale(studio.locale());
            this.shortFormat = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
            this.dateFormat = DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
            this.timeFormat = DateTimeFormatter.ofPattern("HH:mm", locale);
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
            return shortFormat.format(booking.start().atZone(zone));
        }

        /** {@code Tue 1 Dec 2026, 09:00 (Europe/Bucharest)} */
        String fullDateTime(Instant instant) {
            if (instant == null) return null;
            ZonedDateTime at = instant.atZone(zone);
            return dateFormat.format(at) + ", " + timeFormat.format(at) + " (" + zone.getId() + ")";
        }

        /** {@code Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)}, both dates when it runs past midnight. */
        String when() {
            ZonedDateTime start = booking.start().atZone(zone);
            ZonedDateTime end = booking.end().atZone(zone);
            String until = start.toLocalDate().equals(end.toLocalDate())
                    ? timeFormat.format(end)
                    : dateFormat.format(end) + ", " + timeFormat.format(end);
            return dateFormat.format(start) + ", " + timeFormat.format(start) + "–" + until + " (" + zone.getId() + ")";
        }

        String duration() {
            return Duration.between(booking.start(), booking.end()).toMinutes() + " min";
        }

        /** The room and its address, or "online"; null for a service without a fixed place. */
        String where() {
            if (location == null) return null;
            if (location.online()) return "online";
            return location.address() == null || location.address().isBlank()
                    ? location.name()
                    : location.name() + ", " + location.address();
        }

        String price() {
            return money(booking.price());
        }

        String payment() {
            boolean paid = booking.paymentStatus() == PaymentStatus.PAID;
            return switch (booking.paymentMethod()) {
                case FREE -> "free";
                case PAY_AT_STUDIO -> "pay at the studio";
                case BANK_TRANSFER -> paid ? "bank transfer, received"
                        : booking.status() == BookingStatus.AWAITING_PAYMENT && booking.paymentDueBy() != null
                        ? "bank transfer, awaiting payment by " + fullDateTime(booking.paymentDueBy())
                        : "bank transfer, not yet received";
                case CARD -> paid ? "paid by card" : "card, not yet paid";
                case CREDITS -> "credits";
                case PASS -> "pass";
            };
        }

        String cutoff() {
            int hours = studio.cancellationPolicy().cutoffHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }

        String cutoffSentence(Cancellation how) {
            if (studio.cancellationPolicy() == null) return "";
            return how.late()
                    ? " This was after the cancellation cut-off of " + cutoff() + " before the start."
                    : " This was before the cancellation cut-off of " + cutoff() + " before the start.";
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
            return new CalendarInvite(method, booking.bookingId() + "@studio-booking",
                    cancel ? CANCEL_SEQUENCE : REQUEST_SEQUENCE, stamp, zone, booking.start(), booking.end(), summary,
                    location == null ? null : location.online() ? "Online" : where(), description, organizer,
                    new CalendarInvite.Person(booking.client().name(), booking.client().email()));
        }
    }

    private record Row(String label, String value) {
    }

    /**
     * An e-mail body written once and rendered twice: plain text, and HTML in which every value is
     * escaped. Rows without a value are left out.
     */
    private static final class Body {
        private sealed interface Block permits Paragraph, Details, Link {}

        private record Paragraph(String text) implements Block {}

        private record Details(List<Row> rows) implements Block {}

        private record Link(String label, String url) implements Block {}

        private final List<Block> blocks = new ArrayList<>();

        Body paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        Body details(List<Row> rows) {
            List<Row> present = rows.stream().filter(r -> r.value() != null && !r.value().isBlank()).toList();
            if (!present.isEmpty()) blocks.add(new Details(present));
            return this;
        }

        Body link(String label, String url) {
            blocks.add(new Link(label, url));
            return this;
        }

        String text() {
            List<String> parts = new ArrayList<>();
            for (Block block : blocks) {
                if (block instanceof Paragraph p) {
                    parts.add(p.text());
                } else if (block instanceof Details d) {
                    parts.add(d.rows().stream().map(r -> r.label() + ": " + r.value().replace("\n", "\n  "))
                            .collect(Collectors.joining("\n")));
                } else if (block instanceof Link l) {
                    parts.add(l.label() + ": " + l.url());
                }
            }
            return String.join("\n\n", parts) + "\n";
        }

        String html() {
            StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><body style=\"font-family:sans-serif\">\n");
            for (Block block : blocks) {
                if (block instanceof Paragraph p) {
                    out.append("<p>").append(multiline(p.text())).append("</p>\n");
                } else if (block instanceof Details d) {
                    out.append("<table>\n");
                    for (Row r : d.rows()) {
                        out.append("<tr><th align=\"left\" valign=\"top\">").append(Html.escape(r.label()))
                                .append("</th><td>").append(multiline(r.value())).append("</td></tr>\n");
                    }
                    out.append("</table>\n");
                } else if (block instanceof Link l) {
                    String url = Html.escape(l.url());
                    boolean web = l.url().startsWith("https://") || l.url().startsWith("http://");
                    out.append("<p>").append(Html.escape(l.label())).append(": ")
                            .append(web ? "<a href=\"" + url + "\">" + url + "</a>" : url).append("</p>\n");
                }
            }
            return out.append("</body></html>\n").toString();
        }

        private static String multiline(String text) {
            return Html.escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
        }
    }
}
