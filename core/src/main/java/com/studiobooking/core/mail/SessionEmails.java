package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.booking.Restitution;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.studiobooking.core.mail.MailBody.row;

/**
 * The e-mails of session bookings. Online access only ever arrives here as the {@code access} that
 * {@link LinkVisibility} granted; these methods never read it from the session themselves. As a
 * second lock, access is shown only to a confirmed, paid or free booking of an online seat.
 *
 * <p>Dates, amounts and bank transfer details are written as in the appointment e-mails
 * ({@link StudioFormat}, {@link MailBody}). Each booking is one calendar event: the invite of
 * {@link #booked}, the update of {@link #rescheduled} and the cancel of {@link #cancelled} or
 * {@link #released} share its UID, each with a higher SEQUENCE.
 */
public final class SessionEmails {
    static final int REQUEST_SEQUENCE = 0;
    static final int UPDATE_SEQUENCE = 1;
    static final int CANCEL_SEQUENCE = 2;

    private SessionEmails() {}

    /** Confirmation to the client right after booking. */
    public static Email booked(Booking booking, Session session, StudioSettings studio, Staff instructor,
                               Location location, Optional<OnlineAccess> access) {
        Facts f = new Facts(booking, session, studio, instructor == null ? null : instructor.name());
        Optional<OnlineAccess> shown = f.shown(access);
        boolean awaitingTransfer = booking.paymentMethod() == PaymentMethod.BANK_TRANSFER
                && booking.status() == BookingStatus.AWAITING_PAYMENT;
        MailBody body = f.hello()
                .paragraph(awaitingTransfer
                        ? "Your place in " + session.name() + " at " + studio.name()
                        + " is reserved for you. It is confirmed once your bank transfer arrives."
                        : "Your place in " + session.name() + " at " + studio.name() + " is booked.")
                .details(List.of(
                        row("Session", session.name()), row("When", f.when(session)),
                        row("Duration", StudioFormat.duration(session.start(), session.end())),
                        row("Instructor", f.instructor), row("Where", f.where(location)),
                        row("Price", f.price()), row("Payment", f.payment()), row("Reference", booking.reference())));
        if (booking.isOnlineSeat()) {
            if (shown.isPresent()) {
                body.paragraph("You'll join online:");
                howToJoin(body, shown.get());
            } else if (f.settled()) {
                body.paragraph("You'll join online. The link will follow by e-mail before the session.");
            } else {
                body.paragraph("You'll join online. The link is sent once your payment is confirmed.");
            }
        }
        if (awaitingTransfer) f.format.bankTransfer(body, booking.price(), booking.reference(), booking.paymentDueBy());
        String policy = f.format.cancellationPolicy();
        if (policy != null) body.paragraph(policy);
        body.paragraph(studio.name());
        return f.toClient("Booked: " + f.withInstructor(session) + " on " + f.shortStart(session), body,
                f.invite(CalendarInvite.Method.REQUEST, REQUEST_SEQUENCE, booking.createdAt(), session, location,
                        shown));
    }

    /** The client's payment was confirmed (bank transfer by staff, later card by webhook). */
    public static Email paymentConfirmed(Booking booking, Session session, StudioSettings studio,
                                         Optional<OnlineAccess> access) {
        Facts f = new Facts(booking, session, studio, null);
        Optional<OnlineAccess> shown = f.shown(access);
        MailBody body = f.hello()
                .paragraph("We received your payment for " + session.name() + ". Your place is confirmed.")
                .details(List.of(
                        row("Session", session.name()), row("When", f.when(session)), row("Instructor", f.instructor),
                        row("Where", booking.isOnlineSeat() ? "online" : null), row("Payment", f.payment()),
                        row("Reference", booking.reference())));
        if (booking.isOnlineSeat()) {
            if (shown.isPresent()) {
                body.paragraph("You'll join online:");
                howToJoin(body, shown.get());
            } else {
                body.paragraph("You'll join online. The link will follow by e-mail before the session.");
            }
        }
        body.paragraph(studio.name());
        return f.toClient("Payment received: " + session.name() + " on " + f.shortStart(session), body, null);
    }

