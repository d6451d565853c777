package com.studiobooking.core.jobs;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.remind.ClientReminder;
import com.studiobooking.core.usecase.remind.InstructorDigest;
import com.studiobooking.core.usecase.remind.MissingLinkReminder;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;

/** Runs a timed job when its schedule fires (the timed-jobs function; the in-process scheduler locally). */
public final class JobRunner {
    private final MissingLinkReminder reminders;
    private final ClientReminder clientReminders;
    private final Bookings bookings;
    private final InstructorDigest digests;

    public JobRunner(MissingLinkReminder reminders, ClientReminder clientReminders, Bookings bookings,
                     InstructorDigest digests) {
        this.reminders = reminders;
        this.clientReminders = clientReminders;
        this.bookings = bookings;
        this.digests = digests;
    }

    /** Whether the job did something (false: nothing was left to do, e.g. the link was added meanwhile). */
    public boolean run(JobKind kind, Map<String, String> input) {
        return switch (kind) {
            case MISSING_LINK_REMINDER -> reminders.remind(required(input, "studioId"), required(input, "sessionId"));
            case RELEASE_UNPAID_BOOKING -> bookings.releaseIfUnpaid(required(input, "bookingId"));
            case COMPLETE_REFUND -> bookings.completeRefund(required(input, "bookingId"), attempt(input));
            case CLIENT_REMINDER -> clientReminders.remind(required(input, "studioId"), required(input, "bookingId"),
                    hoursBefore(input), start(input));
            case APPOINTMENT_LINK_REMINDER -> reminders.remindAppointment(required(input, "studioId"),
                    required(input, "bookingId"), start(input));
            case INSTRUCTOR_DIGEST -> digests.send(required(input, "studioId"));
        };
    }

    private static int hoursBefore(Map<String, String> input) {
        try {
            return Integer.parseInt(required(input, "hoursBefore"));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("hoursBefore", "must be a whole number");
        }
    }

    private static Instant start(Map<String, String> input) {
        try {
            return Instant.parse(required(input, "start"));
        } catch (DateTimeException e) {
            throw DomainException.invalid("start", "must be an instant like 2026-12-01T16:00:00Z");
        }
    }

    private static int attempt(Map<String, String> input) {
        try {
            return Math.max(1, Integer.parseInt(input.getOrDefault("attempt", "1")));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("attempt", "must be a whole number");
        }
    }

    private static String required(Map<String, String> input, String name) {
        String value = input.get(name);
        if (value == null || value.isBlank()) throw DomainException.invalid(name, "is required in the job input");
        return value;
    }
}
