package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fence on a staff request's writes, on both table engines. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class StaffTokenFenceTest {
    @Parameter
    TestTables.Engine engine;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Caller IOANA = new Caller("st_1", "sf_2", Role.STAFF, 0);
    private ItemTable raw;
    private StaffTokenFence fence;
    private DynamoStudioStore studios;
    private Staff ioana;

    @BeforeEach
    void setUp() {
        raw = engine.fresh();
        fence = new StaffTokenFence(() -> raw);
        studios = new DynamoStudioStore(raw);
        studios.createStudio(new Studio("st_1", StudioSettings.initial("Lotus", "Europe/Bucharest", "RON", "ro"), NOW),
                new Staff("sf_1", "Ana", "ana@example.com", StaffRole.OWNER, null, NOW));
        ioana = new Staff("sf_2", "Ioana", "ioana@example.com", StaffRole.STAFF, null, NOW);
        studios.addStaff("st_1", ioana);
    }

    @Test
    void while_the_token_is_current_writes_go_through_and_without_a_hold_they_are_not_checked() {
        assertThat(fence.write(note("a"))).isTrue();
        fence.hold(IOANA);
        assertThat(fence.write(note("b"))).isTrue();
        assertThat(raw.get("NOTE", "b")).isPresent();
    }

    @Test
    void once_the_staff_member_is_removed_the_first_write_is_refused_and_writes_nothing() {
        fence.hold(IOANA);
        studios.removeStaff("st_1", ioana);

        assertRevoked(() -> fence.write(note("a")));
        assertRevoked(() -> fence.tryTransact(List.of(note("b"), note("c"))));
        assertThat(raw.get("NOTE", "a")).isEmpty();
        assertThat(raw.get("NOTE", "b")).isEmpty();

        fence.release();
        assertThat(fence.write(note("a"))).as("the next request holds nothing").isTrue();
    }

    @Test
    void a_role_change_ends_the_token_but_a_write_whose_own_condition_fails_is_only_that() {
        fence.hold(IOANA);
        assertThat(fence.write(Write.putNew(note("a").item()))).isTrue();
        fence.release();
        fence.hold(IOANA);
        assertThat(fence.write(Write.putNew(note("a").item()))).as("its own condition, not the token").isFalse();
        assertThat(fence.tryTransact(List.of(note("b"), Write.putNew(note("a").item())))).containsExactly(false, true);

        studios.updateStaff("st_1", ioana, ioana.withChanges("Ioana", "ioana@example.com", StaffRole.OWNER, null));
        assertRevoked(() -> fence.write(note("c")));
    }

    /** Once a write of the request was applied, its operation has begun: the rest of it is not cut off half-way. */
    @Test
    void the_first_applied_write_ends_the_fence_for_the_rest_of_the_request() {
        fence.hold(IOANA);
        assertThat(fence.write(note("a"))).isTrue();
        studios.removeStaff("st_1", ioana);
        fence.hold(IOANA);

        assertThat(fence.write(note("b"))).isTrue();
    }

    @Test
    void a_write_to_the_staff_item_itself_carries_the_check_in_its_own_condition() {
        fence.hold(IOANA);
        Staff renamed = ioana.withChanges("Ioana M", "ioana@example.com", StaffRole.STAFF, null);
        new DynamoStudioStore(fence).updateStaff("st_1", ioana, renamed);
        assertThat(studios.findStaff("st_1", "sf_2")).contains(renamed);

        fence.release();
        fence.hold(IOANA);
        studios.updateStaff("st_1", renamed, renamed.withChanges("Ioana M", "ioana@example.com", StaffRole.OWNER, null));
        assertRevoked(() -> new DynamoStudioStore(fence).updateStaff("st_1", renamed,
                renamed.withChanges("Ioana", "ioana@example.com", StaffRole.STAFF, null)));
    }

    /** DynamoDB takes at most 100 writes in a transaction: a full one is checked by a read just before it. */
    @Test
    void a_transaction_with_no_room_for_the_check_is_checked_just_before() {
        List<Write> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) hundred.add(note("n" + i));
        fence.hold(IOANA);
        assertThat(fence.tryTransact(hundred)).isNull();

        fence.release();
        fence.hold(IOANA);
        studios.removeStaff("st_1", ioana);
        List<Write> next = hundred.stream().map(w -> (Write) Write.change(w.pk(), w.sk(), Update.create().set("v", "2"),
                Condition.always())).toList();
        assertRevoked(() -> fence.tryTransact(next));
    }

    @Test
    void what_a_request_holds_belongs_to_its_thread() throws Exception {
        fence.hold(IOANA);
        studios.removeStaff("st_1", ioana);

        assertThat(CompletableFuture.supplyAsync(() -> fence.write(note("other"))).get()).isTrue();
        assertRevoked(() -> fence.write(note("mine")));
    }

    @Test
    void a_change_returning_the_old_item_is_never_fenced_by_mistake() {
        assertThat(fence.changeReturningOld(new Write.Change("NOTE", "x", Update.create().set("v", "1"), Condition.always())))
                .isPresent();
        fence.hold(IOANA);
        assertThatThrownBy(() -> fence.changeReturningOld(new Write.Change("NOTE", "x", Update.create().set("v", "2"),
                Condition.always()))).isInstanceOf(IllegalStateException.class);
    }

    private static Write.Put note(String sk) {
        return (Write.Put) Write.put(Map.of("PK", AttributeValue.fromS("NOTE"), "SK", AttributeValue.fromS(sk)));
    }

    private static void assertRevoked(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("TOKEN_REVOKED"));
    }
}
