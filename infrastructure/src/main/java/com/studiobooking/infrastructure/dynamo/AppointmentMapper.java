package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.DateOverride;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.ServiceFormat;
import com.studiobooking.core.model.studio.WallClock;
import com.studiobooking.core.model.studio.WeeklyBlock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.bool;
import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** Service and availability items of a studio's configuration partition. */
final class AppointmentMapper {
    private AppointmentMapper() {}

    static Map<String, AttributeValue> service(String studioId, Service s) {
        return item()
                .put(Keys.PK, Keys.studio(studioId)).put(Keys.SK, Keys.service(s.serviceId())).put("type", "SERVICE")
                .put("serviceId", s.serviceId()).put("name", s.name()).put("description", s.description())
                .put("durationMinutes", s.durationMinutes()).put("price", money(s.price()))
                .put("bufferBeforeMinutes", s.bufferBeforeMinutes()).put("bufferAfterMinutes", s.bufferAfterMinutes())
                .put("slotStepMinutes", s.slotStepMinutes()).put("collection", s.collection())
                .putStrings("staffIds", s.staffIds()).putStrings("locationIds", s.locationIds())
                .put("bookableOnline", s.bookableOnline()).put("slotsAfterBookings", s.slotsAfterBookings())
                .put("createdAt", s.createdAt()).put("format", s.format().name())
                .build();
    }

    /** A service stored before {@code slotsAfterBookings} existed has it on, the default; one stored before formats is IN_PERSON. */
    static Service service(Map<String, AttributeValue> i) {
        return new Service(str(i, "serviceId"), str(i, "name"), str(i, "description"), integer(i, "durationMinutes"),
                money(map(i, "price")), integer(i, "bufferBeforeMinutes"), integer(i, "bufferAfterMinutes"),
                integer(i, "slotStepMinutes"), str(i, "collection"), Attr.strings(i, "staffIds", s -> s),
                Attr.strings(i, "locationIds", s -> s), Boolean.TRUE.equals(bool(i, "bookableOnline")),
                !Boolean.FALSE.equals(bool(i, "slotsAfterBookings")), instant(i, "createdAt"),
                str(i, "format") == null ? ServiceFormat.IN_PERSON : ServiceFormat.valueOf(str(i, "format")));
    }

    static Map<String, AttributeValue> money(Money money) {
        return item().putAll(Map.of("amount", Attr.n(money.amount()))).put("currency", money.currency()).build();
    }

    static Money money(Map<String, AttributeValue> m) {
        return new Money(Long.valueOf(m.get("amount").n()), str(m, "currency"));
    }

    static Map<String, AttributeValue> availability(String studioId, String staffId, Availability a) {
        return item()
                .put(Keys.PK, Keys.studio(studioId)).put(Keys.SK, Keys.availability(staffId)).put("type", "AVAILABILITY")
                .put("staffId", staffId)
                .putAll(Map.of(
                        "weekly", list(a.weekly().stream().map(b -> item().put("day", b.day().name())
                                .put("start", b.start().toString()).put("end", WallClock.endText(b.end()))
                                .put("locationId", b.locationId()).build()).toList()),
                        "overrides", list(a.overrides().stream().map(o -> item().put("date", o.date().toString())
                                .putAll(Map.of("intervals", list(o.intervals().stream().map(iv -> item()
                                        .put("start", iv.start().toString()).put("end", WallClock.endText(iv.end()))
                                        .put("locationId", iv.locationId()).build()).toList()))).build()).toList()),
                        "timeOff", list(a.timeOff().stream().map(t -> item().put("start", t.start())
                                .put("end", t.end()).build()).toList())))
                .build();
    }

    static Availability availability(Map<String, AttributeValue> i) {
        return new Availability(
                maps(i, "weekly").stream().map(b -> new WeeklyBlock(DayOfWeek.valueOf(str(b, "day")),
                        LocalTime.parse(str(b, "start")), WallClock.parseEnd(str(b, "end")), str(b, "locationId"))).toList(),
                maps(i, "overrides").stream().map(o -> new DateOverride(LocalDate.parse(str(o, "date")),
                        maps(o, "intervals").stream().map(iv -> new DateOverride.Interval(LocalTime.parse(str(iv, "start")),
                                WallClock.parseEnd(str(iv, "end")), str(iv, "locationId"))).toList())).toList(),
                maps(i, "timeOff").stream().map(t -> new TimeRange(Instant.parse(str(t, "start")),
                        Instant.parse(str(t, "end")))).toList());
    }

    private static AttributeValue list(List<Map<String, AttributeValue>> maps) {
        return AttributeValue.fromL(maps.stream().map(AttributeValue::fromM).toList());
    }

    private static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::m).toList();
    }
}
