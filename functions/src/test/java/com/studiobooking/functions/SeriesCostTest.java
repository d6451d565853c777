package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a recurring series costs in DynamoDB requests (figures in docs/benchmarks.md), counted at the
 * table the stores use, on moto: a fixed part (token, settings, references, one Query of the calendar,
 * the series item) and one transaction per occurrence.
 */
class SeriesCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKinds(table));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        instructorId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
    }

    @Test
    void a_series_costs_six_requests_and_one_transaction_per_occurrence() {
        List<String> two = counting.measure(() -> create("2026-12-07T18:00:00+02:00", "2026-12-09")); // Mon, Wed
        List<String> six = counting.measure(() -> create("2027-01-04T18:00:00+02:00", "2027-01-20"));

        assertThat(two).containsExactly(
                "GetItem STAFF#", // the caller's token
                "GetItem PROFILE", // the studio's settings
                "GetItem STAFF#", // the instructor
                "GetItem LOCATION#", // the room
                "Query", // the instructor's calendar over the whole series
                "TransactWriteItems (2)", // the series item, with the staff token check (it ends the fence)
                "TransactWriteItems (14)", // a session: item, calendar entry, 12 five-minute claims
                "TransactWriteItems (14)");
        assertThat(six).hasSize(two.size() + 4);
        assertThat(six.subList(two.size(), six.size())).containsOnly("TransactWriteItems (14)");
    }

    @Test
    void a_series_refused_before_writing_writes_nothing_and_a_twin_claims_no_time() {
        Api.Reply single = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-12-09T18:00:00+02:00", "durationMinutes", 60, "capacity", 10,
                        "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId)).send();
        String original = single.json().get("sessionId").asText();

        List<String> refused = counting.measure(() -> assertThat(api.call("admin/post-studios-studioId-series.json")
                .path("studioId", studioId).token(owner).body(Map.of("name", "Vinyasa", "start", "2026-12-07T18:00:00+02:00",
                        "durationMinutes", 60, "capacity", 10, "instructorId", instructorId, "format", "IN_PERSON",
                        "locationId", roomId, "repeat", Map.of("weekdays", List.of("MONDAY", "WEDNESDAY"), "until", "2026-12-31")))
                .send().status()).isEqualTo(409));
        List<String> twin = counting.measure(() -> assertThat(api.call("admin/post-studios-studioId-sessions.json")
                .path("studioId", studioId).token(owner).body(Map.of("twinOf", original)).send().status()).isEqualTo(201));

        assertThat(refused).containsExactly("GetItem STAFF#", "GetItem PROFILE", "GetItem STAFF#", "GetItem LOCATION#", "Query");
        assertThat(twin).containsExactly("GetItem STAFF#", "GetItem PROFILE", "GetItem SESSION", "GetItem STAFF#",
                "TransactWriteItems (4)", // twin, ConditionCheck on the original, pointer, staff token check
                "Query"); // the new session's participants, for the answer
    }

    @Test
    void changing_and_cancelling_from_a_date_read_each_occurrence_and_write_each_one_they_touch() {
        String seriesId = create("2026-12-07T18:00:00+02:00", "2026-12-23"); // 6 sessions
        List<String> changed = counting.measure(() -> send("admin/patch-studios-studioId-series-seriesId.json", seriesId,
                Map.of("from", "2026-12-14", "capacity", 12)));
        List<String> cancelled = counting.measure(() -> send("admin/post-studios-studioId-series-seriesId-cancel.json", seriesId,
                Map.of("from", "2026-12-21")));

        // every session read once, and each of the 4 whose capacity grew once more with its participants: the
        // new seats go to the waitlist first (docs/decisions/waitlist.md)
        assertThat(changed.stream().filter(r -> r.startsWith("GetItem SESSION")).count()).isEqualTo(6 + 4);
        assertThat(changed.stream().filter(r -> r.startsWith("TransactWriteItems")).toList())
                .containsExactly("TransactWriteItems (2)", "TransactWriteItems (1)", "TransactWriteItems (1)",
                        "TransactWriteItems (1)"); // the first carries the staff token check
        // per cancelled session (2): cancel with freeing the time, a re-read, its participants, its twins
        assertThat(cancelled.stream().filter(r -> r.startsWith("TransactWriteItems")).toList())
                .containsExactly("TransactWriteItems (15)", "TransactWriteItems (14)");
        // 3 + 6 reads (token, series, settings, every session) + 3 for the change (instructor, room, calendar)
        // + 1 write per changed session (a capacity change moves no time, so no twin is looked up)
        // + per changed session the waitlist's look at the new seats (the session again, its participants)
        assertThat(changed).hasSize(3 + 6 + 3 + 4 + 4 * 2);
        // 3 + 6 reads + per cancelled session: the cancel (freeing the time), the session re-read, the settings,
        // its participants and its twins
        assertThat(cancelled).hasSize(3 + 6 + 2 * 5);
        assertThat(cancelled.subList(9, 14)).containsExactly("TransactWriteItems (15)", "GetItem SESSION",
                "GetItem PROFILE", "Query", "Query");
    }

    private String create(String start, String until) {
        Api.Reply reply = send("admin/post-studios-studioId-series.json", null, Map.of("name", "Vinyasa", "start", start,
                "durationMinutes", 60, "capacity", 10, "instructorId", instructorId, "format", "IN_PERSON",
                "locationId", roomId, "repeat", Map.of("weekdays", List.of("MONDAY", "WEDNESDAY"), "until", until)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("seriesId").asText();
    }

    private Api.Reply send(String event, String seriesId, Map<String, Object> body) {
        Api.Call call = api.call(event).path("studioId", studioId).token(owner).body(body);
        if (seriesId != null) call.path("seriesId", seriesId);
        Api.Reply reply = call.send();
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }


}
