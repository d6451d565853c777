package com.studiobooking.core.appointment;

import java.util.List;

/** Slot computation: a pure function from availability, bookings and policy to free slots. */
public final class SlotFinder {
    private SlotFinder() {}

    /**
     * Free slots for the given staff (in the given order of preference). With {@code anyStaff}, one
     * slot per (start, location) is returned, carrying the first staff member who is free then.
     */
    public static List<Slot> find(SlotQuery query, List<StaffSchedule> staff, boolean anyStaff) {
        throw new UnsupportedOperationException("being written");
    }
}
