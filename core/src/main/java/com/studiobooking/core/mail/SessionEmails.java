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

/**
 * The e-mails of session bookings, to the client in the booking's language (else the studio's); the
 * missing-link reminder to staff in the studio's. Online access only ever arrives here as the
 * {@code access} that {@link LinkVisibility} granted; these methods never read it from the session
 * themselves. As a second lock, access is shown only to a confirmed, paid or free booking of an online seat.
 *
 * <p>Dates, amounts and bank transfer details are written as in the appointment e-mails
 * ({@link StudioFormat}, {@link MailBody}). Each booking is one calendar event: the invite of
 * {@link #booked}, the updates of {@link #rescheduled} and {@link #moved} and the cancel of {@link #cancelled}
 * or {@link #released} share its UID; each carries the booking's {@code calendarSequence}, which every move
 * and cancellation raises in the write the e-mail follows, so each invite has a higher SEQUENCE than the last.
 * A card booking's client, sent no booked e-mail, gets the invite with {@link #paymentConfirmed} instead.
 *
 * <p>Every e-mail to the client ends with the booking's manage link ({@code manageLink}, the booking's
 * access token in its fragment; see {@link BookingEmails}); the staff reminder has none.
 */
public final class SessionEmails {
    private SessionEmails() {}

    /** Confirmation to the client right after booking. */
    public static Email booked(Booking booking, Session session, StudioSettings studio, Staff instructor,
                               Location location, Optional<OnlineAccess> access, String manageLink) {
        return booked(booking, session, studio, instructor, location, access, false, manageLink);
    }

    /**
     * The seat as a calendar file the client keeps (METHOD:PUBLISH), with the same UID and SEQUENCE as the
     * e-mails' invites; never with the online link (the manage page shows it under rule 3 instead).
     */
    public static CalendarInvite calendar(Booking booking, Session session, StudioSettings studio, Staff instructor,
                                          Location location) {
        Facts f = new Facts(booking, session, studio, instructor == null ? null : instructor.name());
        return f.invite(CalendarInvite.Method.PUBLISH, booking.calendarSequence(), booking.createdAt(), session, location,
                Optional.empty());
    }

    /**
     * A freed seat was given to the client first in the waitlist: the booked e-mail, opened by the news and,
     * for a card, the page to pay on before the hold ends (a transfer's details are part of the booked e-mail).
     */
    public static Email promoted(Booking booking, Session session, StudioSettings studio, Staff instructor,
                                 Location location, Optional<OnlineAccess> access, String manageLink) {
        return booked(booking, session, studio, instructor, location, access, true, manageLink);
    }

    private static Email booked(Booking booking, Session session, StudioSettings studio, Staff instructor,
                                Location location, Optional<OnlineAccess> access, boolean fromWaitlist,
                                String manageLink) {
        Facts f = new Facts(booking, session, studio, instructor == null ? null : instructor.name());
        StudioFormat t = f.format;
        Optional<OnlineAccess> shown = f.shown(access);
        boolean awaitingTransfer = booking.paymentMethod() == PaymentMethod.BANK_TRANSFER
                && booking.status() == BookingStatus.AWAITING_PAYMENT;
        MailBody body = f.hello();
        if (fromWaitlist) body.paragraph(t.text("waitlist.placeFreed", "session", session.name()));
        boolean awaitingCard = booking.paymentMethod() == PaymentMethod.CARD
                && booking.status() == BookingStatus.AWAITING_PAYMENT && booking.card() != null;
        if (awaitingCard) {
            body.paragraph(t.text("waitlist.payByCard", "due", t.fullDateTime(booking.paymentDueBy())))
                    .link(t.text("waitlist.payNow"), booking.card().checkoutUrl());
        } else {
            body.paragraph(t.text(awaitingTransfer ? "session.reserved" : "session.booked",
                    "session", session.name(), "studio", studio.name()));
        }
        body.details(List.of(
                        t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("duration", t.duration(session.start(), session.end())),
                        t.row("instructor", f.instructor), t.row("where", f.where(location)),
                        t.row("price", f.price()), t.row("payment", f.payment()), t.row("reference", booking.reference())));
        f.howToJoinAndPay(body, shown, awaitingTransfer, manageLink);
        return f.toClient(t.text(fromWaitlist ? "subject.placeFreed" : "subject.booked", "what", f.withInstructor(session),
                        "when", f.shortStart(session)), body,
                f.invite(CalendarInvite.Method.REQUEST, booking.calendarSequence(), booking.createdAt(), session, location,
                        shown));
    }

