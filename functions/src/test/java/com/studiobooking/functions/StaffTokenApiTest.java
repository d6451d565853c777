package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff token works only while its holder is staff with the role it was issued for: removal, a role
 * change or an e-mail change end it at once (401 TOKEN_REVOKED), not when it expires 12 hours later.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class StaffTokenApiTest {
    @Parameter
    TestTables.Engine engine;
    private ObservedTable table;
    private Api api;
    private String studioId;
    private String ownerToken;
    private String ownerId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        table = api.table;
        studioId = api.openStudio("ana@example.com");
        ownerToken = api.signIn(studioId, "ana@example.com");
        ownerId = staffIdOf("ana@example.com");
    }

    @Test
    void a_removed_staff_members_token_is_refused_on_every_staff_route_at_once() {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        assertThat(staffRoute("admin/get-studios-studioId-staff.json", ioana).send().status()).isEqualTo(200);

        assertThat(removeStaff(ioanaId).status()).isEqualTo(204);

        List<Path> staffRoutes = Api.staffRouteEvents();
        assertThat(staffRoutes).hasSizeGreaterThanOrEqualTo(38);
        for (Path event : staffRoutes) {
            assertRevoked(staffRoute(name(event), ioana).send(), name(event));
        }
        // a staff token is checked on every request, not only on staff routes
        assertRevoked(api.call("booking/get-me-bookings.json").token(ioana).send(), "GET /me/bookings");
        assertThat(api.call("admin/get-studios-studioId-clients.json").path("studioId", studioId).token(ownerToken).send()
                .json().get("clients")).isEmpty();
    }

    @Test
    void a_removed_staff_member_grants_no_credits() {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String clientId = clientId("maria@example.com");
        removeStaff(ioanaId);

        assertRevoked(grant(ioana, clientId, 1000), "grant credits");
        assertThat(credits(clientId)).isZero();
    }

    @Test
    void a_demoted_owner_cannot_add_staff() {
        String bobId = addStaff("Bob", "bob@example.com", "OWNER");
        String bob = api.signIn(studioId, "bob@example.com");
        assertThat(addStaffAs(bob, "Eve", "eve@example.com").status()).isEqualTo(201);

        Api.Reply demoted = api.call("admin/put-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", bobId).token(ownerToken).body(Map.of("role", "STAFF")).send();
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);

        assertRevoked(addStaffAs(bob, "Mallory", "mallory@example.com"), "add staff with the owner token");
        String bobAgain = api.signIn(studioId, "bob@example.com");
        assertThat(api.signInReply(studioId, "bob@example.com").json().get("role").asText()).isEqualTo("STAFF");
        Api.Reply refused = addStaffAs(bobAgain, "Mallory", "mallory@example.com");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(staffRoute("admin/get-studios-studioId-staff.json", ownerToken).send().json().get("staff")
                .findValuesAsText("email")).doesNotContain("mallory@example.com");
    }

    @Test
    void an_owner_whose_email_changed_must_sign_in_again() {
        Api.Reply changed = api.call("admin/put-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", ownerId).token(ownerToken).body(Map.of("email", "ana.pop@example.com")).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertRevoked(staffRoute("admin/get-studios-studioId-settings.json", ownerToken).send(), "settings");
        String renewed = api.signIn(studioId, "ana.pop@example.com");
        assertThat(staffRoute("admin/get-studios-studioId-settings.json", renewed).send().status()).isEqualTo(200);
        assertThat(api.signInReply(studioId, "ana@example.com").json().get("role").asText())
                .as("the old address is nobody's staff e-mail any more").isEqualTo("CLIENT");
    }

    @Test
    void tokens_of_untouched_staff_keep_working_and_so_do_tokens_after_a_name_or_bio_change() {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String mariaId = addStaff("Maria", "maria@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String maria = api.signIn(studioId, "maria@example.com");

        removeStaff(ioanaId);
        assertThat(api.call("admin/put-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", mariaId).token(ownerToken).body(Map.of("name", "Maria P.", "bio", "Pilates")).send()
                .status()).isEqualTo(200);
        assertThat(api.call("admin/put-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", mariaId).token(maria).body(Map.of("bio", "Pilates and yoga")).send().status())
                .as("her own bio").isEqualTo(200);

        for (String token : List.of(maria, ownerToken)) {
            assertThat(staffRoute("admin/get-studios-studioId-staff.json", token).send().status()).isEqualTo(200);
            assertThat(staffRoute("admin/post-studios-studioId-locations.json", token)
                    .body(Map.of("name", "Room", "address", "Str. Florilor 1")).send().status()).isEqualTo(201);
            assertThat(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(token)
                    .query(Map.of("from", "2026-11-23", "to", "2026-11-30")).send().status()).isEqualTo(200);
        }
        assertRevoked(staffRoute("admin/get-studios-studioId-staff.json", ioana).send(), "removed");
        assertThat(grant(maria, clientId("elena@example.com"), 5).status()).isEqualTo(201);
    }

    @Test
    void a_client_token_reads_no_staff_record() {
        String client = api.signIn(studioId, "maria@example.com");
        assertThat(api.call("booking/get-me-wallet.json").token(client).send().status()).isEqualTo(200);
    }

    /**
     * The race a check at the start of the request leaves open: the removal completes after the token was
     * checked and before the request writes. The write carries the check too, so it is refused.
     */
    @Test
    void a_removal_completing_between_the_token_check_and_the_write_lets_nothing_through() throws Exception {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String clientId = clientId("maria@example.com");
        CountDownLatch atWrite = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);

        CompletableFuture<Api.Reply> grant = CompletableFuture.supplyAsync(() -> {
            table.beforeNextWriteOnThisThread(() -> {
                atWrite.countDown();
                await(removed);
            });
            return grant(ioana, clientId, 1000);
        });
        assertThat(atWrite.await(30, TimeUnit.SECONDS)).as("the grant passed its token check and reached its write").isTrue();
        assertThat(removeStaff(ioanaId).status()).isEqualTo(204);
        removed.countDown();

        assertRevoked(grant.get(30, TimeUnit.SECONDS), "grant paused until the removal completed");
        assertThat(credits(clientId)).isZero();
    }

    /**
     * Parallel grants by a staff member while the owner removes them: every grant applied was applied
     * before the removal, every grant answered 201 was applied, and the others were refused as revoked.
     */
    @Test
    void parallel_requests_during_a_removal_never_write_after_it() throws Exception {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String clientId = clientId("maria@example.com");
        int grants = 24;
        long before = table.applied().size();

        List<Api.Reply> replies = Parallel.run(grants + 1, i -> i == grants / 2 ? removeStaff(ioanaId) : grant(ioana, clientId, 1));

        Api.Reply removal = replies.get(grants / 2);
        assertThat(removal.status()).isEqualTo(204);
        List<Api.Reply> grantReplies = new ArrayList<>(replies);
        grantReplies.remove(grants / 2);
        long granted = grantReplies.stream().filter(r -> r.status() == 201).count();
        grantReplies.stream().filter(r -> r.status() != 201).forEach(r -> assertRevoked(r, "a grant that lost the race"));

        List<ObservedTable.Applied> applied = table.applied().stream().filter(a -> a.order() >= before).toList();
        long removedAt = applied.stream().filter(a -> a.writes("STUDIO#" + studioId, "STAFF#" + ioanaId))
                .findFirst().orElseThrow().order();
        List<ObservedTable.Applied> walletWrites = applied.stream()
                .filter(a -> a.writesPartition("STUDIO#" + studioId + "#CLIENT#" + clientId)).toList();
        assertThat(walletWrites).hasSize((int) granted).allSatisfy(a -> assertThat(a.order()).isLessThan(removedAt));
        assertThat(credits(clientId)).isEqualTo(granted);
    }

    /** Moving a session of the longest length frees 48 and claims 48 units: with the check, 100 writes, DynamoDB's limit. */
    @Test
    void a_session_of_the_longest_length_is_moved_by_staff_in_one_transaction_with_the_check() {
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String roomId = staffRoute("admin/post-studios-studioId-locations.json", ownerToken)
                .body(Map.of("name", "Room", "address", "Str. Florilor 1")).send().json().get("locationId").asText();
        Api.Reply created = staffRoute("admin/post-studios-studioId-sessions.json", ioana).body(Map.of("name", "Retreat",
                "start", "2026-11-28T08:00:00+02:00", "durationMinutes", 240, "capacity", 10, "instructorId", ioanaId,
                "format", "IN_PERSON", "locationId", roomId, "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("CARD"))).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Api.Reply moved = api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", created.json().get("sessionId").asText()).token(ioana)
                .body(Map.of("start", "2026-11-28T13:00:00+02:00")).send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("start").asText()).isEqualTo("2026-11-28T13:00:00+02:00");
    }

    /**
     * An appointment of the longest length with an Idempotency-Key is already 100 writes, with no room for the
     * check: it is checked by a read just before. (The client exists, so the booking is the request's first write.)
     */
    @Test
    void an_appointment_of_the_longest_length_is_booked_with_a_staff_token() {
        clientId("maria@example.com");
        String ioanaId = addStaff("Ioana", "ioana@example.com", "STAFF");
        String ioana = api.signIn(studioId, "ioana@example.com");
        String roomId = staffRoute("admin/post-studios-studioId-locations.json", ownerToken)
                .body(Map.of("name", "Room", "address", "Str. Florilor 1")).send().json().get("locationId").asText();
        assertThat(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", ioanaId).token(ownerToken).body(Map.of("weekly", List.of(Map.of("day", "MONDAY",
                        "start", "08:00", "end", "18:00", "locationId", roomId)))).send().status()).isEqualTo(200);
        Api.Reply service = staffRoute("admin/post-studios-studioId-services.json", ownerToken).body(Map.of("name", "Day retreat",
                "durationMinutes", 480, "price", Map.of("amount", 90000, "currency", "RON"), "staffIds", List.of(ioanaId),
                "locationIds", List.of(roomId))).send();
        assertThat(service.status()).as(service.body()).isEqualTo(201);

        Api.Reply booked = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).token(ioana)
                .header("idempotency-key", "retreat-1").body(Map.of("serviceId", service.json().get("serviceId").asText(),
                        "start", "2026-11-30T09:00:00+02:00", "paymentMethod", "CARD",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send();
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRevoked(Api.Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(401);
        assertThat(reply.errorCode()).as(what).isEqualTo("TOKEN_REVOKED");
        assertThat(reply.json().get("error").get("message").asText()).as(what).contains("sign in again");
    }

    private Api.Call staffRoute(String event, String token) {
        return api.call(event).path("studioId", studioId).token(token);
    }

    private String addStaff(String name, String email, String role) {
        Api.Reply added = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("name", name, "email", email, "role", role)).send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("staffId").asText();
    }

    private Api.Reply addStaffAs(String token, String name, String email) {
        return api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(token)
                .body(Map.of("name", name, "email", email)).send();
    }

    private Api.Reply removeStaff(String staffId) {
        return api.call("admin/delete-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", staffId).token(ownerToken).send();
    }

    private String staffIdOf(String email) {
        for (var staff : staffRoute("admin/get-studios-studioId-staff.json", ownerToken).send().json().get("staff")) {
            if (staff.get("email").asText().equals(email)) return staff.get("staffId").asText();
        }
        throw new AssertionError("no staff member " + email);
    }

    private String clientId(String email) {
        Api.Reply added = api.call("admin/post-studios-studioId-clients.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("email", email)).send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("clientId").asText();
    }

    private Api.Reply grant(String token, String clientId, int credits) {
        return api.call("admin/post-studios-studioId-clients-clientId-credits.json").path("studioId", studioId)
                .path("clientId", clientId).token(token).body(Map.of("credits", credits)).send();
    }

    private long credits(String clientId) {
        return api.call("admin/get-studios-studioId-clients-clientId-wallet.json").path("studioId", studioId)
                .path("clientId", clientId).token(ownerToken).send().json().get("credits").asLong();
    }

    private static String name(Path event) {
        return event.getParent().getFileName() + "/" + event.getFileName();
    }
}
