package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions through the handlers: capacity races, wallet, bank transfer, link release (rules 1, 3, 4, 7, 9). */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class SessionApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String LINK = "https://meet.example/lotus-secret-room";
    private static final String PASSWORD = "lotus-pw-4321";
    private static final String INSTRUCTIONS = "Door code 7788, camera on please";

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;
    private final List<Api.Reply> replies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48))).send());
        instructorId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
    }

    @Test
    void two_hundred_parallel_bookings_on_a_ten_seat_session_make_exactly_ten() throws Exception {
        String sessionId = session("IN_PERSON", 10, null, List.of("PAY_AT_STUDIO"), null);

        List<Integer> statuses = Parallel.run(200, i -> bookSeat(sessionId, null, "PAY_AT_STUDIO", "c" + i + "@example.com", null).status());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(190);
        JsonNode detail = staffSession(sessionId);
        assertThat(detail.get("spotsLeftByFormat").get("IN_PERSON").asInt()).isZero();
        assertThat(detail.get("participants")).hasSize(10);
        assertThat(publicSessions().get(0).get("spotsLeft").asInt()).isZero();
    }

    @Test
    void a_hybrid_session_keeps_each_format_within_its_own_capacity() throws Exception {
        String sessionId = session("HYBRID", 2, 3, List.of("PASS", "BANK_TRANSFER", "PAY_AT_STUDIO"), null);

        List<Integer> inStudio = Parallel.run(10, i -> bookSeat(sessionId, "IN_PERSON", "PAY_AT_STUDIO", "p" + i + "@example.com", null).status());
        List<Integer> online = Parallel.run(10, i -> bookSeat(sessionId, "ONLINE", "BANK_TRANSFER", "o" + i + "@example.com", null).status());

        assertThat(inStudio.stream().filter(s -> s == 201).count()).isEqualTo(2);
        assertThat(online.stream().filter(s -> s == 201).count()).isEqualTo(3);
        JsonNode left = publicSessions().get(0).get("spotsLeftByFormat");
        assertThat(left.get("IN_PERSON").asInt()).isZero();
        assertThat(left.get("ONLINE").asInt()).isZero();
        assertRefused(bookSeat(sessionId, null, "PAY_AT_STUDIO", "x@example.com", null), 400, "VALIDATION_FAILED");
        assertRefused(bookSeat(sessionId, "ONLINE", "PAY_AT_STUDIO", "y@example.com", null), 422, "PAYMENT_METHOD_NOT_ACCEPTED");
    }

    @Test
    void an_online_session_is_refused_without_a_prepayment_method() {
        Api.Reply refused = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(sessionBody("ONLINE", 10, null, List.of("PAY_AT_STUDIO"), null)).send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("ONLINE_NEEDS_PREPAYMENT");
        assertThat(refused.errorField()).isEqualTo("paymentMethods");
    }

    @Test
    void a_client_with_one_entry_left_booking_two_sessions_in_parallel_gets_exactly_one() throws Exception {
        String first = session("IN_PERSON", 10, null, List.of("PASS"), "2026-12-01T18:00:00+02:00");
        String second = session("IN_PERSON", 10, null, List.of("PASS"), "2026-12-02T18:00:00+02:00");
        String client = clientWithPass("maria@example.com", 1);

        List<Integer> statuses = Parallel.run(2, i -> bookSeat(i == 0 ? first : second, null, "PASS", "maria@example.com", client).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        JsonNode wallet = api.call("booking/get-me-wallet.json").token(client).send().json();
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isZero();
        assertThat(wallet.get("history").findValuesAsText("kind")).containsExactlyInAnyOrder("PASS_ENTRY_USED", "PASS_ISSUED");
    }

    @Test
    void cancelling_before_the_cut_off_gives_the_entry_back_and_credits_are_spent_and_returned() {
        String sessionId = session("IN_PERSON", 10, null, List.of("PASS", "CREDITS"), null);
        String client = clientWithPass("maria@example.com", 5);
        String clientId = clientId("maria@example.com");
        ok(api.call("admin/post-studios-studioId-clients-clientId-credits.json").path("studioId", studioId)
                .path("clientId", clientId).token(owner).body(Map.of("credits", 3)).send());

        JsonNode byPass = ok(bookSeat(sessionId, null, "PASS", "maria@example.com", client)).json();
        JsonNode byCredits = ok(bookSeat(sessionId, null, "CREDITS", "maria@example.com", client)).json();
        JsonNode wallet = api.call("booking/get-me-wallet.json").token(client).send().json();
        assertThat(wallet.get("credits").asInt()).isEqualTo(1);
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(4);

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", byPass.get("bookingId").asText()).token(client).send());
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", byCredits.get("bookingId").asText()).token(client).send());

        wallet = api.call("booking/get-me-wallet.json").token(client).send().json();
        assertThat(wallet.get("credits").asInt()).isEqualTo(3);
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(wallet.get("history").findValuesAsText("kind")).contains("PASS_ENTRY_RETURNED", "CREDITS_RETURNED");
        assertRefused(bookSeat(sessionId, null, "CREDITS", "maria@example.com", null), 401, "CLIENT_TOKEN_REQUIRED");
    }

    @Test
    void an_expired_pass_is_not_usable() {
        String sessionId = session("IN_PERSON", 10, null, List.of("PASS"), "2026-12-20T18:00:00+02:00");
        String client = clientWithPass("maria@example.com", 5, 7); // valid until 2026-11-30

        assertRefused(bookSeat(sessionId, null, "PASS", "maria@example.com", client), 422, "NO_USABLE_PASS");
    }

    @Test
    void staff_cancelling_a_session_returns_everything_and_tells_everyone() {
        String sessionId = session("IN_PERSON", 10, null, List.of("PASS", "BANK_TRANSFER"), null);
        String client = clientWithPass("maria@example.com", 5);
        ok(bookSeat(sessionId, null, "PASS", "maria@example.com", client));
        ok(bookSeat(sessionId, null, "BANK_TRANSFER", "radu@example.com", null));

        JsonNode cancelled = ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("participants").findValuesAsText("status")).containsOnly("CANCELLED");
        assertThat(api.call("booking/get-me-wallet.json").token(client).send().json()
                .get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(lastTo("maria@example.com").subject()).startsWith("Cancelled");
        assertThat(lastTo("radu@example.com").subject()).startsWith("Cancelled");
        assertThat(publicSessions()).isEmpty();
    }

    @Test
    void the_listing_shows_a_cancelled_session_only_when_asked_for_and_refuses_a_flag_that_is_neither_true_nor_false() {
        String sessionId = session("IN_PERSON", 10, null, List.of("BANK_TRANSFER"), null);
        ok(bookSeat(sessionId, null, "BANK_TRANSFER", "radu@example.com", null));
        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send());

        assertThat(publicSessions()).isEmpty();
        assertThat(sessionsWith(Map.of("cancelled", "false")).json().get("sessions")).isEmpty();
        JsonNode listed = ok(sessionsWith(Map.of("cancelled", "true"))).json().get("sessions");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(listed.get(0).get("spotsLeft").asInt()).isZero();
        assertThat(listed.get(0).has("onlineAccess")).isFalse();
        Api.Reply refused = sessionsWith(Map.of("cancelled", "yes"));
        assertRefused(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.json().get("error").get("field").asText()).isEqualTo("cancelled");
    }

    @Test
    void an_unpaid_bank_transfer_booking_releases_its_place_at_the_due_time() {
        String sessionId = session("IN_PERSON", 1, null, List.of("BANK_TRANSFER"), null);
        JsonNode booking = ok(bookSeat(sessionId, null, "BANK_TRANSFER", "radu@example.com", null)).json();
        assertThat(booking.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(booking.get("nextAction").get("bankTransfer").get("reference").asText()).startsWith("SB-");
        assertRefused(bookSeat(sessionId, null, "BANK_TRANSFER", "other@example.com", null), 409, "CAPACITY_REACHED");

        api.clock.advance(Duration.ofHours(47));
        assertThat(api.scheduler.runDue()).isZero();
        api.clock.advance(Duration.ofHours(1));
        assertThat(api.scheduler.runDue()).isEqualTo(1);

        JsonNode released = api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send().json();
        assertThat(released.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(released.get("cancellation").get("by").asText()).isEqualTo("SYSTEM");
        assertThat(ok(bookSeat(sessionId, null, "BANK_TRANSFER", "other@example.com", null)).status()).isEqualTo(201);
    }

    /** Issue 15: a transfer is offered only when it leaves real time to pay (bankTransfer.minHoursBeforeStart, default 24). */
    @Test
    void bank_transfer_is_refused_closer_to_the_start_than_the_studio_allows_and_the_due_time_never_passes_the_start() {
        // the clock reads 2026-11-23T09:00Z, 11:00 in Bucharest
        String tonight = session("IN_PERSON", 5, null, List.of("BANK_TRANSFER", "PAY_AT_STUDIO"), "2026-11-23T21:00:00+02:00");
        String tomorrowNight = session("IN_PERSON", 5, null, List.of("BANK_TRANSFER"), "2026-11-24T18:00:00+02:00");

        Api.Reply refused = bookSeat(tonight, null, "BANK_TRANSFER", "radu@example.com", null);
        assertRefused(refused, 422, "BANK_TRANSFER_TOO_LATE");
        assertThat(refused.json().get("error").get("field").asText()).isEqualTo("paymentMethod");
        assertThat(refused.json().get("error").get("minHoursBeforeStart").asInt()).isEqualTo(24);
        assertThat(staffSession(tonight).get("participants")).as("nothing was held").isEmpty();
        assertThat(ok(bookSeat(tonight, null, "PAY_AT_STUDIO", "radu@example.com", null)).status()).isEqualTo(201);

        JsonNode due = ok(bookSeat(tomorrowNight, null, "BANK_TRANSFER", "dana@example.com", null)).json();
        assertThat(due.get("nextAction").get("bankTransfer").get("dueBy").asText())
                .as("48 hours from now would pass the start: due at the start").isEqualTo("2026-11-24T18:00:00+02:00");

        assertRefused(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                        "iban", "RO49AAAA1B31007593840000", "minHoursBeforeStart", -1))).send(), 400, "VALIDATION_FAILED");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                        "iban", "RO49AAAA1B31007593840000", "dueHours", 4, "minHoursBeforeStart", 6))).send());
        JsonNode profile = api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send().json();
        assertThat(profile.get("bankTransfer").get("minHoursBeforeStart").asInt()).isEqualTo(6);
        JsonNode tonightTransfer = ok(bookSeat(tonight, null, "BANK_TRANSFER", "ioan@example.com", null)).json();
        assertThat(tonightTransfer.get("nextAction").get("bankTransfer").get("dueBy").asText()).isEqualTo("2026-11-23T15:00:00+02:00");
    }

    /** The seed story: the link reaches exactly the paid participants, when rule 3 allows, and nowhere else. */
    @Test
    void the_online_link_reaches_only_paid_participants_and_never_leaks() {
        String sessionId = session("ONLINE", 10, null, List.of("PASS", "BANK_TRANSFER"), null);
        String client = clientWithPass("maria@example.com", 5);

        JsonNode paid = remember(bookSeat(sessionId, null, "PASS", "maria@example.com", client)).json();
        assertThat(paid.has("onlineAccess")).isFalse();
        assertThat(lastTo("maria@example.com").text()).containsIgnoringCase("link will follow");
        JsonNode unpaid = remember(bookSeat(sessionId, null, "BANK_TRANSFER", "radu@example.com", null)).json();
        assertThat(unpaid.get("status").asText()).isEqualTo("AWAITING_PAYMENT");

        remember(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner)
                .body(Map.of("link", LINK, "instructions", INSTRUCTIONS, "password", PASSWORD)).send());

        assertThat(linkMailsTo("maria@example.com")).isEqualTo(1);
        assertThat(linkMailsTo("radu@example.com")).isZero();
        JsonNode mine = remember(view(paid)).json();
        assertThat(mine.get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(mine.get("onlineAccess").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(remember(view(unpaid)).json().has("onlineAccess")).isFalse();
        remember(api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId)
                .query(Map.of("from", "2026-11-23", "to", "2026-12-31")).send());

        // the same link again changes nothing; nobody is e-mailed twice
        remember(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner)
                .body(Map.of("link", LINK, "instructions", INSTRUCTIONS, "password", PASSWORD)).send());
        assertThat(linkMailsTo("maria@example.com")).isEqualTo(1);

        JsonNode confirmed = remember(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json")
                .path("studioId", studioId).path("bookingId", unpaid.get("bookingId").asText()).token(owner).send()).json();
        assertThat(confirmed.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(linkMailsTo("radu@example.com")).isEqualTo(1);
        assertThat(remember(view(unpaid)).json().get("onlineAccess").get("link").asText()).isEqualTo(LINK);

        // rule 3 across everything this story produced
        List<String> allowedToSeeLink = List.of("maria@example.com", "radu@example.com");
        for (Email mail : api.outbox.sent()) {
            String everything = mail.subject() + mail.text() + mail.html() + attachments(mail);
            boolean entitled = mail.to().stream().anyMatch(allowedToSeeLink::contains)
                    && (mail.subject().contains("link") || mail.subject().contains("Payment"));
            if (!entitled) {
                assertThat(everything).as("e-mail to " + mail.to() + ": " + mail.subject()).doesNotContain(LINK, PASSWORD, INSTRUCTIONS);
            }
        }
        for (Api.Reply reply : replies) {
            JsonNode body = reply.json();
            boolean staffView = body.has("participants");
            boolean entitledBooking = body.path("status").asText().equals("CONFIRMED")
                    && body.path("paymentStatus").asText().equals("PAID") && body.path("format").asText().equals("ONLINE");
            if (!staffView && !entitledBooking) {
                assertThat(reply.body()).as(reply.body()).doesNotContain(LINK, PASSWORD, INSTRUCTIONS);
            }
        }
    }

    @Test
    void a_missing_link_reminder_fires_once_and_only_while_the_link_is_missing() {
        String soon = session("ONLINE", 10, null, List.of("PASS"), "2026-11-24T10:00:00+02:00");
        String later = session("ONLINE", 10, null, List.of("PASS"), "2026-11-30T10:00:00+02:00");
        assertThat(api.scheduler.pending()).extracting(j -> j.name())
                .containsExactlyInAnyOrder("missing-link-" + soon, "missing-link-" + later);

        ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", later).token(owner).body(Map.of("link", LINK)).send());
        assertThat(api.scheduler.pending()).extracting(j -> j.name()).containsExactly("missing-link-" + soon);

        api.clock.advance(Duration.ofHours(2));
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(api.outbox.sentTo("ioana@example.com")).filteredOn(m -> m.subject().contains("link")).hasSize(1);
        assertThat(api.wiring.jobRunner().run(com.studiobooking.core.model.schedule.JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", studioId, "sessionId", soon))).isFalse();
        assertThat(api.outbox.sentTo("ioana@example.com")).filteredOn(m -> m.subject().contains("link")).hasSize(1);
    }

    @Test
    void the_reminder_follows_the_session_through_reschedule_link_changes_and_cancellation() {
        String sessionId = session("ONLINE", 10, null, List.of("PASS"), "2026-11-30T10:00:00+02:00");
        assertThat(reminderAt(sessionId)).isEqualTo("2026-11-29T08:00:00Z"); // start − 24 h (studio default)

        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId).path("sessionId", sessionId)
                .token(owner).body(Map.of("start", "2026-12-01T12:00:00+02:00")).send());
        assertThat(reminderAt(sessionId)).isEqualTo("2026-11-30T10:00:00Z");

        ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).body(Map.of("link", LINK)).send());
        assertThat(api.scheduler.pending()).isEmpty();

        Map<String, Object> noLink = new HashMap<>();
        noLink.put("link", null);
        ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).body(noLink).send());
        assertThat(reminderAt(sessionId)).isEqualTo("2026-11-30T10:00:00Z");

        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send());
        assertThat(api.scheduler.pending()).isEmpty();
        assertThat(api.wiring.jobRunner().run(com.studiobooking.core.model.schedule.JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", studioId, "sessionId", sessionId))).isFalse();
    }

    @Test
    void a_reminder_never_fires_for_a_session_that_already_started() {
        String sessionId = session("ONLINE", 10, null, List.of("PASS"), "2026-11-23T13:00:00+02:00");
        assertThat(reminderAt(sessionId)).isEqualTo("2026-11-23T09:00:00Z"); // lead time passed: now

        api.clock.advance(Duration.ofHours(3));
        assertThat(api.wiring.jobRunner().run(com.studiobooking.core.model.schedule.JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", studioId, "sessionId", sessionId))).isFalse();
        assertThat(api.outbox.sentTo("ioana@example.com")).filteredOn(m -> m.subject().contains("link")).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String reminderAt(String sessionId) {
        return api.scheduler.pending().stream().filter(j -> j.name().equals("missing-link-" + sessionId))
                .findFirst().orElseThrow().at().toString();
    }

    private Map<String, Object> sessionBody(String format, int capacity, Integer onlineCapacity, List<String> methods, String start) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Vinyasa", "start", start == null ? "2026-11-28T18:00:00+02:00" : start,
                "durationMinutes", 60, "capacity", capacity, "instructorId", instructorId, "format", format,
                "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2, "paymentMethods", methods));
        if (!format.equals("ONLINE")) body.put("locationId", roomId);
        if (onlineCapacity != null) body.put("onlineCapacity", onlineCapacity);
        return body;
    }

    private String session(String format, int capacity, Integer onlineCapacity, List<String> methods, String start) {
        Api.Reply reply = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(sessionBody(format, capacity, onlineCapacity, methods, start)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("sessionId").asText();
    }

    private String clientWithPass(String email, int entries) {
        return clientWithPass(email, entries, 30);
    }

    private String clientWithPass(String email, int entries, int validDays) {
        return api.clientWithPass(studioId, owner, email, entries, validDays);
    }

    private String clientId(String email) {
        return api.addClient(studioId, owner, email);
    }

    private Api.Reply bookSeat(String sessionId, String format, String method, String email, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", method,
                "client", Map.of("name", "Client " + email, "email", email)));
        if (format != null) body.put("format", format);
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body);
        if (token != null) call.token(token);
        return call.send();
    }

    private Api.Reply view(JsonNode booking) {
        return api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send();
    }

    private JsonNode staffSession(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
    }

    private JsonNode publicSessions() {
        return ok(api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId)
                .query(Map.of("from", "2026-11-23", "to", "2026-12-31")).send()).json().get("sessions");
    }

    private Api.Reply sessionsWith(Map<String, String> flag) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("from", "2026-11-23", "to", "2026-12-31"));
        query.putAll(flag);
        return api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId).query(query).send();
    }

        private long linkMailsTo(String email) {
        return api.outbox.sentTo(email).stream().filter(m -> m.text().contains(LINK)).count();
    }

    private Email lastTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        return mails.get(mails.size() - 1);
    }

    private static String attachments(Email mail) {
        StringBuilder all = new StringBuilder();
        mail.attachments().forEach(a -> all.append(new String(a.content(), StandardCharsets.UTF_8).replace("\r\n ", "")));
        return all.toString();
    }

    private Api.Reply remember(Api.Reply reply) {
        replies.add(reply);
        return ok(reply);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
    }

}