    /** Staff added or changed the link: sent once per change to each entitled participant. */
    public static Email linkReleased(Booking booking, Session session, StudioSettings studio, OnlineAccess access,
                                     boolean changed) {
        Facts f = new Facts(booking, session, studio, null);
        OnlineAccess shown = f.shown(Optional.ofNullable(access)).orElseThrow(() -> new IllegalArgumentException(
                "booking " + booking.bookingId() + " may not be sent a link: rule 3"));
        MailBody body = f.hello()
                .paragraph(changed
                        ? "The link for " + session.name() + " has changed. Please use this one:"
                        : "Here is how to join " + session.name() + " online:");
        howToJoin(body, shown);
        body.details(List.of(row("Session", session.name()), row("When", f.when(session)),
                        row("Instructor", f.instructor), row("Reference", booking.reference())))
                .paragraph(studio.name());
        return f.toClient((changed ? "New link for " : "Your link for ") + session.name() + " on "
                + f.shortStart(session), body, null);
    }

    /** The booking was cancelled (by the client or staff, or the session was cancelled). */
    public static Email cancelled(Booking booking, Session session, StudioSettings studio, Restitution restitution,
                                  boolean sessionCancelled) {
        Cancellation how = booking.cancellation();
        if (how == null) {
            throw new IllegalArgumentException("booking " + booking.bookingId() + " has not been cancelled");
        }
        Facts f = new Facts(booking, session, studio, null);
        boolean byClient = !sessionCancelled && how.by() == Cancellation.By.CLIENT;
        String what = sessionCancelled
                ? studio.name() + " cancelled the session " + session.name() + ", so your booking is cancelled."
                : byClient
                ? "You cancelled your booking for " + session.name() + "." + f.format.cutoffSentence(how.late())
                : studio.name() + " cancelled your booking for " + session.name() + ".";
        MailBody body = f.hello()
                .paragraph(what)
                .details(List.of(
                        row("Session", session.name()), row("When", f.when(session)), row("Instructor", f.instructor),
                        row("Reference", booking.reference()),
                        row("Cancelled", f.format.fullDateTime(how.cancelledAt()))))
                .paragraph(f.restitution(restitution));
        if (byClient && studio.cancellationPolicy() != null) {
            body.paragraph("Cancellation policy:\n" + studio.cancellationPolicy().text());
        }
        body.paragraph(studio.name());
        Instant stamp = how.cancelledAt() != null ? how.cancelledAt() : booking.createdAt();
        return f.toClient("Cancelled: " + f.withInstructor(session) + " on " + f.shortStart(session), body,
                f.invite(CalendarInvite.Method.CANCEL, CANCEL_SEQUENCE, stamp, session, null, Optional.empty()));
    }

    /** The session moved; {@code before} is the old version. */
    public static Email rescheduled(Booking booking, Session before, Session after, StudioSettings studio) {
        Facts f = new Facts(booking, after, studio, null);
        MailBody body = f.hello()
                .paragraph(studio.name() + " moved " + after.name() + " to a new time. Your place is kept.")
                .details(List.of(
                        row("Session", after.name()), row("New time", f.when(after)), row("Was", f.when(before)),
                        row("Instructor", f.instructor), row("Reference", booking.reference())))
                .paragraph("If the new time does not suit you, please contact " + studio.name() + ".")
                .paragraph(studio.name());
        return f.toClient("New time: " + f.withInstructor(after) + " on " + f.shortStart(after), body,
                f.invite(CalendarInvite.Method.REQUEST, UPDATE_SEQUENCE, booking.createdAt(), after, null,
                        Optional.empty()));
    }

