package com.studiobooking.functions;

import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What client reminders cost in DynamoDB requests (figures in docs/benchmarks.md), counted at the table
 * the stores use, on moto: a booking costs the same requests with reminders on as off (the settings it
 * already reads say which reminders to schedule), and a reminder that fires reads the booking, the
 * studio, the session and its room, and writes its marker.
 */
class ClientReminderCostTest {
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
        settings(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO")));
        String instructorId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        String roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        Api.Reply session = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 60,
                        "capacity", 10, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("PAY_AT_STUDIO")))
                .send();
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        sessionId = session.json().get("sessionId").asText();
    }

    @Test
    void a_booking_makes_the_same_dynamodb_requests_with_reminders_on_as_off() {
        List<String> off = counting.measure(() -> book("maria@example.com"));
        settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24, 2))));

        List<String> on = counting.measure(() -> book("radu@example.com"));

        assertThat(on).isEqualTo(off);
        assertThat(api.scheduler.pending()).extracting(job -> job.name()).filteredOn(n -> n.startsWith("reminder-"))
                .hasSize(2);
    }

    @Test
    void a_reminder_that_fires_reads_four_items_and_writes_one_marker() {
        settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24))));
        String bookingId = book("maria@example.com");
        api.clock.advance(Duration.ofDays(4).plusHours(7));

        List<String> fired = counting.measure(() -> assertThat(api.scheduler.runDue()).isEqualTo(1));

        assertThat(fired).containsExactly(
                "GetItem BOOKING#" + bookingId,
                "GetItem STUDIO#" + studioId + " PROFILE",
                "GetItem STUDIO#" + studioId + "#SESSION#" + sessionId + " SESSION",
                "GetItem STUDIO#" + studioId + " LOCATION#",
                "PutItem BOOKING#" + bookingId + " REMINDED#");
        assertThat(counting.measure(() -> api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER, Map.of("studioId", studioId,
                "bookingId", bookingId, "hoursBefore", "24", "start", "2026-11-28T16:00:00Z"))))
                .as("fired again: the marker refuses, nothing is sent").hasSize(5);
    }

    private String book(String email) {
        Api.Reply reply = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Client", "email", email))).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("bookingId").asText();
    }

    private void settings(Map<String, Object> body) {
        Api.Reply reply = api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(body).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }


}
