package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.infrastructure.payment.StripeSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card payments end to end through the handlers: Stripe's API is WireMock (the real SDK sends the
 * requests), webhooks carry real HMAC signatures (rules 5, 6, 9).
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class PaymentWebhookApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private WireMockServer stripe;
    private Api api;
    private String studioId;
    private String owner;
    private String sessionId;

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start(Instant.parse("2026-11-23T09:31:00Z"));
        api = new Api(engine, stripe.baseUrl());
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send());
        String instructor = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        String room = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
        sessionId = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 60, "capacity", 1,
                        "instructorId", instructor, "format", "IN_PERSON", "locationId", room,
                        "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    @Test
    void a_card_booking_holds_its_seat_and_redirects_to_a_checkout_tagged_with_the_booking() {
        JsonNode booking = bookByCard("maria@example.com");

        assertThat(booking.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(booking.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        assertThat(booking.get("nextAction").get("url").asText()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
        LoggedRequest checkout = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).get(0);
        assertThat(checkout.getHeader("Idempotency-Key")).isEqualTo("checkout-" + booking.get("bookingId").asText());
        assertThat(checkout.getBodyAsString()).contains("client_reference_id=" + booking.get("bookingId").asText())
                .contains("payment_intent_data[metadata][bookingId]=" + booking.get("bookingId").asText());
        // back to the booking's manage page, its access token in the fragment (docs/decisions/manage-link.md)
        String back = "https://book.example/widget?studio=" + studioId + "&booking=" + booking.get("bookingId").asText();
        String access = "#access=" + booking.get("accessToken").asText();
        assertThat(checkout.getBodyAsString()).contains("%23access%3D");
        assertThat(java.net.URLDecoder.decode(checkout.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("success_url=" + back + "&paid=1" + access, "cancel_url=" + back + "&cancelled=1" + access);
        assertThat(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request("other@example.com", "PAY_AT_STUDIO")).send().status()).isEqualTo(409);
    }

    @Test
    void the_same_event_delivered_five_times_in_parallel_changes_the_booking_once_and_sends_one_email() throws Exception {
        JsonNode booking = bookByCard("maria@example.com");
        String paid = paidEvent(booking, "evt_paid_1");

        List<Api.Reply> replies = Parallel.run(5, i -> deliver(paid));

        // one delivery applies it; the others find it applied (200 DUPLICATE) or being applied (409: Stripe retries)
        assertThat(replies).filteredOn(r -> r.status() == 200 && r.json().get("outcome").asText().equals("PROCESSED")).hasSize(1);
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        JsonNode now = view(booking);
        assertThat(now.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(now.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(api.outbox.sentTo("maria@example.com")).filteredOn(m -> m.subject().startsWith("Payment received")).hasSize(1);
        assertThat(deliver(paid).json().get("outcome").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void an_expiry_arriving_after_the_payment_leaves_the_booking_paid() {
        JsonNode booking = bookByCard("maria@example.com");
        ok(deliver(paidEvent(booking, "evt_paid_1")));

        ok(deliver(expiredEvent(booking, "evt_expired_1")));

        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(view(booking).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void a_tampered_body_or_a_stale_signature_is_refused_and_changes_nothing() {
        JsonNode booking = bookByCard("maria@example.com");
        String payload = paidEvent(booking, "evt_paid_1");
        String header = StripeSignature.sign(payload, "whsec_test_0123456789abcdef", api.clock.instant());

        Api.Reply tampered = api.call("payment-webhook/post-webhooks-stripe.json")
                .header("stripe-signature", header).rawBody(payload.replace("5000", "1")).send();
        Api.Reply stale = api.call("payment-webhook/post-webhooks-stripe.json").header("stripe-signature",
                StripeSignature.sign(payload, "whsec_test_0123456789abcdef", api.clock.instant().minusSeconds(301)))
                .rawBody(payload).send();
        Api.Reply unsigned = api.call("payment-webhook/post-webhooks-stripe.json").rawBody(payload).send();

        for (Api.Reply refused : List.of(tampered, stale, unsigned)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.errorField()).isEqualTo("Stripe-Signature");
        }
        assertThat(view(booking).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void a_payment_after_the_hold_expired_with_the_seat_taken_is_refunded_exactly_once() throws Exception {
        JsonNode late = bookByCard("maria@example.com");
        ok(deliver(expiredEvent(late, "evt_expired_1")));
        ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request("radu@example.com", "PAY_AT_STUDIO")).send());

        String paid = paidEvent(late, "evt_paid_late");
        List<Integer> statuses = Parallel.run(3, i -> deliver(paid).status());
        ok(deliver(paidEvent(late, "evt_paid_late_again")));

        assertThat(statuses).containsOnly(200, 409).contains(200);
        List<LoggedRequest> refunds = stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).getHeader("Idempotency-Key")).isEqualTo("refund-" + late.get("bookingId").asText());
        assertThat(refunds.get(0).getBodyAsString()).contains("payment_intent=pi_test_" + late.get("bookingId").asText());
        JsonNode refunded = view(late);
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunded.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(api.outbox.sentTo("maria@example.com")).filteredOn(m -> m.subject().startsWith("Refunded")).hasSize(1);
    }

    @Test
    void a_payment_after_the_hold_expired_with_the_seat_still_free_confirms_the_booking() {
        JsonNode late = bookByCard("maria@example.com");
        ok(deliver(expiredEvent(late, "evt_expired_1")));

        ok(deliver(paidEvent(late, "evt_paid_late")));

        assertThat(view(late).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(view(late).get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).isEmpty();
    }

    @Test
    void cancelling_a_paid_card_booking_before_the_cut_off_refunds_it_through_stripe() {
        JsonNode booking = bookByCard("maria@example.com");
        ok(deliver(paidEvent(booking, "evt_paid_1")));

        JsonNode cancelled = ok(api.call("booking/post-bookings-bookingId-cancel.json")
                .path("bookingId", booking.get("bookingId").asText()).token(booking.get("accessToken").asText()).send()).json();

        assertThat(cancelled.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        List<LoggedRequest> refunds = stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).getHeader("Idempotency-Key")).isEqualTo("refund-" + booking.get("bookingId").asText());
    }

    @Test
    void an_unpaid_hold_is_released_when_the_checkout_expires_even_without_the_event() {
        JsonNode booking = bookByCard("maria@example.com");
        api.clock.advance(Duration.ofMinutes(40));

        assertThat(api.scheduler.runDue()).isEqualTo(1);

        assertThat(view(booking).get("status").asText()).isEqualTo("CANCELLED");
        ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request("radu@example.com", "PAY_AT_STUDIO")).send());
    }

    @Test
    void a_pass_bought_by_card_lands_in_the_wallet_once_however_often_the_payment_is_announced() throws Exception {
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO", "PASS"))).send());
        String passType = ok(api.call("admin/post-studios-studioId-pass-types.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "10 classes", "entries", 10, "validDays", 90, "price", Map.of("amount", 40000, "currency", "RON")))
                .send()).json().get("passTypeId").asText();
        String client = api.signIn(studioId, "maria@example.com");
        JsonNode purchase = ok(api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .body(Map.of("passTypeId", passType)).send()).json();
        assertThat(purchase.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        String purchaseId = purchase.get("purchaseId").asText();

        String paid = api.paidEvent(purchaseId, studioId, 40000, "evt_purchase_1");
        Parallel.run(3, i -> deliver(paid).status());
        ok(deliver(api.paidEvent(purchaseId, studioId, 40000, "evt_purchase_again")));

        JsonNode wallet = ok(api.call("booking/get-me-wallet.json").token(client).send()).json();
        assertThat(wallet.get("passes")).hasSize(1);
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(10);
        assertThat(wallet.get("history").findValuesAsText("kind")).containsExactly("PASS_ISSUED");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> request(String email, String method) {
        return Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email));
    }

    private JsonNode bookByCard(String email) {
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(request(email, "CARD")).send()).json();
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private String paidEvent(JsonNode booking, String eventId) {
        return api.paidEvent(booking.get("bookingId").asText(), studioId, 5000, eventId);
    }

    private String expiredEvent(JsonNode booking, String eventId) {
        return api.expiredEvent(booking.get("bookingId").asText(), studioId, 5000, eventId);
    }

    private Api.Reply deliver(String payload) {
        return api.deliver(payload);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

}
