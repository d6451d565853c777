package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost model's inputs (docs/benchmarks.md, "Cost model"): for every operation a booking goes through, the
 * DynamoDB requests it makes (counted at the table the stores use, on moto), the request and capacity units
 * they consume, the e-mails sent (SES) and the timed jobs left to fire (EventBridge Scheduler invocations),
 * and the Lambda invocations. The figures are pinned here, so they cannot grow silently, and the table this
 * test prints is the one in docs/benchmarks.md (checked row by row).
 *
 * <p>Capacity is computed, not reported: moto 5.2.1 answers ReturnConsumedCapacity with a fixed figure per call
 * (0.5 for any GetItem, none for UpdateItem, an empty list for TransactWriteItems), not DynamoDB's. As DynamoDB's on-demand page prices it: a strongly consistent GetItem of an item up to 4 KB is 1 read
 * request unit; a Query 1 unit per 4 KB read (our queries here read well under 4 KB); a standard write of an
 * item up to 1 KB is 1 write request unit, a transactional one 2 per item (ConditionCheck included). The largest
 * item a booking writes is measured below and pinned under 1 KB, so the 1-unit-per-item figures hold.
 */
class OperationCostTest {
    private CountingTable counting;
    private Api api;
    private String studioId;
    private String owner;
    private String sessionId;
    private String freeSessionId;
    private String laterSessionId;
    private String oneSeatSessionId;
    private String serviceId;
    private final List<Integer> putSizes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKinds(table, putSizes::add));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                        "clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24)),
                        "bookingPolicy", Map.of("minNoticeMinutes", 0, "maxDaysAhead", 60))).send());
        String instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        String roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
        sessionId = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 60,
                        "capacity", 20, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2,
                        "paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
        freeSessionId = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Open class", "start", "2026-11-28T20:00:00+02:00", "durationMinutes", 60,
                        "capacity", 20, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 0, "currency", "RON"), "paymentMethods", List.of("FREE")))
                .send()).json().get("sessionId").asText();
        laterSessionId = paidSession(instructorId, roomId, "2026-11-29T18:00:00+02:00", 20);
        oneSeatSessionId = paidSession(instructorId, roomId, "2026-11-29T20:00:00+02:00", 1);
        serviceId = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 20000, "currency", "RON"),
                        "staffIds", List.of(instructorId))).send()).json().get("serviceId").asText();
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", instructorId).token(owner).body(Map.of("weekly", List.of(
                        Map.of("day", "FRIDAY", "start", "09:00", "end", "17:00", "locationId", roomId)))).send());
    }

    @Test
    void every_operation_of_the_cost_model_makes_the_requests_pinned_and_the_docs_table_says_so() throws IOException {
        Map<String, Cost> costs = new LinkedHashMap<>();
        costs.put("slot lookup (one service, one day)", measure(1, () -> ok(api.call("catalogue/get-studios-studioId-slots.json")
                .path("studioId", studioId).query(Map.of("serviceId", serviceId, "from", "2026-11-27", "to", "2026-11-27")).send())));
        costs.put("session list (one week)", measure(1, () -> ok(api.call("catalogue/get-studios-studioId-sessions.json")
                .path("studioId", studioId).query(Map.of("from", "2026-11-23", "to", "2026-11-29")).send())));
        costs.put("book: pay at studio (new client)", measure(1, () -> book(sessionId, "PAY_AT_STUDIO", "p@example.com", null)));
        costs.put("book: pay at studio (returning client)", measure(1, () -> book(laterSessionId, "PAY_AT_STUDIO", "p@example.com", null)));
        book(oneSeatSessionId, "PAY_AT_STUDIO", "first@example.com", null);
        costs.put("book: refused, class full (flash-crowd loser)", measure(1, () -> assertThat(api.call("booking/post-studios-studioId-bookings.json")
                .path("studioId", studioId).body(Map.of("sessionId", oneSeatSessionId, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Client", "email", "late@example.com"))).send().status()).isEqualTo(409)));
        costs.put("book: free (new client)", measure(1, () -> book(freeSessionId, "FREE", "f@example.com", null)));
        Map<String, JsonNode> held = new HashMap<>();
        costs.put("book: card (new client)", measure(1, () -> held.put("card", book(sessionId, "CARD", "c@example.com", null))));
        String cardId = held.get("card").get("bookingId").asText();
        String paid = api.paidEvent(cardId, studioId, 5000, "evt_paid_cost");
        costs.put("card: webhook checkout.session.completed", measure(1, () ->
                assertThat(ok(api.deliver(paid)).json().get("outcome").asText()).isNotEqualTo("DUPLICATE")));
        String passClient = api.clientWithPass(studioId, owner, "pass@example.com", 5, 60);
        costs.put("book: pass (signed-in client)", measure(1, () -> book(sessionId, "PASS", "pass@example.com", passClient)));
        String creditsClient = api.signIn(studioId, "credits@example.com");
        api.grantCredits(studioId, owner, "credits@example.com", 10);
        costs.put("book: credits (signed-in client)", measure(1, () -> book(sessionId, "CREDITS", "credits@example.com", creditsClient)));
        costs.put("book: bank transfer (new client)", measure(1, () -> held.put("bank", book(sessionId, "BANK_TRANSFER", "b@example.com", null))));
        String bankId = held.get("bank").get("bookingId").asText();
        costs.put("bank transfer: staff confirm", measure(1, () -> ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json")
                .path("studioId", studioId).path("bookingId", bankId).token(owner).send())));
        JsonNode leaving = book(sessionId, "PAY_AT_STUDIO", "leaving@example.com", null);
        costs.put("cancel by the client (pay at studio)", measure(1, () -> ok(api.call("booking/post-bookings-bookingId-cancel.json")
                .path("bookingId", leaving.get("bookingId").asText()).token(leaving.get("accessToken").asText()).send())));
        api.outbox.clear();
        api.clock.advance(Duration.ofDays(4).plusHours(7));
        int[] fired = new int[1];
        Cost reminders = measure(1, () -> fired[0] = api.scheduler.runDue());
        assertThat(fired[0]).as("the reminders due: seats of the first evening still booked").isPositive();
        int each = reminders.requests().size() / fired[0];
        costs.put("client reminder fires (each, timed job)", new Cost(reminders.requests().subList(0, each),
                reminders.emails() / fired[0], 0, 1));

        StringBuilder table = new StringBuilder();
        costs.forEach((operation, cost) -> table.append(cost.row(operation)).append('\n'));
        Files.writeString(Path.of("target", "operation-costs.md"), table.toString());
        System.out.println(table);
        System.out.println("largest item put: " + putSizes.stream().mapToInt(Integer::intValue).max().orElse(0) + " bytes");

        // the pinned figures: a change in any operation's requests fails here first
        assertThat(rows(costs)).containsExactlyEntriesOf(expected());
        assertThat(putSizes).as("the largest item written is under 1 KB, one write unit").allMatch(size -> size < 1024);
        String docs = Files.readString(Api.repoRoot().resolve("docs/benchmarks.md"));
        for (String row : table.toString().split("\n")) assertThat(docs).as("docs/benchmarks.md has the row").contains(row);
    }

    private static Map<String, String> rows(Map<String, Cost> costs) {
        Map<String, String> rows = new LinkedHashMap<>();
        costs.forEach((operation, cost) -> rows.put(operation, cost.summary()));
        return rows;
    }

    private static Map<String, String> expected() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("slot lookup (one service, one day)", "2 reads, 0 writes, 2 RRU, 0 WRU, 0 e-mails, 0 schedules, 1 Lambda");
        e.put("session list (one week)", "3 reads, 0 writes, 3 RRU, 0 WRU, 0 e-mails, 0 schedules, 1 Lambda");
        e.put("book: pay at studio (new client)", "7 reads, 3 writes, 7 RRU, 13 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: pay at studio (returning client)", "7 reads, 2 writes, 7 RRU, 9 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: refused, class full (flash-crowd loser)", "2 reads, 0 writes, 2 RRU, 0 WRU, 0 e-mails, 0 schedules, 1 Lambda");
        e.put("book: free (new client)", "7 reads, 3 writes, 7 RRU, 13 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: card (new client)", "6 reads, 4 writes, 6 RRU, 14 WRU, 0 e-mails, 1 schedules, 1 Lambda");
        e.put("card: webhook checkout.session.completed", "5 reads, 3 writes, 5 RRU, 6 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: pass (signed-in client)", "8 reads, 2 writes, 8 RRU, 13 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: credits (signed-in client)", "7 reads, 2 writes, 7 RRU, 13 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("book: bank transfer (new client)", "7 reads, 3 writes, 7 RRU, 13 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("bank transfer: staff confirm", "8 reads, 1 writes, 8 RRU, 6 WRU, 1 e-mails, 1 schedules, 1 Lambda");
        e.put("cancel by the client (pay at studio)", "7 reads, 1 writes, 7 RRU, 6 WRU, 1 e-mails, 0 schedules, 1 Lambda");
        e.put("client reminder fires (each, timed job)", "4 reads, 1 writes, 4 RRU, 1 WRU, 1 e-mails, 0 schedules, 1 Lambda");
        return e;
    }

    /**
     * What one operation made: its DynamoDB requests, e-mails sent (SES), one-time schedules created (each fires
     * once unless the booking is cancelled or paid first: an EventBridge Scheduler invocation), and Lambda invocations.
     */
    record Cost(List<String> requests, int emails, int jobs, int lambdas) {
        int reads() {
            return (int) requests.stream().filter(r -> r.startsWith("GetItem") || r.startsWith("Query")).count();
        }

        int readUnits() {
            return reads();
        }

        int writeUnits() {
            int units = 0;
            for (String r : requests) {
                if (r.startsWith("TransactWriteItems (")) units += 2 * Integer.parseInt(r.substring(20, r.indexOf(')')));
                else if (r.startsWith("PutItem") || r.startsWith("UpdateItem") || r.startsWith("DeleteItem")) units += 1;
            }
            return units;
        }

        int writeRequests() {
            return requests.size() - reads();
        }

        String summary() {
            return reads() + " reads, " + writeRequests() + " writes, " + readUnits() + " RRU, " + writeUnits() + " WRU, "
                    + emails + " e-mails, " + jobs + " schedules, " + lambdas + " Lambda";
        }

        String row(String operation) {
            return "| " + operation + " | " + String.join(", ", collapse(requests)) + " | " + reads() + " | "
                    + writeRequests() + " | " + readUnits() + " | " + writeUnits() + " | " + emails + " | " + jobs + " | "
                    + lambdas + " |";
        }

        private static List<String> collapse(List<String> requests) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < requests.size(); ) {
                int j = i;
                while (j < requests.size() && requests.get(j).equals(requests.get(i))) j++;
                out.add(j - i > 1 ? (j - i) + "× " + requests.get(i) : requests.get(i));
                i = j;
            }
            return out;
        }
    }

    private Cost measure(int lambdas, Runnable operation) {
        int mailsBefore = api.outbox.sent().size();
        java.util.Set<String> jobsBefore = new java.util.HashSet<>(api.scheduler.pending().stream().map(j -> j.name()).toList());
        List<String> requests = counting.measure(operation);
        int created = (int) api.scheduler.pending().stream().filter(j -> !jobsBefore.contains(j.name())).count();
        return new Cost(requests, api.outbox.sent().size() - mailsBefore, created, lambdas);
    }

    private String paidSession(String instructorId, String roomId, String start, int capacity) {
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60,
                        "capacity", capacity, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2,
                        "paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
    }

    private JsonNode book(String session, String method, String email, String token) {
        var call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", session, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)));
        if (token != null) call = call.token(token);
        Api.Reply reply = call.send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 202);
        return reply;
    }
}
