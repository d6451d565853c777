package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service reschedule of appointments through the handlers: a move takes the new time and frees the
 * old one in one transaction (only if the new one was taken), races with other moves and with a cancel
 * leave exactly one outcome, and the cut-off, tokens and input are checked as for a cancel.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class RescheduleAppointmentApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String MONDAY = "2026-11-30";

    private Api api;
    private String studioId;
    private String owner;
    private String practitionerId;
    private String massageId;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO", "BANK_TRANSFER"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                        "clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24)))).send());
        practitionerId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        String locationId = roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Room 1", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", locationId));
        }
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", week)).send());
        massageId = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "bufferAfterMinutes", 15, "slotStepMinutes", 15, "staffIds", List.of(practitionerId),
                        "locationIds", List.of(locationId))).send()).json().get("serviceId").asText();
    }

    @Test
    void an_appointment_moves_to_a_free_slot_its_old_time_is_bookable_again_and_its_new_one_is_not() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();

        JsonNode moved = ok(reschedule(id, booking.get("accessToken").asText(), Map.of("start", at("14:00")))).json();

        assertThat(moved.get("start").asText()).isEqualTo(at("14:00"));
        assertThat(moved.get("end").asText()).isEqualTo(at("15:00"));
        assertThat(moved.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(moved.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(moved.get("bookingId").asText()).isEqualTo(id);
        assertThat(moved.get("createdAt").asText()).isEqualTo(booking.get("createdAt").asText());
        assertThat(starts()).contains("10:00").doesNotContain("13:00", "14:00", "15:00");
        assertThat(claimedUnits()).containsOnlyKeys(id).containsEntry(id, units("14:00", "15:15"));
        assertThat(bookReply("10:00", "radu@example.com").status()).isEqualTo(201);
        assertThat(bookReply("14:00", "elena@example.com").status()).isEqualTo(409);
        assertThat(view(id, booking.get("accessToken").asText()).get("start").asText()).isEqualTo(at("14:00"));
        assertThat(remindersOf(id)).containsExactly(Map.entry("reminder-" + id + "-24h", "2026-11-29T12:00:00Z"));
    }

    @Test
    void the_client_and_the_practitioner_get_an_updated_invite_with_the_same_uid_and_a_higher_sequence() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        ok(reschedule(id, token, Map.of("start", at("11:30"))));
        ok(reschedule(id, token, Map.of("start", at("15:00"))));

        List<Email> toClient = api.outbox.sentTo("maria@example.com");
        assertThat(toClient).extracting(Email::subject).containsExactly("Booked: Massage with Ioana on Mon 30 Nov 10:00",
                "Moved: Massage with Ioana on Mon 30 Nov 11:30", "Moved: Massage with Ioana on Mon 30 Nov 15:00");
        assertThat(toClient.get(1).text()).contains("New time: Mon 30 Nov 2026, 11:30–12:30 (Europe/Bucharest)",
                "Was: Mon 30 Nov 2026, 10:00–11:00 (Europe/Bucharest)");
        assertThat(ics(toClient.get(0))).contains("UID:" + id + "@studio-booking", "SEQUENCE:0", "METHOD:REQUEST");
        assertThat(ics(toClient.get(1))).contains("UID:" + id + "@studio-booking", "SEQUENCE:1", "METHOD:REQUEST",
                "DTSTART;TZID=Europe/Bucharest:20261130T113000");
        assertThat(ics(toClient.get(2))).contains("UID:" + id + "@studio-booking", "SEQUENCE:2",
                "DTSTART;TZID=Europe/Bucharest:20261130T150000");
        List<Email> toPractitioner = api.outbox.sentTo("ioana@example.com").stream()
                .filter(m -> m.subject().startsWith("Moved:")).toList();
        assertThat(toPractitioner).extracting(Email::subject).containsExactly(
                "Moved: Maria Popescu, Massage on Mon 30 Nov 11:30", "Moved: Maria Popescu, Massage on Mon 30 Nov 15:00");
        assertThat(ics(toPractitioner.get(1))).contains("UID:" + id + "@studio-booking", "SEQUENCE:2");

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(token).send());
        assertThat(ics(last(api.outbox.sentTo("maria@example.com")))).contains("METHOD:CANCEL", "SEQUENCE:3");
    }

    @Test
    void moving_by_half_an_hour_within_its_own_time_keeps_the_shared_units_and_frees_the_rest() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();

        ok(reschedule(id, booking.get("accessToken").asText(), Map.of("start", at("10:30"))));
        assertThat(claimedUnits()).containsOnlyKeys(id).containsEntry(id, units("10:30", "11:45"));

        ok(reschedule(id, booking.get("accessToken").asText(), Map.of("start", at("10:00"))));
        assertThat(claimedUnits()).containsOnlyKeys(id).containsEntry(id, units("10:00", "11:15"));
        assertThat(starts()).contains("11:15").doesNotContain("10:00", "10:15", "11:00");
    }

    @Test
    void an_eight_hour_appointment_moved_to_another_day_frees_all_of_its_old_units_beyond_one_transaction() {
        String day = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Retreat day", "durationMinutes", 480, "price", Map.of("amount", 90000, "currency", "RON"),
                        "staffIds", List.of(practitionerId), "locationIds", List.of(roomId)))
                .send()).json().get("serviceId").asText();
        JsonNode booking = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", day, "start", at("09:00"), "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Maria Popescu", "email", "maria@example.com"))).send()).json();
        String id = booking.get("bookingId").asText();
        assertThat(claimedUnits().get(id)).hasSize(96);

        // 96 claims + 96 frees + 5 other writes: more than DynamoDB's 100 items in one transaction
        ok(reschedule(id, booking.get("accessToken").asText(), Map.of("start", "2026-12-01T09:00:00+02:00")));

        assertThat(claimedUnits()).containsOnlyKeys(id);
        assertThat(claimedUnits().get(id)).hasSize(96).allMatch(unit -> unit.startsWith("2026-12-01T"));
        assertThat(starts()).hasSize(29);
    }

    @Test
    void a_move_to_a_taken_slot_is_409_and_leaves_the_booking_as_it_was() {
        JsonNode maria = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        book("14:00", "PAY_AT_STUDIO", "radu@example.com");
        String id = maria.get("bookingId").asText();
        List<String> slotsBefore = starts();

        assertRefused(reschedule(id, maria.get("accessToken").asText(), Map.of("start", at("14:30"))), 409, "SLOT_TAKEN");

        JsonNode kept = view(id, maria.get("accessToken").asText());
        assertThat(kept.get("start").asText()).isEqualTo(at("10:00"));
        assertThat(kept.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(starts()).isEqualTo(slotsBefore);
        assertThat(claimedUnits()).containsEntry(id, units("10:00", "11:15"));
        assertThat(api.outbox.sentTo("maria@example.com")).extracting(Email::subject).noneMatch(s -> s.startsWith("Moved:"));
    }

    @Test
    void four_clients_racing_into_the_same_free_slot_one_wins_and_the_others_keep_their_old_slots() throws Exception {
        List<String> times = List.of("09:00", "10:15", "11:30", "12:45");
        List<JsonNode> bookings = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) bookings.add(book(times.get(i), "PAY_AT_STUDIO", "c" + i + "@example.com"));

        List<Api.Reply> replies = Parallel.run(times.size(), i -> reschedule(bookings.get(i).get("bookingId").asText(),
                bookings.get(i).get("accessToken").asText(), Map.of("start", at("15:00"))));

        assertThat(replies).extracting(Api.Reply::status).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(replies).filteredOn(r -> r.status() == 409).extracting(Api.Reply::errorCode).containsOnly("SLOT_TAKEN");
        Map<String, List<String>> claims = claimedUnits();
        for (int i = 0; i < times.size(); i++) {
            String id = bookings.get(i).get("bookingId").asText();
            String start = view(id, bookings.get(i).get("accessToken").asText()).get("start").asText();
            boolean won = replies.get(i).status() == 200;
            assertThat(start).isEqualTo(won ? at("15:00") : at(times.get(i)));
            assertThat(claims.get(id)).isEqualTo(won ? units("15:00", "16:15") : units(times.get(i), plus75(times.get(i))));
        }
        assertThat(claims).hasSize(times.size());
    }

    @Test
    void a_reschedule_racing_with_a_cancel_of_the_same_booking_applies_one_and_leaves_no_time_taken() throws Exception {
        for (int round = 0; round < 4; round++) {
            JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria" + round + "@example.com");
            String id = booking.get("bookingId").asText();
            String token = booking.get("accessToken").asText();

            List<Api.Reply> replies = Parallel.run(2, i -> i == 0
                    ? reschedule(id, token, Map.of("start", at("14:00")))
                    : api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(token).send());

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            JsonNode after = view(id, token);
            assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
            if (replies.get(0).status() == 200) {
                assertThat(after.get("start").asText()).as("moved, then cancelled as moved").isEqualTo(at("14:00"));
            } else {
                assertRefused(replies.get(0), 409, "BOOKING_CANCELLED");
                assertThat(after.get("start").asText()).isEqualTo(at("10:00"));
            }
            assertThat(claimedUnits()).as("round " + round).isEmpty();
            assertThat(starts()).as("round " + round).contains("10:00", "14:00").hasSize(29);
        }
    }

    @Test
    void a_cancel_written_just_before_the_move_makes_the_move_read_again_and_refuse() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();
        api.table.beforeNextWrite(writes -> writes.stream().anyMatch(w -> w.pk().equals("BOOKING#" + id)),
                () -> ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(token).send()));

        assertRefused(reschedule(id, token, Map.of("start", at("14:00"))), 409, "BOOKING_CANCELLED");

        assertThat(view(id, token).get("start").asText()).isEqualTo(at("10:00"));
        assertThat(claimedUnits()).isEmpty();
        assertThat(starts()).hasSize(29);
    }

    @Test
    void after_the_cut_off_a_client_is_refused_with_the_policy_and_staff_may_still_move_it() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.clock.advance(Duration.between(api.clock.instant(), Instant.parse("2026-11-29T20:00:01Z")));

        Api.Reply late = reschedule(id, booking.get("accessToken").asText(), Map.of("start", at("14:00")));

        assertRefused(late, 422, "RESCHEDULE_CUTOFF_PASSED");
        assertThat(late.json().get("error").get("policy").asText()).isEqualTo("You can cancel free of charge up to 12 hours before the start.");
        assertThat(late.json().get("error").get("cutoffHours").asInt()).isEqualTo(12);
        assertThat(view(id, booking.get("accessToken").asText()).get("start").asText()).isEqualTo(at("10:00"));

        owner = api.signIn(studioId, "ana@example.com");
        assertThat(ok(reschedule(id, owner, Map.of("start", at("14:00")))).json().get("start").asText()).isEqualTo(at("14:00"));
    }

    @Test
    void bad_input_names_the_field_and_moves_nothing() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        assertField(reschedule(id, token, Map.of()), "start");
        assertField(reschedule(id, token, Map.of("start", "tomorrow at ten")), "start");
        assertField(reschedule(id, token, Map.of("sessionId", "se_x")), "sessionId");
        assertField(reschedule(id, token, Map.of("start", at("14:00"), "colour", "red")), "colour");
        assertRefused(reschedule(id, token, Map.of("start", at("08:00"))), 422, "SLOT_NOT_OFFERED");
        assertRefused(reschedule(id, token, Map.of("start", at("10:05"))), 422, "SLOT_NOT_OFFERED");
        // the same time again: nothing to move, nothing sent
        assertThat(ok(reschedule(id, token, Map.of("start", at("10:00")))).json().get("start").asText()).isEqualTo(at("10:00"));

        assertThat(view(id, token).get("start").asText()).isEqualTo(at("10:00"));
        assertThat(claimedUnits()).containsEntry(id, units("10:00", "11:15"));
        assertThat(api.outbox.sentTo("maria@example.com")).hasSize(1);
    }

    @Test
    void a_service_whose_price_or_practitioner_changed_since_the_booking_is_not_moved() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        ok(changeService(Map.of("price", Map.of("amount", 27000, "currency", "RON"))));
        assertRefused(reschedule(id, token, Map.of("start", at("14:00"))), 422, "PRICE_CHANGED");

        ok(changeService(Map.of("price", Map.of("amount", 25000, "currency", "RON"))));
        String dan = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Dan", "email", "dan@example.com")).send()).json().get("staffId").asText();
        ok(changeService(Map.of("staffIds", List.of(dan))));
        Api.Reply refused = reschedule(id, token, Map.of("start", at("14:00")));
        assertRefused(refused, 422, "SLOT_NOT_OFFERED");
        assertThat(refused.errorField()).isEqualTo("start");
        assertThat(view(id, token).get("start").asText()).isEqualTo(at("10:00"));
    }

    private Api.Reply changeService(Map<String, Object> body) {
        return api.call("admin/put-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", massageId).token(owner).body(body).send();
    }

    @Test
    void tokens_and_studios_are_checked_as_for_a_cancel() {
        JsonNode booking = book("10:00", "PAY_AT_STUDIO", "maria@example.com");
        JsonNode other = book("14:00", "PAY_AT_STUDIO", "radu@example.com");
        String id = booking.get("bookingId").asText();
        String otherStudio = api.openStudio("boss@example.com");
        String strangerStaff = api.signIn(otherStudio, "boss@example.com");
        String otherClient = api.signIn(studioId, "radu@example.com");

        Map<String, Object> body = Map.of("start", at("15:30"));
        for (String token : java.util.Arrays.asList(null, other.get("accessToken").asText(), strangerStaff, otherClient,
                "not-a-token")) {
            Api.Reply moved = reschedule(id, token, body);
            Api.Reply cancelled = api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id)
                    .token(token == null ? "" : token).send();
            assertThat(moved.status()).as(String.valueOf(token)).isIn(401, 403);
            if (token != null) assertThat(moved.status()).isEqualTo(cancelled.status());
        }
        assertThat(reschedule("bk_doesnotexist000000", booking.get("accessToken").asText(), body).status()).isEqualTo(404);
        assertThat(view(id, booking.get("accessToken").asText()).get("start").asText()).isEqualTo(at("10:00"));

        // the client signed in with their own token may move it
        String maria = api.signIn(studioId, "maria@example.com");
        assertThat(ok(reschedule(id, maria, body)).json().get("start").asText()).isEqualTo(at("15:30"));
    }

    @Test
    void a_card_booking_whose_checkout_is_open_is_refused_until_paid_and_a_transfer_keeps_a_sensible_due_time() {
        JsonNode card = book("10:00", "CARD", "maria@example.com");
        assertRefused(reschedule(card.get("bookingId").asText(), card.get("accessToken").asText(),
                Map.of("start", at("14:00"))), 409, "CHECKOUT_OPEN");

        // booked on Monday 23rd, due 48 hours later (25th 09:00Z); moved to the 24th 10:00 local, it is due by its start
        JsonNode transfer = ok(bookAt("2026-11-30T12:00:00+02:00", "BANK_TRANSFER", "radu@example.com")).json();
        String id = transfer.get("bookingId").asText();
        assertThat(transfer.get("nextAction").get("bankTransfer").get("dueBy").asText()).isEqualTo("2026-11-25T11:00:00+02:00");
        JsonNode moved = ok(reschedule(id, transfer.get("accessToken").asText(),
                Map.of("start", "2026-11-24T10:00:00+02:00"))).json();
        assertThat(moved.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(moved.get("nextAction").get("bankTransfer").get("dueBy").asText()).isEqualTo("2026-11-24T10:00:00+02:00");
        assertThat(api.scheduler.pending()).filteredOn(j -> j.name().startsWith("release-" + id))
                .singleElement().satisfies(j -> assertThat(j.at()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z")));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String at(String time) {
        return MONDAY + "T" + time + ":00+02:00";
    }

    private static String plus75(String time) {
        int minutes = Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3)) + 75;
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** The 5-minute units from {@code from} to {@code to} on Monday, as claim sort keys' instants. */
    private static List<String> units(String from, String to) {
        List<String> units = new ArrayList<>();
        for (Instant t = Instant.parse(MONDAY + "T" + from + ":00Z").minus(Duration.ofHours(2));
             t.isBefore(Instant.parse(MONDAY + "T" + to + ":00Z").minus(Duration.ofHours(2))); t = t.plus(Duration.ofMinutes(5))) {
            units.add(t.toString());
        }
        return units;
    }

    /** The practitioner's claimed time units as stored, by holding booking. */
    private Map<String, List<String>> claimedUnits() {
        Map<String, List<String>> byHolder = new LinkedHashMap<>();
        api.engineTable.query(KeyQuery.partition("STUDIO#" + studioId + "#STAFFTIME#" + practitionerId)).forEach(item ->
                byHolder.computeIfAbsent(item.get("holder").s(), k -> new ArrayList<>())
                        .add(Instant.ofEpochSecond(epoch(item.get("SK").s())).toString()));
        byHolder.values().forEach(list -> list.sort(String::compareTo));
        return byHolder;
    }

    private static long epoch(String sortKey) {
        return Long.parseLong(sortKey);
    }

    private List<String> starts() {
        Api.Reply reply = api.call("catalogue/get-studios-studioId-slots.json").path("studioId", studioId)
                .query(Map.of("serviceId", massageId, "from", MONDAY, "to", MONDAY)).send();
        List<String> starts = new ArrayList<>();
        ok(reply).json().get("slots").forEach(s -> starts.add(s.get("start").asText().substring(11, 16)));
        return starts;
    }

    private Map<String, String> remindersOf(String bookingId) {
        Map<String, String> found = new LinkedHashMap<>();
        api.scheduler.pending().stream().filter(j -> j.name().startsWith("reminder-" + bookingId + "-"))
                .forEach(j -> found.put(j.name(), j.at().toString()));
        return found;
    }

    private JsonNode book(String time, String method, String email) {
        return ok(bookAt(at(time), method, email)).json();
    }

    private Api.Reply bookReply(String time, String email) {
        return bookAt(at(time), "PAY_AT_STUDIO", email);
    }

    private Api.Reply bookAt(String start, String method, String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massageId, "start", start, "paymentMethod", method,
                        "client", Map.of("name", email.startsWith("maria") ? "Maria Popescu" : "Client " + email,
                                "email", email))).send();
    }

    private Api.Reply reschedule(String bookingId, String token, Map<String, Object> body) {
        Api.Call call = api.call("booking/post-bookings-bookingId-reschedule.json").path("bookingId", bookingId).body(body);
        if (token != null) call.token(token);
        return call.send();
    }

    private JsonNode view(String bookingId, String token) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", bookingId).token(token).send()).json();
    }

    private static String ics(Email email) {
        return new String(email.attachments().get(0).content(), StandardCharsets.UTF_8).replace("\r\n ", "");
    }

    private static Email last(List<Email> emails) {
        return emails.get(emails.size() - 1);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }
}
