package com.studiobooking.local;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.WeeklyBlock;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.usecase.setup.SessionSetup;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.dynamo.DynamoWalletStore;
import com.studiobooking.infrastructure.table.ItemTable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeded demo studio: fixed ids, so the README's commands work as written, and something to book
 * at once (a service with weekday hours, two classes this week, a pass type and a credit pack on sale).
 */
public record DemoStudio(String studioId, String ownerEmail, String staffEmail) {
    public static final String STUDIO_ID = "st_demo";

    private static final DemoStudio DEMO = new DemoStudio(STUDIO_ID, "ana@example.com", "ioana@example.com");

    /** Seeds the demo studio unless the store already holds it (the local data survives restarts). */
    static DemoStudio seedIfMissing(ItemTable table, Wiring wiring) {
        DynamoStudioStore store = new DynamoStudioStore(table);
        if (store.findStudio(STUDIO_ID).isPresent()) return DEMO;
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

        // Something to book right away: Ioana's massage on weekdays, and two of Ana's classes this week.
        List<WeeklyBlock> weekdays = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyBlock(day, LocalTime.of(10, 0), LocalTime.of(16, 0), "lc_demo_main"));
        }
        store.saveAvailability(STUDIO_ID, "sf_demo_ioana", new Availability(weekdays, List.of(), List.of()));
        store.saveService(STUDIO_ID, new Service("sv_demo_massage", "Thai massage", "Relaxing full-body massage.", 60,
                new Money(25000L, "RON"), 0, 15, 30, "Body", List.of("sf_demo_ioana"), List.of("lc_demo_main"), true, true, now));
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate today = LocalDate.now(zone);
        // through the use case, so the rules apply as to any session (e.g. the missing-link reminder)
        SessionSetup sessions = wiring.sessionSetup();
        Caller owner = new Caller(STUDIO_ID, "sf_demo_owner", Role.OWNER);
        sessions.create(owner, STUDIO_ID, new SessionDetails(null, "Vinyasa flow", "A flowing class for all levels.",
                today.plusDays(2).atTime(18, 0).atZone(zone).toOffsetDateTime().toString(), 60, 10, 20, "sf_demo_owner",
                SessionFormat.HYBRID, "lc_demo_main", new Money(5000L, "RON"), 1,
                List.of(PaymentMethod.CARD, PaymentMethod.PASS, PaymentMethod.CREDITS, PaymentMethod.BANK_TRANSFER), null));
        sessions.create(owner, STUDIO_ID, new SessionDetails(null, "Online yin", "Slow, deep stretches from home.",
                today.plusDays(3).atTime(8, 0).atZone(zone).toOffsetDateTime().toString(), 75, 15, null, "sf_demo_owner",
                SessionFormat.ONLINE, null, new Money(4000L, "RON"), null,
                List.of(PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER),
                new OnlineAccess("https://meet.example/lotus-yin", "Camera optional.", "yin-42")));
        DynamoWalletStore wallets = new DynamoWalletStore(table);
        wallets.savePassType(STUDIO_ID, new PassType("pt_demo_ten", "10 classes", 10, 90, new Money(40000L, "RON"), now));
        wallets.saveCreditPack(STUDIO_ID, new CreditPack("cp_demo_five", "5 credits", 5, new Money(20000L, "RON"), now));
        return DEMO;
    }
}
