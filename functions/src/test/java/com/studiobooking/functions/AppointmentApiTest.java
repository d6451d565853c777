package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The appointment story through the handlers: slots, booking, cancelling, races. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class AppointmentApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String MONDAY = "2026-11-30";

    private Api api;
    private String studioId;
    private String owner;
    private String practitionerId;
    private String locationId;
    private String massageId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send();
        practitionerId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        locationId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Room 1", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        setHours(practitionerId, "09:00", "17:00");
        massageId = service("Massage", 60, 0, 15);
    }

    @Test
    void slots_show_the_free_times_in_the_studio_zone_or_the_clients() {
        JsonNode slots = slots(massageId, MONDAY, MONDAY, null);
        assertThat(slots).hasSize(29);
        assertThat(slots.get(0).get("start").asText()).isEqualTo("2026-11-30T09:00:00+02:00");
        assertThat(slots.get(0).get("end").asText()).isEqualTo("2026-11-30T10:00:00+02:00");
        assertThat(slots.get(0).get("staffId").asText()).isEqualTo(practitionerId);
        assertThat(slots.get(0).get("locationId").asText()).isEqualTo(locationId);
        assertThat(slots.get(28).get("start").asText()).isEqualTo("2026-11-30T16:00:00+02:00");

        Api.Reply inLondon = api.call("catalogue/get-studios-studioId-slots.json").path("studioId", studioId)
                .query(Map.of("serviceId", massageId, "from", MONDAY, "to", MONDAY, "timezone", "Europe/London")).send();
        assertThat(inLondon.json().get("timezone").asText()).isEqualTo("Europe/London");
        assertThat(inLondon.json().get("slots").get(0).get("start").asText()).isEqualTo("2026-11-30T07:00:00Z");
    }

    @Test
    void a_booked_slot_and_its_buffers_vanish_from_the_slots_and_return_when_cancelled() {
        Api.Reply booked = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode booking = booked.json();
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booking.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(booking.get("nextAction").get("type").asText()).isEqualTo("NONE");
        assertThat(booking.get("staffId").asText()).isEqualTo(practitionerId);
        Email confirmation = api.outbox.sentTo("maria@example.com").get(0);
        assertThat(confirmation.subject()).contains("Massage");
        assertThat(new String(confirmation.attachments().get(0).content(), StandardCharsets.UTF_8))
                .contains("DTSTART;TZID=Europe/Bucharest:20261130T100000", "DTEND;TZID=Europe/Bucharest:20261130T110000");
        // the access token only in the manage link's fragment, and only to the client
        String token = booking.get("accessToken").asText();
        assertThat(confirmation.text()).contains("&booking=" + booking.get("bookingId").asText() + "#access=" + token + "\n")
                .containsOnlyOnce(token);
        Email notification = api.outbox.sentTo("ioana@example.com").get(api.outbox.sentTo("ioana@example.com").size() - 1);
        assertThat(notification.text()).contains("Maria Popescu", "maria@example.com");
        assertThat(notification.text() + notification.html()).doesNotContain(token);
        assertThat(notification.attachments()).extracting(Email.Attachment::filename).containsExactly("invite.ics");

        // taken: [10:00, 11:15) with the 15-minute after-buffer; a new 60+15 minute slot must end its buffer by 10:00
        assertThat(starts(slots(massageId, MONDAY, MONDAY, null)))
                .doesNotContain("09:00", "09:45", "10:00", "11:00")
                .contains("11:15", "16:00")
                .hasSize(29 - 9);

        Api.Reply cancelled = api.call("booking/post-bookings-bookingId-cancel.json")
                .path("bookingId", booking.get("bookingId").asText()).token(booking.get("accessToken").asText()).send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellation").get("by").asText()).isEqualTo("CLIENT");
        List<Email> toClient = api.outbox.sentTo("maria@example.com");
        assertThat(toClient.get(toClient.size() - 1).subject()).startsWith("Cancelled");
        assertThat(new String(toClient.get(toClient.size() - 1).attachments().get(0).content(), StandardCharsets.UTF_8))
                .contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(slots(massageId, MONDAY, MONDAY, null)).hasSize(29);
    }

    @Test
    void a_time_that_is_not_offered_is_refused_whatever_the_client_sends() {
        assertRefused(book(massageId, "2026-11-30T08:00:00+02:00", "PAY_AT_STUDIO", null), 422, "SLOT_NOT_OFFERED");
        assertRefused(book(massageId, "2026-11-30T10:05:00+02:00", "PAY_AT_STUDIO", null), 422, "SLOT_NOT_OFFERED");
        assertRefused(book(massageId, "2026-11-23T11:45:00+02:00", "PAY_AT_STUDIO", null), 422, "SLOT_NOT_OFFERED");
        assertRefused(book(massageId, "2027-03-01T10:00:00+02:00", "PAY_AT_STUDIO", null), 422, "SLOT_NOT_OFFERED");
        assertThat(book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null).status()).isEqualTo(201);
        assertRefused(book(massageId, "2026-11-30T10:30:00+02:00", "PAY_AT_STUDIO", null), 409, "SLOT_TAKEN");
        assertRefused(book(massageId, "2026-11-30T12:00:00+02:00", "FREE", null), 422, "PAYMENT_METHOD_NOT_ACCEPTED");
        assertRefused(book(massageId, "2026-11-30T12:00:00+02:00", "BANK_TRANSFER", null), 422, "PAYMENT_METHOD_NOT_ACCEPTED");
    }

    @Test
    void bad_booking_input_names_the_field_and_books_nothing() {
        assertField(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request(massageId, "tomorrow at ten", "PAY_AT_STUDIO")), "start");
        Map<String, Object> noEmail = new java.util.HashMap<>(request(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO"));
        noEmail.put("client", Map.of("name", "Maria"));
        assertField(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(noEmail),
                "client.email");
        Map<String, Object> badMethod = new java.util.HashMap<>(request(massageId, "2026-11-30T10:00:00+02:00", "CASH"));
        assertField(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(badMethod),
                "paymentMethod");
        assertField(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .header("idempotency-key", "bad key!").body(request(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO")),
                "Idempotency-Key");
        assertThat(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request("sv_nothere", "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO")).send().status()).isEqualTo(404);

        assertThat(slots(massageId, MONDAY, MONDAY, null)).hasSize(29);
        assertThat(bookingsOn(MONDAY)).isEmpty();
    }

    @Test
    void fifty_parallel_requests_for_the_same_slot_make_exactly_one_booking() throws Exception {
        List<Integer> statuses = Parallel.run(50, i -> book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null).status());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(49);
        assertThat(bookingsOn(MONDAY)).hasSize(1);
    }

    @Test
    void fifty_parallel_requests_for_overlapping_slots_of_different_lengths_never_overlap() throws Exception {
        String short30 = service("Consultation", 30, 5, 10);
        String long90 = service("Deep tissue", 90, 10, 15);
        String[] services = {massageId, short30, long90};
        List<Integer> statuses = Parallel.run(50, i -> book(services[i % 3],
                OffsetDateTime.parse("2026-11-30T10:00:00+02:00").plusMinutes(15L * (i % 8)).toString(), "PAY_AT_STUDIO", null)
                .status());

        assertThat(statuses).containsOnly(201, 409);
        List<JsonNode> stored = bookingsOn(MONDAY);
        assertThat(stored).hasSize((int) statuses.stream().filter(s -> s == 201).count()).isNotEmpty();
        Map<String, int[]> buffers = Map.of(massageId, new int[]{0, 15}, short30, new int[]{5, 10}, long90, new int[]{10, 15});
        for (int a = 0; a < stored.size(); a++) {
            for (int b = a + 1; b < stored.size(); b++) {
                assertThat(overlaps(stored.get(a), stored.get(b), buffers)).as(stored.get(a) + " vs " + stored.get(b)).isFalse();
            }
        }
    }

    @Test
    void the_same_idempotency_key_sent_ten_times_in_parallel_makes_one_booking() throws Exception {
        List<String> ids = Parallel.run(10, i -> {
            Api.Reply reply = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", "retry-123");
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.json().get("accessToken").asText()).startsWith("ba_");
            return reply.json().get("bookingId").asText();
        });

        assertThat(Set.copyOf(ids)).hasSize(1);
        assertThat(bookingsOn(MONDAY)).hasSize(1);
        assertRefused(book(massageId, "2026-11-30T12:00:00+02:00", "PAY_AT_STUDIO", "retry-123"), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void any_staff_member_gets_the_booking_when_none_is_chosen() {
        String second = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Radu", "email", "radu@example.com")).send().json().get("staffId").asText();
        setHours(second, "09:00", "17:00");
        api.call("admin/put-studios-studioId-services-serviceId.json").path("studioId", studioId).path("serviceId", massageId)
                .token(owner).body(Map.of("staffIds", List.of(practitionerId, second))).send();

        Api.Reply first = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null);
        Api.Reply other = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null);
        Api.Reply third = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null);

        assertThat(first.json().get("staffId").asText()).isEqualTo(practitionerId);
        assertThat(other.json().get("staffId").asText()).isEqualTo(second);
        assertThat(third.status()).isEqualTo(409);
        assertThat(starts(slots(massageId, MONDAY, MONDAY, null))).doesNotContain("10:00");
        assertThat(starts(slots(massageId, MONDAY, MONDAY, second))).doesNotContain("10:00");
    }

    @Test
    void a_booking_is_seen_only_with_its_access_token_or_by_the_studios_staff() {
        JsonNode booking = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null).json();
        String id = booking.get("bookingId").asText();
        String otherStudio = api.openStudio("bob@example.com");
        String otherOwner = api.signIn(otherStudio, "bob@example.com");
        String other = book(massageId, "2026-11-30T12:00:00+02:00", "PAY_AT_STUDIO", null).json().get("accessToken").asText();

        assertThat(view(id, null).status()).isEqualTo(401);
        assertThat(view(id, "ba_forged").status()).isEqualTo(401);
        assertThat(view(id, other).status()).isEqualTo(401);
        assertThat(view(id, otherOwner).status()).isEqualTo(403);
        Api.Reply mine = view(id, booking.get("accessToken").asText());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().has("accessToken")).isFalse();
        assertThat(view(id, owner).status()).isEqualTo(200);
    }

    @Test
    void a_late_cancellation_is_marked_and_a_second_one_is_refused() {
        JsonNode booking = book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null).json();
        api.clock.advance(Duration.ofDays(6).plusHours(20)); // 2026-11-30T05:00Z: 3 hours before the start, cut-off 12 h
        Api.Call cancel = api.call("booking/post-bookings-bookingId-cancel.json")
                .path("bookingId", booking.get("bookingId").asText()).token(booking.get("accessToken").asText());

        Api.Reply cancelled = cancel.send();
        assertThat(cancelled.json().get("cancellation").get("late").asBoolean()).isTrue();
        assertRefused(cancel.send(), 409, "ALREADY_CANCELLED");
    }

    @Test
    void staff_list_bookings_by_date_and_other_studios_get_403() {
        book(massageId, "2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", null);
        assertThat(bookingsOn(MONDAY)).hasSize(1);
        assertThat(bookingsOn("2026-12-01")).isEmpty();
        String otherOwner = api.signIn(api.openStudio("bob@example.com"), "bob@example.com");
        assertThat(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(otherOwner)
                .query(Map.of("from", MONDAY, "to", MONDAY)).send().status()).isEqualTo(403);
    }

    @Test
    void availability_overrides_and_time_off_shape_the_slots() {
        Api.Reply set = api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of(
                        "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00", "locationId", locationId)),
                        "overrides", List.of(Map.of("date", "2026-12-07", "intervals", List.of())),
                        "timeOff", List.of(Map.of("start", "2026-11-30T12:00:00+02:00", "end", "2026-11-30T14:00:00+02:00"))))
                .send();
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        assertThat(starts(slots(massageId, MONDAY, MONDAY, null))).doesNotContain("11:15", "12:00", "13:45")
                .contains("11:00", "14:00");
        assertThat(slots(massageId, "2026-12-07", "2026-12-07", null)).isEmpty();
        assertThat(slots(massageId, "2026-12-01", "2026-12-01", null)).isEmpty();

        Api.Reply overlapping = api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", List.of(
                        Map.of("day", "MONDAY", "start", "09:00", "end", "12:00", "locationId", locationId),
                        Map.of("day", "MONDAY", "start", "11:00", "end", "13:00", "locationId", locationId)))).send();
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.errorField()).isEqualTo("weekly");
        assertField(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", List.of(
                        Map.of("day", "FUNDAY", "start", "09:00", "end", "12:00", "locationId", locationId)))), "weekly[0].day");
    }

    @Test
    void services_are_checked_and_linked_from_the_public_profile() {
        assertField(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "X", "durationMinutes", 62, "price", Map.of("amount", 100, "currency", "RON"),
                        "staffIds", List.of(practitionerId))), "durationMinutes");
        assertField(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "X", "durationMinutes", 60, "price", Map.of("amount", 100, "currency", "EUR"),
                        "staffIds", List.of(practitionerId))), "price.currency");
        assertField(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "X", "durationMinutes", 60, "price", Map.of("amount", 100, "currency", "RON"),
                        "staffIds", List.of("sf_unknown"))), "staffIds[0]");

        JsonNode profile = api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send().json();
        assertThat(profile.get("bookingLink").asText()).isEqualTo("https://book.example/widget?studio=" + studioId);
        JsonNode offer = profile.get("services").get(0).get("services").get(0);
        assertThat(offer.get("serviceId").asText()).isEqualTo(massageId);
        assertThat(offer.get("bookingLink").asText()).endsWith("&service=" + massageId);
        assertThat(profile.get("staff").findValuesAsText("bookingLink")).contains(
                "https://book.example/widget?studio=" + studioId + "&staff=" + practitionerId);
    }

    // --- slots after bookings, hours ending at midnight ------------------------------------------

    @Test
    void the_slot_right_after_an_off_grid_booking_is_offered_and_booked_by_exactly_one_of_twenty_in_a_race()
            throws Exception {
        // a 45-minute consultation with a 15-minute buffer, booked at 09:15 on its 15-minute grid: busy until 10:15
        String consultation = service("Consultation", 45, 0, 15);
        assertThat(book(consultation, "2026-11-30T09:15:00+02:00", "PAY_AT_STUDIO", null).status()).isEqualTo(201);
        String deepTissue = service("Deep tissue", 45, 0, 15, 60, null);
        assertThat(starts(slots(deepTissue, MONDAY, MONDAY, null)))
                .containsExactly("10:15", "11:15", "12:15", "13:15", "14:15", "15:15", "16:15");

        // three free starts that follow one another, five requests each, and five for starts that overlap them
        String[] starts = {"10:15", "11:15", "12:15", "10:45", "11:45"};
        List<Api.Reply> replies = Parallel.run(20, i -> book(deepTissue, "2026-11-30T" + starts[i % 5] + ":00+02:00",
                "PAY_AT_STUDIO", null));

        List<String> booked = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Api.Reply reply = replies.get(i);
            if (reply.status() == 201) booked.add(reply.json().get("start").asText().substring(11, 16));
            else if (i % 5 < 3) assertRefused(reply, 409, "SLOT_TAKEN");
            else assertThat(reply.status()).as(reply.body()).isIn(409, 422);
        }
        assertThat(booked).containsExactlyInAnyOrder("10:15", "11:15", "12:15");
        List<JsonNode> stored = bookingsOn(MONDAY);
        assertThat(stored).hasSize(4);
        Map<String, int[]> buffers = Map.of(consultation, new int[]{0, 15}, deepTissue, new int[]{0, 15});
        for (int a = 0; a < stored.size(); a++) {
            for (int b = a + 1; b < stored.size(); b++) {
                assertThat(overlaps(stored.get(a), stored.get(b), buffers)).as(stored.get(a) + " vs " + stored.get(b)).isFalse();
            }
        }
        assertThat(starts(slots(deepTissue, MONDAY, MONDAY, null))).containsExactly("13:15", "14:15", "15:15", "16:15");
    }

    @Test
    void slots_after_bookings_is_a_choice_of_each_service_and_off_keeps_the_grid() {
        String consultation = service("Consultation", 45, 0, 15);
        book(consultation, "2026-11-30T09:15:00+02:00", "PAY_AT_STUDIO", null);
        String onTheGrid = service("Deep tissue", 45, 0, 15, 60, false);

        JsonNode shown = api.call("admin/get-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", onTheGrid).token(owner).send().json();
        assertThat(shown.get("slotsAfterBookings").asBoolean()).isFalse();
        assertThat(starts(slots(onTheGrid, MONDAY, MONDAY, null))).containsExactly("11:00", "12:00", "13:00", "14:00", "15:00", "16:00");
        assertRefused(book(onTheGrid, "2026-11-30T10:15:00+02:00", "PAY_AT_STUDIO", null), 422, "SLOT_NOT_OFFERED");

        Api.Reply changed = api.call("admin/put-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", onTheGrid).token(owner).body(Map.of("slotsAfterBookings", true)).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("slotsAfterBookings").asBoolean()).isTrue();
        assertThat(starts(slots(onTheGrid, MONDAY, MONDAY, null))).startsWith("10:15", "11:15").hasSize(7);
        assertThat(book(onTheGrid, "2026-11-30T10:15:00+02:00", "PAY_AT_STUDIO", null).status()).isEqualTo(201);

        assertThat(api.call("admin/get-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", massageId).token(owner).send().json().get("slotsAfterBookings").asBoolean())
                .as("on by default").isTrue();
        assertField(api.call("admin/put-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", onTheGrid).token(owner).body(Map.of("slotsAfterBookings", "yes")), "slotsAfterBookings");
    }

    @Test
    void working_hours_may_end_at_24_00_and_slots_run_up_to_midnight() {
        Api.Reply set = availability(Map.of(
                "weekly", List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "24:00", "locationId", locationId)),
                "overrides", List.of(Map.of("date", "2026-12-07", "intervals",
                        List.of(Map.of("start", "21:00", "end", "24:00", "locationId", locationId))))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("weekly").get(0).get("end").asText()).isEqualTo("24:00");
        JsonNode stored = api.call("admin/get-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).send().json();
        assertThat(stored.get("weekly").get(0).get("start").asText()).isEqualTo("18:00");
        assertThat(stored.get("weekly").get(0).get("end").asText()).isEqualTo("24:00");
        assertThat(stored.get("overrides").get(0).get("intervals").get(0).get("end").asText()).isEqualTo("24:00");

        JsonNode monday = slots(massageId, MONDAY, MONDAY, null);
        assertThat(starts(monday)).startsWith("18:00").endsWith("23:00").hasSize(21);
        assertThat(monday.get(monday.size() - 1).get("end").asText()).isEqualTo("2026-12-01T00:00:00+02:00");
        assertThat(starts(slots(massageId, "2026-12-07", "2026-12-07", null))).startsWith("21:00").endsWith("23:00");
        Api.Reply lastOfTheDay = book(massageId, "2026-11-30T23:00:00+02:00", "PAY_AT_STUDIO", null);
        assertThat(lastOfTheDay.status()).as(lastOfTheDay.body()).isEqualTo(201);
        assertThat(lastOfTheDay.json().get("end").asText()).isEqualTo("2026-12-01T00:00:00+02:00");
    }

    @Test
    void twenty_four_hundred_is_only_an_end_and_midnight_is_not_written_00_00() {
        assertAvailabilityRefused(Map.of("weekly", List.of(Map.of("day", "MONDAY", "start", "24:00", "end", "24:00",
                "locationId", locationId))), "weekly[0].start");
        assertAvailabilityRefused(Map.of("weekly", List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "00:00",
                "locationId", locationId))), "weekly[0].end");
        assertAvailabilityRefused(Map.of("weekly", List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "24:30",
                "locationId", locationId))), "weekly[0].end");
        assertAvailabilityRefused(Map.of("overrides", List.of(Map.of("date", "2026-12-07", "intervals",
                List.of(Map.of("start", "24:00", "end", "24:00", "locationId", locationId))))), "overrides[0].intervals[0].start");
        assertAvailabilityRefused(Map.of("weekly", List.of(
                Map.of("day", "MONDAY", "start", "20:00", "end", "24:00", "locationId", locationId),
                Map.of("day", "MONDAY", "start", "23:00", "end", "23:30", "locationId", locationId))), "weekly");

        assertThat(starts(slots(massageId, MONDAY, MONDAY, null))).as("unchanged").startsWith("09:00").hasSize(29);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void setHours(String staffId, String start, String end) {
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", start, "end", end, "locationId", locationId));
        }
        Api.Reply reply = api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", staffId).token(owner).body(Map.of("weekly", week)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String service(String name, int minutes, int before, int after) {
        return service(name, minutes, before, after, 15, null);
    }

    /** A service of the practitioner at the location; {@code slotsAfterBookings} null leaves the default. */
    private String service(String name, int minutes, int before, int after, int step, Boolean slotsAfterBookings) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "durationMinutes", minutes,
                "price", Map.of("amount", 25000, "currency", "RON"), "bufferBeforeMinutes", before,
                "bufferAfterMinutes", after, "slotStepMinutes", step, "staffIds", List.of(practitionerId),
                "locationIds", List.of(locationId), "collection", "Body"));
        if (slotsAfterBookings != null) body.put("slotsAfterBookings", slotsAfterBookings);
        Api.Reply reply = api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(body).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("serviceId").asText();
    }

    private Api.Reply availability(Map<String, Object> body) {
        return api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(body).send();
    }

    private void assertAvailabilityRefused(Map<String, Object> body, String field) {
        Api.Reply reply = availability(body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }

    private JsonNode slots(String serviceId, String from, String to, String staffId) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("serviceId", serviceId, "from", from, "to", to));
        if (staffId != null) query.put("staffId", staffId);
        Api.Reply reply = api.call("catalogue/get-studios-studioId-slots.json").path("studioId", studioId).query(query).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("slots");
    }

    private static List<String> starts(JsonNode slots) {
        List<String> starts = new ArrayList<>();
        slots.forEach(s -> starts.add(s.get("start").asText().substring(11, 16)));
        return starts;
    }

    private Map<String, Object> request(String serviceId, String start, String method) {
        return Map.of("serviceId", serviceId, "start", start, "paymentMethod", method,
                "client", Map.of("name", "Maria Popescu", "email", "maria@example.com"));
    }

    private Api.Reply book(String serviceId, String start, String method, String idempotencyKey) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request(serviceId, start, method));
        if (idempotencyKey != null) call.header("idempotency-key", idempotencyKey);
        return call.send();
    }

    private Api.Reply view(String bookingId, String token) {
        Api.Call call = api.call("booking/get-bookings-bookingId.json").path("bookingId", bookingId);
        if (token != null) call.token(token);
        return call.send();
    }

    private List<JsonNode> bookingsOn(String date) {
        Api.Reply reply = api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", date, "to", date)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> active = new ArrayList<>();
        reply.json().get("bookings").forEach(b -> {
            if (!b.get("status").asText().equals("CANCELLED")) active.add(b);
        });
        return active;
    }

    private static boolean overlaps(JsonNode a, JsonNode b, Map<String, int[]> buffers) {
        int[] ba = buffers.get(a.get("serviceId").asText());
        int[] bb = buffers.get(b.get("serviceId").asText());
        OffsetDateTime aStart = OffsetDateTime.parse(a.get("start").asText()).minusMinutes(ba[0]);
        OffsetDateTime aEnd = OffsetDateTime.parse(a.get("end").asText()).plusMinutes(ba[1]);
        OffsetDateTime bStart = OffsetDateTime.parse(b.get("start").asText()).minusMinutes(bb[0]);
        OffsetDateTime bEnd = OffsetDateTime.parse(b.get("end").asText()).plusMinutes(bb[1]);
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
    }

    private static void assertField(Api.Call call, String field) {
        Api.Reply reply = call.send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }

}
