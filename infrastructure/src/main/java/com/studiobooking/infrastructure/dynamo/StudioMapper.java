package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.studio.Appearance;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.BookingPolicy;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.ClientReminders;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.InstructorNotices;
import com.studiobooking.core.model.studio.NoShowPolicy;
import com.studiobooking.core.model.studio.WaitlistPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.infrastructure.table.Condition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.bool;
import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** Studio profile, staff and location items, mapped by hand (cheap at cold start, explicit about keys). */
final class StudioMapper {
    static final String TOKEN_VERSION = "tokenVersion";

    private StudioMapper() {}

    static Map<String, AttributeValue> studio(Studio studio) {
        return item()
                .put(Keys.PK, Keys.studio(studio.studioId()))
                .put(Keys.SK, Keys.PROFILE)
                .put("type", "STUDIO")
                .put("studioId", studio.studioId())
                .put("createdAt", studio.createdAt())
                .put("settings", settings(studio.settings()))
                .build();
    }

    static Studio studio(Map<String, AttributeValue> item) {
        return new Studio(str(item, "studioId"), settings(map(item, "settings")), instant(item, "createdAt"));
    }

    static Map<String, AttributeValue> settings(StudioSettings s) {
        BankTransfer bank = s.bankTransfer();
        return item()
                .put("name", s.name()).put("timezone", s.timezone()).put("currency", s.currency())
                .put("locale", s.locale())
                .putStrings("paymentMethods", s.paymentMethods().stream().map(Enum::name).toList())
                .put("bankTransfer", item().put("enabled", bank.enabled()).put("accountName", bank.accountName())
                        .put("iban", bank.iban()).put("bankName", bank.bankName()).put("dueHours", bank.dueHours())
                        .put("instructions", bank.instructions())
                        .put("minHoursBeforeStart", bank.minHoursBeforeStart()).build())
                .put("bookingPolicy", item().put("minNoticeMinutes", s.bookingPolicy().minNoticeMinutes())
                        .put("maxDaysAhead", s.bookingPolicy().maxDaysAhead()).build())
                .put("cancellationPolicy", item().put("text", s.cancellationPolicy().text())
                        .put("cutoffHours", s.cancellationPolicy().cutoffHours())
                        .put("refund", s.cancellationPolicy().refund().name()).build())
                .put("missingLinkReminderHours", s.missingLinkReminderHours())
                .put("appearance", item().put("color", s.appearance().color()).put("logoUrl", s.appearance().logoUrl())
                        .put("showServiceCollections", s.appearance().showServiceCollections()).build())
                .put("clientReminders", s.clientReminders() == null ? null : item()
                        .put("enabled", s.clientReminders().enabled())
                        .putIntegers("hoursBefore", s.clientReminders().hoursBefore()).build())
                .put("noShowPolicy", s.noShowPolicy() == null ? null
                        : item().put("forfeit", s.noShowPolicy().forfeit()).build())
                .put("waitlist", s.waitlist() == null ? null : item().put("enabled", s.waitlist().enabled())
                        .put("closesMinutesBefore", s.waitlist().closesMinutesBefore()).build())
                .put("instructorNotices", s.instructorNotices() == null ? null
                        : item().put("mode", s.instructorNotices().mode().name())
                        .put("digestHour", s.instructorNotices().digestHour()).build())
                .build();
    }

