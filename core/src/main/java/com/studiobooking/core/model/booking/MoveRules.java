package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a booking may be moved to another time or session, and what a move does to its due time: the
 * rules the appointment and the seat reschedule share (docs/decisions/reschedule.md), kept pure.
 */
public final class MoveRules {
    private MoveRules() {}

    /**
     * Only a place that is held (confirmed, or awaiting a bank transfer or payment at the studio) and has not
     * started moves. A card booking whose checkout is still open is refused until it is paid: the checkout
     * page, its hold and its expiry were made for the old time.
     */
    public static void checkMovable(Booking booking, Instant start, Instant now) {
        if (booking.status() == BookingStatus.CANCELLED) {
            throw DomainException.conflict("BOOKING_CANCELLED", "a cancelled booking cannot be moved", null);
        }
        if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.AWAITING_PAYMENT) {
            throw DomainException.conflict("BOOKING_NOT_MOVABLE", "only a booked place can be moved", null);
        }
        if (booking.attendance() != null || !now.isBefore(start)) {
            throw DomainException.conflict("BOOKING_STARTED", "a booking cannot be moved once it has started", null);
        }
        if (booking.paymentMethod() == PaymentMethod.CARD && booking.status() == BookingStatus.AWAITING_PAYMENT) {
            throw DomainException.conflict("CHECKOUT_OPEN",
                    "this booking's card payment is not finished; pay it first, then move it", null);
        }
    }

    /**
     * A client moves only before the cancellation cut-off of the booking as it is (the same moment after which
     * a cancellation is late); staff may move for them until the start. After it: 422 with the policy.
     */
    public static void checkCutoff(Instant start, CancellationPolicy policy, Cancellation.By by, Instant now) {
        if (by != Cancellation.By.CLIENT || policy == null || policy.cutoffHours() == null) return;
        if (now.isAfter(start.minus(Duration.ofHours(policy.cutoffHours())))) {
            throw DomainException.policy("RESCHEDULE_CUTOFF_PASSED", "a booking can be moved only up to "
                            + policy.cutoffHours() + " hours before it starts", null)
                    .with("policy", policy.text()).with("cutoffHours", policy.cutoffHours());
        }
    }

    /** An unpaid place keeps its due time, but never past the new start. */
    public static Instant dueBy(Booking booking, Instant newStart) {
        Instant due = booking.paymentDueBy();
        if (booking.status() != BookingStatus.AWAITING_PAYMENT || due == null) return due;
        return due.isAfter(newStart) ? newStart : due;
    }
}
