package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Studios, staff and locations in the single table. Unique staff e-mails are claimed in the same transaction. */
public final class DynamoStudioStore implements StudioStore {
    private final ItemTable table;

    public DynamoStudioStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public void createStudio(Studio studio, Staff owner) {
        String id = studio.studioId();
        table.transact(List.of(
                Write.putNew(StudioMapper.studio(studio)),
                Write.putNew(StudioMapper.staff(id, owner)),
                Write.putNew(StudioMapper.staffEmail(id, owner))),
                reasons -> DomainException.conflict("STUDIO_EXISTS", "the studio could not be created", null));
    }

    @Override
    public Optional<Studio> findStudio(String studioId) {
        return table.get(Keys.studio(studioId), Keys.PROFILE).map(StudioMapper::studio);
    }

    @Override
    public void saveSettings(String studioId, StudioSettings settings) {
        boolean saved = table.write(Write.change(Keys.studio(studioId), Keys.PROFILE,
                Update.create().set("settings", AttributeValue.fromM(StudioMapper.settings(settings))),
                Condition.exists(Keys.PK)));
        if (!saved) throw DomainException.notFound("studio");
    }

    @Override
    public void addStaff(String studioId, Staff staff) {
        table.transact(List.of(
                Write.requireExists(Keys.studio(studioId), Keys.PROFILE),
                Write.putNew(StudioMapper.staff(studioId, staff)),
                Write.putNew(StudioMapper.staffEmail(studioId, staff))),
                reasons -> reasons.get(0)
                        ? DomainException.notFound("studio")
                        : DomainException.conflict("EMAIL_TAKEN", "a staff member with this e-mail exists", "email"));
    }

    /**
     * Made on the token version and role read in {@code before}: a change made in parallel (a role
     * change moving the version on) is never overwritten with the old version, which would revive the
     * tokens it ended.
     */
    @Override
    public void updateStaff(String studioId, Staff before, Staff after) {
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(StudioMapper.staff(studioId, after),
                StudioMapper.tokenStillCurrent(before.tokenVersion(), before.role().name())));
        if (!before.email().equals(after.email())) {
            writes.add(Write.delete(Keys.studio(studioId), Keys.staffEmail(before.email())));
            writes.add(Write.putNew(StudioMapper.staffEmail(studioId, after)));
        }
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return;
        if (failed.get(0)) {
            throw findStaff(studioId, before.staffId()).isEmpty() ? DomainException.notFound("staff member")
                    : DomainException.conflict("STAFF_CHANGED",
                            "the staff member was changed at the same time; read them again and retry", null);
        }
        throw DomainException.conflict("EMAIL_TAKEN", "a staff member with this e-mail exists", "email");
    }

    @Override
    public void removeStaff(String studioId, Staff staff) {
        table.transact(List.of(
                Write.delete(Keys.studio(studioId), Keys.staff(staff.staffId())),
                Write.delete(Keys.studio(studioId), Keys.staffEmail(staff.email()))),
                reasons -> DomainException.notFound("staff member"));
    }

    @Override
    public Optional<Staff> findStaff(String studioId, String staffId) {
        return table.get(Keys.studio(studioId), Keys.staff(staffId)).map(StudioMapper::staff);
    }

    @Override
    public Optional<Staff> findStaffByEmail(String studioId, String email) {
        return table.get(Keys.studio(studioId), Keys.staffEmail(email))
                .flatMap(claim -> findStaff(studioId, claim.get("staffId").s()));
    }

    @Override
    public List<Staff> listStaff(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.STAFF_PREFIX)).stream().map(StudioMapper::staff).toList();
    }

    @Override
    public void saveLocation(String studioId, Location location) {
        table.write(Write.put(StudioMapper.location(studioId, location)));
    }

    @Override
    public void removeLocation(String studioId, String locationId) {
        table.write(Write.delete(Keys.studio(studioId), Keys.location(locationId)));
    }

    @Override
    public Optional<Location> findLocation(String studioId, String locationId) {
        return table.get(Keys.studio(studioId), Keys.location(locationId)).map(StudioMapper::location);
    }

    @Override
    public List<Location> listLocations(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.LOCATION_PREFIX)).stream()
                .map(StudioMapper::location).toList();
    }

    @Override
    public void saveService(String studioId, Service service) {
        table.write(Write.put(AppointmentMapper.service(studioId, service)));
    }

    @Override
    public void removeService(String studioId, String serviceId) {
        table.write(Write.delete(Keys.studio(studioId), Keys.service(serviceId)));
    }

    @Override
    public Optional<Service> findService(String studioId, String serviceId) {
        return table.get(Keys.studio(studioId), Keys.service(serviceId)).map(AppointmentMapper::service);
    }

    @Override
    public List<Service> listServices(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.SERVICE_PREFIX)).stream().map(AppointmentMapper::service).toList();
    }

    @Override
    public void saveAvailability(String studioId, String staffId, Availability availability) {
        table.write(Write.put(AppointmentMapper.availability(studioId, staffId, availability)));
    }

    @Override
    public Optional<Availability> findAvailability(String studioId, String staffId) {
        return table.get(Keys.studio(studioId), Keys.availability(staffId)).map(AppointmentMapper::availability);
    }

    /** One Query of the configuration partition, sorted into its parts by item type. */
    @Override
    public Optional<StudioCatalog> catalog(String studioId) {
        Studio studio = null;
        List<Staff> staff = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Map<String, Availability> availability = new HashMap<>();
        List<PassType> passTypes = new ArrayList<>();
        List<CreditPack> creditPacks = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.query(KeyQuery.partition(Keys.studio(studioId)))) {
            switch (item.get("type").s()) {
                case "STUDIO" -> studio = StudioMapper.studio(item);
                case "STAFF" -> staff.add(StudioMapper.staff(item));
                case "LOCATION" -> locations.add(StudioMapper.location(item));
                case "SERVICE" -> services.add(AppointmentMapper.service(item));
                case "AVAILABILITY" -> availability.put(item.get("staffId").s(), AppointmentMapper.availability(item));
                case "PASS_TYPE" -> passTypes.add(DynamoWalletStore.passType(item));
                case "CREDIT_PACK" -> creditPacks.add(DynamoWalletStore.creditPack(item));
                default -> { }
            }
        }
        return studio == null ? Optional.empty()
                : Optional.of(new StudioCatalog(studio, staff, locations, services, availability, passTypes, creditPacks));
    }
}
