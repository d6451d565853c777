package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reschedule costs in DynamoDB requests (figures in docs/benchmarks.md), counted at the table the
 * stores use, on moto: the reads that decide, then one TransactWriteItems that moves the booking.
 */
class RescheduleCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String owner;
    private String staffId;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO"))).send());
        staffId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @Test
    void moving_an_appointment_by_half_an_hour_reads_six_items_and_writes_one_transaction_of_seventeen() {
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", staffId).token(owner).body(Map.of("weekly", List.of(Map.of("day", "MONDAY",
                        "start", "09:00", "end", "17:00", "locationId", roomId)))).send());
        String massage = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "bufferAfterMinutes", 15, "staffIds", List.of(staffId), "locationIds", List.of(roomId))).send())
                .json().get("serviceId").asText();
        var booking = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massage, "start", "2026-11-30T10:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send()).json();
        String id = booking.get("bookingId").asText();

        List<String> moved = counting.measure(() -> ok(reschedule(id, booking.get("accessToken").asText(),
                Map.of("start", "2026-11-30T10:30:00+02:00"))));

        // the booking (authorise, then decide), the studio's configuration and calendar (the slot rules), one
        // transaction: the booking, the calendar entry out and in, the client's pointer out and in, the 6 units
        // only 10:30–11:45 touches claimed and the 6 only 10:00–11:15 touched freed; the studio for the response
        assertThat(moved).containsExactly(
                "GetItem BOOKING#" + id,
                "GetItem BOOKING#" + id,
                "Query",
                "Query",
                "TransactWriteItems (17)",
                "GetItem STUDIO#" + studioId + " PROFILE");
    }

    @Test
    void moving_a_seat_reads_the_booking_both_sessions_and_the_studio_and_writes_one_transaction_of_seven() {
        String saturday = session("2026-11-28T18:00:00+02:00");
        String sunday = session("2026-11-29T10:00:00+02:00");
        var booking = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", saturday, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send()).json();
        String id = booking.get("bookingId").asText();

        List<String> moved = counting.measure(() -> ok(reschedule(id, booking.get("accessToken").asText(),
                Map.of("sessionId", sunday))));

        String sessionKey = "GetItem STUDIO#" + studioId + "#SESSION#";
        // the booking twice, the session it leaves, the studio, the session it joins and its instructor; one
        // transaction (booking, seat taken, seat freed, participant line out and in, client's pointer out and in);
        // the session it left and its participants (does anyone wait for the freed seat? docs/decisions/waitlist.md);
        // the room for the e-mail; the studio and the new session again for the response (rule 3)
        assertThat(moved).containsExactly(
                "GetItem BOOKING#" + id,
                "GetItem BOOKING#" + id,
                sessionKey + saturday + " SESSION",
                "GetItem STUDIO#" + studioId + " PROFILE",
                sessionKey + sunday + " SESSION",
                "GetItem STUDIO#" + studioId + " STAFF#",
                "TransactWriteItems (7)",
                sessionKey + saturday + " SESSION",
                "Query",
                "GetItem STUDIO#" + studioId + " LOCATION#",
                "GetItem STUDIO#" + studioId + " PROFILE",
                sessionKey + sunday + " SESSION");
    }

    private String session(String start) {
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60, "capacity", 10,
                        "instructorId", staffId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
    }

    private Api.Reply reschedule(String bookingId, String token, Map<String, Object> body) {
        return api.call("booking/post-bookings-bookingId-reschedule.json").path("bookingId", bookingId).token(token)
                .body(body).send();
    }


    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

}
