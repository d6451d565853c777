package com.studiobooking.core.model.studio;

import java.time.Instant;

/**
 * An instructor or practitioner; owners are staff with the right to change settings and staff.
 *
 * @param tokenVersion carried by every token the staff member signs in for; a token of another version
 *                     no longer works. It moves on when the role or the e-mail changes (the token would
 *                     otherwise keep the old rights, or outlive the address it was sent to); removing the
 *                     staff member ends every token they hold.
 */
public record Staff(String staffId, String name, String email, StaffRole role, String bio, Instant createdAt,
                    long tokenVersion) {
    /** A new staff member: their first tokens are of version 0. */
    public Staff(String staffId, String name, String email, StaffRole role, String bio, Instant createdAt) {
        this(staffId, name, email, role, bio, createdAt, 0);
    }

    public Staff withChanges(String newName, String newEmail, StaffRole newRole, String newBio) {
        boolean signInsEnd = newRole != role || !newEmail.equals(email);
        return new Staff(staffId, newName, newEmail, newRole, newBio, createdAt, signInsEnd ? tokenVersion + 1 : tokenVersion);
    }
}
