package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flash crowd on both store engines (docs/benchmarks.md, "Flash crowd"): 200 parallel booking attempts on a
 * 10-seat class take exactly 10 seats (rule 1), every other attempt is answered 409 CAPACITY_REACHED, and once
 * the class is full a loser is refused on the session it reads, without a transaction.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class FlashCrowdTest {
    private static final int SEATS = 10;
    private static final int ATTEMPTS = 200;

    @Parameter
    TestTables.Engine engine;

    private CountingTable counting;
    private Api api;
    private String studioId;
    private String sessionId;
    private String owner;

    @BeforeEach
    void setUp() {
        api = new Api(engine, table -> counting = CountingTable.withKinds(table));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO"))).send());
        String instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        String roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
        sessionId = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-12-01T08:00:00+02:00", "durationMinutes", 60,
                        "capacity", SEATS, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
    }

    @Test
    void two_hundred_parallel_attempts_on_ten_seats_take_ten_and_every_loser_is_told_capacity_reached() throws Exception {
        List<Api.Reply> replies = new ArrayList<>();
        List<String> requests = counting.measure(() -> {
            try {
                replies.addAll(Parallel.run(ATTEMPTS, i -> book("client" + i + "@example.com", "key-" + i)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(SEATS);
        assertThat(replies).filteredOn(r -> r.status() != 201).hasSize(ATTEMPTS - SEATS).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("CAPACITY_REACHED");
        });
        assertThat(seatsTaken()).isEqualTo(SEATS);
        // how many attempts reached the seat transaction depends on the interleaving: reported, not pinned
        long seatTransactions = requests.stream().filter(r -> r.startsWith("TransactWriteItems (5)")).count();
        System.out.printf("%s: %d attempts on %d seats: %d DynamoDB requests, %d seat transactions%n", engine,
                ATTEMPTS, SEATS, requests.size(), seatTransactions);
        assertThat(seatTransactions).isBetween((long) SEATS, (long) ATTEMPTS);
    }

    @Test
    void a_loser_of_a_full_class_is_refused_on_the_session_it_reads_without_a_transaction() throws Exception {
        Parallel.run(SEATS, i -> ok(book("winner" + i + "@example.com", null)));

        List<String> loser = counting.measure(() -> {
            Api.Reply reply = book("late@example.com", null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("CAPACITY_REACHED");
        });
        List<String> loserWithKey = counting.measure(() -> assertThat(book("later@example.com", "k-late").status()).isEqualTo(409));

        assertThat(loser).containsExactly(LOSER);
        // with an idempotency key: looked up before (a repeat is answered with its booking) and after the refusal
        assertThat(loserWithKey).containsExactly(LOSER_WITH_KEY);
        assertThat(loser).noneMatch(r -> r.startsWith("TransactWriteItems"));
    }

    static final String[] LOSER = {"GetItem SESSION", "GetItem PROFILE"};
    static final String[] LOSER_WITH_KEY = {"GetItem k-late", "GetItem SESSION", "GetItem PROFILE", "GetItem k-late"};

    private int seatsTaken() {
        return SEATS - ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("spotsLeftByFormat").get("IN_PERSON").asInt();
    }

    private Api.Reply book(String email, String key) {
        var call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Client", "email", email)));
        if (key != null) call = call.header("Idempotency-Key", key);
        return call.send();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }
}