    /** Why a place in the waitlist ended without a seat. */
    public enum LineEnd {
        /** The client left the line. */
        LEFT,
        /** Staff took the client out of the line. */
        REMOVED,
        SESSION_CANCELLED,
        /** A seat was theirs, but the pass or credits could no longer pay for it. */
        CANNOT_PAY,
        /** A seat was theirs, but too close to the start to pay by card. */
        TOO_LATE_TO_PAY
    }

    /** The client joined the waitlist of a full session: their place in line, and what happens next. */
    public static Email waitlisted(Booking booking, Session session, StudioSettings studio, Integer position,
                                   String manageLink) {
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        MailBody body = f.hello()
                .paragraph(t.text("waitlist.joined", "session", session.name(), "position", String.valueOf(position)))
                .paragraph(t.text("waitlist.whatNext"))
                .details(List.of(t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("instructor", f.instructor), t.row("payment", f.payment()),
                        t.row("reference", booking.reference())));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return f.toClient(t.text("subject.waitlisted", "what", session.name(), "when", f.shortStart(session)), body, null);
    }

    /** The client's place in the waitlist ended without a seat ({@code why}); nothing was paid, nothing is owed. */
    public static Email waitlistEnded(Booking booking, Session session, StudioSettings studio, LineEnd why,
                                      String manageLink) {
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        String key = switch (why) {
            case LEFT -> "waitlist.left";
            case REMOVED -> "waitlist.removed";
            case SESSION_CANCELLED -> "waitlist.sessionCancelled";
            case CANNOT_PAY -> "waitlist.cannotPay";
            case TOO_LATE_TO_PAY -> "waitlist.tooLateToPay";
        };
        MailBody body = f.hello()
                .paragraph(t.text(key, "session", session.name(), "studio", studio.name()))
                .details(List.of(t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("reference", booking.reference())))
                .paragraph(t.text("waitlist.nothingOwed"));
        t.manageLink(body, manageLink, false).paragraph(studio.name());
        return f.toClient(t.text("subject.waitlistEnded", "what", session.name(), "when", f.shortStart(session)), body, null);
    }

    /**
     * The client's payment was confirmed (bank transfer by staff, later card by webhook). {@code withInvite}:
     * the client holds no invite of this booking yet (a card booking is sent no booked e-mail), so this
     * e-mail carries it, as the booked e-mail would have; {@code location} is the session's room (null online).
     */
    public static Email paymentConfirmed(Booking booking, Session session, StudioSettings studio, Location location,
                                         Optional<OnlineAccess> access, boolean withInvite, String manageLink) {
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        Optional<OnlineAccess> shown = f.shown(access);
        MailBody body = f.hello()
                .paragraph(t.text("session.paymentReceived", "session", session.name()))
                .details(List.of(
                        t.row("session", session.name()), t.row("when", f.when(session)), t.row("instructor", f.instructor),
                        t.row("where", booking.isOnlineSeat() ? t.text("where.online") : null),
                        t.row("payment", f.payment()), t.row("reference", booking.reference())));
        if (booking.isOnlineSeat()) {
            if (shown.isPresent()) {
                body.paragraph(t.text("online.joinBelow"));
                f.howToJoin(body, shown.get());
            } else {
                body.paragraph(t.text("online.linkWillFollow"));
            }
        }
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return f.toClient(t.text("subject.paymentReceived", "what", session.name(), "when", f.shortStart(session)),
                body, withInvite ? f.invite(CalendarInvite.Method.REQUEST, booking.calendarSequence(), booking.createdAt(),
                        session, location, shown) : null);
    }

    /** Staff added or changed the link: sent once per change to each entitled participant. */
    public static Email linkReleased(Booking booking, Session session, StudioSettings studio, OnlineAccess access,
                                     boolean changed, String manageLink) {
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        OnlineAccess shown = f.shown(Optional.ofNullable(access)).orElseThrow(() -> new IllegalArgumentException(
                "booking " + booking.bookingId() + " may not be sent a link: rule 3"));
        MailBody body = f.hello()
                .paragraph(t.text(changed ? "link.changed" : "link.howToJoin", "session", session.name()));
        f.howToJoin(body, shown);
        body.details(List.of(t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("instructor", f.instructor), t.row("reference", booking.reference())));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return f.toClient(t.text(changed ? "subject.newLink" : "subject.yourLink", "what", session.name(),
                "when", f.shortStart(session)), body, null);
    }

