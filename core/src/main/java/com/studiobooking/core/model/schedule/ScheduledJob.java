package com.studiobooking.core.model.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * A one-time job to run at a moment: a missing-link reminder, the release of an unpaid booking.
 * {@code name} is deterministic per purpose and record (e.g. {@code missing-link-<sessionId>}), so
 * scheduling again replaces the job and cancelling needs only the name.
 *
 * @param zone  the studio's IANA zone, the wall clock in which {@code at} is expressed to the scheduler
 * @param kind  what to do when it fires (see {@link JobKind})
 * @param input the job's arguments, e.g. studioId and sessionId
 */
public record ScheduledJob(String name, Instant at, String zone, JobKind kind, Map<String, String> input) {
    public ScheduledJob {
        input = Map.copyOf(input);
    }
}
