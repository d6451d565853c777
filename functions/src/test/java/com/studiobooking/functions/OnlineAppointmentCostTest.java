package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an online appointment's link costs in DynamoDB requests (figures in docs/benchmarks.md), counted at the
 * table the stores use, on moto: setting the link, with and without the e-mail going out at once, and the card
 * payment that releases a link set before it.
 */
class OnlineAppointmentCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String owner;
    private String serviceId;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        api.takeCardsAndTransfers(studioId, owner);
        String practitionerId = api.addStaff(studioId, owner, "Ioana", "ioana@example.com");
        String roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", List.of(Map.of("day", "MONDAY",
                        "start", "09:00", "end", "17:00", "locationId", roomId)))).send());
        serviceId = api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Coaching", "durationMinutes", 60, "format", "ONLINE",
                        "price", Map.of("amount", 25000, "currency", "RON"), "staffIds", List.of(practitionerId)))
                .send().json().get("serviceId").asText();
    }

    @Test
    void setting_the_link_of_a_paid_appointment_reads_the_booking_writes_it_and_claims_the_link_version_once() {
        String id = book("10:00", "BANK_TRANSFER");
        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", id).token(owner).send());

        List<String> set = counting.measure(() -> ok(setLink(id, "https://meet.example/a")));

        assertThat(set).containsExactly(
                "GetItem STUDIO#" + studioId + " STAFF#",
                "GetItem BOOKING#" + id,
                "TransactWriteItems (2)",
                "GetItem STUDIO#" + studioId + " PROFILE",
                "PutItem BOOKING#" + id + " LINKSENT#",
                "GetItem STUDIO#" + studioId + " PROFILE");
        assertThat(counting.measure(() -> ok(setLink(id, "https://meet.example/a"))))
                .as("the same link again: read and nothing written").containsExactly(
                        "GetItem STUDIO#" + studioId + " STAFF#",
                        "GetItem BOOKING#" + id,
                        "GetItem STUDIO#" + studioId + " PROFILE");
    }

    @Test
    void a_link_set_before_the_card_payment_costs_the_webhook_one_marker_more() {
        String id = book("10:00", "CARD");
        List<String> unpaid = counting.measure(() -> ok(setLink(id, "https://meet.example/a")));
        assertThat(unpaid).containsExactly(
                "GetItem STUDIO#" + studioId + " STAFF#",
                "GetItem BOOKING#" + id,
                "TransactWriteItems (2)",
                "GetItem STUDIO#" + studioId + " PROFILE",
                "GetItem STUDIO#" + studioId + " PROFILE");

        List<String> paid = counting.measure(() -> ok(api.deliver(api.paidEvent(id, studioId, 25000, "evt_paid_cost"))));

        assertThat(paid).containsOnlyOnce("PutItem BOOKING#" + id + " LINKSENT#");
    }

    @Test
    void the_missing_link_reminder_reads_the_booking_and_writes_one_marker_when_it_sends() {
        String id = book("10:00", "BANK_TRANSFER");
        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", id).token(owner).send());
        api.clock.advance(java.time.Duration.ofDays(6));

        List<String> fired = counting.measure(() -> assertThat(api.scheduler.runNow("missing-link-" + id)).isTrue());

        assertThat(fired).containsExactly(
                "GetItem BOOKING#" + id,
                "PutItem BOOKING#" + id + " LINKREMINDED#",
                "GetItem STUDIO#" + studioId + " PROFILE",
                "GetItem STUDIO#" + studioId + " STAFF#",
                "Query");
        assertThat(api.outbox.sentTo("ioana@example.com")).anySatisfy(m -> assertThat(m.subject()).startsWith("Add the meeting link"));
    }

    private String book(String time, String method) {
        Api.Reply reply = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", serviceId, "start", "2026-11-30T" + time + ":00+02:00", "paymentMethod", method,
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("bookingId").asText();
    }

    private Api.Reply setLink(String bookingId, String link) {
        return api.call("link-release/put-studios-studioId-bookings-bookingId-online-access.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(owner).body(Map.of("link", link)).send();
    }


    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
