package com.studiobooking.core.model.booking;

import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Instant;

/**
 * What money arriving, or a cancellation, does to a booking in the state it is in now: the decisions of
 * the booking state machine (docs/decisions/booking-state-machine.md), kept pure so each is easy to
 * check. The use cases write the outcome conditionally on the booking's version and, when another
 * writer won, read it again and ask again.
 */
public final class MoneyRules {
    private MoneyRules() {}

    /** What a payment arriving for a booking does. */
    public enum Arrival {
        /** Awaiting payment: the booking is paid. */
        CONFIRM,
        /** The system released the unpaid place and the booking has not started: take the place again if free. */
        TAKE_PLACE_AGAIN,
        /** Cancelled by someone, or started: the money goes back. */
        GIVE_BACK,
        /** This payment's refund was decided but the provider has not made it yet: ask again. */
        FINISH_REFUND,
        /** Already recorded, or nothing this payment can change. */
        NOTHING
    }

    public static Arrival onCardPaid(Booking booking, String paymentId, Instant now) {
        if (booking.hasCardPayment(paymentId)) {
            return booking.paymentStatus() == PaymentStatus.REFUND_PENDING ? Arrival.FINISH_REFUND : Arrival.NOTHING;
        }
        return onMoney(booking, now);
    }

    /** Staff say a bank transfer arrived. */
    public static Arrival onTransferArrived(Booking booking, Instant now) {
        if (booking.paymentMethod() != PaymentMethod.BANK_TRANSFER) return Arrival.NOTHING;
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) return Arrival.CONFIRM;
        return onMoney(booking, now);
    }

    private static Arrival onMoney(Booking booking, Instant now) {
        boolean beforeStart = now.isBefore(booking.start());
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) return beforeStart ? Arrival.CONFIRM : Arrival.GIVE_BACK;
        if (booking.status() == BookingStatus.CANCELLED && booking.paymentStatus() == PaymentStatus.UNPAID) {
            return booking.releasedBySystem() && beforeStart ? Arrival.TAKE_PLACE_AGAIN : Arrival.GIVE_BACK;
        }
        return Arrival.NOTHING;
    }

    /**
     * The payment status a cancellation leaves, for money paid by card or bank transfer (passes and
     * credits go back to the wallet instead, see the session's restitution): nothing paid stays unpaid;
     * after the cut-off the studio keeps the payment; before it a card is refunded (REFUND_PENDING until
     * the provider confirms) and a transfer is owed back by staff (REFUND_DUE). A no-show the studio's
     * policy forfeits keeps its payment whoever cancels, and whenever (docs/decisions/attendance.md).
     */
    public static PaymentStatus afterCancel(Booking booking, boolean late) {
        if (booking.status() == BookingStatus.AWAITING_PAYMENT || late || booking.paymentStatus() != PaymentStatus.PAID
                || booking.forfeitsPayment()) {
            return booking.paymentStatus();
        }
        return switch (booking.paymentMethod()) {
            case CARD -> PaymentStatus.REFUND_PENDING;
            case BANK_TRANSFER -> PaymentStatus.REFUND_DUE;
            default -> booking.paymentStatus();
        };
    }
}