    /** An unpaid booking's due time passed and its place was released. */
    public static Email released(Booking booking, Session session, StudioSettings studio) {
        Facts f = new Facts(booking, session, studio, null);
        String due = f.format.fullDateTime(booking.paymentDueBy());
        boolean transfer = booking.paymentMethod() == PaymentMethod.BANK_TRANSFER;
        MailBody body = f.hello()
                .paragraph((transfer
                        ? "We did not receive your bank transfer" + (due == null ? " in time" : " by " + due)
                        : "Your payment was not completed" + (due == null ? " in time" : " by " + due))
                        + ", so your place in " + session.name() + " was released.")
                .details(List.of(row("Session", session.name()), row("When", f.when(session)),
                        row("Reference", booking.reference())));
        if (transfer) {
            body.paragraph("Please do not make the transfer now. If you have already sent it, please contact "
                    + studio.name() + ".");
        }
        body.paragraph("You are welcome to book again while places are left.").paragraph(studio.name());
        Cancellation how = booking.cancellation();
        Instant stamp = how != null && how.cancelledAt() != null ? how.cancelledAt()
                : booking.paymentDueBy() != null ? booking.paymentDueBy() : booking.createdAt();
        return f.toClient("Place released: " + session.name() + " on " + f.shortStart(session), body,
                f.invite(CalendarInvite.Method.CANCEL, CANCEL_SEQUENCE, stamp, session, null, Optional.empty()));
    }

    /** Rule 8: the online session's link is still missing; to the instructor, owner in copy. */
    public static Email missingLinkReminder(Session session, StudioSettings studio, Staff instructor, Staff owner,
                                            int paidParticipants, String adminPageLink) {
        String to = emailOf(instructor) != null ? emailOf(instructor) : emailOf(owner);
        if (to == null) throw new IllegalArgumentException("session " + session.sessionId() + " has no one to remind");
        String cc = emailOf(owner);
        List<String> copy = cc == null || cc.equalsIgnoreCase(to) ? List.of() : List.of(cc);
        StudioFormat format = new StudioFormat(studio);
        String name = emailOf(instructor) != null ? instructor.name() : owner.name();
        String waiting = paidParticipants == 1 ? "1 paid participant is" : paidParticipants + " paid participants are";
        MailBody body = new MailBody()
                .paragraph("Hello " + name + ",")
                .paragraph(session.name() + " has no meeting link yet.")
                .details(List.of(row("Session", session.name()),
                        row("When", format.when(session.start(), session.end())),
                        row("Paid participants", String.valueOf(paidParticipants))))
                .paragraph(waiting + " waiting for it. As soon as the link is added, each of them gets it by e-mail.");
        if (adminPageLink != null && !adminPageLink.isBlank()) body.link("Add the link", adminPageLink.strip());
        body.paragraph(studio.name());
        return body.email(List.of(to), copy,
                "Add the meeting link: " + session.name() + " on " + format.shortDateTime(session.start()), List.of());
    }

    private static String emailOf(Staff staff) {
        return staff == null || staff.email() == null || staff.email().isBlank() ? null : staff.email().strip();
    }

    private static void howToJoin(MailBody body, OnlineAccess access) {
        body.link("Link", access.link());
        body.details(List.of(row("Password", access.password())));
        if (access.instructions() != null && !access.instructions().isBlank()) {
            body.paragraph("Instructions:\n" + access.instructions().strip());
        }
    }

    /** What the e-mails of one booking of one session are written from, in the studio's zone and locale. */
    private static final class Facts {
        final Booking booking;
        final StudioSettings studio;
        final StudioFormat format;
        final String instructor;

        Facts(Booking booking, Session session, StudioSettings studio, String instructorName) {
            if (booking.session() == null || !booking.session().sessionId().equals(session.sessionId())
                    || !booking.studioId().equals(session.studioId())) {
                throw new IllegalArgumentException("booking " + booking.bookingId() + " is not for session "
                        + session.sessionId());
            }
            this.booking = booking;
            this.studio = studio;
            this.format = new StudioFormat(studio);
            this.instructor = instructorName != null ? instructorName : booking.staffName();
        }

        /** Rule 3, the second lock: what was granted, and only to a confirmed, paid or free online seat. */
        Optional<OnlineAccess> shown(Optional<OnlineAccess> access) {
            return booking.isOnlineSeat() && settled() ? access.filter(OnlineAccess::hasLink) : Optional.empty();
        }

        boolean settled() {
            return booking.status() == BookingStatus.CONFIRMED && booking.paymentStatus().isSettled();
        }

