package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A booking as the API shows it: times in the studio's zone; the access token only when just created;
 * {@code language} the client's choice for e-mails (null: the studio's locale); {@code attendance} what
 * staff marked once it started (null: nothing yet). {@code onlineLinkSet} says, for an online appointment only,
 * whether staff have set its link (the link itself only ever in {@code onlineAccess}, under rule 3);
 * {@code waitlistPosition} the 1-based place of a WAITLISTED booking among those still waiting for its
 * session and format (null otherwise).
 *
 * <p>{@code notes} are what the client wrote when booking; {@code reference} the code a client quotes on a
 * transfer; {@code paymentDueBy} when an unpaid booking is released (null once paid or with nothing due).
 * {@code payment} is how it was paid and what a cancellation gave back; the refund state itself is
 * {@code paymentStatus}. None of these carries a payment provider's ids.
 */
public record BookingView(String bookingId, String studioId, Booking.Kind kind, String serviceId, String serviceName,
                          String staffId, String staffName, String locationId, OffsetDateTime start, OffsetDateTime end,
                          Client client, PaymentMethod paymentMethod, BookingStatus status, PaymentStatus paymentStatus,
                          Money price, String accessToken, NextAction nextAction, CancellationView cancellation,
                          Instant createdAt, String sessionId, SessionFormat format, OnlineAccess onlineAccess,
                          String language, Attendance.Status attendance, Boolean onlineLinkSet,
                          Integer waitlistPosition, String notes, String reference, OffsetDateTime paymentDueBy,
                          PaymentHistory payment, String bookedBy) {

    /**
     * How a booking was paid and, once cancelled, whether what it took from the wallet went back:
     * {@code cardPaid} a card payment was received; {@code passEntryUsed}/{@code creditsUsed} what it took
     * from the client's wallet; {@code walletReturned} (cancelled bookings that took from the wallet only)
     * whether that went back; {@code forfeited} a no-show the studio's policy keeps.
     */
    public record PaymentHistory(boolean cardPaid, boolean passEntryUsed, int creditsUsed, Boolean walletReturned,
                                 boolean forfeited) {
        static PaymentHistory of(Booking b) {
            boolean tookFromWallet = b.walletUse() != null && (b.walletUse().passId() != null || b.walletUse().credits() > 0);
            Boolean returned = b.cancellation() != null && tookFromWallet
                    ? !b.cancellation().late() && !b.forfeitsPayment() : null;
            return new PaymentHistory(b.card() != null && b.card().paymentId() != null,
                    b.walletUse() != null && b.walletUse().passId() != null,
                    b.walletUse() == null ? 0 : b.walletUse().credits(), returned, b.forfeitsPayment());
        }
    }

    /** What the client should do next: nothing, pay by transfer, or (later) go to a checkout page. */
    public record NextAction(Type type, String url, BankTransferInstructions bankTransfer) {
        public enum Type { NONE, REDIRECT, BANK_TRANSFER }

        public static final NextAction NONE = new NextAction(Type.NONE, null, null);
    }

    public record BankTransferInstructions(String accountName, String iban, String bankName, Money amount,
                                           String reference, OffsetDateTime dueBy) {
    }

    public record CancellationView(OffsetDateTime cancelledAt, Cancellation.By by, boolean late) {
    }

    /** {@code onlineAccess} must come from {@link com.studiobooking.core.model.booking.LinkVisibility} (rule 3). */
    public static BookingView of(Booking b, ZoneId zone, String accessToken, NextAction next, OnlineAccess onlineAccess,
                                 Integer waitlistPosition) {
        return new BookingView(b.bookingId(), b.studioId(), b.kind(), b.serviceId(), b.serviceName(), b.staffId(),
                b.staffName(), b.locationId(), b.start().atZone(zone).toOffsetDateTime(),
                b.end().atZone(zone).toOffsetDateTime(), b.client(), b.paymentMethod(), b.status(), b.paymentStatus(),
                b.price(), accessToken, next,
                b.cancellation() == null ? null : new CancellationView(
                        b.cancellation().cancelledAt().atZone(zone).toOffsetDateTime(), b.cancellation().by(),
                        b.cancellation().late()),
                b.createdAt(), b.session() == null ? null : b.session().sessionId(),
                b.session() == null ? null : b.session().format(), onlineAccess, b.language(),
                b.attendance() == null ? null : b.attendance().status(),
                b.isOnlineAppointment() ? b.onlineAccess().hasLink() : null, waitlistPosition, b.notes(), b.reference(),
                b.paymentDueBy() == null || !b.status().isActive() || b.paymentStatus() != PaymentStatus.UNPAID ? null
                        : b.paymentDueBy().atZone(zone).toOffsetDateTime(),
                PaymentHistory.of(b), b.bookedBy());
    }
}
