package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.WeeklyBlock;
import com.studiobooking.core.usecase.book.SlotLookup;
import com.studiobooking.infrastructure.dynamo.DynamoBookingStore;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One slot lookup reads the studio's configuration once and its calendar once: two DynamoDB requests. */
class SlotLookupCostTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void a_slot_lookup_costs_at_most_three_dynamodb_requests() {
        AtomicInteger requests = new AtomicInteger();
        DynamoDbClient counting = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("serviceName") && !method.getName().equals("close")) requests.incrementAndGet();
                    try {
                        return method.invoke(TestTables.motoClient(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        String table = TestTables.freshMotoTable();
        DynamoStudioStore studios = new DynamoStudioStore(new DynamoItemTable(TestTables.motoClient(), table));
        StudioSettings settings = StudioSettings.initial("Lotus", "Europe/Bucharest", "RON", "ro");
        studios.createStudio(new Studio("st_1", settings, NOW), new Staff("sf_0", "Ana", "ana@example.com", StaffRole.OWNER, null, NOW));
        studios.saveLocation("st_1", new Location("lc_1", "Room", "Street 1", false, null, NOW));
        List<String> staff = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = "sf_" + i;
            staff.add(id);
            studios.addStaff("st_1", new Staff(id, "Staff " + i, "s" + i + "@example.com", StaffRole.STAFF, null, NOW));
            List<WeeklyBlock> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) week.add(new WeeklyBlock(day, LocalTime.of(9, 0), LocalTime.of(18, 0), "lc_1"));
            studios.saveAvailability("st_1", id, new Availability(week, List.of(), List.of()));
        }
        studios.saveService("st_1", new Service("sv_1", "Massage", null, 60, new Money(25000L, "RON"), 15, 15, 15, null,
                staff, List.of("lc_1"), true, true, NOW));

        SlotLookup lookup = new SlotLookup(new DynamoStudioStore(new DynamoItemTable(counting, table)),
                new DynamoBookingStore(new DynamoItemTable(counting, table)),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        requests.set(0);
        SlotLookup.SlotList slots = lookup.slots("st_1",
                new SlotLookup.SlotRequest("sv_1", null, null, "2026-11-24", "2027-01-21", null));

        assertThat(slots.slots()).isNotEmpty();
        assertThat(requests.get()).isLessThanOrEqualTo(3).isEqualTo(2);
    }
}
