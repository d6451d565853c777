package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/** What staff routes accept for a staff member; on update, absent fields are kept. */
public record StaffDetails(String name, String email, StaffRole role, String bio) {
    public StaffDetails validatedForCreate() {
        return new StaffDetails(Check.text(name, "name", 120), Check.email(email, "email"),
                role == null ? StaffRole.STAFF : role, Check.optionalText(bio, "bio", 2000));
    }

    public Staff applyTo(Staff staff) {
        return staff.withChanges(
                name == null ? staff.name() : Check.text(name, "name", 120),
                email == null ? staff.email() : Check.email(email, "email"),
                role == null ? staff.role() : role,
                bio == null ? staff.bio() : Check.optionalText(bio, "bio", 2000));
    }
}
