package com.studiobooking.core.port;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;

/** One-time and daily schedules: EventBridge Scheduler in AWS, an in-process scheduler locally. */
public interface Scheduler {
    /** Creates the job, or replaces a job of the same name (its whole definition). */
    void schedule(ScheduledJob job);

    /** Creates the daily job, or replaces one of the same name; {@link #cancel} deletes it. */
    void scheduleDaily(DailyJob job);

    /** Deletes the job of that name; a job that does not exist (already ran, never made) is fine. */
    void cancel(String name);
}
