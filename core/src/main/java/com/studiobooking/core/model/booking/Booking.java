package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Duration;
import java.time.Instant;

/**
 * A client's place: an appointment with a practitioner or a seat in a session, its status and payment
 * status. {@code reference} is the short code a client quotes on a transfer.
 *
 * <p>{@code version} counts the changes of the stored booking (a new one is 1). Every change below
 * returns the next version, and the stores write it only while the stored booking is still at the
 * version it was derived from, so of two writers that read the same booking one wins and the other
 * reads again and decides anew (docs/decisions/booking-state-machine.md).
 *
 * <p>{@code language} is the client's choice of language (e.g. {@code ro}) for every e-mail to them;
 * null means the studio's locale. {@code attendance} is what staff marked once it started (null: nothing yet).
 *
 * <p>{@code waitlistTicket} orders a WAITLISTED booking in its session's line (null otherwise).
 * {@code calendarSequence} is the SEQUENCE of the booking's latest {@code .ics} (0 for the first; each
 * move ({@link #rescheduled}, {@link #moved}) and each cancellation raises it in the write that the e-mail
 * follows, so every invite of one booking's UID carries a higher SEQUENCE than the one before).
 * {@code onlineAccess} and {@code linkVersion} are an online appointment's own link (null and 0 for
 * everything else; a session's link is on the session): an appointment of an ONLINE service starts with
 * {@link OnlineAccess#NONE} and version 0, and each different access staff set is the next
 * {@code linkVersion} (docs/decisions/sessions-and-links.md).
 *
 * <p>{@code bookedBy} is the staff member who booked on the client's behalf (a walk-in, a phone booking);
 * null when the client booked themselves.
 */
