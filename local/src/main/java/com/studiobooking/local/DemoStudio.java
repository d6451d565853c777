package com.studiobooking.local;

import com.studiobooking.core.studio.BankTransfer;
import com.studiobooking.core.studio.Location;
import com.studiobooking.core.studio.PaymentMethod;
import com.studiobooking.core.studio.Staff;
import com.studiobooking.core.studio.StaffRole;
import com.studiobooking.core.studio.Studio;
import com.studiobooking.core.studio.StudioSettings;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;

/** The seeded demo studio: fixed ids, so the README's commands work as written. */
public record DemoStudio(String studioId, String ownerEmail, String staffEmail) {
    public static final String STUDIO_ID = "st_demo";

    static DemoStudio seed(DynamoDbClient dynamo, String table) {
        DynamoStudioStore store = new DynamoStudioStore(dynamo, table);
        Instant now = Instant.now();
        StudioSettings settings = StudioSettings.initial("Lotus Yoga (demo)", "Europe/Bucharest", "RON", "ro")
                .changedBy(new StudioSettings(null, null, null, null,
                        List.of(PaymentMethod.CARD, PaymentMethod.PASS, PaymentMethod.CREDITS, PaymentMethod.BANK_TRANSFER),
                        new BankTransfer(true, "Lotus Yoga SRL", "RO49AAAA1B31007593840000", "Demo Bank", 48, null),
                        null, null, null, null));
        store.createStudio(new Studio(STUDIO_ID, settings, now),
                new Staff("sf_demo_owner", "Ana Pop", "ana@example.com", StaffRole.OWNER, "Founder, Hatha and Vinyasa", now));
        store.addStaff(STUDIO_ID, new Staff("sf_demo_ioana", "Ioana Ionescu", "ioana@example.com", StaffRole.STAFF,
                "Yin and restorative yoga", now));
        store.saveLocation(STUDIO_ID, new Location("lc_demo_main", "Main room", "Str. Lalelelor 3, Bucharest", false, null, now));
        store.saveLocation(STUDIO_ID, new Location("lc_demo_online", "Online", null, true, "Link sent after payment", now));
        return new DemoStudio(STUDIO_ID, "ana@example.com", "ioana@example.com");
    }
}
