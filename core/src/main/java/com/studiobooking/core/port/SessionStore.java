package com.studiobooking.core.port;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionTemplate;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.model.wallet.WalletEntry;

import java.util.List;
import java.util.Optional;

/**
 * Sessions, their seats and participants. Seats are counted on the session item and changed only by
 * conditional writes in the same transaction as the booking (rule 1); the instructor's time is
 * claimed like an appointment's (rule 2).
 */
public interface SessionStore {
    void saveTemplate(String studioId, SessionTemplate template);

    Optional<SessionTemplate> findTemplate(String studioId, String templateId);

    List<SessionTemplate> listTemplates(String studioId);

    void removeTemplate(String studioId, String templateId);

    /** Creates the session and claims its instructor's time; false when that time is taken. */
    boolean create(Session session);

    Optional<Session> find(String studioId, String sessionId);

    List<Session> listStartingIn(String studioId, TimeRange range);

    /**
     * Replaces the session's details (never its seat counters), moving the instructor's time claim
     * when time or instructor changed, and moving the time of its bookings with it. False when the
     * new time is taken; a capacity below the seats already taken is refused by the store too.
     */
    boolean update(Session before, Session after, List<Booking> bookingsMoved);

    /** Marks the session cancelled and frees its instructor's time. False if it was already cancelled. */
    boolean cancel(Session cancelled);

    List<Participant> participants(String studioId, String sessionId);

    /** A wallet change that must happen in the same transaction as a seat (use an entry, spend credits). */
    record WalletDebit(String clientId, String passId, int credits, WalletEntry entry) {
    }

    /** Takes a seat of the booking's format, and the wallet debit if any, with the booking. */
    SeatResult reserveSeat(Booking booking, WalletDebit debit, BookingStore.IdempotencyKey key);

    sealed interface SeatResult {
        record Reserved(Booking booking) implements SeatResult {
        }

        record Full() implements SeatResult {
        }

        /** The pass or credits could not be used (used up, expired, spent in parallel). */
        record WalletRefused() implements SeatResult {
        }

        record SessionNotBookable() implements SeatResult {
        }

        record Repeated(String bookingId, String requestFingerprint) implements SeatResult {
        }
    }

    /*
     * The booking changes below are written only while the stored booking is still at the version the
     * change was derived from (Booking#previousVersion); false or CHANGED means another writer changed
     * it first, and the caller reads it again and decides anew.
     */

    /**
     * Writes a session booking's cancellation and frees its seat, with its participant line; gives back
     * the wallet use when {@code returned} is not null.
     */
    boolean releaseSeat(Booking cancelled, WalletReturn returned);

    record WalletReturn(String clientId, String passId, int credits, WalletEntry entry) {
    }

    /**
     * Moves a seat booking to {@code target} (after's session) in one transaction: takes a seat of its format
     * there (capacity condition), frees its seat in the session it leaves, moves its participant line and
     * writes the booking while it is still at the version {@code after} was derived from. The wallet use
     * stays with the booking.
     */
    BookingStore.MoveOutcome moveSeat(Booking before, Booking after, Session target);

    /** Writes a change that takes or frees no seat (paid, refund state), with its participant line. */
    boolean saveBooking(Booking changed);

    /** Payment arrived after the system released the place: takes a seat again and writes the paid booking. */
    BookingStore.Reinstatement reinstate(Booking paid);

    /**
     * Records that the missing-link reminder for the session as scheduled at {@code start} was sent;
     * false if it already was (a rescheduled session gets a new reminder).
     */
    boolean markReminderSent(String studioId, String sessionId, java.time.Instant start);

    /** Records that this link version was e-mailed to the participant; false if it already was. */
    boolean markLinkSent(String studioId, String sessionId, String bookingId, int linkVersion);
}
