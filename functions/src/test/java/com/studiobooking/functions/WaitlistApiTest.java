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
 * The waitlist through the handlers (docs/decisions/waitlist.md): a full session's line with positions,
 * its refusals, a freed seat going to the first in line at once (pass, credits, free, card, bank
 * transfer), an unpaid promoted card seat passing on to the next, a raised capacity, a cancelled session,
 * rule 3 for waiting bookings, and the staff view of the line.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class WaitlistApiTest {
    /** Three days after the test clock's now (2026-11-23T09:00Z). */
    private static final String START = "2026-11-26T18:00:00+02:00";
    private static final String LATER = "2026-11-27T18:00:00+02:00";
    private static final String LINK = "https://meet.example/vinyasa-7";

    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;

    @BeforeEach
    void setUp() {
        open(new Api(engine));
    }

    private void open(Api fresh) {
        api = fresh;
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(settings(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO"),
                "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL", "iban", "RO49AAAA1B31007593840000",
                        "dueHours", 48),
                "waitlist", Map.of("enabled", true, "closesMinutesBefore", 60))));
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    // --- joining ---------------------------------------------------------------------------------

    @Test
    void with_seats_left_a_waitlist_request_books_normally_and_without_waitlist_a_full_session_is_still_409() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO"));

        JsonNode booked = ok(join(sessionId, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        assertThat(booked.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booked.path("waitlistPosition").isNull() || booked.path("waitlistPosition").isMissingNode()).isTrue();

        assertRefused(book(sessionId, "PAY_AT_STUDIO", "radu@example.com", null), 409, "CAPACITY_REACHED");
        assertThat(waitlist(sessionId, owner)).isEmpty();
    }

    @Test
    void a_full_session_puts_clients_in_line_with_their_positions_and_tells_them() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "BANK_TRANSFER"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));

        JsonNode first = created(join(sessionId, "BANK_TRANSFER", "radu@example.com", null));
        JsonNode second = created(join(sessionId, "PAY_AT_STUDIO", "dana@example.com", null));

        assertThat(first.get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(first.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(first.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(first.get("nextAction").get("type").asText()).isEqualTo("NONE");
        assertThat(first.get("accessToken").asText()).isNotBlank();
        assertThat(second.get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(ok(view(second)).json().get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(api.outbox.sentTo("radu@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("On the waitlist: Vinyasa");
            assertThat(mail.text()).contains("You are number 1 on the waitlist for Vinyasa");
            assertThat(mail.attachments()).isEmpty();
        });
        // waiting takes no seat, and no release job waits for a transfer nobody owes yet
        assertThat(spotsLeft(sessionId)).isZero();
        assertThat(api.scheduler.pending()).extracting(j -> j.name()).noneMatch(n -> n.startsWith("release-"));
        assertThat(waitlist(sessionId, owner)).extracting(e -> e.get("bookingId").asText() + "@" + e.get("position").asInt())
                .containsExactly(id(first) + "@1", id(second) + "@2");
    }

    @Test
    void joining_is_refused_when_the_studio_keeps_no_waitlist_once_it_closed_and_for_clients_already_in() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));
        created(join(sessionId, "PAY_AT_STUDIO", "radu@example.com", null));

        assertRefused(join(sessionId, "PAY_AT_STUDIO", "RADU@example.com", null), 409, "ALREADY_WAITLISTED");
        assertRefused(join(sessionId, "PAY_AT_STUDIO", "maria@example.com", null), 409, "ALREADY_BOOKED");
        Api.Reply appointment = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", "sv_x", "start", START, "waitlist", true, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Client", "email", "elena@example.com"))).send();
        assertThat(appointment.status()).isEqualTo(400);
        assertThat(appointment.errorField()).isEqualTo("waitlist");

        api.clock.advance(Duration.between(api.clock.instant(),
                java.time.OffsetDateTime.parse(START).toInstant().minus(Duration.ofMinutes(60))));
        assertRefused(join(sessionId, "PAY_AT_STUDIO", "elena@example.com", null), 409, "WAITLIST_CLOSED");

        owner = api.signIn(studioId, "ana@example.com");
        ok(settings(Map.of("waitlist", Map.of("enabled", false))));
        assertRefused(join(sessionId, "PAY_AT_STUDIO", "elena@example.com", null), 409, "WAITLIST_DISABLED");
        assertThat(waitlist(sessionId, owner)).hasSize(1);
    }

    // --- a freed seat goes to the first in line --------------------------------------------------

    @Test
    void a_cancellation_gives_the_seat_to_the_first_in_line_paying_by_pass_and_the_others_move_up() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "PASS"));
        JsonNode holder = ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        String radu = clientWithPass("radu@example.com", 5);
        JsonNode first = created(join(sessionId, "PASS", "radu@example.com", radu));
        JsonNode second = created(join(sessionId, "PAY_AT_STUDIO", "dana@example.com", null));
        assertThat(wallet(radu).get("passes").get(0).get("entriesLeft").asInt()).as("waiting uses no entry").isEqualTo(5);

        ok(cancel(holder));

        JsonNode promoted = ok(view(first)).json();
        assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(promoted.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(promoted.path("waitlistPosition").isMissingNode() || promoted.path("waitlistPosition").isNull()).isTrue();
        assertThat(wallet(radu).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(4);
        assertThat(ok(view(second)).json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(spotsLeft(sessionId)).isZero();
        assertThat(lastMailTo("radu@example.com")).satisfies(mail -> {
            assertThat(mail.subject()).startsWith("A place is yours: Vinyasa");
            assertThat(mail.text()).contains("a place freed up in Vinyasa", "pass");
            assertThat(mail.attachments()).hasSize(1);
        });
        assertThat(waitlist(sessionId, owner)).extracting(e -> e.get("bookingId").asText()).containsExactly(id(second));
    }

    @Test
    void a_place_moved_to_another_session_goes_to_the_first_in_line_of_the_session_it_left() {
        String full = session(1, List.of("PAY_AT_STUDIO"));
        Map<String, Object> laterBody = sessionBody(2, List.of("PAY_AT_STUDIO"));
        laterBody.put("start", LATER);
        String later = created(createSession(laterBody)).get("sessionId").asText();
        JsonNode maria = ok(book(full, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        JsonNode dana = created(join(full, "PAY_AT_STUDIO", "dana@example.com", null));

        Api.Reply moved = api.call("booking/post-bookings-bookingId-reschedule.json").path("bookingId", id(maria))
                .token(maria.get("accessToken").asText()).body(Map.of("sessionId", later)).send();

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("sessionId").asText()).isEqualTo(later);
        JsonNode promoted = ok(view(dana)).json();
        assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(spotsLeft(full)).isZero();
        assertThat(spotsLeft(later)).isEqualTo(1);
        assertThat(waitlist(full, owner)).isEmpty();
        assertThat(lastMailTo("dana@example.com").subject()).startsWith("A place is yours: Vinyasa");
    }

    @Test
    void a_promoted_client_paying_with_credits_has_them_spent_and_a_free_session_just_confirms() {
        String sessionId = session(1, List.of("CREDITS"));
        String maria = api.signIn(studioId, "maria@example.com");
        String radu = api.signIn(studioId, "radu@example.com");
        grantCredits("maria@example.com", 4);
        grantCredits("radu@example.com", 4);
        JsonNode holder = ok(book(sessionId, "CREDITS", "maria@example.com", maria)).json();
        JsonNode waiting = created(join(sessionId, "CREDITS", "radu@example.com", radu));
        assertThat(wallet(radu).get("credits").asInt()).isEqualTo(4);

        ok(cancel(holder));

        assertThat(ok(view(waiting)).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(wallet(radu).get("credits").asInt()).isEqualTo(2);
        assertThat(wallet(maria).get("credits").asInt()).as("the canceller's credits came back").isEqualTo(4);

        Map<String, Object> free = sessionBody(1, List.of("FREE"));
        free.put("price", Map.of("amount", 0, "currency", "RON"));
        free.remove("creditPrice");
        free.put("start", LATER);
        String freeId = created(createSession(free)).get("sessionId").asText();
        JsonNode taken = ok(book(freeId, "FREE", "elena@example.com", null)).json();
        JsonNode line = created(join(freeId, "FREE", "sofia@example.com", null));
        assertThat(line.get("paymentStatus").asText()).isEqualTo("NOT_REQUIRED");
        ok(cancel(taken));
        JsonNode promoted = ok(view(line)).json();
        assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(promoted.get("paymentStatus").asText()).isEqualTo("NOT_REQUIRED");
    }

    @Test
    void a_card_promotion_gets_a_checkout_and_a_hold_and_when_unpaid_the_seat_passes_to_the_next_who_pays_by_transfer() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "CARD", "BANK_TRANSFER"));
        JsonNode holder = ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        JsonNode byCard = created(join(sessionId, "CARD", "radu@example.com", null));
        JsonNode byTransfer = created(join(sessionId, "BANK_TRANSFER", "dana@example.com", null));
        assertThat(byCard.get("nextAction").get("type").asText()).as("no checkout while waiting").isEqualTo("NONE");

        ok(cancel(holder));

        JsonNode held = ok(view(byCard)).json();
        assertThat(held.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(held.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        String url = held.get("nextAction").get("url").asText();
        assertThat(url).startsWith("https://checkout.example");
        assertThat(api.scheduler.pending()).extracting(j -> j.name()).contains("release-" + id(byCard));
        assertThat(lastMailTo("radu@example.com")).satisfies(mail -> {
            assertThat(mail.subject()).startsWith("A place is yours: Vinyasa");
            assertThat(mail.text()).contains(url, "Please pay by card by");
        });
        assertThat(spotsLeft(sessionId)).isZero();

        api.clock.advance(Duration.ofMinutes(33)); // the hold (30 minutes) and its grace passed, unpaid
        assertThat(api.scheduler.runDue()).isPositive();

        assertThat(ok(view(byCard)).json().get("status").asText()).isEqualTo("CANCELLED");
        JsonNode next = ok(view(byTransfer)).json();
        assertThat(next.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(next.get("nextAction").get("type").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(java.time.OffsetDateTime.parse(next.get("nextAction").get("bankTransfer").get("dueBy").asText()).toInstant())
                .isEqualTo(api.clock.instant().plus(Duration.ofHours(48)));
        assertThat(api.scheduler.pending()).extracting(j -> j.name()).contains("release-" + id(byTransfer));
        assertThat(lastMailTo("dana@example.com").text()).contains("RO49AAAA1B31007593840000");
        assertThat(spotsLeft(sessionId)).isZero();
    }

    @Test
    void a_card_payment_arriving_after_its_released_seat_went_to_the_line_is_refunded_and_takes_no_seat() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "CARD"));
        JsonNode late = ok(book(sessionId, "CARD", "maria@example.com", null)).json();
        JsonNode waiting = created(join(sessionId, "PAY_AT_STUDIO", "radu@example.com", null));
        api.clock.advance(Duration.ofMinutes(33));
        assertThat(api.scheduler.runDue()).isPositive();
        assertThat(ok(view(waiting)).json().get("status").asText()).isEqualTo("CONFIRMED");

        ok(api.deliver(api.paidEvent(id(late), studioId, 5000, "evt_late_" + id(late))));

        JsonNode refunded = ok(view(late)).json();
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunded.get("paymentStatus").asText()).isIn("REFUND_PENDING", "REFUNDED");
        assertThat(ok(view(waiting)).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(spotsLeft(sessionId)).isZero();
    }

    @Test
    void a_card_provider_failure_ends_one_promotion_not_the_whole_line_and_the_next_event_gives_the_seat_on() {
        com.github.tomakehurst.wiremock.WireMockServer stripe = StripeStub.start(java.time.Instant.parse("2100-01-01T00:00:00Z"));
        try {
            open(new Api(engine, stripe.baseUrl()));
            String sessionId = session(1, List.of("PAY_AT_STUDIO", "CARD"));
            JsonNode holder = ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null)).json();
            JsonNode first = created(join(sessionId, "CARD", "radu@example.com", null));
            JsonNode second = created(join(sessionId, "CARD", "dana@example.com", null));
            var down = stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/checkout/sessions").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
                            .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"down\"}}")));

            ok(cancel(holder));

            assertThat(ok(view(first)).json().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(ok(view(second)).json().get("status").asText()).as("not failed by the same outage").isEqualTo("WAITLISTED");
            assertThat(spotsLeft(sessionId)).as("the seat is free, but held for the line").isOne();

            stripe.removeStub(down); // the provider is back: the next attempt on this session gives the seat on
            assertRefused(book(sessionId, "PAY_AT_STUDIO", "rival@example.com", null), 409, "CAPACITY_REACHED");
            JsonNode held = ok(view(second)).json();
            assertThat(held.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
            assertThat(held.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
            assertThat(spotsLeft(sessionId)).isZero();
        } finally {
            stripe.stop();
        }
    }

    @Test
    void a_client_whose_pass_can_no_longer_pay_is_told_and_the_seat_goes_to_the_next() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "PASS"));
        JsonNode holder = ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null)).json();
        String radu = clientWithPass("radu@example.com", 1);
        JsonNode first = created(join(sessionId, "PASS", "radu@example.com", radu));
        JsonNode second = created(join(sessionId, "PAY_AT_STUDIO", "dana@example.com", null));
        Map<String, Object> later = sessionBody(5, List.of("PASS"));
        later.put("start", LATER);
        String other = created(createSession(later)).get("sessionId").asText();
        ok(book(other, "PASS", "radu@example.com", radu)); // the last entry goes elsewhere meanwhile

        ok(cancel(holder));

        assertThat(ok(view(first)).json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(lastMailTo("radu@example.com").text()).contains("could no longer pay", "Nothing was paid");
        assertThat(ok(view(second)).json().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void a_raised_capacity_gives_as_many_seats_as_it_adds_to_the_line_in_order() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));
        List<JsonNode> line = new ArrayList<>();
        for (String who : List.of("radu", "dana", "elena")) {
            line.add(created(join(sessionId, "PAY_AT_STUDIO", who + "@example.com", null)));
        }

        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).body(Map.of("capacity", 3)).send());

        assertThat(line).extracting(b -> ok(view(b)).json().get("status").asText())
                .containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED");
        assertThat(ok(view(line.get(2))).json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(spotsLeft(sessionId)).isZero();
    }

    @Test
    void a_cancelled_session_cancels_its_waitlist_and_tells_each_client_nothing_is_owed() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO", "BANK_TRANSFER"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));
        JsonNode waiting = created(join(sessionId, "BANK_TRANSFER", "radu@example.com", null));

        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send());

        JsonNode cancelled = ok(view(waiting)).json();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(lastMailTo("radu@example.com")).satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Waitlist ended: Vinyasa");
            assertThat(mail.text()).contains("Lotus Yoga cancelled the session Vinyasa", "nothing is owed");
        });
        assertThat(waitlist(sessionId, owner)).isEmpty();
    }

    @Test
    void a_client_who_leaves_the_line_is_out_of_it_the_others_move_up_and_no_seat_moves() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));
        JsonNode first = created(join(sessionId, "PAY_AT_STUDIO", "radu@example.com", null));
        JsonNode second = created(join(sessionId, "PAY_AT_STUDIO", "dana@example.com", null));

        JsonNode left = ok(cancel(first)).json();

        assertThat(left.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(lastMailTo("radu@example.com").text()).contains("You left the waitlist for Vinyasa");
        assertThat(ok(view(second)).json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(spotsLeft(sessionId)).isZero();
        assertThat(waitlist(sessionId, owner)).extracting(e -> e.get("bookingId").asText()).containsExactly(id(second));
        // back in line, at the end
        assertThat(created(join(sessionId, "PAY_AT_STUDIO", "radu@example.com", null)).get("waitlistPosition").asInt())
                .isEqualTo(2);
    }

    @Test
    void a_waiting_booking_of_an_online_session_never_shows_the_link_until_it_holds_a_paid_seat() {
        Map<String, Object> body = sessionBody(1, List.of("PAY_AT_STUDIO", "CREDITS"));
        body.put("format", "ONLINE");
        body.remove("locationId");
        body.put("paymentMethods", List.of("CREDITS"));
        body.put("onlineAccess", Map.of("link", LINK, "password", "pw-1"));
        String sessionId = created(createSession(body)).get("sessionId").asText();
        String maria = api.signIn(studioId, "maria@example.com");
        String radu = api.signIn(studioId, "radu@example.com");
        grantCredits("maria@example.com", 2);
        grantCredits("radu@example.com", 2);
        JsonNode holder = ok(book(sessionId, "CREDITS", "maria@example.com", maria)).json();

        Api.Reply joined = join(sessionId, "CREDITS", "radu@example.com", radu);
        JsonNode waiting = created(joined);
        assertThat(joined.body()).doesNotContain(LINK);
        assertThat(view(waiting).body()).doesNotContain(LINK);
        assertThat(ok(api.call("booking/get-me-bookings.json").token(radu).send()).body()).doesNotContain(LINK);
        assertThat(api.outbox.sentTo("radu@example.com")).noneMatch(m -> m.text().contains(LINK));

        ok(cancel(holder));

        assertThat(ok(view(waiting)).json().get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(lastMailTo("radu@example.com").text()).contains(LINK);
    }

    // --- the staff view of the line --------------------------------------------------------------

    @Test
    void the_line_is_shown_to_staff_of_the_studio_only() {
        String sessionId = session(1, List.of("PAY_AT_STUDIO"));
        ok(book(sessionId, "PAY_AT_STUDIO", "maria@example.com", null));
        created(join(sessionId, "PAY_AT_STUDIO", "radu@example.com", null));
        String ioana = api.signIn(studioId, "ioana@example.com");
        String client = api.signIn(studioId, "radu@example.com");
        String otherStudio = api.openStudio("mara@example.com");
        String otherOwner = api.signIn(otherStudio, "mara@example.com");

        assertThat(waitlist(sessionId, ioana)).hasSize(1);
        assertThat(waitlistCall(sessionId, client).send().status()).isEqualTo(403);
        assertThat(waitlistCall(sessionId, otherOwner).send().status()).isEqualTo(403);
        assertThat(api.call("admin/get-studios-studioId-sessions-sessionId-waitlist.json").path("studioId", otherStudio)
                .path("sessionId", sessionId).token(otherOwner).send().status()).isEqualTo(404);
        assertThat(api.call("admin/get-studios-studioId-sessions-sessionId-waitlist.json").path("studioId", studioId)
                .path("sessionId", sessionId).send().status()).isEqualTo(401);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> sessionBody(int capacity, List<String> methods) {
        return new HashMap<>(Map.of("name", "Vinyasa", "start", START, "durationMinutes", 60,
                "capacity", capacity, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2, "paymentMethods", methods));
    }

    private Api.Reply createSession(Map<String, Object> body) {
        return api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner).body(body).send();
    }

    private String session(int capacity, List<String> methods) {
        return created(createSession(sessionBody(capacity, methods))).get("sessionId").asText();
    }

    private Api.Reply settings(Map<String, Object> body) {
        return api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner).body(body).send();
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

    private Api.Reply book(String sessionId, String method, String email, String token) {
        return seat(sessionId, method, email, token, false);
    }

    private Api.Reply join(String sessionId, String method, String email, String token) {
        return seat(sessionId, method, email, token, true);
    }

    private Api.Reply seat(String sessionId, String method, String email, String token, boolean waitlist) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", method,
                "client", Map.of("name", "Client", "email", email)));
        if (waitlist) body.put("waitlist", true);
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body);
        if (token != null) call.token(token);
        return call.send();
    }

    private Api.Reply view(JsonNode booking) {
        return api.call("booking/get-bookings-bookingId.json").path("bookingId", id(booking))
                .token(booking.get("accessToken").asText()).send();
    }

    private Api.Reply cancel(JsonNode booking) {
        return api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id(booking))
                .token(booking.get("accessToken").asText()).send();
    }

    private JsonNode wallet(String clientToken) {
        return ok(api.call("booking/get-me-wallet.json").token(clientToken).send()).json();
    }

    private int spotsLeft(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("spotsLeftByFormat").get("IN_PERSON").asInt();
    }

    private Api.Call waitlistCall(String sessionId, String token) {
        return api.call("admin/get-studios-studioId-sessions-sessionId-waitlist.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(token);
    }

    private List<JsonNode> waitlist(String sessionId, String token) {
        List<JsonNode> entries = new ArrayList<>();
        ok(waitlistCall(sessionId, token).send()).json().get("waitlist").forEach(entries::add);
        return entries;
    }

    private Email lastMailTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        assertThat(mails).as("e-mails to " + email).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static String id(JsonNode booking) {
        return booking.get("bookingId").asText();
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
