package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What setting a class's online link costs in DynamoDB requests (docs/benchmarks.md), counted at the table the stores
 * use, on moto: the settings and the participants are read once for the release and the answer, and read again only
 * when a release marked someone's link as sent.
 */
class SessionLinkCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String owner;
    private String sessionId;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        api.takeCardsAndTransfers(studioId, owner);
        String instructorId = api.addStaff(studioId, owner, "Ioana", "ioana@example.com");
        Api.Reply session = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Online Vinyasa", "start", "2026-12-08T18:00:00+02:00", "durationMinutes", 60,
                        "capacity", 20, "instructorId", instructorId, "format", "ONLINE",
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("BANK_TRANSFER")))
                .send();
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        sessionId = session.json().get("sessionId").asText();
    }

    @Test
    void the_first_link_with_no_one_to_email_reads_settings_and_participants_once() {
        List<String> set = counting.measure(() -> ok(setLink("https://zoom.us/j/1")));

        assertThat(set).containsExactly(
                "GetItem STUDIO#" + studioId + " STAFF#",
                "GetItem STUDIO#" + studioId + "#SESSION#" + sessionId + " SESSION",
                "TransactWriteItems (2)",
                "GetItem STUDIO#" + studioId + " PROFILE",
                "Query");
    }

    @Test
    void a_paid_participant_gets_the_link_and_the_answer_reads_the_participants_after_it() {
        Api.Reply booked = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "BANK_TRANSFER", "format", "ONLINE",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send();
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String bookingId = booked.json().get("bookingId").asText();
        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(owner).send());

        List<String> set = counting.measure(() -> ok(setLink("https://zoom.us/j/2")));

        assertThat(set.stream().filter("Query"::equals)).as(set.toString()).hasSize(2);
        assertThat(set.stream().filter(r -> r.endsWith(" PROFILE"))).as(set.toString()).hasSize(1);
        assertThat(api.outbox.sentTo("maria@example.com").stream().filter(m -> m.text().contains("https://zoom.us/j/2")))
                .hasSize(1);
        Api.Reply view = api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send();
        assertThat(view.body()).contains(bookingId);
    }

    private Api.Reply setLink(String link) {
        return api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).body(Map.of("link", link)).send();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
