package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the waitlist costs in DynamoDB requests (figures in docs/benchmarks.md), counted at the table the
 * stores use, on moto: joining a full session's line, and a cancellation whose freed seat goes to the
 * first in line (the cancellation's own requests, then the promotion's).
 */
class WaitlistCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String sessionId;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        studioId = api.openStudio("ana@example.com");
        String owner = api.signIn(studioId, "ana@example.com");
        Api.Reply settings = api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO"),
                        "waitlist", Map.of("enabled", true, "closesMinutesBefore", 60))).send();
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        String instructorId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        String roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        Api.Reply session = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 60,
                        "capacity", 1, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("PAY_AT_STUDIO")))
                .send();
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        sessionId = session.json().get("sessionId").asText();
    }

    @Test
    void joining_costs_twelve_requests_and_a_cancellation_that_promotes_the_first_in_line_fifteen() {
        Api.Reply holder = seat("maria@example.com", false);
        String session = "STUDIO#" + studioId + "#SESSION#" + sessionId + " SESSION";
        String profile = "STUDIO#" + studioId + " PROFILE";

        List<String> join = counting.measure(() -> assertThat(seat("radu@example.com", true).status()).isEqualTo(201));

        assertThat(join).containsExactly(
                "GetItem " + session, "GetItem " + profile,
                "GetItem STUDIO#" + studioId + "#CLIENTS EMAIL#", "TransactWriteItems (2)", // the guest's client record
                "GetItem STUDIO#" + studioId + " STAFF#",
                // full as the session was read: no doomed seat transaction (issue 16, was 3 requests more)
                "Query", // already booked or waiting?
                "GetItem " + session, "TransactWriteItems (5)", // the next ticket, with the booking and its marker
                "Query", // the position for the e-mail
                "UpdateItem STUDIO#" + studioId + "#CLIENTS ID#", // the client's name, phone and count for the staff's list
                "GetItem " + profile, "Query"); // the response, with the position

        String holderId = holder.json().get("bookingId").asText();
        List<String> cancel = counting.measure(() -> assertThat(api.call("booking/post-bookings-bookingId-cancel.json")
                .path("bookingId", holderId).token(holder.json().get("accessToken").asText()).send().status())
                .isEqualTo(200));

        assertThat(cancel.subList(0, 5)).as("the cancellation, as without a waitlist").containsExactly(
                "GetItem BOOKING#" + holderId, "GetItem BOOKING#" + holderId, "GetItem " + session, "GetItem " + profile,
                "TransactWriteItems (3)");
        List<String> promotion = cancel.subList(5, cancel.size());
        assertThat(promotion.subList(0, 2)).containsExactly("GetItem " + session, "Query");
        assertThat(promotion.get(2)).startsWith("GetItem BOOKING#"); // the first in line
        assertThat(promotion.subList(3, promotion.size())).containsExactly("GetItem " + profile, "GetItem " + session,
                "TransactWriteItems (4)", // booking, participant line, seat and line counters, marker removed
                "GetItem STUDIO#" + studioId + " STAFF#", "GetItem STUDIO#" + studioId + " LOCATION#", // the e-mail
                "GetItem " + session, // no seat left: the line stops
                "GetItem " + profile); // the response
        assertThat(cancel).hasSize(15);
    }

    private Api.Reply seat(String email, boolean waitlist) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                "client", Map.of("name", "Client", "email", email)));
        if (waitlist) body.put("waitlist", true);
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send();
    }


}
