package com.studiobooking.core.model.schedule;

/** The timed jobs the system schedules. */
public enum JobKind {
    /** Remind the instructor of an online session that its meeting link is still missing. */
    MISSING_LINK_REMINDER,
    /** Release the place of a booking still unpaid at its due time (bank transfer). */
    RELEASE_UNPAID_BOOKING,
    /** Ask the payment provider again for a card refund it failed to make. */
    COMPLETE_REFUND,
    /** Remind a client of a confirmed booking, some hours before its start. */
    CLIENT_REMINDER,
    /** Remind the practitioner of an online appointment that its meeting link is still missing. */
    APPOINTMENT_LINK_REMINDER,
    /** Every day at the studio's digest hour: e-mail each instructor their classes of the next 24 hours. */
    INSTRUCTOR_DIGEST
}
