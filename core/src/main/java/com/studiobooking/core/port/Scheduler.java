package com.studiobooking.core.port;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;

/** One-time and daily schedules: EventBridge Scheduler in AWS, an in-process scheduler locally. */
public interface Scheduler {
    /** Creates the job, or replaces a job of the same name (its whole definition). */
    void schedule(ScheduledJob job);

    /**
     * Creates the daily job, or replaces one of the same name; {@link #cancel} deletes it. The default refuses:
     * a scheduler that records one-time jobs only (in tests, the benchmarks' seeding) never gets a daily one.
     */
    default void scheduleDaily(DailyJob job) {
        throw new UnsupportedOperationException("this scheduler makes one-time jobs only: " + job.name());
    }

    /** Deletes the job of that name; a job that does not exist (already ran, never made) is fine. */
    void cancel(String name);
}
