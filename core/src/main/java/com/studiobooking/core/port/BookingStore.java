package com.studiobooking.core.port;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;

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

    /*
     * Every change below is written only while the stored booking is still at the version the change
     * was derived from (Booking#previousVersion); false means another writer changed it first, and the
     * caller reads it again and decides anew.
     */

    /** Writes the cancellation of an appointment and frees its time. */
    boolean cancel(Booking cancelled);

    /** Writes a change that takes or frees no time: payment confirmed, checkout attached, refund state. */
    boolean save(Booking changed);

    /**
     * Payment arrived after the system released the appointment: takes its time again and writes the
     * paid booking, if the booking is unchanged and the time still free.
     */
    Reinstatement reinstateAppointment(Booking paid);

    /** The outcome of taking a released place again. */
    enum Reinstatement {
        REINSTATED,
        /** The booking changed since it was read: read it again. */
        CHANGED,
        /** The time or seat was taken meanwhile. */
        TAKEN
    }

    /**
     * Moves an appointment to {@code after}'s time in one transaction: takes the time it newly needs (its
     * claims must be free), frees the time it no longer needs (time both share stays claimed), and writes
     * the booking while it is still at the version {@code after} was derived from.
     */
    MoveOutcome moveAppointment(Booking before, Booking after);

    /** The outcome of moving a booking to another time or session. */
    enum MoveOutcome {
        MOVED,
        /** The booking changed since it was read: read it again. */
        CHANGED,
        /** The new time is taken, or the new session has no seat of the booking's format left. */
        TAKEN,
        /** The new session is no longer scheduled. */
        NOT_BOOKABLE
    }

    /**
     * Records that the client was reminded {@code hoursBefore} the booking's start {@code start}; false if
     * they already were, so a reminder that fires twice sends one e-mail. A moved booking (another start)
     * is reminded anew. Independent of the booking's version: it never makes another writer lose.
     */
    boolean markReminderSent(String bookingId, int hoursBefore, Instant start);

    /**
     * Records that link version {@code linkVersion} of an online appointment was e-mailed to its client; false
     * if it already was, so the staff request and the payment that race to release it send one e-mail.
     * Independent of the booking's version, like {@link #markReminderSent}.
     */
    boolean markLinkSent(String bookingId, int linkVersion);

    /**
     * Records that staff were reminded of the missing link of an online appointment starting at {@code start};
     * false if they already were (a moved appointment is reminded of anew).
     */
    boolean markLinkReminderSent(String bookingId, Instant start);

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
