package com.studiobooking.benchmarks.slots;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.slots.SlotQuery;
import com.studiobooking.core.model.slots.StaffSchedule;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.WeeklyBlock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The slot-lookup scenario of the "Appointments" issue, the same on every run: 3 staff working 09:00–18:00 every
 * day at one location, a 60-minute service with 15-minute buffers on a 15-minute step (slots after bookings on, the
 * services' default), 60 days looked at from
 * {@link #NOW} in Europe/Bucharest (a window without a DST change), 120 minutes' notice, 60 days ahead.
 *
 * <p>The existing appointments are of that same service, so each busy range is 90 minutes (the appointment
 * widened by its buffers). They are placed with a fixed seed: a random staff member, day and quarter hour, moved
 * forward to the first place where the range overlaps none of that staff member's ranges (later that day, else on
 * a following day or staff member). 2,000 of them do not fit into working hours (at most 6 a day, 1,080 in all),
 * so ranges may lie anywhere in the local day (at most 16 a day, 2,880 in all; placed this way, about 2,400 fit):
 * 2,000 never overlap, and of 4,000 the ones that find no free place anywhere overlap another.
 * Busy ranges are handed over sorted by start, as the calendar query returns them.
 *
 * @param overlapping how many appointments found no free place and overlap another of the same staff member
 */
public record SlotScenario(int appointments, int overlapping, SlotQuery query, List<StaffSchedule> staff) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    /** Monday 2026-04-13, 09:00 in Bucharest. */
    public static final Instant NOW = Instant.parse("2026-04-13T06:00:00Z");
    public static final int DAYS = 60;
    public static final int STAFF = 3;
    public static final String LOCATION = "lc_main";
    static final long SEED = 20_261_123L;

    private static final int QUARTERS_A_DAY = 24 * 4;
    /** 15 + 60 + 15 minutes. */
    private static final int BUSY_QUARTERS = 6;
    private static final int PLACES_A_DAY = QUARTERS_A_DAY - BUSY_QUARTERS + 1;

    public static SlotScenario of(int appointments) {
        LocalDate today = LocalDate.ofInstant(NOW, ZONE);
        SlotQuery query = new SlotQuery(Duration.ofMinutes(60), Duration.ofMinutes(15), Duration.ofMinutes(15),
                Duration.ofMinutes(15), Set.of(LOCATION), null, ZONE, today, today.plusDays(DAYS - 1), NOW,
                Duration.ofMinutes(120), DAYS, true);
        List<WeeklyBlock> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) week.add(new WeeklyBlock(day, LocalTime.of(9, 0), LocalTime.of(18, 0), LOCATION));
        Availability hours = new Availability(List.copyOf(week), List.of(), List.of());

        List<List<TimeRange>> busy = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) busy.add(new ArrayList<>());
        int overlapping = place(appointments, today, busy);
        List<StaffSchedule> staff = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) staff.add(new StaffSchedule("sf_" + (s + 1), hours, List.copyOf(busy.get(s))));
        return new SlotScenario(appointments, overlapping, query, List.copyOf(staff));
    }

    /** The first staff member alone, for a lookup of one practitioner's slots. */
    public List<StaffSchedule> oneStaff() {
        return List.of(staff.get(0));
    }

    /** Adds each appointment's busy range to its staff member's list; returns how many had to overlap. */
    private static int place(int appointments, LocalDate firstDay, List<List<TimeRange>> busy) {
        int cells = STAFF * DAYS; // one cell per staff member and day
        boolean[][] taken = new boolean[cells][QUARTERS_A_DAY];
        int overlapping = 0;
        Random random = new Random(SEED);
        for (int i = 0; i < appointments; i++) {
            int cell = random.nextInt(cells);
            int quarter = random.nextInt(PLACES_A_DAY);
            int[] place = firstFree(taken, cell, quarter);
            if (place == null) { // no day has room left: this one overlaps
                place = new int[] {cell, quarter};
                overlapping++;
            }
            for (int q = place[1]; q < place[1] + BUSY_QUARTERS; q++) taken[place[0]][q] = true;
            int staff = place[0] / DAYS;
            Instant start = firstDay.plusDays(place[0] % DAYS).atStartOfDay().plusMinutes(15L * place[1]).atZone(ZONE).toInstant();
            busy.get(staff).add(new TimeRange(start, start.plus(Duration.ofMinutes(15L * BUSY_QUARTERS))));
        }
        busy.forEach(ranges -> ranges.sort(Comparator.comparing(TimeRange::start)));
        return overlapping;
    }

    /** The first place at or after ({@code cell}, {@code quarter}) where a range fits, wrapping round; null if none. */
    private static int[] firstFree(boolean[][] taken, int cell, int quarter) {
        for (int c = 0; c < taken.length; c++) {
            int tryCell = (cell + c) % taken.length;
            for (int q = 0; q < PLACES_A_DAY; q++) {
                int tryQuarter = (quarter + q) % PLACES_A_DAY;
                if (fits(taken[tryCell], tryQuarter)) return new int[] {tryCell, tryQuarter};
            }
        }
        return null;
    }

    private static boolean fits(boolean[] day, int quarter) {
        for (int q = quarter; q < quarter + BUSY_QUARTERS; q++) {
            if (day[q]) return false;
        }
        return true;
    }
}