    /** The booking was cancelled (by the client or staff, or the session was cancelled). */
    public static Email cancelled(Booking booking, Session session, StudioSettings studio, Restitution restitution,
                                  boolean sessionCancelled, String manageLink) {
        Cancellation how = booking.cancellation();
        if (how == null) {
            throw new IllegalArgumentException("booking " + booking.bookingId() + " has not been cancelled");
        }
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        boolean byClient = !sessionCancelled && how.by() == Cancellation.By.CLIENT;
        String what = sessionCancelled
                ? t.text("session.cancelledSession", "studio", studio.name(), "session", session.name())
                : byClient
                ? t.text("session.cancelledByYou", "session", session.name()) + t.cutoffSentence(how.late())
                : t.text("session.cancelledByStudio", "studio", studio.name(), "session", session.name());
        MailBody body = f.hello()
                .paragraph(what)
                .details(List.of(
                        t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("instructor", f.instructor), t.row("reference", booking.reference()),
                        t.row("cancelled", t.fullDateTime(how.cancelledAt()))))
                .paragraph(f.restitution(restitution));
        String policy = t.cancellationPolicyText();
        if (byClient && policy != null) body.paragraph(policy);
        t.manageLink(body, manageLink, false).paragraph(studio.name());
        Instant stamp = how.cancelledAt() != null ? how.cancelledAt() : booking.createdAt();
        return f.toClient(t.text("subject.cancelled", "what", f.withInstructor(session), "when", f.shortStart(session)),
                body, f.invite(CalendarInvite.Method.CANCEL, booking.calendarSequence(), stamp, session, null, Optional.empty()));
    }

    /** The session moved; {@code before} is the old version. */
    public static Email rescheduled(Booking booking, Session before, Session after, StudioSettings studio,
                                    String manageLink) {
        Facts f = new Facts(booking, after, studio, null);
        StudioFormat t = f.format;
        MailBody body = f.hello()
                .paragraph(t.text("session.moved", "studio", studio.name(), "session", after.name()))
                .details(List.of(
                        t.row("session", after.name()), t.row("newTime", f.when(after)), t.row("was", f.when(before)),
                        t.row("instructor", f.instructor), t.row("reference", booking.reference())))
                .paragraph(t.text("session.movedContact", "studio", studio.name()));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return f.toClient(t.text("subject.newTime", "what", f.withInstructor(after), "when", f.shortStart(after)), body,
                f.invite(CalendarInvite.Method.REQUEST, booking.calendarSequence(), booking.createdAt(), after, null,
                        Optional.empty()));
    }

    /**
     * The client (or staff for them) moved the seat to another session of the same kind: {@code moved} is the
     * booking after the move, {@code from} the session it left, {@code to} the one it is in now. The updated
     * invite keeps the booking's UID; the link appears only as {@code access} granted it (rule 3).
     */
    public static Email moved(Booking moved, Session from, Session to, StudioSettings studio, Staff instructor,
                              Location location, Optional<OnlineAccess> access, Instant movedAt, String manageLink) {
        Facts f = new Facts(moved, to, studio, instructor == null ? null : instructor.name());
        StudioFormat t = f.format;
        Optional<OnlineAccess> shown = f.shown(access);
        boolean awaitingTransfer = moved.paymentMethod() == PaymentMethod.BANK_TRANSFER
                && moved.status() == BookingStatus.AWAITING_PAYMENT;
        MailBody body = f.hello()
                .paragraph(t.text("session.movedByClient", "session", to.name(), "studio", studio.name()))
                .details(List.of(
                        t.row("session", to.name()), t.row("newTime", f.when(to)), t.row("was", f.when(from)),
                        t.row("instructor", f.instructor), t.row("where", f.where(location)),
                        t.row("payment", f.payment()), t.row("reference", moved.reference())));
        f.howToJoinAndPay(body, shown, awaitingTransfer, manageLink);
        return f.toClient(t.text("subject.moved", "what", f.withInstructor(to), "when", f.shortStart(to)), body,
                f.invite(CalendarInvite.Method.REQUEST, moved.calendarSequence(), movedAt, to, location, shown));
    }

