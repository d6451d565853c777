package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

/** What staff routes accept for a location; on update, absent fields are kept. */
public record LocationDetails(String name, String address, Boolean online, String notes) {
    public Location toLocation(String locationId, java.time.Instant now) {
        return validated(new Location(locationId, Check.text(name, "name", 120), address,
                Boolean.TRUE.equals(online), notes, now));
    }

    public Location applyTo(Location location) {
        return validated(new Location(location.locationId(),
                name == null ? location.name() : Check.text(name, "name", 120),
                address == null ? location.address() : address,
                online == null ? location.online() : online,
                notes == null ? location.notes() : notes,
                location.createdAt()));
    }

    private static Location validated(Location location) {
        String address = Check.optionalText(location.address(), "address", 300);
        if (!location.online() && address == null) {
            throw DomainException.invalid("address", "is required for a location that is not online");
        }
        return new Location(location.locationId(), location.name(), address, location.online(),
                Check.optionalText(location.notes(), "notes", 1000), location.createdAt());
    }
}
