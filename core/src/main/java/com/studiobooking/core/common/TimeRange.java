package com.studiobooking.core.common;

import java.time.Instant;

/** A half-open span of time [start, end). */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        if (!end.isAfter(start)) throw new IllegalArgumentException("a time range must end after it starts");
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
