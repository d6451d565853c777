package com.studiobooking.core.usecase.setup;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.studio.BookingLinks;
import com.studiobooking.core.model.studio.InstructorNotices;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.LocationDetails;
import com.studiobooking.core.model.studio.NewStudio;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffDetails;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.view.PublicProfile;
import com.studiobooking.core.model.view.StaffProfile;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.text.Languages;

import java.time.Clock;
import java.util.List;

/** Opening a studio and managing its settings, staff and locations (staff routes of the admin function). */
public final class StudioSetup {
    private final StudioStore store;
    private final BookingLinks links;
    private final Scheduler scheduler;
    private final Clock clock;

    public StudioSetup(StudioStore store, BookingLinks links, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.links = links;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public record Opened(String studioId, String ownerStaffId) {
    }

    public Opened openStudio(NewStudio request) {
        Check.required(request, "body");
        NewStudio.Owner owner = Check.required(request.owner(), "owner");
        StudioSettings settings = StudioSettings.initial(request.name(), request.timezone(), request.currency(),
                request.locale());
        Staff ownerStaff = new Staff(Ids.next("sf"), Check.text(owner.name(), "owner.name", 120),
                Check.email(owner.email(), "owner.email"), StaffRole.OWNER, null, clock.instant());
        Studio studio = new Studio(Ids.next("st"), settings, clock.instant());
        store.createStudio(studio, ownerStaff);
        return new Opened(studio.studioId(), ownerStaff.staffId());
    }

    /** What the widget reads, with its labels in {@code lang} when we write it, else in the studio's language. */
    public PublicProfile publicProfile(String studioId, String lang) {
        StudioCatalog catalog = store.catalogOf(studioId);
        String language = Languages.isSupported(lang) ? lang : Languages.forTag(catalog.studio().settings().locale());
        return PublicProfile.of(catalog, links, language);
    }

    public StudioSettings settings(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return store.studio(studioId).settings();
    }

    public StudioSettings changeSettings(Caller caller, String studioId, StudioSettings change) {
        caller.requireOwnerOf(studioId);
        Check.required(change, "body");
        StudioSettings before = store.studio(studioId).settings();
        StudioSettings changed = before.changedBy(change);
        store.saveSettings(studioId, changed);
        keepDigestInStep(studioId, before, changed);
        return changed;
    }

    /**
     * The instructors' daily digest has one daily schedule per studio while {@code instructorNotices} says
     * DAILY_DIGEST, at its hour in the studio's zone; made, moved (a new hour or zone) or deleted with the setting.
     */
    private void keepDigestInStep(String studioId, StudioSettings before, StudioSettings after) {
        InstructorNotices was = before.instructorNotices() == null ? InstructorNotices.DEFAULT : before.instructorNotices();
        InstructorNotices now = after.instructorNotices() == null ? InstructorNotices.DEFAULT : after.instructorNotices();
        boolean digestBefore = was.mode() == InstructorNotices.Mode.DAILY_DIGEST;
        if (now.mode() == InstructorNotices.Mode.DAILY_DIGEST) {
            if (!digestBefore || !was.digestHour().equals(now.digestHour()) || !before.timezone().equals(after.timezone())) {
                scheduler.scheduleDaily(TimedJobs.instructorDigest(studioId, now.digestHour(), after.timezone()));
            }
        } else if (digestBefore) {
            scheduler.cancel(TimedJobs.instructorDigestName(studioId));
        }
    }

    public List<StaffProfile> staff(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return store.listStaff(studioId).stream().map(s -> profile(studioId, s)).toList();
    }

    public StaffProfile staffMember(Caller caller, String studioId, String staffId) {
        caller.requireStaffOf(studioId);
        return profile(studioId, existingStaff(studioId, staffId));
    }

    public StaffProfile addStaff(Caller caller, String studioId, StaffDetails details) {
        caller.requireOwnerOf(studioId);
        StaffDetails valid = Check.required(details, "body").validatedForCreate();
        Staff staff = new Staff(Ids.next("sf"), valid.name(), valid.email(), valid.role(), valid.bio(), clock.instant());
        store.addStaff(studioId, staff);
        return profile(studioId, staff);
    }

    /** Owners change anyone; staff members change their own name and bio only. */
    public StaffProfile changeStaff(Caller caller, String studioId, String staffId, StaffDetails details) {
        caller.requireStaffOf(studioId);
        Check.required(details, "body");
        boolean self = staffId.equals(caller.subject());
        boolean owner = caller.role() == com.studiobooking.core.model.identity.Role.OWNER;
        if (!owner && (!self || details.email() != null || details.role() != null)) {
            throw DomainException.forbidden("only the owner may change other staff, e-mails and roles");
        }
        if (self && details.role() != null && details.role() != StaffRole.OWNER) {
            throw DomainException.invalid("role", "an owner cannot demote themselves");
        }
        Staff before = existingStaff(studioId, staffId);
        Staff after = details.applyTo(before);
        store.updateStaff(studioId, before, after);
        return profile(studioId, after);
    }

    public void removeStaff(Caller caller, String studioId, String staffId) {
        caller.requireOwnerOf(studioId);
        Staff staff = existingStaff(studioId, staffId);
        if (staff.role() == StaffRole.OWNER) {
            throw DomainException.conflict("OWNER_CANNOT_BE_REMOVED", "an owner cannot be removed", "staffId");
        }
        store.removeStaff(studioId, staff);
    }

    public List<Location> locations(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return store.listLocations(studioId);
    }

    public Location location(Caller caller, String studioId, String locationId) {
        caller.requireStaffOf(studioId);
        return existingLocation(studioId, locationId);
    }

    public Location addLocation(Caller caller, String studioId, LocationDetails details) {
        caller.requireStaffOf(studioId);
        store.studio(studioId);
        Location location = Check.required(details, "body").toLocation(Ids.next("lc"), clock.instant());
        store.saveLocation(studioId, location);
        return location;
    }

    public Location changeLocation(Caller caller, String studioId, String locationId, LocationDetails details) {
        caller.requireStaffOf(studioId);
        Location changed = Check.required(details, "body").applyTo(existingLocation(studioId, locationId));
        store.saveLocation(studioId, changed);
        return changed;
    }

    public void removeLocation(Caller caller, String studioId, String locationId) {
        caller.requireStaffOf(studioId);
        existingLocation(studioId, locationId);
        store.removeLocation(studioId, locationId);
    }

    private StaffProfile profile(String studioId, Staff staff) {
        return StaffProfile.of(staff, links.staff(studioId, staff.staffId()));
    }


    private Staff existingStaff(String studioId, String staffId) {
        return store.findStaff(studioId, staffId).orElseThrow(() -> DomainException.notFound("staff member"));
    }

    private Location existingLocation(String studioId, String locationId) {
        return store.findLocation(studioId, locationId).orElseThrow(() -> DomainException.notFound("location"));
    }
}
