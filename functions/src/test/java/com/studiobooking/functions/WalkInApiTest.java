package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-ins and phone bookings: staff of the studio book on a client's behalf with their own token. The
 * booking is the named client's (their account, their e-mails, their wallet for a pass or credits); card
 * bookings e-mail the client the payment link; staff may book a session after the minimum notice closed,
 * until it ends, and an appointment slot inside the notice; capacity and wallets stay exact under races.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class WalkInApiTest {
    /** Three days after the test clock's now (2026-11-23T09:00Z, 11:00 in Bucharest). */
    private static final String START = "2026-11-26T18:00:00+02:00";
    private static final String LATER = "2026-11-27T18:00:00+02:00";
    /** Half an hour after the test clock's now: inside a two-hour minimum notice. */
    private static final String SOON = "2026-11-23T11:30:00+02:00";

    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String instructor;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"),
                        "bookingPolicy", Map.of("minNoticeMinutes", 120, "maxDaysAhead", 60))).send());
        instructorId = created(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).get("staffId").asText();
        instructor = api.signIn(studioId, "ioana@example.com");
        roomId = created(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).get("locationId").asText();
    }

    // --- each payment method on a client's behalf ------------------------------------------------

    @Test
    void staff_book_a_seat_paid_at_the_studio_that_belongs_to_the_named_client() {
        String sessionId = session(START, 10);

        JsonNode booked = created(book(owner, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "maria@example.com"));

        assertThat(booked.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booked.get("paymentStatus").asText()).isEqualTo("UNPAID");
        String ownerId = null;
        for (JsonNode member : ok(api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .send()).json().get("staff")) {
            if (member.get("email").asText().equals("ana@example.com")) ownerId = member.get("staffId").asText();
        }
        String bookedBy = ownerId;
        assertThat(ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", "2026-11-26", "to", "2026-11-26")).send()).json().get("bookings"))
                .singleElement().satisfies(b -> assertThat(b.get("bookedBy").asText()).isEqualTo(bookedBy));
        assertThat(api.outbox.sentTo("maria@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Booked: Vinyasa"));
        String maria = api.signIn(studioId, "maria@example.com");
        assertThat(ok(api.call("booking/get-me-bookings.json").token(maria).send()).json().get("bookings"))
                .extracting(b -> b.get("bookingId").asText()).containsExactly(booked.get("bookingId").asText());
    }

    @Test
    void a_pass_and_credits_are_drawn_from_the_named_clients_wallet() {
        String first = session(START, 10);
        String second = session(LATER, 10);
        String maria = clientWithPass("maria@example.com", 2);
        grantCredits("maria@example.com", 5);

        JsonNode byPass = created(book(instructor, Map.of("sessionId", first), "PASS", "maria@example.com"));
        JsonNode byCredits = created(book(owner, Map.of("sessionId", second), "CREDITS", "maria@example.com"));

        assertThat(byPass.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(byCredits.get("paymentStatus").asText()).isEqualTo("PAID");
        JsonNode wallet = ok(api.call("booking/get-me-wallet.json").token(maria).send()).json();
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(1);
        assertThat(wallet.get("credits").asInt()).isEqualTo(3);
        assertThat(ok(api.call("booking/get-me-bookings.json").token(maria).send()).json().get("bookings")).hasSize(2);
    }

    @Test
    void a_client_without_a_pass_or_enough_credits_is_refused_naming_the_payment_method() {
        String sessionId = session(START, 10);
        grantCredits("radu@example.com", 1);

        Api.Reply noPass = book(owner, Map.of("sessionId", sessionId), "PASS", "radu@example.com");
        Api.Reply fewCredits = book(owner, Map.of("sessionId", sessionId), "CREDITS", "radu@example.com");

        assertRefused(noPass, 422, "NO_USABLE_PASS");
        assertThat(noPass.errorField()).isEqualTo("paymentMethod");
        assertRefused(fewCredits, 422, "NOT_ENOUGH_CREDITS");
        assertThat(fewCredits.errorField()).isEqualTo("paymentMethod");
        assertThat(spotsLeft(sessionId)).isEqualTo(10);
    }

    @Test
    void a_card_booking_on_behalf_gives_staff_the_link_and_emails_it_to_the_client() {
        String sessionId = session(START, 10);

        JsonNode booked = created(book(owner, Map.of("sessionId", sessionId), "CARD", "maria@example.com"));

        assertThat(booked.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(booked.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        String link = booked.get("nextAction").get("url").asText();
        assertThat(link).startsWith("https://checkout.example");
        Email mail = lastMailTo("maria@example.com");
        assertThat(mail.subject()).startsWith("Pay to keep your place: Vinyasa");
        assertThat(mail.text()).contains("Lotus Yoga booked Vinyasa for you.").contains(link);
        assertThat(mail.html()).contains(link);
    }

    @Test
    void a_widget_card_booking_sends_no_payment_link_email() {
        String sessionId = session(START, 10);

        JsonNode booked = created(book(null, Map.of("sessionId", sessionId), "CARD", "maria@example.com"));

        assertThat(api.outbox.sentTo("maria@example.com")).isEmpty();
        assertThat(booked.path("bookedBy").isMissingNode() || booked.path("bookedBy").isNull()).isTrue();
    }

    // --- who may book for whom -------------------------------------------------------------------

    @Test
    void staff_of_another_studio_are_refused_and_a_client_books_only_for_themselves() {
        String sessionId = session(START, 10);
        String otherStudio = api.openStudio("boss@other.example");
        String otherOwner = api.signIn(otherStudio, "boss@other.example");
        String maria = api.signIn(studioId, "maria@example.com");

        assertThat(book(otherOwner, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "maria@example.com").status())
                .isEqualTo(403);
        Api.Reply forSomeoneElse = book(maria, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "radu@example.com");
        assertRefused(forSomeoneElse, 403, "NOT_YOURSELF");
        assertThat(forSomeoneElse.errorField()).isEqualTo("client.email");
        created(book(maria, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "MARIA@example.com"));
        assertThat(spotsLeft(sessionId)).isEqualTo(9);
    }

    @Test
    void a_retried_walk_in_with_the_same_idempotency_key_is_one_booking() {
        String sessionId = session(START, 10);
        Map<String, Object> body = seatBody(Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "maria@example.com");

        JsonNode first = created(bookingCall(owner, body).header("idempotency-key", "desk-1").send());
        JsonNode again = created(bookingCall(owner, body).header("idempotency-key", "desk-1").send());

        assertThat(again.get("bookingId").asText()).isEqualTo(first.get("bookingId").asText());
        assertThat(spotsLeft(sessionId)).isEqualTo(9);
    }

    // --- the booking window for staff ------------------------------------------------------------

    @Test
    void staff_book_a_walk_in_after_the_minimum_notice_closed_until_the_session_ends() {
        String sessionId = session(SOON, 10);

        assertRefused(book(null, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "maria@example.com"), 422,
                "TOO_LATE_TO_BOOK");
        created(book(owner, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "maria@example.com"));

        api.clock.advance(Duration.ofMinutes(60)); // 12:00 local: started half an hour ago
        created(book(instructor, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "radu@example.com"));

        api.clock.advance(Duration.ofMinutes(30)); // 12:30: it ended
        Api.Reply ended = book(owner, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "dana@example.com");
        assertRefused(ended, 422, "SESSION_ENDED");
        assertThat(ended.errorField()).isEqualTo("sessionId");
        assertThat(spotsLeft(sessionId)).isEqualTo(8);
    }

    @Test
    void staff_book_an_appointment_slot_inside_the_minimum_notice_but_not_in_the_past() {
        setHours();
        String massage = service();
        Map<String, Object> soon = Map.of("serviceId", massage, "start", "2026-11-23T11:15:00+02:00");
        Map<String, Object> past = Map.of("serviceId", massage, "start", "2026-11-23T10:00:00+02:00");

        assertRefused(book(null, soon, "PAY_AT_STUDIO", "maria@example.com"), 422, "SLOT_NOT_OFFERED");
        JsonNode booked = created(book(owner, soon, "PAY_AT_STUDIO", "maria@example.com"));
        assertRefused(book(owner, past, "PAY_AT_STUDIO", "radu@example.com"), 422, "SLOT_NOT_OFFERED");
        assertRefused(book(owner, soon, "PAY_AT_STUDIO", "radu@example.com"), 409, "SLOT_TAKEN");

        assertThat(booked.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(api.outbox.sentTo("maria@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Booked: Massage"));
    }

    @Test
    void a_card_appointment_on_behalf_emails_the_payment_link() {
        setHours();
        String massage = service();

        JsonNode booked = created(book(owner, Map.of("serviceId", massage, "start", "2026-11-24T10:00:00+02:00"), "CARD",
                "maria@example.com"));

        String link = booked.get("nextAction").get("url").asText();
        Email mail = lastMailTo("maria@example.com");
        assertThat(mail.subject()).startsWith("Pay to keep your place: Massage");
        assertThat(mail.text()).contains(link);
    }

    // --- races -----------------------------------------------------------------------------------

    @Test
    void walk_ins_and_widget_bookings_racing_for_the_last_three_seats_get_exactly_three() throws Exception {
        String sessionId = session(START, 5);
        created(book(null, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "early1@example.com"));
        created(book(null, Map.of("sessionId", sessionId), "PAY_AT_STUDIO", "early2@example.com"));

        List<Api.Reply> replies = Parallel.run(20, i -> book(i < 10 ? owner : null, Map.of("sessionId", sessionId),
                "PAY_AT_STUDIO", "racer" + i + "@example.com"));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertRefused(r, 409, "CAPACITY_REACHED")).hasSize(17);
        assertThat(spotsLeft(sessionId)).isZero();
    }

    @Test
    void two_staff_booking_a_clients_last_pass_entry_at_once_use_it_once() throws Exception {
        String first = session(START, 10);
        String second = session(LATER, 10);
        String maria = clientWithPass("maria@example.com", 1);

        List<Api.Reply> replies = Parallel.run(2, i -> book(i == 0 ? owner : instructor,
                Map.of("sessionId", i == 0 ? first : second), "PASS", "maria@example.com"));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201).singleElement()
                .satisfies(r -> assertRefused(r, 422, "NO_USABLE_PASS"));
        JsonNode wallet = ok(api.call("booking/get-me-wallet.json").token(maria).send()).json();
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isZero();
        assertThat(spotsLeft(first) + spotsLeft(second)).isEqualTo(19);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String session(String start, int capacity) {
        return created(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60, "capacity", capacity,
                        "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2,
                        "paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"))).send())
                .get("sessionId").asText();
    }

    private void setHours() {
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", roomId));
        }
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", instructorId).token(owner).body(Map.of("weekly", week)).send());
    }

    private String service() {
        return created(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "bufferBeforeMinutes", 0, "bufferAfterMinutes", 0, "slotStepMinutes", 15,
                        "staffIds", List.of(instructorId), "locationIds", List.of(roomId), "collection", "Body")).send())
                .get("serviceId").asText();
    }

    private String clientWithPass(String email, int entries) {
        return api.clientWithPass(studioId, owner, email, entries, 30);
    }

    private void grantCredits(String email, int credits) {
        api.grantCredits(studioId, owner, email, credits);
    }

    private String clientId(String email) {
        return api.addClient(studioId, owner, email);
    }

    private Map<String, Object> seatBody(Map<String, Object> what, String method, String email) {
        Map<String, Object> body = new HashMap<>(what);
        body.put("paymentMethod", method);
        body.put("client", Map.of("name", "Client", "email", email, "phone", "+40 721 000 000"));
        return body;
    }

    private Api.Call bookingCall(String token, Map<String, Object> body) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body);
        if (token != null) call.token(token);
        return call;
    }

    private Api.Reply book(String token, Map<String, Object> what, String method, String email) {
        return bookingCall(token, seatBody(what, method, email)).send();
    }

    private int spotsLeft(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("spotsLeftByFormat").get("IN_PERSON").asInt();
    }

    private Email lastMailTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        assertThat(mails).as("e-mails to " + email).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }

    private static JsonNode created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
    }
}
