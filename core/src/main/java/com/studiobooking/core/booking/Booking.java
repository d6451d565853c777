package com.studiobooking.core.booking;

import com.studiobooking.core.appointment.TimeRange;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.session.SessionFormat;
import com.studiobooking.core.studio.PaymentMethod;

import java.time.Duration;
import java.time.Instant;

/**
 * A client's place: an appointment with a practitioner (or, later, a seat in a session), its
 * status and payment status. {@code reference} is the short code a client quotes on a transfer.
 */
public record Booking(String bookingId, String studioId, Kind kind, String serviceId, String serviceName,
                      String staffId, String staffName, String locationId, Instant start, Instant end,
                      int bufferBeforeMinutes, int bufferAfterMinutes, Client client, String clientId,
                      PaymentMethod paymentMethod, BookingStatus status, PaymentStatus paymentStatus, Money price,
                      String reference, Instant paymentDueBy, Cancellation cancellation, String notes,
                      Instant createdAt, SessionSeat session, WalletUse walletUse, CardPayment card) {

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

    public Booking withPayment(BookingStatus newStatus, PaymentStatus newPaymentStatus, CardPayment newCard) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, newStatus, newPaymentStatus,
                price, reference, paymentDueBy, cancellation, notes, createdAt, session, walletUse, newCard);
    }

    public Booking rescheduled(Instant newStart, Instant newEnd) {
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, newStart,
                newEnd, bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, status, paymentStatus,
                price, reference, paymentDueBy, cancellation, notes, createdAt, session, walletUse, card);
    }

    /** The practitioner's time this booking takes: the appointment widened by its buffers. */
    public TimeRange reservedTime() {
        return new TimeRange(start.minus(Duration.ofMinutes(bufferBeforeMinutes)), end.plus(Duration.ofMinutes(bufferAfterMinutes)));
    }

    public Booking cancelled(Cancellation how) {
        return cancelled(how, paymentStatus);
    }

    /** Cancelled, with the payment status the cancellation leaves (e.g. REFUNDED). */
    public Booking cancelled(Cancellation how, PaymentStatus afterwards) {
        if (!status.isActive()) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, BookingStatus.CANCELLED,
                afterwards, price, reference, paymentDueBy, how, notes, createdAt, session, walletUse, card);
    }
}