    static StudioSettings settings(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> bank = map(m, "bankTransfer");
        Map<String, AttributeValue> booking = map(m, "bookingPolicy");
        Map<String, AttributeValue> cancel = map(m, "cancellationPolicy");
        Map<String, AttributeValue> look = map(m, "appearance");
        Map<String, AttributeValue> reminders = map(m, "clientReminders");
        Map<String, AttributeValue> noShow = map(m, "noShowPolicy");
        Map<String, AttributeValue> waitlist = map(m, "waitlist");
        Map<String, AttributeValue> notices = map(m, "instructorNotices");
        return new StudioSettings(str(m, "name"), str(m, "timezone"), str(m, "currency"), str(m, "locale"),
                Attr.strings(m, "paymentMethods", PaymentMethod::valueOf),
                new BankTransfer(bool(bank, "enabled"), str(bank, "accountName"), str(bank, "iban"),
                        str(bank, "bankName"), integer(bank, "dueHours"), str(bank, "instructions"),
                        integer(bank, "minHoursBeforeStart")),
                new BookingPolicy(integer(booking, "minNoticeMinutes"), integer(booking, "maxDaysAhead")),
                new CancellationPolicy(str(cancel, "text"), integer(cancel, "cutoffHours"),
                        CancellationPolicy.Refund.valueOf(str(cancel, "refund"))),
                integer(m, "missingLinkReminderHours"),
                new Appearance(str(look, "color"), str(look, "logoUrl"), bool(look, "showServiceCollections")),
                // settings stored before client reminders existed have none: the default (off)
                reminders == null ? ClientReminders.DEFAULT : new ClientReminders(bool(reminders, "enabled"),
                        Attr.integers(reminders, "hoursBefore")),
                // studios stored before no-show policies existed forfeit nothing
                noShow == null ? NoShowPolicy.DEFAULT : new NoShowPolicy(Boolean.TRUE.equals(bool(noShow, "forfeit"))),
                // and before waitlists and instructor notices existed: both off
                waitlist == null ? WaitlistPolicy.DEFAULT
                        : new WaitlistPolicy(bool(waitlist, "enabled"), integer(waitlist, "closesMinutesBefore")),
                notices == null ? InstructorNotices.DEFAULT : new InstructorNotices(
                        InstructorNotices.Mode.valueOf(str(notices, "mode")), integer(notices, "digestHour")));
    }

    static Map<String, AttributeValue> staff(String studioId, Staff staff) {
        return item()
                .put(Keys.PK, Keys.studio(studioId))
                .put(Keys.SK, Keys.staff(staff.staffId()))
                .put("type", "STAFF")
                .put("staffId", staff.staffId()).put("name", staff.name()).put("email", staff.email())
                .put("role", staff.role().name()).put("bio", staff.bio()).put("createdAt", staff.createdAt())
                .putAll(Map.of(TOKEN_VERSION, Attr.n(staff.tokenVersion())))
                .build();
    }

    /** Staff items written before token versions existed have none: they are at version 0. */
    static Staff staff(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(TOKEN_VERSION);
        return new Staff(str(item, "staffId"), str(item, "name"), str(item, "email"),
                StaffRole.valueOf(str(item, "role")), str(item, "bio"), instant(item, "createdAt"),
                version == null ? 0 : Long.parseLong(version.n()));
    }

    /**
     * The staff item still holds this token version and role: the condition a staff request's writes are
     * fenced on ({@link StaffTokenFence}), and an update of the item is made on (no lost version bump).
     * Version 0 also matches an item that has no version yet.
     */
    static Condition tokenStillCurrent(long tokenVersion, String role) {
        Condition version = Condition.is(TOKEN_VERSION, Condition.Op.EQ, tokenVersion);
        if (tokenVersion == 0) version = Condition.anyOf(version, Condition.missing(TOKEN_VERSION));
        return Condition.exists(Keys.PK).and(Condition.eq("role", role)).and(version);
    }

    /** The claim that makes a staff e-mail unique within a studio and lets sign-in find the staff member. */
    static Map<String, AttributeValue> staffEmail(String studioId, Staff staff) {
        return item()
                .put(Keys.PK, Keys.studio(studioId))
                .put(Keys.SK, Keys.staffEmail(staff.email()))
                .put("type", "STAFF_EMAIL")
                .put("staffId", staff.staffId())
                .build();
    }

    static Map<String, AttributeValue> location(String studioId, Location location) {
        return item()
                .put(Keys.PK, Keys.studio(studioId))
                .put(Keys.SK, Keys.location(location.locationId()))
                .put("type", "LOCATION")
                .put("locationId", location.locationId()).put("name", location.name())
                .put("address", location.address()).put("online", location.online()).put("notes", location.notes())
                .put("createdAt", location.createdAt())
                .build();
    }

    static Location location(Map<String, AttributeValue> item) {
        return new Location(str(item, "locationId"), str(item, "name"), str(item, "address"),
                Boolean.TRUE.equals(bool(item, "online")), str(item, "notes"), instant(item, "createdAt"));
    }
}
