package com.studiobooking.core.studio;

import java.time.Instant;

/** An instructor or practitioner; owners are staff with the right to change settings and staff. */
public record Staff(String staffId, String name, String email, StaffRole role, String bio, Instant createdAt) {
    public Staff withChanges(String newName, String newEmail, StaffRole newRole, String newBio) {
        return new Staff(staffId, newName, newEmail, newRole, newBio, createdAt);
    }
}