    /** An unpaid booking's due time passed and its place was released. */
    public static Email released(Booking booking, Session session, StudioSettings studio, String manageLink) {
        Facts f = new Facts(booking, session, studio, null);
        StudioFormat t = f.format;
        String due = t.fullDateTime(booking.paymentDueBy());
        boolean transfer = booking.paymentMethod() == PaymentMethod.BANK_TRANSFER;
        String key = (transfer ? "released.transfer" : "released.card") + (due == null ? "" : ".due");
        MailBody body = f.hello()
                .paragraph(t.text(key, "due", due, "session", session.name()))
                .details(List.of(t.row("session", session.name()), t.row("when", f.when(session)),
                        t.row("reference", booking.reference())));
        if (transfer) body.paragraph(t.text("released.doNotTransfer", "studio", studio.name()));
        body.paragraph(t.text("released.bookAgain"));
        t.manageLink(body, manageLink, false).paragraph(studio.name());
        Cancellation how = booking.cancellation();
        Instant stamp = how != null && how.cancelledAt() != null ? how.cancelledAt()
                : booking.paymentDueBy() != null ? booking.paymentDueBy() : booking.createdAt();
        return f.toClient(t.text("subject.placeReleased", "what", session.name(), "when", f.shortStart(session)), body,
                f.invite(CalendarInvite.Method.CANCEL, booking.calendarSequence(), stamp, session, null, Optional.empty()));
    }

    /** Rule 8: the online session's link is still missing; to the instructor, owner in copy, in the studio's language. */
    public static Email missingLinkReminder(Session session, StudioSettings studio, Staff instructor, Staff owner,
                                            int paidParticipants, String adminPageLink) {
        String to = emailOf(instructor) != null ? emailOf(instructor) : emailOf(owner);
        if (to == null) throw new IllegalArgumentException("session " + session.sessionId() + " has no one to remind");
        String cc = emailOf(owner);
        List<String> copy = cc == null || cc.equalsIgnoreCase(to) ? List.of() : List.of(cc);
        StudioFormat t = new StudioFormat(studio);
        String name = emailOf(instructor) != null ? instructor.name() : owner.name();
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", name))
                .paragraph(t.text("missingLink.noLinkYet", "session", session.name()))
                .details(List.of(t.row("session", session.name()),
                        t.row("when", t.when(session.start(), session.end())),
                        t.row("paidParticipants", String.valueOf(paidParticipants))))
                .paragraph(t.plural("missingLink.waiting", paidParticipants));
        if (adminPageLink != null && !adminPageLink.isBlank()) {
            body.link(t.text("missingLink.addTheLink"), adminPageLink.strip());
        }
        body.paragraph(studio.name());
        return body.email(List.of(to), copy, t.text("subject.addMeetingLink", "what", session.name(),
                "when", t.shortDateTime(session.start())), List.of());
    }

    /** The link, the password and the instructions of a granted access. */
    static void howToJoin(StudioFormat format, MailBody body, OnlineAccess access) {
        body.link(format.text("online.link"), access.link());
        body.details(List.of(format.row("password", access.password())));
        if (access.instructions() != null && !access.instructions().isBlank()) {
            body.paragraph(format.text("online.instructions", "instructions", access.instructions().strip()));
        }
    }

    private static String emailOf(Staff staff) {
        return staff == null || staff.email() == null || staff.email().isBlank() ? null : staff.email().strip();
    }

    /** What the e-mails of one booking of one session are written from, in the studio's zone and the client's language. */
    private static final class Facts {
        final Booking booking;
        final StudioSettings studio;
        final StudioFormat format;
        final String instructor;

        /**
         * The end of a booked or moved seat's e-mail: how to join online (the link only as rule 3 shows it,
         * else when it will come), the transfer details while one is awaited, the policy, the manage link, the studio.
         */
        void howToJoinAndPay(MailBody body, Optional<OnlineAccess> shown, boolean awaitingTransfer, String manageLink) {
            if (booking.isOnlineSeat()) {
                if (shown.isPresent()) {
                    body.paragraph(format.text("online.joinBelow"));
                    howToJoin(body, shown.get());
                } else {
                    body.paragraph(format.text(settled() ? "online.linkWillFollow" : "online.linkAfterPayment"));
                }
            }
            if (awaitingTransfer) format.bankTransfer(body, booking.price(), booking.reference(), booking.paymentDueBy());
            String policy = format.cancellationPolicy();
            if (policy != null) body.paragraph(policy);
            format.manageLink(body, manageLink, true).paragraph(studio.name());
        }

