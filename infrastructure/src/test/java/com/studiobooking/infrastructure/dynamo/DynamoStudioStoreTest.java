package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
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
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs against both table engines: DynamoDB (moto) and SQLite. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoStudioStoreTest {
    @Parameter
    TestTables.Engine engine;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private ItemTable table;
    private DynamoStudioStore store;

    @BeforeEach
    void setUp() {
        table = engine.fresh();
        store = new DynamoStudioStore(table);
    }

    @Test
    void a_studio_round_trips_with_all_settings_and_its_owner() {
        StudioSettings settings = new StudioSettings("Lotus Yoga", "Europe/Bucharest", "RON", "ro",
                List.of(PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER),
                new BankTransfer(true, "Lotus SRL", "RO49AAAA1B31007593840000", "BT", 48, "Use the reference"),
                new BookingPolicy(120, 60), new CancellationPolicy("12h", 12, CancellationPolicy.Refund.CREDIT), 24,
                new Appearance("#7c3aed", "https://example.com/logo.png", false),
                new ClientReminders(true, List.of(48, 2)), new NoShowPolicy(true), new WaitlistPolicy(true, 90),
                new InstructorNotices(InstructorNotices.Mode.DAILY_DIGEST, 6));
        Staff owner = new Staff("sf_1", "Ana Pop", "ana@example.com", StaffRole.OWNER, null, NOW);
        store.createStudio(new Studio("st_1", settings, NOW), owner);

        assertThat(store.findStudio("st_1")).contains(new Studio("st_1", settings, NOW));
        assertThat(store.findStaffByEmail("st_1", "ana@example.com")).contains(owner);
        assertThat(store.listStaff("st_1")).containsExactly(owner);
        assertThat(store.findStudio("st_2")).isEmpty();
    }

    @Test
    void settings_stored_before_client_reminders_existed_read_as_reminders_off() {
        openStudio("st_1"); // settings that say nothing about client reminders

        assertThat(store.findStudio("st_1").orElseThrow().settings().clientReminders()).isEqualTo(ClientReminders.DEFAULT);
        assertThat(ClientReminders.DEFAULT.activeHours()).isEmpty();
    }

    @Test
    void a_studio_stored_before_waitlists_and_instructor_notices_existed_has_both_off() {
        openStudio("st_1");
        Map<String, AttributeValue> profile = new HashMap<>(table.get(Keys.studio("st_1"), Keys.PROFILE).orElseThrow());
        Map<String, AttributeValue> settings = new HashMap<>(profile.get("settings").m());
        settings.remove("waitlist");
        settings.remove("instructorNotices");
        profile.put("settings", AttributeValue.fromM(settings));
        table.write(Write.put(profile));

        StudioSettings read = store.findStudio("st_1").orElseThrow().settings();
        assertThat(read.waitlist()).isEqualTo(WaitlistPolicy.DEFAULT);
        assertThat(read.instructorNotices()).isEqualTo(InstructorNotices.DEFAULT);
    }

    @Test
    void a_studio_stored_before_no_show_policies_existed_forfeits_nothing() {
        openStudio("st_1");
        Map<String, AttributeValue> profile = new HashMap<>(table.get(Keys.studio("st_1"), Keys.PROFILE).orElseThrow());
        Map<String, AttributeValue> settings = new HashMap<>(profile.get("settings").m());
        settings.remove("noShowPolicy");
        profile.put("settings", AttributeValue.fromM(settings));
        table.write(Write.put(profile));

        assertThat(store.findStudio("st_1").orElseThrow().settings().noShowPolicy()).isEqualTo(NoShowPolicy.DEFAULT);
    }

    @Test
    void a_staff_email_is_unique_within_a_studio_even_when_added_in_parallel() throws Exception {
        openStudio("st_1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Boolean>> attempts = IntStream.range(0, 20).mapToObj(i -> pool.submit(() -> {
            try {
                store.addStaff("st_1", new Staff("sf_x" + i, "Ioana", "ioana@example.com", StaffRole.STAFF, null, NOW));
                return true;
            } catch (DomainException e) {
                assertThat(e.code()).isEqualTo("EMAIL_TAKEN");
                return false;
            }
        })).toList();
        long added = 0;
        for (Future<Boolean> attempt : attempts) if (attempt.get()) added++;
        pool.shutdown();

        assertThat(added).isEqualTo(1);
        assertThat(store.listStaff("st_1")).filteredOn(s -> s.email().equals("ioana@example.com")).hasSize(1);
    }

    @Test
    void changing_a_staff_email_moves_the_claim_and_removal_frees_it() {
        openStudio("st_1");
        Staff ioana = new Staff("sf_2", "Ioana", "ioana@example.com", StaffRole.STAFF, null, NOW);
        store.addStaff("st_1", ioana);
        Staff renamed = ioana.withChanges("Ioana M", "ioana.m@example.com", StaffRole.STAFF, "Yin");
        store.updateStaff("st_1", ioana, renamed);

        assertThat(store.findStaffByEmail("st_1", "ioana@example.com")).isEmpty();
        assertThat(store.findStaffByEmail("st_1", "ioana.m@example.com")).contains(renamed);

        store.removeStaff("st_1", renamed);
        assertThat(store.findStaff("st_1", "sf_2")).isEmpty();
        store.addStaff("st_1", new Staff("sf_3", "Other", "ioana.m@example.com", StaffRole.STAFF, null, NOW));
        assertThat(store.findStaffByEmail("st_1", "ioana.m@example.com")).map(Staff::staffId).contains("sf_3");
    }

    @Test
    void a_role_or_email_change_moves_the_token_version_on_and_a_name_or_bio_change_does_not() {
        openStudio("st_1");
        Staff ioana = new Staff("sf_2", "Ioana", "ioana@example.com", StaffRole.STAFF, null, NOW);
        store.addStaff("st_1", ioana);
        assertThat(store.findStaff("st_1", "sf_2").orElseThrow().tokenVersion()).isZero();

        Staff renamed = ioana.withChanges("Ioana M", "ioana@example.com", StaffRole.STAFF, "Yin");
        store.updateStaff("st_1", ioana, renamed);
        Staff owner = renamed.withChanges("Ioana M", "ioana@example.com", StaffRole.OWNER, "Yin");
        store.updateStaff("st_1", renamed, owner);
        Staff moved = owner.withChanges("Ioana M", "ioana.m@example.com", StaffRole.OWNER, "Yin");
        store.updateStaff("st_1", owner, moved);

        assertThat(renamed.tokenVersion()).isZero();
        assertThat(store.findStaff("st_1", "sf_2")).contains(moved);
        assertThat(moved.tokenVersion()).isEqualTo(2);
    }

    /** Without the condition, the slower change would write version 0 back and revive the tokens the role change ended. */
    @Test
    void a_change_made_on_a_stale_read_does_not_undo_a_role_change() {
        openStudio("st_1");
        Staff ioana = new Staff("sf_2", "Ioana", "ioana@example.com", StaffRole.OWNER, null, NOW);
        store.addStaff("st_1", ioana);
        store.updateStaff("st_1", ioana, ioana.withChanges("Ioana", "ioana@example.com", StaffRole.STAFF, null));

        assertThatThrownBy(() -> store.updateStaff("st_1", ioana, ioana.withChanges("Ioana", "ioana@example.com",
                StaffRole.OWNER, "Stale bio")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("STAFF_CHANGED"));
        assertThat(store.findStaff("st_1", "sf_2").orElseThrow())
                .satisfies(s -> assertThat(s.role()).isEqualTo(StaffRole.STAFF))
                .satisfies(s -> assertThat(s.tokenVersion()).isEqualTo(1))
                .satisfies(s -> assertThat(s.bio()).isNull());
        assertThatThrownBy(() -> store.updateStaff("st_1", new Staff("sf_9", "X", "x@example.com", StaffRole.STAFF, null, NOW),
                new Staff("sf_9", "Y", "x@example.com", StaffRole.STAFF, null, NOW)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    /** Staff items written before token versions existed have no version attribute: they are at version 0. */
    @Test
    void a_staff_item_without_a_token_version_is_at_version_0_and_can_be_changed() {
        com.studiobooking.infrastructure.table.ItemTable table = engine.fresh();
        DynamoStudioStore old = new DynamoStudioStore(table);
        Staff ana = new Staff("sf_1", "Ana", "ana@example.com", StaffRole.OWNER, null, NOW);
        old.createStudio(new Studio("st_1", StudioSettings.initial("S", "Europe/Bucharest", "RON", "ro"), NOW), ana);
        var item = new java.util.HashMap<>(table.get("STUDIO#st_1", "STAFF#sf_1").orElseThrow());
        item.remove("tokenVersion");
        table.write(com.studiobooking.infrastructure.table.Write.put(item));

        assertThat(old.findStaff("st_1", "sf_1")).contains(ana);
        Staff demoted = ana.withChanges("Ana", "ana@example.com", StaffRole.STAFF, null);
        old.updateStaff("st_1", ana, demoted);
        assertThat(old.findStaff("st_1", "sf_1").orElseThrow().tokenVersion()).isEqualTo(1);
    }

    @Test
    void staff_cannot_be_added_to_a_studio_that_does_not_exist() {
        assertThatThrownBy(() -> store.addStaff("st_none",
                new Staff("sf_9", "X", "x@example.com", StaffRole.STAFF, null, NOW)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThat(store.listStaff("st_none")).isEmpty();
    }

    @Test
    void locations_are_kept_per_studio() {
        openStudio("st_1");
        openStudio("st_2");
        Location room = new Location("lc_1", "Main room", "Str. Lalelelor 3", false, null, NOW);
        store.saveLocation("st_1", room);
        store.saveLocation("st_1", new Location("lc_2", "Zoom", null, true, "link per session", NOW));

        assertThat(store.listLocations("st_1")).extracting(Location::locationId).containsExactlyInAnyOrder("lc_1", "lc_2");
        assertThat(store.listLocations("st_2")).isEmpty();
        assertThat(store.findLocation("st_2", "lc_1")).isEmpty();

        store.removeLocation("st_1", "lc_1");
        assertThat(store.findLocation("st_1", "lc_1")).isEmpty();
    }

    private void openStudio(String studioId) {
        StudioSettings settings = new StudioSettings("S", "Europe/Bucharest", "RON", "ro", List.of(PaymentMethod.CARD),
                new BankTransfer(false, null, null, null, 48, null), new BookingPolicy(60, 60),
                new CancellationPolicy("t", 12, CancellationPolicy.Refund.REFUND), 24, new Appearance("#7c3aed", null, true));
        store.createStudio(new Studio(studioId, settings, NOW),
                new Staff("sf_o" + studioId, "Owner", "owner-" + studioId + "@example.com", StaffRole.OWNER, null, NOW));
    }
}
