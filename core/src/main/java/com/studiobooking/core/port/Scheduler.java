package com.studiobooking.core.port;

import com.studiobooking.core.model.schedule.ScheduledJob;

/** One-time schedules: EventBridge Scheduler in AWS, an in-process scheduler locally. */
public interface Scheduler {
    /** Creates the job, or replaces a job of the same name (its whole definition). */
    void schedule(ScheduledJob job);

    /** Deletes the job of that name; a job that does not exist (already ran, never made) is fine. */
    void cancel(String name);
}
