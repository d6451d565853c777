package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist under concurrency (docs/decisions/waitlist.md), on both store engines: parallel joins get
 * positions 1..n exactly, and a seat freed while many new bookings and joins race for it goes to the first
 * in line, once.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class WaitlistRaceTest {
    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;
    private int sessionsMade;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO"),
                        "waitlist", Map.of("enabled", true, "closesMinutesBefore", 60))).send());
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @Test
    void thirty_parallel_joins_get_positions_one_to_thirty_exactly() throws Exception {
        String sessionId = session(1);
        ok(seat(sessionId, "holder@example.com", false));

        List<Api.Reply> replies = Parallel.run(30, i -> seat(sessionId, "client" + i + "@example.com", true));

        List<Integer> positions = new ArrayList<>();
        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.json().get("status").asText()).isEqualTo("WAITLISTED");
            positions.add(reply.json().get("waitlistPosition").asInt());
        }
        assertThat(positions).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        // what the staff see is the same line: each booking at the position it was told
        Map<String, Integer> told = new HashMap<>();
        for (Api.Reply reply : replies) told.put(reply.json().get("bookingId").asText(), reply.json().get("waitlistPosition").asInt());
        Map<String, Integer> listed = new HashMap<>();
        waitlist(sessionId).forEach(e -> listed.put(e.get("bookingId").asText(), e.get("position").asInt()));
        assertThat(listed).isEqualTo(told);
        assertThat(spotsLeft(sessionId)).isZero();
    }

    @Test
    void a_cancellation_racing_many_new_bookings_and_joins_gives_the_freed_seat_once_to_the_first_in_line() throws Exception {
        for (int round = 0; round < 3; round++) {
            String sessionId = session(2);
            JsonNode leaving = ok(seat(sessionId, "a" + round + "@example.com", false)).json();
            ok(seat(sessionId, "b" + round + "@example.com", false));
            JsonNode first = created(seat(sessionId, "w" + round + "@example.com", true));

            List<Api.Reply> replies = Parallel.run(21, i -> i == 0
                    ? api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id(leaving))
                            .token(leaving.get("accessToken").asText()).send()
                    : seat(sessionId, "rival" + i + "@example.com", i % 2 == 0));

            assertThat(replies.get(0).status()).as(replies.get(0).body()).isEqualTo(200);
            List<Integer> joinedAt = new ArrayList<>();
            for (int i = 1; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i);
                if (i % 2 == 0) {
                    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                    assertThat(reply.json().get("status").asText()).isEqualTo("WAITLISTED");
                    joinedAt.add(reply.json().get("waitlistPosition").asInt());
                } else {
                    assertThat(reply.status()).as("a new booking never takes the line's seat: " + reply.body()).isEqualTo(409);
                    assertThat(reply.errorCode()).isEqualTo("CAPACITY_REACHED");
                }
            }
            JsonNode promoted = ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id(first))
                    .token(first.get("accessToken").asText()).send()).json();
            assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
            JsonNode detail = ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                    .path("sessionId", sessionId).token(owner).send()).json();
            List<String> holders = new ArrayList<>();
            detail.get("participants").forEach(p -> {
                if (List.of("CONFIRMED", "AWAITING_PAYMENT").contains(p.get("status").asText())) {
                    holders.add(p.get("client").get("email").asText());
                }
            });
            assertThat(holders).containsExactlyInAnyOrder("b" + round + "@example.com", "w" + round + "@example.com");
            assertThat(detail.get("spotsLeftByFormat").get("IN_PERSON").asInt()).isZero();
            assertThat(waitlist(sessionId)).extracting(e -> e.get("position").asInt())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
            // a position is told as it is then: one told before the promotion counts the promoted client too
            assertThat(joinedAt).allMatch(position -> position >= 1 && position <= 11);
        }
    }

    @Test
    void a_booking_that_arrives_between_the_freed_seat_and_the_promotion_is_refused_and_the_seat_stays_the_lines() {
        String sessionId = session(1);
        JsonNode leaving = ok(seat(sessionId, "a@example.com", false)).json();
        JsonNode first = created(seat(sessionId, "w@example.com", true));
        List<Api.Reply> between = new ArrayList<>();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(first), "CONFIRMED"),
                () -> between.add(seat(sessionId, "rival@example.com", false)));

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id(leaving))
                .token(leaving.get("accessToken").asText()).send());

        assertThat(between).singleElement().satisfies(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("CAPACITY_REACHED");
        });
        assertThat(ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id(first))
                .token(first.get("accessToken").asText()).send()).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(spotsLeft(sessionId)).isZero();
    }

    private String session(int capacity) {
        Instant start = Instant.parse("2026-12-01T06:00:00Z").plus(Duration.ofMinutes(70L * sessionsMade++));
        return created(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", start.atOffset(ZoneOffset.ofHours(2)).toString(),
                        "durationMinutes", 60, "capacity", capacity, "instructorId", instructorId, "format", "IN_PERSON",
                        "locationId", roomId, "price", Map.of("amount", 5000, "currency", "RON"),
                        "paymentMethods", List.of("PAY_AT_STUDIO"))).send()).get("sessionId").asText();
    }

    private Api.Reply seat(String sessionId, String email, boolean waitlist) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                "client", Map.of("name", "Client", "email", email)));
        if (waitlist) body.put("waitlist", true);
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send();
    }

    private List<JsonNode> waitlist(String sessionId) {
        List<JsonNode> entries = new ArrayList<>();
        ok(api.call("admin/get-studios-studioId-sessions-sessionId-waitlist.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("waitlist").forEach(entries::add);
        return entries;
    }

    private int spotsLeft(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("spotsLeftByFormat").get("IN_PERSON").asInt();
    }

    private static String id(JsonNode booking) {
        return booking.get("bookingId").asText();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }

    private static JsonNode created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }
}