        Facts(Booking booking, Session session, StudioSettings studio, String instructorName) {
            if (booking.session() == null || !booking.session().sessionId().equals(session.sessionId())
                    || !booking.studioId().equals(session.studioId())) {
                throw new IllegalArgumentException("booking " + booking.bookingId() + " is not for session "
                        + session.sessionId());
            }
            this.booking = booking;
            this.studio = studio;
            this.format = new StudioFormat(studio, booking.language());
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
            return format.body().paragraph(format.text("hello", "name", booking.client().name()));
        }

        void howToJoin(MailBody body, OnlineAccess access) {
            SessionEmails.howToJoin(format, body, access);
        }

        String withInstructor(Session session) {
            return instructor == null ? session.name()
                    : format.text("serviceWith", "service", session.name(), "staff", instructor);
        }

        String shortStart(Session session) {
            return format.shortDateTime(session.start());
        }

        String when(Session session) {
            return format.when(session.start(), session.end());
        }

        /** "online" for an online seat, whatever the location says; the room for a seat in the studio. */
        String where(Location location) {
            return booking.isOnlineSeat() ? format.text("where.online") : format.where(location);
        }

        /** An amount only where money is paid: not for free places, credits or pass entries. */
        String price() {
            return switch (booking.paymentMethod()) {
                case CARD, BANK_TRANSFER, PAY_AT_STUDIO -> format.money(booking.price());
                case FREE, CREDITS, PASS -> null;
            };
        }

        String payment() {
            if (booking.paymentMethod() == PaymentMethod.CREDITS && booking.walletUse() != null) {
                return format.plural("payment.credits", booking.walletUse().credits());
            }
            if (booking.paymentMethod() == PaymentMethod.PASS) return format.text("payment.passEntry");
            boolean awaiting = booking.status() == BookingStatus.AWAITING_PAYMENT;
            return format.payment(booking.paymentMethod(), booking.paymentStatus() == PaymentStatus.PAID,
                    awaiting ? booking.paymentDueBy() : null);
        }

        String restitution(Restitution restitution) {
            String amount = format.money(booking.price());
            return switch (restitution) {
                case NONE -> studio.cancellationPolicy() == null ? format.text("restitution.none")
                        : format.text("restitution.none.cutoff", "cutoff", format.cutoff());
                case NOTHING_PAID -> format.text(booking.paymentMethod() == PaymentMethod.BANK_TRANSFER
                        ? "restitution.nothingPaid.transfer" : "restitution.nothingPaid");
                case CARD_REFUND -> amount == null ? format.text("restitution.card")
                        : format.text("restitution.card.amount", "amount", amount);
                case CREDITS_RETURNED -> booking.walletUse() == null || booking.walletUse().credits() <= 0
                        ? format.text("restitution.credits")
                        : format.plural("restitution.credits.count", booking.walletUse().credits());
                case PASS_ENTRY_RETURNED -> format.text("restitution.passEntry");
                case REFUND_DUE -> amount == null ? format.text("restitution.transfer", "studio", studio.name())
                        : format.text("restitution.transfer.amount", "studio", studio.name(), "amount", amount);
                case NO_SHOW_FORFEITED -> format.text("restitution.noShow", "studio", studio.name());
            };
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
            description.add(format.text("invite.whatWhere", "what", withInstructor(session), "studio", studio.name()));
            if (booking.reference() != null) description.add(format.text("invite.reference", "reference", booking.reference()));
            shown.ifPresent(access -> {
                description.add(format.text("invite.join", "link", access.link()));
                if (access.password() != null) description.add(format.text("invite.password", "password", access.password()));
                if (access.instructions() != null && !access.instructions().isBlank()) {
                    description.add(access.instructions().strip());
                }
            });
            String place = booking.isOnlineSeat() ? shown.map(OnlineAccess::link).orElse(format.text("invite.online"))
                    : format.where(location);
            return new CalendarInvite(method, CalendarInvite.bookingUid(booking.bookingId()), sequence, stamp,
                    format.zone(), session.start(), session.end(), withInstructor(session), place,
                    String.join("\n", description), null,
                    new CalendarInvite.Person(booking.client().name(), booking.client().email()));
        }
    }
}
