package com.studiobooking.core.booking;

import com.studiobooking.core.appointment.TimeRange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of bookings. {@link #reserveAppointment} is the one place that guarantees no double
 * booking: the booking, its claim on the practitioner's time and its idempotency record are
 * written in one transaction that fails if any part of the time is already taken.
 */
public interface BookingStore {
    /** The result of a reservation attempt. */
    sealed interface Reservation {
        record Reserved(Booking booking) implements Reservation {
        }

        /** Some of the practitioner's time (with buffers) is taken by another booking. */
        record TimeTaken() implements Reservation {
        }

        /** The idempotency key was used before; the booking it created. */
        record Repeated(String bookingId, String requestFingerprint) implements Reservation {
        }
    }

    Reservation reserveAppointment(Booking booking, IdempotencyKey idempotencyKey);

    /** The booking an idempotency key already produced, if any. */
    Optional<Reservation.Repeated> findRepeat(String studioId, String idempotencyKey);

    Optional<Booking> find(String bookingId);

    /** Marks the booking cancelled and frees its time, only if it is still active; false otherwise. */
    boolean cancel(Booking cancelled);

    /** AWAITING_PAYMENT → as given (paid); false when the booking was not awaiting payment any more. */
    boolean confirmPayment(Booking paid);

    /** Stores the checkout of a booking still awaiting payment (and its new due time); false otherwise. */
    boolean attachCheckout(Booking withCheckout);

    /**
     * Payment arrived after the hold was released: takes the appointment's time again and marks the
     * booking paid, only if the booking is still cancelled and the time is still free; false otherwise.
     */
    boolean reinstateAppointment(Booking paid);

    /** Records a cancelled booking's refund (payment status REFUNDED); false if it is not cancelled. */
    boolean markRefunded(Booking refunded);

    /** A client's bookings, newest first. */
    List<Booking> bookingsOfClient(String studioId, String clientId);

    /** Time taken in the studio (appointments with their buffers) overlapping the range, by staff member. */
    List<BusyTime> busyTime(String studioId, TimeRange range);

    /** Active and cancelled bookings starting in the range, for staff. */
    List<Booking> bookingsStartingIn(String studioId, TimeRange range);

    record BusyTime(String staffId, TimeRange time) {
    }

    /** A client-chosen retry key and a fingerprint of the request it was first used with. */
    record IdempotencyKey(String key, String requestFingerprint, Instant forgetAfter) {
    }
}
