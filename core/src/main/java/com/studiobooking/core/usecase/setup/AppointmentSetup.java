package com.studiobooking.core.usecase.setup;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.AvailabilityDetails;
import com.studiobooking.core.model.studio.BookingLinks;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.ServiceDetails;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.view.AvailabilityView;
import com.studiobooking.core.model.view.ServiceOffer;
import com.studiobooking.core.port.StudioStore;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff routes for services and for each practitioner's availability. */
public final class AppointmentSetup {
    private final StudioStore store;
    private final BookingLinks links;
    private final Clock clock;

    public AppointmentSetup(StudioStore store, BookingLinks links, Clock clock) {
        this.store = store;
        this.links = links;
        this.clock = clock;
    }

    public List<ServiceOffer> services(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return store.listServices(studioId).stream().map(s -> offer(studioId, s)).toList();
    }

    public ServiceOffer service(Caller caller, String studioId, String serviceId) {
        caller.requireStaffOf(studioId);
        return offer(studioId, existing(studioId, serviceId));
    }

    public ServiceOffer addService(Caller caller, String studioId, ServiceDetails details) {
        caller.requireStaffOf(studioId);
        Studio studio = store.studio(studioId);
        Service service = Check.required(details, "body").toService(Ids.next("sv"), studio.settings().currency(), clock.instant());
        checkReferences(studioId, service);
        store.saveService(studioId, service);
        return offer(studioId, service);
    }

    public ServiceOffer changeService(Caller caller, String studioId, String serviceId, ServiceDetails details) {
        caller.requireStaffOf(studioId);
        Studio studio = store.studio(studioId);
        Service changed = Check.required(details, "body").applyTo(existing(studioId, serviceId), studio.settings().currency());
        checkReferences(studioId, changed);
        store.saveService(studioId, changed);
        return offer(studioId, changed);
    }

    public void removeService(Caller caller, String studioId, String serviceId) {
        caller.requireStaffOf(studioId);
        existing(studioId, serviceId);
        store.removeService(studioId, serviceId);
    }

    public AvailabilityView availability(Caller caller, String studioId, String staffId) {
        caller.requireStaffOf(studioId);
        staffMember(studioId, staffId);
        return AvailabilityView.of(staffId, store.findAvailability(studioId, staffId).orElse(Availability.NONE));
    }

    /** Owners set anyone's hours; staff members set their own. */
    public AvailabilityView setAvailability(Caller caller, String studioId, String staffId, AvailabilityDetails details) {
        caller.requireStaffOf(studioId);
        if (caller.role() != Role.OWNER && !staffId.equals(caller.subject())) {
            throw DomainException.forbidden("staff members set their own availability only");
        }
        staffMember(studioId, staffId);
        Availability availability = Check.required(details, "body").toAvailability(locationIds(studioId));
        store.saveAvailability(studioId, staffId, availability);
        return AvailabilityView.of(staffId, availability);
    }

    private void checkReferences(String studioId, Service service) {
        Set<String> staff = store.listStaff(studioId).stream().map(Staff::staffId).collect(Collectors.toSet());
        for (int i = 0; i < service.staffIds().size(); i++) {
            if (!staff.contains(service.staffIds().get(i))) {
                throw DomainException.invalid("staffIds[" + i + "]", "is not a staff member of this studio");
            }
        }
        Set<String> locations = locationIds(studioId);
        for (int i = 0; i < service.locationIds().size(); i++) {
            if (!locations.contains(service.locationIds().get(i))) {
                throw DomainException.invalid("locationIds[" + i + "]", "is not a location of this studio");
            }
        }
    }

    private Set<String> locationIds(String studioId) {
        return store.listLocations(studioId).stream().map(Location::locationId).collect(Collectors.toSet());
    }

    private ServiceOffer offer(String studioId, Service service) {
        return ServiceOffer.of(service, links.service(studioId, service.serviceId()));
    }


    private Service existing(String studioId, String serviceId) {
        return store.findService(studioId, serviceId).orElseThrow(() -> DomainException.notFound("service"));
    }

    private Staff staffMember(String studioId, String staffId) {
        return store.findStaff(studioId, staffId).orElseThrow(() -> DomainException.notFound("staff member"));
    }
}
