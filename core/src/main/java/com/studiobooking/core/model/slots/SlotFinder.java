package com.studiobooking.core.model.slots;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.DateOverride;
import com.studiobooking.core.model.studio.ServiceDetails;
import com.studiobooking.core.model.studio.WallClock;
import com.studiobooking.core.model.studio.WeeklyBlock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Slot computation: a pure function from availability, bookings and policy to free slots.
 *
 * <p>The rules, each marked in the code below (see also {@code docs/decisions/slots.md}):
 * <ol>
 *   <li>Working hours of a date are its override's intervals if it has one (none = day off), else
 *       the weekly blocks of its weekday; only intervals at an allowed location count.</li>
 *   <li>Candidate starts run from each interval's start every {@code step}, while the appointment
 *       (without buffers) fits inside the interval. Wall-clock times become instants in the studio
 *       zone, DST-correct, and the stepping is in real elapsed time. An interval ending at 24:00 ends
 *       at the next day's 00:00.</li>
 *   <li>Time off removes a candidate whose appointment overlaps it; its buffers may overlap it. The
 *       next candidate is the next one on the interval's grid.</li>
 *   <li>A candidate widened by its own buffers must overlap no busy range (busy ranges already
 *       carry their own bookings' buffers). The next candidate is the next one on the interval's grid
 *       that clears the range; with {@link SlotQuery#slotsAfterBookings()}, it is the first start that
 *       clears it, off the grid if need be, and the steps continue from there. That start is the busy
 *       range's end rounded up to the {@value #CLAIM_UNIT_MINUTES}-minute unit in which bookings claim
 *       staff time, plus the new before-buffer, so it is never offered and then refused by a claim.</li>
 *   <li>Policy: start &ge; now + minimum notice, start's date &le; today + maximum days ahead, and
 *       only dates in [from, to].</li>
 *   <li>Staff lookup lists every given staff member's slots; any-staff lookup gives one slot per
 *       (start, location), delivered by the first staff member in list order who is free then.</li>
 * </ol>
 * Output is sorted by start, location, staff, without duplicates. Times are handled to the second.
 */
public final class SlotFinder {
    /**
     * The unit in which a booking claims a practitioner's time, counted from the epoch (see
     * docs/decisions/no-double-booking.md): a start after a booking is never inside that booking's last unit.
     */
    public static final int CLAIM_UNIT_MINUTES = ServiceDetails.GRID_MINUTES;
    private static final long CLAIM_UNIT_SECONDS = CLAIM_UNIT_MINUTES * 60L;

    private SlotFinder() {}

    /**
     * Free slots for the given staff (in the given order of preference). With {@code anyStaff}, one
     * slot per (start, location) is returned, carrying the first staff member who is free then.
     */
    public static List<Slot> find(SlotQuery query, List<StaffSchedule> staff, boolean anyStaff) {
        long durationSec = query.duration().toSeconds();
        long stepSec = query.step().toSeconds();
        long beforeSec = query.bufferBefore().toSeconds();
        long afterSec = query.bufferAfter().toSeconds();
        if (durationSec <= 0) throw new IllegalArgumentException("duration must be at least one second");
        if (stepSec <= 0) throw new IllegalArgumentException("step must be at least one second");
        if (beforeSec < 0 || afterSec < 0) throw new IllegalArgumentException("buffers must not be negative");

        // Rule 5, booking policy. "Never in the past": the minimum notice counts as at least zero.
        long earliestStart = ceilSeconds(query.now()) + Math.max(0, query.minNotice().toSeconds());
        // A start's date is the date of the working interval it comes from, so the maximum days ahead
        // is applied to the dates looked at.
        LocalDate lastBookableDate = LocalDate.ofInstant(query.now(), query.zone()).plusDays(query.maxDaysAhead());
        // The minimum notice is checked per start; clipping the dates to it only saves work, and one day
        // of slack covers zones whose clocks go back across midnight.
        LocalDate firstDate = max(query.from(), LocalDate.ofInstant(Instant.ofEpochSecond(earliestStart), query.zone()).minusDays(1));
        LocalDate lastDate = min(query.to(), lastBookableDate);
        if (firstDate.isAfter(lastDate) || staff.isEmpty()) return List.of();

        Locations locations = Locations.of(query, staff);
        int[] staffByRank = preferenceOrder(staff, anyStaff);
        int[] rankOf = new int[staff.size()];
        for (int rank = 0; rank < staffByRank.length; rank++) rankOf[staffByRank[rank]] = rank;
        Keys keys = new Keys(earliestStart, locations.size(), staff.size());
        ZoneRules rules = query.zone().getRules();

        for (int s = 0; s < staff.size(); s++) {
            StaffSchedule member = staff.get(s);
            WorkingHours hours = WorkingHours.of(member.availability(), locations);
            Ranges timeOff = Ranges.of(member.availability().timeOff());
            Ranges busy = Ranges.of(member.busy());
            for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
                for (Interval interval : hours.on(date)) { // rule 1
                    // Rule 2: wall clock to instants, DST-correct; stepping is in elapsed seconds.
                    long open = toEpochSecond(date.atTime(interval.start), rules, false);
                    // 24:00 is the first instant of the next day (after a gap, before a repeated hour).
                    long close = WallClock.isEndOfDay(interval.end)
                            ? toEpochSecond(date.plusDays(1).atStartOfDay(), rules, false)
                            : toEpochSecond(date.atTime(interval.end), rules, true);
                    long lastStart = close - durationSec;
                    long start = onGridAtOrAfter(open, stepSec, earliestStart); // rule 5: minimum notice
                    int t = timeOff.firstEndingAfter(start);
                    int b = busy.firstEndingAfter(start - beforeSec);
                    while (start <= lastStart) {
                        long end = start + durationSec;
                        // Rule 3: the appointment itself must not overlap time off; its buffers may. Time off
                        // never moves the grid.
                        t = timeOff.firstEndingAfter(start, t);
                        if (timeOff.startsBefore(t, end)) {
                            start = onGridAtOrAfter(open, stepSec, timeOff.end(t));
                            continue;
                        }
                        // Rule 4: the appointment widened by its own buffers must not overlap busy time.
                        b = busy.firstEndingAfter(start - beforeSec, b);
                        if (busy.startsBefore(b, end + afterSec)) {
                            // Right after the busy range, or on the grid; either way steps go on from there.
                            start = query.slotsAfterBookings()
                                    ? ceilToClaimUnit(busy.end(b)) + beforeSec
                                    : onGridAtOrAfter(open, stepSec, busy.end(b) + beforeSec);
                            continue;
                        }
                        keys.add(start, interval.location, rankOf[s]);
                        start += stepSec;
                    }
                }
            }
        }
        return keys.toSlots(durationSec, anyStaff, rank -> staff.get(staffByRank[rank]).staffId(), locations);
    }

    /**
     * The slot offered at exactly {@code start} under the same rules as {@link #find}, looking only at
     * the date of {@code start} in the studio zone (the query's own dates are ignored). With several
     * locations offering that start, the first in slot order is returned.
     */
    public static Optional<Slot> slotAt(SlotQuery query, List<StaffSchedule> staff, boolean anyStaff, Instant start) {
        LocalDate date = LocalDate.ofInstant(start, query.zone());
        SlotQuery thatDate = new SlotQuery(query.duration(), query.bufferBefore(), query.bufferAfter(), query.step(),
                query.allowedLocationIds(), query.locationId(), query.zone(), date, date,
                query.now(), query.minNotice(), query.maxDaysAhead(), query.slotsAfterBookings());
        return find(thatDate, staff, anyStaff).stream().filter(slot -> slot.start().equals(start)).findFirst();
    }

    /** Whether {@code start} is offered for this staff member: re-validates a requested slot server-side. */
    public static boolean isFree(SlotQuery query, StaffSchedule staff, Instant start) {
        return slotAt(query, List.of(staff), false, start).isPresent();
    }

    /**
     * A wall-clock time in the studio zone as an instant. A time inside a spring-forward gap becomes the
     * first instant after the gap. A time inside a fall-back overlap uses its first occurrence for an
     * interval's start and its second for an interval's end, so the interval covers the real elapsed time.
     */
    private static long toEpochSecond(LocalDateTime wallClock, ZoneRules rules, boolean intervalEnd) {
        List<ZoneOffset> offsets = rules.getValidOffsets(wallClock);
        if (offsets.isEmpty()) return rules.getTransition(wallClock).getInstant().getEpochSecond();
        ZoneOffset offset = offsets.size() == 1 || !intervalEnd ? offsets.get(0) : offsets.get(1);
        long seconds = wallClock.toEpochSecond(offset);
        return !intervalEnd && wallClock.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** The first of origin, origin + step, origin + 2 step, ... that is at or after {@code atLeast}. */
    private static long onGridAtOrAfter(long origin, long step, long atLeast) {
        return atLeast <= origin ? origin : origin + Math.floorDiv(atLeast - origin + step - 1, step) * step;
    }

    /** The start of the first claim unit at or after {@code time}. */
    private static long ceilToClaimUnit(long time) {
        return -Math.floorDiv(-time, CLAIM_UNIT_SECONDS) * CLAIM_UNIT_SECONDS;
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() > 0 ? instant.getEpochSecond() + 1 : instant.getEpochSecond();
    }

    /**
     * Staff indexes in the order ties between equal (start, location) are broken. Rule 6: any-staff
     * prefers list order; a staff lookup lists slots at the same start and location by staff id.
     */
    private static int[] preferenceOrder(List<StaffSchedule> staff, boolean anyStaff) {
        Integer[] order = new Integer[staff.size()];
        Arrays.setAll(order, i -> i);
        if (!anyStaff) {
            Arrays.sort(order, Comparator.comparing(i -> staff.get(i).staffId(), Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A working interval of one date, its location as an index into {@link Locations}; an end of 00:00 is 24:00. */
    private record Interval(LocalTime start, LocalTime end, int location) {
    }

    /**
     * Rule 1 applied to one staff member: intervals at locations the query allows, by weekday and by
     * override date. Intervals that do not end after they start are ignored; an end of 00:00 is 24:00.
     */
    private static final class WorkingHours {
        private final Map<DayOfWeek, List<Interval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, List<Interval>> overrides = new HashMap<>();

        static WorkingHours of(Availability availability, Locations locations) {
            WorkingHours hours = new WorkingHours();
            for (DayOfWeek day : DayOfWeek.values()) hours.weekly.put(day, new ArrayList<>());
            for (WeeklyBlock block : availability.weekly()) {
                hours.add(hours.weekly.get(block.day()), block.start(), block.end(), block.locationId(), locations);
            }
            for (DateOverride override : availability.overrides()) {
                // An override with no intervals still replaces the weekly hours: a day off.
                List<Interval> intervals = hours.overrides.computeIfAbsent(override.date(), d -> new ArrayList<>());
                for (DateOverride.Interval i : override.intervals()) {
                    hours.add(intervals, i.start(), i.end(), i.locationId(), locations);
                }
            }
            return hours;
        }

        private void add(List<Interval> to, LocalTime start, LocalTime end, String locationId, Locations locations) {
            int location = locations.indexOf(locationId);
            if (location >= 0 && WallClock.endsAfter(start, end)) to.add(new Interval(start, end, location));
        }

        List<Interval> on(LocalDate date) {
            List<Interval> override = overrides.get(date);
            return override != null ? override : weekly.get(date.getDayOfWeek());
        }
    }

    /** The locations that pass the query's filters (rule 1), indexed in locationId order. */
    private static final class Locations {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> ids;

        private Locations(List<String> ids) {
            this.ids = ids;
            for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
        }

        static Locations of(SlotQuery query, List<StaffSchedule> staff) {
            Set<String> allowed = query.allowedLocationIds() == null ? Set.of() : query.allowedLocationIds();
            TreeSet<String> ids = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            for (StaffSchedule member : staff) {
                for (WeeklyBlock block : member.availability().weekly()) ids.add(block.locationId());
                for (DateOverride override : member.availability().overrides()) {
                    for (DateOverride.Interval interval : override.intervals()) ids.add(interval.locationId());
                }
            }
            ids.removeIf(id -> !allowed.isEmpty() && (id == null || !allowed.contains(id)));
            ids.removeIf(id -> query.locationId() != null && !query.locationId().equals(id));
            return new Locations(new ArrayList<>(ids));
        }

        /** The location's index, or -1 when the query's filters exclude it. */
        int indexOf(String locationId) {
            return index.getOrDefault(locationId, -1);
        }

        String id(int index) {
            return ids.get(index);
        }

        int size() {
            return ids.size();
        }
    }

    /**
     * Time ranges in epoch seconds, sorted and merged so that starts and ends both ascend. Lookups take a
     * pointer that only moves forward while candidates ascend, so each range is passed once per interval.
     */
    private static final class Ranges {
        private final long[] starts;
        private final long[] ends;
        private final int size;

        private Ranges(long[] starts, long[] ends, int size) {
            this.starts = starts;
            this.ends = ends;
            this.size = size;
        }

        static Ranges of(List<TimeRange> ranges) {
            TimeRange[] sorted = ranges.toArray(TimeRange[]::new);
            Arrays.sort(sorted, Comparator.comparing(TimeRange::start));
            long[] starts = new long[sorted.length];
            long[] ends = new long[sorted.length];
            int size = 0;
            for (TimeRange range : sorted) {
                long start = range.start().getEpochSecond(); // rounded outwards: a busy range never shrinks
                long end = ceilSeconds(range.end());
                if (size > 0 && start <= ends[size - 1]) {
                    ends[size - 1] = Math.max(ends[size - 1], end);
                } else {
                    starts[size] = start;
                    ends[size] = end;
                    size++;
                }
            }
            return new Ranges(starts, ends, size);
        }

        /** Index of the first range ending after {@code time} (binary search); {@code size} if none. */
        int firstEndingAfter(long time) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ends[mid] <= time) low = mid + 1;
                else high = mid;
            }
            return low;
        }

        /** As {@link #firstEndingAfter(long)}, moving forward from {@code from} (time never decreases). */
        int firstEndingAfter(long time, int from) {
            int i = from;
            while (i < size && ends[i] <= time) i++;
            return i;
        }

        /** Whether range {@code i} (the first ending after a start) begins before {@code end}: an overlap. */
        boolean startsBefore(int i, long end) {
            return i < size && starts[i] < end;
        }

        long end(int i) {
            return ends[i];
        }
    }

    /**
     * Free candidates packed into longs as (start, location, staff rank), so one primitive sort puts them
     * in output order and duplicates become neighbours; no object per candidate until the output slot.
     */
    private static final class Keys {
        private final long base;
        private final int locationBits;
        private final int rankBits;
        private long[] keys = new long[256];
        private int size;

        Keys(long base, int locations, int staff) {
            this.base = base;
            this.locationBits = bitsFor(locations);
            this.rankBits = bitsFor(staff);
        }

        private static int bitsFor(int count) {
            return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
        }

        void add(long start, int location, int rank) {
            long offset = start - base; // never negative: every start is at or after the earliest start
            if (offset >>> (63 - locationBits - rankBits) != 0) {
                throw new IllegalArgumentException("the booking window is too long to compute slots for");
            }
            if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
            keys[size++] = (offset << (locationBits + rankBits)) | ((long) location << rankBits) | rank;
        }

        List<Slot> toSlots(long durationSec, boolean anyStaff, IntFunction<String> staffIdOfRank, Locations locations) {
            Arrays.sort(keys, 0, size);
            List<Slot> slots = new ArrayList<>(size);
            long previous = -1;
            for (int i = 0; i < size; i++) {
                long key = keys[i];
                // Rule 6: any-staff keeps the first (most preferred) staff per (start, location).
                long identity = anyStaff ? key >>> rankBits : key;
                if (identity == previous) continue;
                previous = identity;
                long start = base + (key >>> (locationBits + rankBits));
                int location = (int) ((key >>> rankBits) & ((1L << locationBits) - 1));
                int rank = (int) (key & ((1L << rankBits) - 1));
                slots.add(new Slot(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + durationSec),
                        staffIdOfRank.apply(rank), locations.id(location)));
            }
            return slots;
        }
    }
}
