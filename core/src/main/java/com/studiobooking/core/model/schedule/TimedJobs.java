package com.studiobooking.core.model.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Names and builders of the jobs the system schedules, defined once. */
public final class TimedJobs {
    private TimedJobs() {}

    public static String releaseName(String bookingId) {
        return "release-" + bookingId;
    }

    public static ScheduledJob release(String studioId, String bookingId, Instant at, String zone) {
        return new ScheduledJob(releaseName(bookingId), at, zone, JobKind.RELEASE_UNPAID_BOOKING,
                Map.of("studioId", studioId, "bookingId", bookingId));
    }

    public static String refundName(String bookingId) {
        return "refund-" + bookingId;
    }

    /** Asks the payment provider again for a refund it failed to make ({@code attempt} counts from 1). */
    public static ScheduledJob refund(String studioId, String bookingId, int attempt, Instant at, String zone) {
        return new ScheduledJob(refundName(bookingId), at, zone, JobKind.COMPLETE_REFUND,
                Map.of("studioId", studioId, "bookingId", bookingId, "attempt", Integer.toString(attempt)));
    }

    public static String missingLinkName(String sessionId) {
        return "missing-link-" + sessionId;
    }

    /** At start − lead time, or now when that has passed. */
    public static ScheduledJob missingLink(String studioId, String sessionId, Instant start, int leadHours, Instant now,
                                           String zone) {
        Instant at = start.minus(Duration.ofHours(leadHours));
        return new ScheduledJob(missingLinkName(sessionId), at.isAfter(now) ? at : now, zone, JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", studioId, "sessionId", sessionId));
    }

    /** {@code reminder-<bookingId>-24h}: one schedule per booking and reminder, traced to its booking by name. */
    public static String clientReminderName(String bookingId, int hoursBefore) {
        return "reminder-" + bookingId + "-" + hoursBefore + "h";
    }

    /** When the reminder {@code hoursBefore} a start goes out. */
    public static Instant clientReminderAt(Instant start, int hoursBefore) {
        return start.minus(Duration.ofHours(hoursBefore));
    }

    /**
     * Reminds the client of a booking starting at {@code start}, {@code hoursBefore} it. The start is part of
     * the input: a job that fires for a start the booking no longer has is stale (the booking moved).
     */
    public static ScheduledJob clientReminder(String studioId, String bookingId, int hoursBefore, Instant start,
                                              String zone) {
        return new ScheduledJob(clientReminderName(bookingId, hoursBefore), clientReminderAt(start, hoursBefore), zone,
                JobKind.CLIENT_REMINDER, Map.of("studioId", studioId, "bookingId", bookingId,
                        "hoursBefore", Integer.toString(hoursBefore), "start", start.toString()));
    }

    /**
     * {@code missing-link-<bookingId>}: rule 8 for an online appointment, at start − lead time (or now when that
     * has passed). The start is part of the input: a job that fires for a start the booking no longer has is stale.
     */
    public static ScheduledJob appointmentLink(String studioId, String bookingId, Instant start, int leadHours,
                                               Instant now, String zone) {
        Instant at = start.minus(Duration.ofHours(leadHours));
        return new ScheduledJob(missingLinkName(bookingId), at.isAfter(now) ? at : now, zone,
                JobKind.APPOINTMENT_LINK_REMINDER,
                Map.of("studioId", studioId, "bookingId", bookingId, "start", start.toString()));
    }

    /** {@code digest-<studioId>}: the studio's one daily schedule for its instructors' digests. */
    public static String instructorDigestName(String studioId) {
        return "digest-" + studioId;
    }

    /** Every day at {@code hour} in the studio's zone. */
    public static DailyJob instructorDigest(String studioId, int hour, String zone) {
        return new DailyJob(instructorDigestName(studioId), hour, zone, JobKind.INSTRUCTOR_DIGEST,
                Map.of("studioId", studioId));
    }
}
