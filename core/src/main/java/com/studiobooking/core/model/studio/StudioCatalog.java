package com.studiobooking.core.model.studio;



import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A studio's whole configuration, read at once: what the public catalogue and slot lookup need,
 * with the pass types and credit packs it sells (stored in the same partition, so the same read).
 */
public record StudioCatalog(Studio studio, List<Staff> staff, List<Location> locations, List<Service> services,
                            Map<String, Availability> availability, List<PassType> passTypes, List<CreditPack> creditPacks) {
    public StudioCatalog(Studio studio, List<Staff> staff, List<Location> locations, List<Service> services,
                         Map<String, Availability> availability) {
        this(studio, staff, locations, services, availability, List.of(), List.of());
    }

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
