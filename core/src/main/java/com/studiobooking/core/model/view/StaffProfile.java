package com.studiobooking.core.model.view;

import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;

import java.time.Instant;

/** A staff member as staff routes show them, with the link to book them. */
public record StaffProfile(String staffId, String name, String email, StaffRole role, String bio, Instant createdAt,
                           String bookingLink) {
    public static StaffProfile of(Staff s, String bookingLink) {
        return new StaffProfile(s.staffId(), s.name(), s.email(), s.role(), s.bio(), s.createdAt(), bookingLink);
    }
}