        MailBody hello() {
            return new MailBody().paragraph("Hello " + booking.client().name() + ",");
        }

        String withInstructor(Session session) {
            return instructor == null ? session.name() : session.name() + " with " + instructor;
        }

        String shortStart(Session session) {
            return format.shortDateTime(session.start());
        }

        String when(Session session) {
            return format.when(session.start(), session.end());
        }

        /** "online" for an online seat, whatever the location says; the room for a seat in the studio. */
        String where(Location location) {
            return booking.isOnlineSeat() ? "online" : StudioFormat.where(location);
        }

        /** An amount only where money is paid: not for free places, credits or pass entries. */
        String price() {
            return switch (booking.paymentMethod()) {
                case CARD, BANK_TRANSFER, PAY_AT_STUDIO -> StudioFormat.money(booking.price());
                case FREE, CREDITS, PASS -> null;
            };
        }

        String payment() {
            if (booking.paymentMethod() == PaymentMethod.CREDITS && booking.walletUse() != null) {
                return credits(booking.walletUse().credits());
            }
            if (booking.paymentMethod() == PaymentMethod.PASS) return "pass entry";
            boolean awaiting = booking.status() == BookingStatus.AWAITING_PAYMENT;
            return format.payment(booking.paymentMethod(), booking.paymentStatus() == PaymentStatus.PAID,
                    awaiting ? booking.paymentDueBy() : null);
        }

        String restitution(Restitution restitution) {
            String amount = StudioFormat.money(booking.price());
            return switch (restitution) {
                case NONE -> "Under the cancellation policy nothing is given back for a cancellation after the cut-off"
                        + (studio.cancellationPolicy() == null ? "." : " of " + format.cutoff() + " before the start.");
                case NOTHING_PAID -> "No payment was taken for this booking, so nothing is owed."
                        + (booking.paymentMethod() == PaymentMethod.BANK_TRANSFER
                        ? " Please do not make the bank transfer." : "");
                case CARD_REFUND -> "Your payment" + (amount == null ? "" : " of " + amount)
                        + " is refunded to your card. It usually shows on your statement within 5–10 days.";
                case CREDITS_RETURNED -> booking.walletUse() == null || booking.walletUse().credits() <= 0
                        ? "Your credits are back in your account."
                        : booking.walletUse().credits() == 1 ? "1 credit is back in your account."
                        : booking.walletUse().credits() + " credits are back in your account.";
                case PASS_ENTRY_RETURNED -> "The entry is back on your pass.";
                case REFUND_DUE -> studio.name() + " will transfer " + (amount == null ? "your payment" : amount)
                        + " back to you.";
            };
        }

        private static String credits(int credits) {
            return credits == 1 ? "1 credit" : credits + " credits";
        }

        Email toClient(String subject, MailBody body, CalendarInvite invite) {
            return body.email(List.of(booking.client().email()), List.of(), subject,
                    invite == null ? List.of() : List.of(invite.attachment()));
        }

        /**
         * The booking's calendar event. Its place and description carry the link only when it was
         * granted ({@code shown}); otherwise an online seat's place is just "Online".
         */
        CalendarInvite invite(CalendarInvite.Method method, int sequence, Instant stamp, Session session,
                              Location location, Optional<OnlineAccess> shown) {
            List<String> description = new ArrayList<>();
            description.add(withInstructor(session) + " at " + studio.name() + ".");
            if (booking.reference() != null) description.add("Reference: " + booking.reference());
            shown.ifPresent(access -> {
                description.add("Join: " + access.link());
                if (access.password() != null) description.add("Password: " + access.password());
                if (access.instructions() != null && !access.instructions().isBlank()) {
                    description.add(access.instructions().strip());
                }
            });
            String place = booking.isOnlineSeat() ? shown.map(OnlineAccess::link).orElse("Online")
                    : StudioFormat.where(location);
            return new CalendarInvite(method, CalendarInvite.bookingUid(booking.bookingId()), sequence, stamp,
                    format.zone(), session.start(), session.end(), withInstructor(session), place,
                    String.join("\n", description), null,
                    new CalendarInvite.Person(booking.client().name(), booking.client().email()));
        }
    }
}
