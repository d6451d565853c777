package com.studiobooking.core.session;

import com.studiobooking.core.booking.Booking;
import com.studiobooking.core.booking.Restitution;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.studio.Location;
import com.studiobooking.core.studio.Staff;
import com.studiobooking.core.studio.StudioSettings;

import java.util.Optional;

/**
 * The e-mails of session bookings. Online access only ever arrives here as the {@code access} that
 * {@link LinkVisibility} granted; these methods never read it from the session themselves.
 */
public final class SessionEmails {
    private SessionEmails() {}

    /** Confirmation to the client right after booking. */
    public static Email booked(Booking booking, Session session, StudioSettings studio, Staff instructor,
                               Location location, Optional<OnlineAccess> access) {
        throw new UnsupportedOperationException("being written");
    }

    /** The client's payment was confirmed (bank transfer by staff, later card by webhook). */
    public static Email paymentConfirmed(Booking booking, Session session, StudioSettings studio,
                                         Optional<OnlineAccess> access) {
        throw new UnsupportedOperationException("being written");
    }

    /** Staff added or changed the link: sent once per change to each entitled participant. */
    public static Email linkReleased(Booking booking, Session session, StudioSettings studio, OnlineAccess access,
                                     boolean changed) {
        throw new UnsupportedOperationException("being written");
    }

    /** The booking was cancelled (by the client or staff, or the session was cancelled). */
    public static Email cancelled(Booking booking, Session session, StudioSettings studio, Restitution restitution,
                                  boolean sessionCancelled) {
        throw new UnsupportedOperationException("being written");
    }

    /** The session moved; {@code before} is the old version. */
    public static Email rescheduled(Booking booking, Session before, Session after, StudioSettings studio) {
        throw new UnsupportedOperationException("being written");
    }

    /** An unpaid booking's due time passed and its place was released. */
    public static Email released(Booking booking, Session session, StudioSettings studio) {
        throw new UnsupportedOperationException("being written");
    }

    /** Rule 8: the online session's link is still missing; to the instructor, owner in copy. */
    public static Email missingLinkReminder(Session session, StudioSettings studio, Staff instructor, Staff owner,
                                            int paidParticipants, String adminPageLink) {
        throw new UnsupportedOperationException("being written");
    }
}
