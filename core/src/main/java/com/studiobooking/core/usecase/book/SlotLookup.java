package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.slots.Slot;
import com.studiobooking.core.model.slots.SlotFinder;
import com.studiobooking.core.model.slots.SlotQuery;
import com.studiobooking.core.model.slots.StaffSchedule;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.ServiceDetails;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.StudioStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Free appointment slots for the public booking page: one read of the studio's configuration, one
 * read of the time already taken, then the pure {@link SlotFinder}. Booking re-checks a requested
 * time with the same {@link #offered} call.
 */
public final class SlotLookup {
    static final int MAX_RANGE_DAYS = 93;
    private static final Duration LONGEST_RESERVATION = Duration.ofMinutes(ServiceDetails.MAX_RESERVED_MINUTES);

    private final StudioStore studios;
    private final BookingStore bookings;
    private final Clock clock;

    public SlotLookup(StudioStore studios, BookingStore bookings, Clock clock) {
        this.studios = studios;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Query parameters as the widget sends them. */
    public record SlotRequest(String serviceId, String staffId, String locationId, String from, String to, String timezone) {
    }

    public record SlotList(String serviceId, String timezone, List<OfferedSlot> slots) {
    }

    public record OfferedSlot(OffsetDateTime start, OffsetDateTime end, String staffId, String locationId) {
    }

    public SlotList slots(String studioId, SlotRequest request) {
        String serviceId = Check.id(request.serviceId(), "serviceId");
        LocalDate from = Check.date(request.from(), "from");
        LocalDate to = Check.date(request.to(), "to");
        if (to.isBefore(from)) throw DomainException.invalid("to", "must not be before from");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw DomainException.invalid("to", "must be less than " + MAX_RANGE_DAYS + " days after from");
        }
        StudioCatalog catalog = studios.catalogOf(studioId);
        Service service = bookableService(catalog, serviceId);
        ZoneId display = request.timezone() == null
                ? ZoneId.of(catalog.studio().settings().timezone())
                : ZoneId.of(Check.timezone(request.timezone(), "timezone"));
        List<Slot> found = find(catalog, service, request.staffId(), request.locationId(), from, to, true, true,
                service.step(), service.slotsAfterBookings(), null, false);
        List<OfferedSlot> slots = new ArrayList<>(found.size());
        for (Slot slot : found) {
            slots.add(new OfferedSlot(slot.start().atZone(display).toOffsetDateTime(),
                    slot.end().atZone(display).toOffsetDateTime(), slot.staffId(), slot.locationId()));
        }
        return new SlotList(serviceId, display.getId(), slots);
    }

    /** A service clients may book online, or 404. */
    public static Service bookableService(StudioCatalog catalog, String serviceId) {
        return catalog.service(serviceId).filter(Service::bookableOnline)
                .orElseThrow(() -> DomainException.notFound("service"));
    }

    /**
     * The slots of a service between two dates (studio zone). With {@code countBusy} false, time
     * already taken is ignored (see {@link #isTaken}). With {@code mergeStaff}
     * and no staff member asked for, one slot per start and location (the widget's "any staff");
     * without it, one per free staff member (booking tries them in order).
     */
    public List<Slot> offered(StudioCatalog catalog, Service service, String staffId, String locationId,
                              LocalDate from, LocalDate to, boolean countBusy, boolean mergeStaff) {
        return offered(catalog, service, staffId, locationId, from, to, countBusy, mergeStaff, false);
    }

    /** {@link #offered}; {@code forStaff}: without the booking policy's minimum notice (never in the past). */
    public List<Slot> offered(StudioCatalog catalog, Service service, String staffId, String locationId,
                              LocalDate from, LocalDate to, boolean countBusy, boolean mergeStaff, boolean forStaff) {
        return find(catalog, service, staffId, locationId, from, to, countBusy, mergeStaff, service.step(),
                service.slotsAfterBookings(), null, forStaff);
    }

    /**
     * The slots of one day an appointment may move to: its practitioner's, by the same rules as
     * {@link #offered}, with the time the appointment itself holds counted as free (moving by half an hour
     * within its own time is allowed; the store keeps the shared units claimed).
     */
    public List<Slot> offeredForMove(StudioCatalog catalog, Service service, Booking moving, LocalDate day) {
        return find(catalog, service, moving.staffId(), null, day, day, true, false, service.step(),
                service.slotsAfterBookings(), new BookingStore.BusyTime(moving.staffId(), moving.reservedTime()), false);
    }

    /**
     * Whether a start that is not offered now is refused because its time is taken (409), not because it is
     * never offered (422): on the service's grid, it is offered when time taken is ignored. With slots after
     * bookings, any start on a claim unit may follow some booking, so it is also one that time taken blocks now.
     */
    public boolean isTaken(StudioCatalog catalog, Service service, String staffId, String locationId, LocalDate day,
                           Instant start) {
        return isTaken(catalog, service, staffId, locationId, day, start, null, false);
    }

    /** {@link #isTaken}; {@code forStaff}: as {@link #offered} sees it for staff (no minimum notice). */
    public boolean isTaken(StudioCatalog catalog, Service service, String staffId, String locationId, LocalDate day,
                           Instant start, boolean forStaff) {
        return isTaken(catalog, service, staffId, locationId, day, start, null, forStaff);
    }

    /** {@link #isTaken} for moving {@code moving}: its own time does not count as taken. */
    public boolean isTakenForMove(StudioCatalog catalog, Service service, Booking moving, LocalDate day, Instant start) {
        return isTaken(catalog, service, moving.staffId(), null, day, start,
                new BookingStore.BusyTime(moving.staffId(), moving.reservedTime()), false);
    }

    private boolean isTaken(StudioCatalog catalog, Service service, String staffId, String locationId, LocalDate day,
                            Instant start, BookingStore.BusyTime ignored, boolean forStaff) {
        if (has(offered(catalog, service, staffId, locationId, day, day, false, false, forStaff), start)) return true;
        if (!service.slotsAfterBookings()) return false;
        Duration unit = Duration.ofMinutes(SlotFinder.CLAIM_UNIT_MINUTES);
        return has(find(catalog, service, staffId, locationId, day, day, false, false, unit, false, ignored, forStaff), start)
                && !has(find(catalog, service, staffId, locationId, day, day, true, false, unit, false, ignored, forStaff), start);
    }

    private static boolean has(List<Slot> slots, Instant start) {
        return slots.stream().anyMatch(slot -> slot.start().equals(start));
    }

    private List<Slot> find(StudioCatalog catalog, Service service, String staffId, String locationId, LocalDate from,
                            LocalDate to, boolean countBusy, boolean mergeStaff, Duration step, boolean slotsAfterBookings,
                            BookingStore.BusyTime ignored, boolean forStaff) {
        StudioSettings settings = catalog.studio().settings();
        ZoneId zone = ZoneId.of(settings.timezone());
        List<String> eligible = service.staffIds().stream().filter(id -> catalog.staffMember(id).isPresent()).toList();
        if (staffId != null) {
            if (!eligible.contains(staffId)) throw DomainException.invalid("staffId", "does not deliver this service");
            eligible = List.of(staffId);
        }
        if (locationId != null && catalog.locations().stream().noneMatch(l -> l.locationId().equals(locationId))) {
            throw DomainException.invalid("locationId", "is not a location of this studio");
        }
        Map<String, List<TimeRange>> busy = new HashMap<>();
        if (countBusy) {
            TimeRange window = new TimeRange(from.atStartOfDay(zone).toInstant().minus(LONGEST_RESERVATION),
                    to.plusDays(1).atStartOfDay(zone).toInstant().plus(LONGEST_RESERVATION));
            for (BookingStore.BusyTime taken : bookings.busyTime(catalog.studio().studioId(), window)) {
                if (taken.equals(ignored)) continue;
                busy.computeIfAbsent(taken.staffId(), k -> new ArrayList<>()).add(taken.time());
            }
        }
        List<StaffSchedule> schedules = eligible.stream()
                .map(id -> new StaffSchedule(id, catalog.availabilityOf(id), busy.getOrDefault(id, List.of())))
                .toList();
        SlotQuery query = new SlotQuery(service.duration(), service.bufferBefore(), service.bufferAfter(), step,
                Set.copyOf(service.locationIds()), locationId, zone, from, to, clock.instant(),
                forStaff ? Duration.ZERO : Duration.ofMinutes(settings.bookingPolicy().minNoticeMinutes()), settings.bookingPolicy().maxDaysAhead(),
                slotsAfterBookings);
        return SlotFinder.find(query, schedules, staffId == null && mergeStaff);
    }
}
