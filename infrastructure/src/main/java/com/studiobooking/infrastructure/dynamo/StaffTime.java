package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.n;

/**
 * A staff member's time as claim items, one per {@value Keys#TIME_UNIT_MINUTES}-minute unit, and
 * the studio calendar entries slot lookup reads. The holder is a booking ({@code bk_…}) or a session
 * taught ({@code session:…}). See docs/decisions/no-double-booking.md.
 */
final class StaffTime {
    private static final Duration UNIT = Duration.ofMinutes(Keys.TIME_UNIT_MINUTES);
    static final Duration KEEP_AFTER_END = Duration.ofDays(7);

    private StaffTime() {}

    /** The starts of every unit the range touches. */
    static List<Instant> units(TimeRange range) {
        long unit = UNIT.getSeconds();
        long first = Math.floorDiv(range.start().getEpochSecond(), unit) * unit;
        List<Instant> units = new ArrayList<>();
        for (long t = first; t < range.end().getEpochSecond(); t += unit) units.add(Instant.ofEpochSecond(t));
        return units;
    }

    /** Puts that succeed only if no one holds the units. */
    static List<Write> claim(String studioId, String staffId, List<Instant> units, String holder, TimeRange busy) {
        long ttl = busy.end().plus(KEEP_AFTER_END).getEpochSecond();
        List<Write> claims = new ArrayList<>();
        for (Instant unit : units) {
            claims.add(Write.putNew(Attr.item()
                    .put(Keys.PK, Keys.staffTime(studioId, staffId)).put(Keys.SK, Keys.time(unit))
                    .put("type", "STAFF_TIME").put("holder", holder)
                    .putAll(Map.of(Keys.TTL, n(ttl))).build()));
        }
        return claims;
    }

    /** Deletes that succeed only for units this holder holds. */
    static List<Write> free(String studioId, String staffId, List<Instant> units, String holder) {
        List<Write> frees = new ArrayList<>();
        for (Instant unit : units) {
            frees.add(Write.delete(Keys.staffTime(studioId, staffId), Keys.time(unit), Condition.eq("holder", holder)));
        }
        return frees;
    }

    static String calendarKey(Instant start, String holder) {
        return Keys.time(start) + "#" + holder;
    }

    /** The busy time in the studio's calendar partition, read by slot lookup in one Query. */
    static Map<String, AttributeValue> calendarEntry(String studioId, Instant start, String holder, String staffId,
                                                     TimeRange busy) {
        return Attr.item().put(Keys.PK, Keys.studioCalendar(studioId)).put(Keys.SK, calendarKey(start, holder))
                .put("type", "CALENDAR").put("holder", holder).put("staffId", staffId)
                .putAll(Map.of("busyFrom", n(busy.start().getEpochSecond()), "busyUntil", n(busy.end().getEpochSecond()),
                        Keys.TTL, n(busy.end().plus(KEEP_AFTER_END).getEpochSecond())))
                .build();
    }
}