public record Booking(String bookingId, String studioId, Kind kind, String serviceId, String serviceName,
                      String staffId, String staffName, String locationId, Instant start, Instant end,
                      int bufferBeforeMinutes, int bufferAfterMinutes, Client client, String clientId,
                      PaymentMethod paymentMethod, BookingStatus status, PaymentStatus paymentStatus, Money price,
                      String reference, Instant paymentDueBy, Cancellation cancellation, String notes, String language,
                      Instant createdAt, SessionSeat session, WalletUse walletUse, CardPayment card,
                      Attendance attendance, Integer waitlistTicket, int calendarSequence, OnlineAccess onlineAccess,
                      int linkVersion, int version, String bookedBy) {

    /** A booking its client made themselves (or the system): no {@code bookedBy}. */
    public Booking(String bookingId, String studioId, Kind kind, String serviceId, String serviceName,
                   String staffId, String staffName, String locationId, Instant start, Instant end,
                   int bufferBeforeMinutes, int bufferAfterMinutes, Client client, String clientId,
                   PaymentMethod paymentMethod, BookingStatus status, PaymentStatus paymentStatus, Money price,
                   String reference, Instant paymentDueBy, Cancellation cancellation, String notes, String language,
                   Instant createdAt, SessionSeat session, WalletUse walletUse, CardPayment card,
                   Attendance attendance, Integer waitlistTicket, int calendarSequence, OnlineAccess onlineAccess,
                   int linkVersion, int version) {
        this(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus, price,
                reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card, attendance,
                waitlistTicket, calendarSequence, onlineAccess, linkVersion, version, null);
    }

    /** The same new booking, made by staff member {@code staffId} on the client's behalf. */
    public Booking bookedBy(String staffId) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, this.staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus, price,
                reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card, attendance,
                waitlistTicket, calendarSequence, onlineAccess, linkVersion, version, staffId);
    }

    /** The version of a booking before it is first stored. */
    public static final int NEW = 1;

    public enum Kind { APPOINTMENT, SESSION }

    /** A short code the client quotes on a bank transfer, e.g. {@code SB-7K3QX2MA}. */
    public static String newReference() {
        return "SB-" + com.studiobooking.core.common.Ids.random(8).toUpperCase(java.util.Locale.ROOT);
    }

    /** For a session booking: which session and which kind of seat (in the studio or online). */
    public record SessionSeat(String sessionId, SessionFormat format) {
    }

    /** What a booking took from the client's wallet, to give back on a timely cancellation. */
    public record WalletUse(String passId, int credits) {
    }

    /**
     * A card payment through a checkout page: the checkout (id and page) while it is open, and the
     * provider's payment id once paid (what refunds refer to).
     */
    public record CardPayment(String checkoutId, String checkoutUrl, String paymentId) {
        public CardPayment paidWith(String newPaymentId) {
            return new CardPayment(checkoutId, checkoutUrl, newPaymentId);
        }

        /** The payment recorded on what is known of the checkout (nothing yet, if its record is still being written). */
        public static CardPayment paid(CardPayment known, String paymentId) {
            return known == null ? new CardPayment(null, null, paymentId) : known.paidWith(paymentId);
        }
    }

    public boolean isOnlineSeat() {
        return session != null && session.format() == SessionFormat.ONLINE;
    }

    /** An appointment of an ONLINE service: it carries its own online access (possibly still without a link). */
    public boolean isOnlineAppointment() {
        return kind == Kind.APPOINTMENT && onlineAccess != null;
    }

    /** An online appointment's access as staff set it; a different access is the next link version. */
    public Booking withOnlineAccess(OnlineAccess access) {
        if (!isOnlineAppointment()) throw new IllegalStateException("booking " + bookingId + " is not an online appointment");
        int newLinkVersion = access.equals(onlineAccess) ? linkVersion : linkVersion + 1;
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card,
                attendance, waitlistTicket, calendarSequence, access, newLinkVersion, version + 1, bookedBy);
    }

    /** The version this change was derived from: what the store must still hold for the write to apply. */
    public int previousVersion() {
        return version - 1;
    }

    public Booking withPayment(BookingStatus newStatus, PaymentStatus newPaymentStatus, CardPayment newCard) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, newStatus, newPaymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, newCard,
                attendance, waitlistTicket, calendarSequence, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /**
     * This same change, with the next calendar SEQUENCE: a place the system released (its invite cancelled the
     * event) and now taken again, whose new invite must outrank that cancel.
     */
    public Booking withNextCalendarSequence() {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card,
                attendance, waitlistTicket, calendarSequence + 1, onlineAccess, linkVersion, version, bookedBy);
    }

    /** Only the payment status changes (a refund completed or marked paid out). */
    public Booking withPaymentStatus(PaymentStatus newPaymentStatus) {
        return withPayment(status, newPaymentStatus, card);
    }

    /** The card checkout opened for this held booking, and the time the hold lasts. */
    public Booking withCheckout(CardPayment checkout, Instant holdUntil) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, holdUntil, cancellation, notes, language, createdAt, session, walletUse, checkout,
                attendance, waitlistTicket, calendarSequence, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /** Staff moved the booking's session: the same place at a new time, told to the client with a raised SEQUENCE. */
    public Booking rescheduled(Instant newStart, Instant newEnd) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, newStart,
                newEnd, bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card,
                attendance, waitlistTicket, calendarSequence + 1, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /**
     * The client (or staff for them) moved the booking: an appointment to another time, or a seat to another
     * session ({@code seat}). Payment, wallet use and reference stay; the calendar SEQUENCE is raised.
     */
    public Booking moved(Move to) {
        if (!status.isActive()) {
            throw DomainException.conflict("BOOKING_CANCELLED", "a cancelled booking cannot be moved", null);
        }
        return new Booking(bookingId, studioId, kind, serviceId, to.serviceName(), to.staffId(), to.staffName(),
                to.locationId(), to.start(), to.end(), to.bufferBeforeMinutes(), to.bufferAfterMinutes(), client, clientId,
                paymentMethod, status, paymentStatus, price, reference, to.paymentDueBy(), cancellation, notes, language,
                createdAt, to.seat(), walletUse, card, attendance, waitlistTicket, calendarSequence + 1, onlineAccess,
                linkVersion, version + 1, bookedBy);
    }

    /** Where a booking moves: what it is called, who gives it, where and when, and (for a seat) which session. */
    public record Move(String serviceName, String staffId, String staffName, String locationId, Instant start,
                       Instant end, int bufferBeforeMinutes, int bufferAfterMinutes, SessionSeat seat,
                       Instant paymentDueBy) {
    }

    /**
     * Staff mark whether the client came: only a confirmed booking, once it has started; marking again
     * replaces the mark. A no-show marked while {@code forfeitNoShows} (the studio's no-show policy) keeps
     * whatever the booking used. The same mark again is this very booking (nothing to write).
     */
    public Booking attended(Attendance.Status mark, Instant now, boolean forfeitNoShows) {
        if (status == BookingStatus.CANCELLED) {
            throw DomainException.conflict("BOOKING_CANCELLED", "a cancelled booking has no attendance", null);
        }
        if (status != BookingStatus.CONFIRMED) {
            throw DomainException.conflict("BOOKING_NOT_CONFIRMED",
                    "only a confirmed booking has attendance; this one is still awaiting payment", null);
        }
        if (now.isBefore(start)) {
            throw DomainException.policy("BOOKING_NOT_STARTED", "attendance is marked once the booking has started", null);
        }
        boolean forfeit = mark == Attendance.Status.NO_SHOW && forfeitNoShows;
        if (attendance != null && attendance.status() == mark && attendance.forfeit() == forfeit) return this;
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card,
                new Attendance(mark, now, forfeit), waitlistTicket, calendarSequence, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /** A no-show the studio's policy forfeits: nothing it used is given back, whoever cancels it later. */
    public boolean forfeitsPayment() {
        return attendance != null && attendance.forfeitsPayment();
    }

    /**
     * This new booking (not stored yet) as a place in the line instead: WAITLISTED, nothing paid or taken
     * from the wallet, no due time (a seat given to it later decides those).
     */
    public Booking inLine() {
        PaymentStatus nothingYet = paymentStatus == PaymentStatus.NOT_REQUIRED ? PaymentStatus.NOT_REQUIRED : PaymentStatus.UNPAID;
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, BookingStatus.WAITLISTED,
                nothingYet, price, reference, null, cancellation, notes, language, createdAt, session, null, card,
                attendance, waitlistTicket, calendarSequence, onlineAccess, linkVersion, version, bookedBy);
    }

    /** A new waitlist entry (not stored yet) with the ticket its line gave it. */
    public Booking withWaitlistTicket(int ticket) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, language, createdAt, session, walletUse, card,
                attendance, ticket, calendarSequence, onlineAccess, linkVersion, version, bookedBy);
    }

    /**
     * A waitlisted booking given a freed seat: its new status and payment status, the due time of a payment
     * still to come, and what it takes from the wallet. The ticket stays, as a record of its place in line.
     */
    public Booking promoted(BookingStatus newStatus, PaymentStatus newPaymentStatus, Instant dueBy, WalletUse use) {
        if (status != BookingStatus.WAITLISTED) {
            throw new IllegalStateException("booking " + bookingId + " is not waitlisted");
        }
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, newStatus, newPaymentStatus,
                price, reference, dueBy, cancellation, notes, language, createdAt, session, use, card,
                attendance, waitlistTicket, calendarSequence, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /** Whether a card payment with this id is already recorded on the booking. */
    public boolean hasCardPayment(String paymentId) {
        return card != null && paymentId != null && paymentId.equals(card.paymentId());
    }

    /** The practitioner's time this booking takes: the appointment widened by its buffers. */
    public TimeRange reservedTime() {
        return new TimeRange(start.minus(Duration.ofMinutes(bufferBeforeMinutes)), end.plus(Duration.ofMinutes(bufferAfterMinutes)));
    }

    public Booking cancelled(Cancellation how) {
        return cancelled(how, paymentStatus);
    }

    /**
     * A place the system released (unpaid) that its client or staff now cancel themselves: the
     * cancellation becomes theirs, so a payment arriving later is given back, never takes the place again.
     */
    public Booking cancelledAgain(Cancellation how) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, how, notes, language, createdAt, session, walletUse, card,
                attendance, waitlistTicket, calendarSequence, onlineAccess, linkVersion, version + 1, bookedBy);
    }

    /** Whether the system released this unpaid place (due time passed, checkout ended), not a person. */
    public boolean releasedBySystem() {
        return status == BookingStatus.CANCELLED && paymentStatus == PaymentStatus.UNPAID
                && cancellation != null && cancellation.by() == Cancellation.By.SYSTEM;
    }

    /** Cancelled, with the payment status the cancellation leaves (e.g. REFUND_PENDING). */
    public Booking cancelled(Cancellation how, PaymentStatus afterwards) {
        return cancelled(how, afterwards, card);
    }

    /** Cancelled, recording the card payment that came with the cancellation (a payment after the start). */
    public Booking cancelled(Cancellation how, PaymentStatus afterwards, CardPayment withCard) {
        if (!status.isActive()) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, BookingStatus.CANCELLED,
                afterwards, price, reference, paymentDueBy, how, notes, language, createdAt, session, walletUse, withCard,
                attendance, waitlistTicket, calendarSequence + 1, onlineAccess, linkVersion, version + 1, bookedBy);
    }
}
