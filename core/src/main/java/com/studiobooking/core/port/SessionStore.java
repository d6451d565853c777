package com.studiobooking.core.port;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.session.Series;
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

    /**
     * Creates the session and claims its instructor's time; false when that time is taken. An online
     * twin ({@code twinOf} set) claims nothing: it shares its original's claim, and is created only while
     * the original is still scheduled at the same time with the same instructor (false otherwise).
     */
    boolean create(Session session);

    /** The online twins created beside an in-person session (any status). */
    List<Session> twinsOf(Session original);

    /**
     * Undoes the creation of a session (a series whose creation failed): deletes it and frees its
     * instructor's time, only while no seat of it is taken. False when one is (or it is gone).
     */
    boolean remove(Session session);

    /** Writes the series with the ids of the sessions it is about to create. */
    void saveSeries(Series series);

    Optional<Series> findSeries(String studioId, String seriesId);

    void removeSeries(String studioId, String seriesId);

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

    /**
     * Puts a WAITLISTED booking (without its ticket) at the end of its format's line: the next ticket of
     * the line's counter on the session item, taken with a conditional update in the same transaction as
     * the booking, its participant line, the client's place-in-line marker and the idempotency record. It
     * joins only while the session is scheduled, the format is full or others already wait, and fewer than
     * {@code longestLine} wait (docs/decisions/waitlist.md). Normal seats are refused while anyone waits.
     */
    WaitResult joinWaitlist(Booking waiting, BookingStore.IdempotencyKey key, int longestLine);

    sealed interface WaitResult {
        record Joined(Booking booking) implements WaitResult {
        }

        /** Seats are free and nobody waits: book normally. */
        record SeatsLeft() implements WaitResult {
        }

        record LineFull() implements WaitResult {
        }

        /** The client already waits in this session's line. */
        record AlreadyWaiting() implements WaitResult {
        }

        record SessionNotBookable() implements WaitResult {
        }

        record Repeated(String bookingId, String requestFingerprint) implements WaitResult {
        }
    }

    /**
     * Gives a free seat of its format to a waitlisted booking: the promoted booking (at the version it was
     * derived from), its participant line, one seat more and one waiting less on the session (only while a
     * seat is free and the session scheduled), its place-in-line marker removed and any wallet debit, all
     * in one transaction.
     */
    Promotion promote(Booking promoted, WalletDebit debit);

    enum Promotion { PROMOTED, CHANGED, NO_SEAT, WALLET_REFUSED }

    /** A waitlisted booking leaves the line (cancelled): one waiting less, its marker removed. */
    boolean leaveWaitlist(Booking cancelled);

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

    /**
     * Records that the instructor's daily digest of {@code day} (the studio's date) was sent; false if it already
     * was, so a digest schedule that fires twice on one day sends each instructor one e-mail.
     */
    boolean markDigestSent(String studioId, String instructorId, java.time.LocalDate day);
}
