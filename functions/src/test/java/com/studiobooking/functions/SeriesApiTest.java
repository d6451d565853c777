package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring series through the handlers: one create makes every occurrence (DST-correct, all or
 * nothing), changes and cancellations "from this date on" act exactly as on single sessions, and each
 * occurrence keeps its own capacity (rules 1, 2, 9, 10).
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class SeriesApiTest {
    @Parameter
    TestTables.Engine engine;

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
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "PAY_AT_STUDIO"))).send());
        instructorId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
    }

    @Test
    void every_occurrence_keeps_its_wall_clock_time_across_both_dst_changes() {
        // Europe/Bucharest: summer time from Sunday 2027-03-28, winter time from Sunday 2027-10-31
        JsonNode spring = ok(createSeries("2027-03-22T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2027-04-02", 10)).json();
        JsonNode autumn = ok(createSeries("2027-10-25T18:00:00+03:00", List.of("MONDAY", "WEDNESDAY"), "2027-11-03", 10)).json();

        assertThat(starts(spring)).containsExactly("2027-03-22T18:00+02:00", "2027-03-24T18:00+02:00",
                "2027-03-29T18:00+03:00", "2027-03-31T18:00+03:00");
        assertThat(starts(autumn)).containsExactly("2027-10-25T18:00+03:00", "2027-10-27T18:00+03:00",
                "2027-11-01T18:00+02:00", "2027-11-03T18:00+02:00");
        JsonNode listed = publicSessions("2027-03-20", "2027-04-05");
        assertThat(listed).hasSize(4);
        assertThat(listed.findValuesAsText("seriesId")).containsOnly(spring.get("seriesId").asText());
        assertThat(series(spring.get("seriesId").asText()).get("startTime").asText()).isEqualTo("18:00");
    }

    @Test
    void the_repeat_rule_is_checked_naming_the_field_and_nothing_is_created() {
        String start = "2026-12-07T18:00:00+02:00";
        assertInvalid(createSeries(start, List.of(), "2026-12-31", 10), "repeat.weekdays");
        assertInvalid(createSeries(start, List.of("MONDAY", "MONDAY"), "2026-12-31", 10), "repeat.weekdays");
        assertThat(fieldOf(createSeries(start, List.of("FUNDAY"), "2026-12-31", 10))).startsWith("repeat.weekdays");
        assertInvalid(createSeries(start, List.of("MONDAY"), "2027-11-24", 10), "repeat.until"); // a year and a day
        assertInvalid(createSeries(start, List.of("MONDAY"), "2026-12-06", 10), "repeat.until"); // before the first
        assertInvalid(createSeries(start, List.of("TUESDAY"), "2026-12-07", 10), "repeat.until"); // no Tuesday until then
        assertInvalid(createSeries(start, List.of("MONDAY"), "31.12.2026", 10), "repeat.until");
        assertInvalid(createSeries(start, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                "SUNDAY"), "2027-06-30", 10), "repeat"); // 206 sessions
        Map<String, Object> noRepeat = seriesBody(start, List.of("MONDAY"), "2026-12-31", 10);
        noRepeat.remove("repeat");
        assertInvalid(send("admin/post-studios-studioId-series.json", null, noRepeat), "repeat");
        assertInvalid(createSeries(start, List.of("MONDAY"), "2026-12-31", 0), "capacity");

        assertThat(publicSessions("2026-11-23", "2027-02-20")).isEmpty();
        assertThat(createSeries(start, List.of("MONDAY"), "2027-11-23", 10).status()).isEqualTo(201); // exactly a year
    }

    @Test
    void a_clash_names_its_date_and_no_occurrence_is_created() {
        String single = session("2026-12-09T18:30:00+02:00", 60);

        Api.Reply refused = createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("INSTRUCTOR_BUSY");
        assertThat(refused.errorField()).isEqualTo("repeat");
        assertThat(refused.json().get("error").get("message").asText()).contains("2026-12-09").doesNotContain("2026-12-07");
        assertThat(publicSessions("2026-12-01", "2026-12-31").findValuesAsText("sessionId")).containsExactly(single);
    }

    /** The check before writing saw no clash; the fifth occurrence's time is taken just before it is written. */
    @Test
    void a_clash_met_while_writing_removes_the_occurrences_already_created() {
        int[] creates = {0};
        api.table.beforeNextWrite(writes -> writes.stream().anyMatch(sessionItem()) && ++creates[0] == 5,
                () -> session("2026-12-21T18:00:00+02:00", 60));

        Api.Reply refused = createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("INSTRUCTOR_BUSY");
        assertThat(refused.json().get("error").get("message").asText()).contains("2026-12-21");
        JsonNode left = publicSessions("2026-12-01", "2026-12-31");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).has("seriesId")).isFalse();
        List<String> holders = api.engineTable.query(KeyQuery.partition("STUDIO#" + studioId + "#STAFFTIME#" + instructorId))
                .stream().map(i -> i.get("holder").s()).distinct().toList();
        assertThat(holders).containsExactly("session:" + left.get(0).get("sessionId").asText());
        assertThat(api.engineTable.query(KeyQuery.prefix("STUDIO#" + studioId, "SERIES#"))).isEmpty();
        // the freed times can be taught again
        assertThat(session("2026-12-07T18:00:00+02:00", 60)).isNotNull();
        assertThat(session("2026-12-16T18:00:00+02:00", 60)).isNotNull();
    }

    @Test
    void changing_from_a_date_moves_only_later_occurrences_and_tells_their_participants() {
        JsonNode created = ok(createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10)).json();
        String seriesId = created.get("seriesId").asText();
        List<String> ids = ids(created.get("sessionIds"));
        ok(book(ids.get(1), "PAY_AT_STUDIO", "early@example.com")); // 2026-12-09
        ok(book(ids.get(3), "PAY_AT_STUDIO", "late@example.com")); // 2026-12-16
        int earlyMails = api.outbox.sentTo("early@example.com").size();

        JsonNode changed = ok(send("admin/patch-studios-studioId-series-seriesId.json", seriesId,
                Map.of("from", "2026-12-14", "startTime", "19:30", "capacity", 12))).json();

        assertThat(ids(changed.get("changedSessionIds"))).containsExactlyElementsOf(ids.subList(2, 6));
        JsonNode sessions = series(seriesId).get("sessions");
        for (int i = 0; i < 6; i++) {
            OffsetDateTime start = OffsetDateTime.parse(sessions.get(i).get("start").asText());
            assertThat(start.toLocalTime()).as("session " + i).isEqualTo(i < 2 ? LocalTime.of(18, 0) : LocalTime.of(19, 30));
            assertThat(sessions.get(i).get("capacity").asInt()).isEqualTo(i < 2 ? 10 : 12);
        }
        assertThat(lastTo("late@example.com").subject()).startsWith("New time");
        assertThat(api.outbox.sentTo("early@example.com")).hasSize(earlyMails);
        JsonNode booking = api.call("booking/get-me-bookings.json").token(api.signIn(studioId, "late@example.com")).send()
                .json().get("bookings").get(0);
        assertThat(OffsetDateTime.parse(booking.get("start").asText()).toLocalTime()).isEqualTo(LocalTime.of(19, 30));
    }

    @Test
    void a_change_that_clashes_names_the_date_and_changes_nothing() {
        JsonNode created = ok(createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10)).json();
        String seriesId = created.get("seriesId").asText();
        session("2026-12-21T19:30:00+02:00", 60);
        ok(book(ids(created.get("sessionIds")).get(4), "PAY_AT_STUDIO", "a@example.com"));
        ok(book(ids(created.get("sessionIds")).get(4), "PAY_AT_STUDIO", "b@example.com"));

        Api.Reply busy = send("admin/patch-studios-studioId-series-seriesId.json", seriesId,
                Map.of("from", "2026-12-14", "startTime", "19:00"));
        Api.Reply full = send("admin/patch-studios-studioId-series-seriesId.json", seriesId,
                Map.of("from", "2026-12-14", "capacity", 1));
        Api.Reply badTime = send("admin/patch-studios-studioId-series-seriesId.json", seriesId,
                Map.of("from", "2026-12-14", "startTime", "7pm"));
        Api.Reply noFrom = send("admin/patch-studios-studioId-series-seriesId.json", seriesId, Map.of("capacity", 12));

        assertThat(busy.status()).as(busy.body()).isEqualTo(409);
        assertThat(busy.errorCode()).isEqualTo("INSTRUCTOR_BUSY");
        assertThat(busy.errorField()).isEqualTo("startTime");
        assertThat(busy.json().get("error").get("message").asText()).contains("2026-12-21").doesNotContain("2026-12-14");
        assertInvalid(full, "capacity");
        assertThat(full.json().get("error").get("message").asText()).contains("2026-12-21");
        assertInvalid(badTime, "startTime");
        assertInvalid(noFrom, "from");
        JsonNode sessions = series(seriesId).get("sessions");
        for (JsonNode s : sessions) {
            assertThat(OffsetDateTime.parse(s.get("start").asText()).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(s.get("capacity").asInt()).isEqualTo(10);
        }
        assertThat(api.outbox.sentTo("a@example.com")).noneMatch(m -> m.subject().startsWith("New time"));
    }

    @Test
    void cancelling_from_a_date_cancels_later_occurrences_with_refunds_and_again_does_nothing() {
        JsonNode created = ok(createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10)).json();
        String seriesId = created.get("seriesId").asText();
        List<String> ids = ids(created.get("sessionIds"));
        JsonNode early = ok(book(ids.get(0), "PAY_AT_STUDIO", "early@example.com")).json();
        JsonNode card = ok(book(ids.get(4), "CARD", "card@example.com")).json();
        ok(api.deliver(api.paidEvent(card.get("bookingId").asText(), studioId, 5000, "evt_series_paid")));
        String passClient = clientWithPass("pass@example.com");
        ok(bookWith(ids.get(5), "PASS", "pass@example.com", passClient));

        JsonNode cancelled = ok(send("admin/post-studios-studioId-series-seriesId-cancel.json", seriesId,
                Map.of("from", "2026-12-14"))).json();

        assertThat(ids(cancelled.get("cancelledSessionIds"))).containsExactlyElementsOf(ids.subList(2, 6));
        JsonNode sessions = series(seriesId).get("sessions");
        assertThat(top(sessions, "status")).containsExactly("SCHEDULED", "SCHEDULED",
                "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
        JsonNode refunded = view(card);
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunded.get("paymentStatus").asText()).isEqualTo("REFUND_PENDING"); // as a single session cancel leaves it with the local gateway
        assertThat(api.call("booking/get-me-wallet.json").token(passClient).send().json()
                .get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(lastTo("card@example.com").subject()).startsWith("Cancelled");
        assertThat(lastTo("pass@example.com").subject()).startsWith("Cancelled");
        assertThat(view(early).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(publicSessions("2026-12-01", "2026-12-31")).hasSize(2);

        int mails = api.outbox.sent().size();
        JsonNode again = ok(send("admin/post-studios-studioId-series-seriesId-cancel.json", seriesId,
                Map.of("from", "2026-12-01"))).json();
        assertThat(again.get("cancelledSessionIds")).hasSize(2); // the two earlier ones, nothing twice
        assertThat(ok(send("admin/post-studios-studioId-series-seriesId-cancel.json", seriesId,
                Map.of("from", "2026-12-01"))).json().get("cancelledSessionIds")).isEmpty();
        assertThat(api.outbox.sent().size()).isEqualTo(mails + 1); // only early@ was told, once
    }

    @Test
    void another_studios_staff_can_neither_see_nor_change_a_series() {
        String seriesId = ok(createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY"), "2026-12-21", 10)).json()
                .get("seriesId").asText();
        String otherStudio = api.openStudio("mara@example.com");
        String other = api.signIn(otherStudio, "mara@example.com");

        for (String event : List.of("admin/get-studios-studioId-series-seriesId.json",
                "admin/patch-studios-studioId-series-seriesId.json", "admin/post-studios-studioId-series-seriesId-cancel.json")) {
            Map<String, Object> body = event.contains("get-") ? null : Map.of("from", "2026-12-01", "capacity", 3);
            if (event.contains("cancel")) body = Map.of("from", "2026-12-01");
            assertThat(call(event, studioId, seriesId, other, body).status()).as(event).isEqualTo(403);
            assertThat(call(event, otherStudio, seriesId, other, body).status()).as(event).isEqualTo(404);
        }
        assertThat(call("admin/post-studios-studioId-series.json", studioId, null, other,
                seriesBody("2026-12-07T18:00:00+02:00", List.of("MONDAY"), "2026-12-21", 10)).status()).isEqualTo(403);
        assertThat(top(series(seriesId).get("sessions"), "status")).containsOnly("SCHEDULED");
        assertThat(top(series(seriesId).get("sessions"), "capacity")).containsOnly("10");
    }

    @Test
    void parallel_bookings_on_two_occurrences_keep_each_within_its_own_capacity() throws Exception {
        JsonNode created = ok(createSeries("2026-12-07T18:00:00+02:00", List.of("MONDAY", "WEDNESDAY"), "2026-12-09", 3)).json();
        List<String> ids = ids(created.get("sessionIds"));

        List<Api.Reply> replies = Parallel.run(40, i -> book(ids.get(i % 2), "PAY_AT_STUDIO", "c" + i + "@example.com"));

        for (int k = 0; k < 2; k++) {
            int occurrence = k;
            List<Integer> statuses = new ArrayList<>();
            for (int i = occurrence; i < 40; i += 2) statuses.add(replies.get(i).status());
            assertThat(statuses.stream().filter(s -> s == 201).count()).as("occurrence " + k).isEqualTo(3);
            assertThat(statuses.stream().filter(s -> s == 409).count()).as("occurrence " + k).isEqualTo(17);
            JsonNode detail = staffSession(ids.get(occurrence));
            assertThat(detail.get("participants")).hasSize(3);
            assertThat(detail.get("spotsLeftByFormat").get("IN_PERSON").asInt()).isZero();
        }
    }

    @Test
    void parallel_series_for_the_same_instructor_and_dates_make_exactly_one_and_leave_nothing_of_the_others()
            throws Exception {
        List<Api.Reply> replies = Parallel.run(6, i -> createSeries("2026-12-07T18:00:00+02:00",
                List.of("MONDAY", "WEDNESDAY"), "2026-12-23", 10));

        List<Api.Reply> created = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.errorCode()).as(r.body()).isEqualTo("INSTRUCTOR_BUSY"));
        List<String> ids = ids(created.get(0).json().get("sessionIds"));
        assertThat(publicSessions("2026-12-01", "2026-12-31").findValuesAsText("sessionId")).containsExactlyElementsOf(ids);
        List<String> holders = api.engineTable.query(KeyQuery.partition("STUDIO#" + studioId + "#STAFFTIME#" + instructorId))
                .stream().map(i -> i.get("holder").s()).distinct().toList();
        assertThat(holders).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "session:" + id).toList());
        assertThat(api.engineTable.query(KeyQuery.prefix("STUDIO#" + studioId, "SERIES#"))).hasSize(1);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Map<String, Object> seriesBody(String start, List<String> weekdays, String until, int capacity) {
        return new HashMap<>(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60, "capacity", capacity,
                "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "PASS", "PAY_AT_STUDIO"),
                "repeat", Map.of("weekdays", weekdays, "until", until)));
    }

    private Api.Reply createSeries(String start, List<String> weekdays, String until, int capacity) {
        return send("admin/post-studios-studioId-series.json", null, seriesBody(start, weekdays, until, capacity));
    }

    private Api.Reply send(String event, String seriesId, Map<String, Object> body) {
        return call(event, studioId, seriesId, owner, body);
    }

    private Api.Reply call(String event, String studio, String seriesId, String token, Map<String, Object> body) {
        Api.Call call = api.call(event).path("studioId", studio).token(token);
        if (seriesId != null) call.path("seriesId", seriesId);
        if (body != null) call.body(body);
        return call.send();
    }

    private JsonNode series(String seriesId) {
        return ok(send("admin/get-studios-studioId-series-seriesId.json", seriesId, null)).json();
    }

    /** The local start times of a created series, read back with GET. */
    private List<String> starts(JsonNode created) {
        return StreamSupport.stream(series(created.get("seriesId").asText()).get("sessions").spliterator(), false)
                .map(s -> OffsetDateTime.parse(s.get("start").asText()))
                .map(t -> t.toLocalDateTime() + t.getOffset().toString()).toList();
    }

    private String session(String start, int minutes) {
        Api.Reply reply = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Private class", "start", start, "durationMinutes", minutes, "capacity", 5,
                        "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("sessionId").asText();
    }

    private static Predicate<Write> sessionItem() {
        return w -> w instanceof Write.Put put && "SESSION".equals(put.sk()) && put.item().containsKey("seriesId");
    }

    private Api.Reply book(String sessionId, String method, String email) {
        return bookWith(sessionId, method, email, null);
    }

    private Api.Reply bookWith(String sessionId, String method, String email, String token) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)));
        if (token != null) call.token(token);
        return call.send();
    }

    private String clientWithPass(String email) {
        return api.clientWithPass(studioId, owner, email, 5, 60);
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private JsonNode staffSession(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
    }

    private JsonNode publicSessions(String from, String to) {
        return ok(api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId)
                .query(Map.of("from", from, "to", to)).send()).json().get("sessions");
    }

    private Email lastTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        return mails.get(mails.size() - 1);
    }

    /** One field of each element of an array (not of the objects nested in them). */
    private static List<String> top(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String fieldOf(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.errorField();
    }

    private static void assertInvalid(Api.Reply reply, String field) {
        assertThat(fieldOf(reply)).as(reply.body()).isEqualTo(field);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
