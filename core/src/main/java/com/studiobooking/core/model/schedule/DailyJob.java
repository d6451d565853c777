package com.studiobooking.core.model.schedule;

import java.util.Map;

/**
 * A job that runs every day at {@code hour}:00 on the wall clock of {@code zone} (the studio's), until it is
 * cancelled by name: an instructors' digest. Scheduling a job of the same name again replaces it (a new hour or
 * zone).
 */
public record DailyJob(String name, int hour, String zone, JobKind kind, Map<String, String> input) {
    public DailyJob {
        if (hour < 0 || hour > 23) throw new IllegalArgumentException("hour must be 0 to 23");
        input = Map.copyOf(input);
    }
}
