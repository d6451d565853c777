package com.studiobooking.core.model.studio;


import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A studio's whole configuration, read at once: what the public catalogue and slot lookup need. */
public record StudioCatalog(Studio studio, List<Staff> staff, List<Location> locations, List<Service> services,
                            Map<String, Availability> availability) {
    public Optional<Service> service(String serviceId) {
        return services.stream().filter(s -> s.serviceId().equals(serviceId)).findFirst();
    }

    public Optional<Staff> staffMember(String staffId) {
        return staff.stream().filter(s -> s.staffId().equals(staffId)).findFirst();
    }

    public Availability availabilityOf(String staffId) {
        return availability.getOrDefault(staffId, Availability.NONE);
    }
}
