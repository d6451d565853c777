package com.studiobooking.core.port;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of studios, their staff and locations. Writes that must stay unique (a staff e-mail
 * within a studio) are atomic in the store; a clash is reported as a {@code CONFLICT} DomainException.
 */
public interface StudioStore {
    void createStudio(Studio studio, Staff owner);

    Optional<Studio> findStudio(String studioId);

    void saveSettings(String studioId, StudioSettings settings);

    void addStaff(String studioId, Staff staff);

    /**
     * Replaces the staff member; moves the e-mail claim when the e-mail changed. Refused (a conflict) when
     * the member's token version or role is no longer that of {@code before}.
     */
    void updateStaff(String studioId, Staff before, Staff after);

    void removeStaff(String studioId, Staff staff);

    Optional<Staff> findStaff(String studioId, String staffId);

    Optional<Staff> findStaffByEmail(String studioId, String email);

    List<Staff> listStaff(String studioId);

    void saveLocation(String studioId, Location location);

    void removeLocation(String studioId, String locationId);

    Optional<Location> findLocation(String studioId, String locationId);

    List<Location> listLocations(String studioId);

    void saveService(String studioId, Service service);

    void removeService(String studioId, String serviceId);

    Optional<Service> findService(String studioId, String serviceId);

    List<Service> listServices(String studioId);

    void saveAvailability(String studioId, String staffId, Availability availability);

    Optional<Availability> findAvailability(String studioId, String staffId);

    /** The studio with its staff, locations, services and availability, in one read. */
    Optional<StudioCatalog> catalog(String studioId);

    /** The studio, or {@code NOT_FOUND "studio"}: the one place a use case's unknown studio is refused. */
    default Studio studio(String studioId) {
        return findStudio(studioId).orElseThrow(StudioStore::studioNotFound);
    }

    /** The studio's settings, or {@code NOT_FOUND "studio"}. */
    default StudioSettings settingsOf(String studioId) {
        return studio(studioId).settings();
    }

    /** The studio's whole configuration, or {@code NOT_FOUND "studio"}. */
    default StudioCatalog catalogOf(String studioId) {
        return catalog(studioId).orElseThrow(StudioStore::studioNotFound);
    }

    private static DomainException studioNotFound() {
        return DomainException.notFound("studio");
    }
}
