package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service reschedule of session seats through the handlers: the seat moves to another session of the
 * same kind and price in one transaction (a seat taken there, the old one freed, the participant line moved),
 * keeping the pass entry or credits it used; a full session refuses, and of many parallel moves into the
 * last seat exactly one wins. The link of an online session follows rule 3.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class RescheduleSessionApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String LINK = "https://meet.example/lotus-secret-room";
    private static final String SATURDAY = "2026-11-28T18:00:00+02:00";
    private static final String SUNDAY = "2026-11-29T10:00:00+02:00";

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO", "BANK_TRANSFER"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                        "clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24)))).send());
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @Test
    void a_seat_paid_with_a_pass_moves_with_its_entry_and_both_sessions_count_exactly() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "IN_PERSON", 5000, null);
        String maria = clientWithPass("maria@example.com", 30);
        JsonNode booking = ok(bookSeat(saturday, "PASS", "maria@example.com", maria)).json();
        JsonNode other = ok(bookSeat(saturday, "PAY_AT_STUDIO", "radu@example.com", null)).json();
        String id = booking.get("bookingId").asText();
        JsonNode walletBefore = wallet(maria);

        JsonNode moved = ok(reschedule(id, maria, Map.of("sessionId", sunday))).json();

        assertThat(moved.get("sessionId").asText()).isEqualTo(sunday);
        assertThat(moved.get("start").asText()).isEqualTo(SUNDAY);
        assertThat(moved.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(moved.get("paymentMethod").asText()).isEqualTo("PASS");
        assertThat(moved.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(participants(saturday)).containsOnlyKeys(other.get("bookingId").asText());
        assertThat(participants(sunday)).containsExactly(Map.entry(id, "CONFIRMED"));
        assertThat(staffSession(saturday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(9);
        assertThat(staffSession(sunday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(9);
        assertThat(wallet(maria)).as("the entry stays used, nothing returned or spent again").isEqualTo(walletBefore);
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(4);
        assertThat(remindersOf(id)).containsExactly(Map.entry("reminder-" + id + "-24h", "2026-11-28T08:00:00Z"));
        assertThat(mine(maria)).extracting(b -> b.get("sessionId").asText()).containsExactly(sunday);

        // cancelled in time afterwards, the entry comes back once and the Sunday seat is freed
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(maria).send());
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(staffSession(sunday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(10);
    }

    @Test
    void the_client_is_e_mailed_both_times_with_the_invite_of_the_same_uid_and_a_higher_sequence() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "IN_PERSON", 5000, null);
        JsonNode booking = ok(bookSeat(saturday, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        String id = booking.get("bookingId").asText();

        ok(reschedule(id, booking.get("accessToken").asText(), Map.of("sessionId", sunday)));

        List<Email> mails = api.outbox.sentTo("maria@example.com");
        assertThat(mails).extracting(Email::subject).containsExactly("Booked: Vinyasa with Ioana on Sat 28 Nov 18:00",
                "Moved: Vinyasa with Ioana on Sun 29 Nov 10:00");
        assertThat(mails.get(1).text()).contains("Your place is moved to Vinyasa at Lotus Yoga",
                "New time: Sun 29 Nov 2026, 10:00–11:00 (Europe/Bucharest)",
                "Was: Sat 28 Nov 2026, 18:00–19:00 (Europe/Bucharest)");
        assertThat(ics(mails.get(0))).contains("UID:" + id + "@studio-booking", "SEQUENCE:0");
        assertThat(ics(mails.get(1))).contains("UID:" + id + "@studio-booking", "SEQUENCE:1", "METHOD:REQUEST",
                "DTSTART;TZID=Europe/Bucharest:20261129T100000");
    }

    @Test
    void after_staff_moved_the_session_the_client_s_own_move_and_cancel_carry_ever_higher_sequences() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "IN_PERSON", 5000, null);
        JsonNode booking = ok(bookSeat(saturday, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", saturday).token(owner).body(Map.of("start", "2026-11-28T19:00:00+02:00")).send());
        ok(reschedule(id, token, Map.of("sessionId", sunday)));
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(token).send());

        assertThat(api.outbox.sentTo("maria@example.com")).extracting(m -> sequenceOf(ics(m))).containsExactly(0, 1, 2, 3);
        assertThat(api.outbox.sentTo("maria@example.com")).extracting(m -> ics(m))
                .allMatch(ics -> ics.contains("UID:" + id + "@studio-booking"));
    }

    private static int sequenceOf(String ics) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SEQUENCE:(\\d+)").matcher(ics);
        assertThat(m.find()).as(ics).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void a_move_into_a_full_session_is_409_and_changes_nothing() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 1, "IN_PERSON", 5000, null);
        JsonNode booking = ok(bookSeat(saturday, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        ok(bookSeat(sunday, "PAY_AT_STUDIO", "radu@example.com", null));
        String id = booking.get("bookingId").asText();

        Api.Reply full = reschedule(id, booking.get("accessToken").asText(), Map.of("sessionId", sunday));

        assertRefused(full, 409, "CAPACITY_REACHED");
        assertThat(full.errorField()).isEqualTo("sessionId");
        assertThat(participants(saturday)).containsExactly(Map.entry(id, "CONFIRMED"));
        assertThat(participants(sunday)).hasSize(1).doesNotContainKey(id);
        assertThat(staffSession(saturday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(9);
        assertThat(staffSession(sunday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isZero();
        assertThat(view(booking).get("sessionId").asText()).isEqualTo(saturday);
    }

    @Test
    void of_many_parallel_moves_into_the_last_seat_exactly_one_wins() throws Exception {
        String saturday = session("Vinyasa", SATURDAY, 20, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 3, "IN_PERSON", 5000, null);
        ok(bookSeat(sunday, "PAY_AT_STUDIO", "early1@example.com", null));
        ok(bookSeat(sunday, "PAY_AT_STUDIO", "early2@example.com", null));
        List<JsonNode> bookings = new ArrayList<>();
        for (int i = 0; i < 12; i++) bookings.add(ok(bookSeat(saturday, "PAY_AT_STUDIO", "c" + i + "@example.com", null)).json());

        List<Api.Reply> replies = Parallel.run(bookings.size(), i -> reschedule(bookings.get(i).get("bookingId").asText(),
                bookings.get(i).get("accessToken").asText(), Map.of("sessionId", sunday)));

        assertThat(replies).extracting(Api.Reply::status).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(replies).filteredOn(r -> r.status() == 409).extracting(Api.Reply::errorCode).containsOnly("CAPACITY_REACHED");
        String winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().get("bookingId").asText();
        assertThat(participants(sunday)).hasSize(3).containsKey(winner);
        assertThat(participants(saturday)).hasSize(11).doesNotContainKey(winner);
        assertThat(staffSession(sunday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isZero();
        assertThat(staffSession(saturday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(9);
    }

    @Test
    void a_seat_move_racing_with_a_cancel_applies_one_and_leaves_both_counters_exact() throws Exception {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "IN_PERSON", 5000, null);
        String maria = clientWithPass("maria@example.com", 30);
        for (int round = 0; round < 4; round++) {
            String id = ok(bookSeat(saturday, "PASS", "maria@example.com", maria)).json().get("bookingId").asText();

            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? reschedule(id, maria, Map.of("sessionId", sunday))
                    : api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(maria).send());

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            if (replies.get(0).status() != 200) assertRefused(replies.get(0), 409, "BOOKING_CANCELLED");
            String where = replies.get(0).status() == 200 ? sunday : saturday;
            assertThat(participants(where)).containsEntry(id, "CANCELLED");
            assertThat(participants(where.equals(sunday) ? saturday : sunday)).doesNotContainKey(id);
            assertThat(staffSession(saturday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(10);
            assertThat(staffSession(sunday).get("spotsLeftByFormat").get("IN_PERSON").asInt()).isEqualTo(10);
            assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).as("the entry came back once").isEqualTo(5);
        }
    }

    @Test
    void another_kind_another_price_a_cancelled_session_or_appointment_input_is_refused_naming_the_field() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String hatha = session("Hatha", SUNDAY, 10, "IN_PERSON", 5000, null);
        String dearer = session("Vinyasa", "2026-11-29T12:00:00+02:00", 10, "IN_PERSON", 6000, null);
        String online = session("Vinyasa", "2026-11-29T14:00:00+02:00", 10, "ONLINE", 5000, null);
        String cancelled = session("Vinyasa", "2026-11-29T16:00:00+02:00", 10, "IN_PERSON", 5000, null);
        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", cancelled).token(owner).send());
        String past = session("Vinyasa", "2026-11-23T11:30:00+02:00", 10, "IN_PERSON", 5000, null);
        JsonNode booking = ok(bookSeat(saturday, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        assertRefusedOn(reschedule(id, token, Map.of("sessionId", hatha)), 422, "NOT_THE_SAME_KIND", "sessionId");
        assertRefusedOn(reschedule(id, token, Map.of("sessionId", dearer)), 422, "NOT_THE_SAME_PRICE", "sessionId");
        assertRefusedOn(reschedule(id, token, Map.of("sessionId", online)), 422, "SEAT_FORMAT_NOT_OFFERED", "sessionId");
        assertRefusedOn(reschedule(id, token, Map.of("sessionId", cancelled)), 422, "SESSION_CANCELLED", "sessionId");
        assertRefusedOn(reschedule(id, token, Map.of("sessionId", past)), 422, "TOO_LATE_TO_BOOK", "sessionId");
        assertRefusedOn(reschedule(id, token, Map.of("start", SUNDAY)), 400, "VALIDATION_FAILED", "start");
        assertRefusedOn(reschedule(id, token, Map.of()), 400, "VALIDATION_FAILED", "sessionId");
        assertThat(reschedule(id, token, Map.of("sessionId", "se_doesnotexist000000")).status()).isEqualTo(404);

        String otherStudio = api.openStudio("boss@example.com");
        String boss = api.signIn(otherStudio, "boss@example.com");
        String foreign = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", otherStudio).token(boss)
                .body(Map.of("name", "Vinyasa", "start", SUNDAY, "durationMinutes", 60, "capacity", 10, "instructorId",
                        ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", otherStudio).token(boss)
                                .body(Map.of("name", "Dan", "email", "dan@example.com")).send()).json().get("staffId").asText(),
                        "format", "ONLINE", "price", Map.of("amount", 5000, "currency", "RON"),
                        "paymentMethods", List.of("CARD"))).send()).json().get("sessionId").asText();
        assertThat(reschedule(id, token, Map.of("sessionId", foreign)).status()).as("another studio's session").isEqualTo(404);
        assertThat(reschedule(id, boss, Map.of("sessionId", foreign)).status()).as("another studio's staff").isEqualTo(403);

        assertThat(participants(saturday)).containsExactly(Map.entry(id, "CONFIRMED"));
        assertThat(api.outbox.sentTo("maria@example.com")).hasSize(1);
    }

    @Test
    void a_pass_that_expires_before_the_new_session_refuses_the_move() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String nextMonth = session("Vinyasa", "2026-12-10T18:00:00+02:00", 10, "IN_PERSON", 5000, null);
        String maria = clientWithPass("maria@example.com", 10);
        String id = ok(bookSeat(saturday, "PASS", "maria@example.com", maria)).json().get("bookingId").asText();

        assertRefusedOn(reschedule(id, maria, Map.of("sessionId", nextMonth)), 422, "PASS_EXPIRES_BEFORE", "sessionId");
        assertThat(participants(saturday)).containsExactly(Map.entry(id, "CONFIRMED"));
    }

    @Test
    void after_the_cut_off_the_client_is_refused_with_the_policy() {
        String saturday = session("Vinyasa", SATURDAY, 10, "IN_PERSON", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "IN_PERSON", 5000, null);
        JsonNode booking = ok(bookSeat(saturday, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        api.clock.advance(java.time.Duration.between(api.clock.instant(), java.time.Instant.parse("2026-11-28T04:00:01Z")));

        Api.Reply late = reschedule(booking.get("bookingId").asText(), booking.get("accessToken").asText(),
                Map.of("sessionId", sunday));

        assertRefused(late, 422, "RESCHEDULE_CUTOFF_PASSED");
        assertThat(late.json().get("error").get("policy").asText()).contains("12 hours");
        owner = api.signIn(studioId, "ana@example.com"); // days later: a fresh staff token
        assertThat(participants(saturday)).containsOnlyKeys(booking.get("bookingId").asText());
    }

    @Test
    void an_online_seat_sees_the_new_session_s_link_only_when_paid_and_it_counts_as_sent() {
        String saturday = session("Vinyasa", SATURDAY, 10, "ONLINE", 5000, null);
        String sunday = session("Vinyasa", SUNDAY, 10, "ONLINE", 5000, Map.of("link", LINK, "password", "pw-4321"));
        String maria = clientWithPass("maria@example.com", 30);
        String paid = ok(bookSeat(saturday, "PASS", "maria@example.com", maria)).json().get("bookingId").asText();
        JsonNode unpaid = ok(bookSeat(saturday, "BANK_TRANSFER", "radu@example.com", null)).json();

        JsonNode movedPaid = ok(reschedule(paid, maria, Map.of("sessionId", sunday))).json();
        JsonNode movedUnpaid = ok(reschedule(unpaid.get("bookingId").asText(), unpaid.get("accessToken").asText(),
                Map.of("sessionId", sunday))).json();

        assertThat(movedPaid.get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(last(api.outbox.sentTo("maria@example.com")).text()).contains(LINK, "pw-4321");
        assertThat(movedUnpaid.path("onlineAccess").isMissingNode() || movedUnpaid.get("onlineAccess").isNull()).isTrue();
        assertThat(movedUnpaid.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(api.outbox.sentTo("radu@example.com")).allSatisfy(m ->
                assertThat(m.subject() + m.text() + m.html() + ics(m)).doesNotContain(LINK, "pw-4321"));
        // the link of this version counts as sent to the moved, paid seat: releasing it again sends nothing new
        int before = api.outbox.sentTo("maria@example.com").size();
        ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sunday).token(owner).body(Map.of("link", LINK, "password", "pw-4321")).send());
        assertThat(api.outbox.sentTo("maria@example.com")).hasSize(before);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String session(String name, String start, int capacity, String format, long price, Map<String, String> access) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "start", start, "durationMinutes", 60,
                "capacity", capacity, "instructorId", instructorId, "format", format,
                "price", Map.of("amount", price, "currency", "RON"),
                "paymentMethods", List.of("PASS", "PAY_AT_STUDIO", "BANK_TRANSFER", "CARD")));
        if (!format.equals("ONLINE")) body.put("locationId", roomId);
        if (access != null) body.put("onlineAccess", access);
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(body).send()).json().get("sessionId").asText();
    }

    private String clientWithPass(String email, int validDays) {
        return api.clientWithPass(studioId, owner, email, 5, validDays);
    }

    private Api.Reply bookSeat(String sessionId, String method, String email, String token) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method,
                        "client", Map.of("name", email.startsWith("maria") ? "Maria Popescu" : "Client " + email,
                                "email", email)));
        if (token != null) call.token(token);
        return call.send();
    }

    private Api.Reply reschedule(String bookingId, String token, Map<String, Object> body) {
        return api.call("booking/post-bookings-bookingId-reschedule.json").path("bookingId", bookingId).token(token)
                .body(body).send();
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private JsonNode staffSession(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
    }

    /** The session's participant lines, booking id → status. */
    private Map<String, String> participants(String sessionId) {
        Map<String, String> found = new LinkedHashMap<>();
        staffSession(sessionId).get("participants").forEach(p -> found.put(p.get("bookingId").asText(), p.get("status").asText()));
        return found;
    }

    private JsonNode wallet(String clientToken) {
        return ok(api.call("booking/get-me-wallet.json").token(clientToken).send()).json();
    }

    private List<JsonNode> mine(String clientToken) {
        List<JsonNode> found = new ArrayList<>();
        ok(api.call("booking/get-me-bookings.json").token(clientToken).send()).json().get("bookings").forEach(found::add);
        return found;
    }

    private Map<String, String> remindersOf(String bookingId) {
        Map<String, String> found = new LinkedHashMap<>();
        api.scheduler.pending().stream().filter(j -> j.name().startsWith("reminder-" + bookingId + "-"))
                .forEach(j -> found.put(j.name(), j.at().toString()));
        return found;
    }

    private static String ics(Email email) {
        return email.attachments().isEmpty() ? ""
                : new String(email.attachments().get(0).content(), StandardCharsets.UTF_8).replace("\r\n ", "");
    }

    private static Email last(List<Email> emails) {
        return emails.get(emails.size() - 1);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
    }

    private static void assertRefusedOn(Api.Reply reply, int status, String code, String field) {
        assertRefused(reply, status, code);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }
}
