package com.studiobooking.infrastructure.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.Refund;
import com.studiobooking.infrastructure.config.Secret;

class StripePaymentGatewayTest {
    private static final String SECRET_KEY = "sk_test_51Qx7pLKX2m4Ng8vBdoNotLeakMe";
    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(45));
    private static final CheckoutRequest REQUEST = new CheckoutRequest("bk-1", "st-1", new Money(5000L, "RON"),
            "Vinyasa, 1 Dec 18:00", "ana@example.com", "https://book.lotus.example/bookings/bk-1?paid=1",
            "https://book.lotus.example/bookings/bk-1?cancelled=1", EXPIRES, "book-bk-1");

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private StripePaymentGateway gateway;

    @BeforeEach
    void start() {
        wireMock.start();
        gateway = new StripePaymentGateway(StripeClients.create(new Secret(SECRET_KEY), wireMock.baseUrl()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void a_checkout_is_one_priced_line_item_tagged_with_the_booking() {
        wireMock.stubFor(post("/v1/checkout/sessions").willReturn(json(200, """
                {"id": "cs_test_a1B2c3", "object": "checkout.session", "mode": "payment", "status": "open",
                 "payment_status": "unpaid", "amount_total": 5000, "currency": "ron", "client_reference_id": "bk-1",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_a1B2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0",
                 "expires_at": %d, "payment_intent": null, "metadata": {"bookingId": "bk-1", "studioId": "st-1"}}
                """.formatted(EXPIRES.getEpochSecond()))));

        Checkout checkout = gateway.createCheckout(REQUEST);

        assertThat(checkout).isEqualTo(new Checkout("cs_test_a1B2c3",
                "https://checkout.stripe.com/c/pay/cs_test_a1B2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0", EXPIRES));
        LoggedRequest sent = onlyRequestTo("/v1/checkout/sessions");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("book-bk-1");
        assertThat(sent.getHeader("Stripe-Version")).isEqualTo("2026-07-29.dahlia");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(sent.getBodyAsString()).contains("line_items[0][price_data][currency]=ron");
        assertThat(form(sent)).isEqualTo(Map.ofEntries(
                Map.entry("mode", "payment"),
                Map.entry("line_items[0][quantity]", "1"),
                Map.entry("line_items[0][price_data][currency]", "ron"),
                Map.entry("line_items[0][price_data][unit_amount]", "5000"),
                Map.entry("line_items[0][price_data][product_data][name]", "Vinyasa, 1 Dec 18:00"),
                Map.entry("client_reference_id", "bk-1"),
                Map.entry("metadata[bookingId]", "bk-1"),
                Map.entry("metadata[studioId]", "st-1"),
                Map.entry("payment_intent_data[metadata][bookingId]", "bk-1"),
                Map.entry("payment_intent_data[metadata][studioId]", "st-1"),
                Map.entry("customer_email", "ana@example.com"),
                Map.entry("success_url", "https://book.lotus.example/bookings/bk-1?paid=1"),
                Map.entry("cancel_url", "https://book.lotus.example/bookings/bk-1?cancelled=1"),
                Map.entry("expires_at", String.valueOf(EXPIRES.getEpochSecond()))));
    }

    @Test
    void the_expiry_is_moved_into_stripes_window_of_30_minutes_to_24_hours() {
        assertThat(StripePaymentGateway.checkoutExpiry(NOW.plus(Duration.ofMinutes(10)), NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(31)));
        assertThat(StripePaymentGateway.checkoutExpiry(NOW.plus(Duration.ofDays(3)), NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1)));
        assertThat(StripePaymentGateway.checkoutExpiry(null, NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1)));
        assertThat(StripePaymentGateway.checkoutExpiry(EXPIRES.plusMillis(700), NOW)).isEqualTo(EXPIRES);
    }

    @Test
    void a_refund_names_the_payment_intent_and_amount_and_carries_the_idempotency_key() {
        wireMock.stubFor(post("/v1/refunds").willReturn(json(200, """
                {"id": "re_3Qx7pLKX2m4Ng8vB1", "object": "refund", "amount": 2000, "currency": "ron",
                 "payment_intent": "pi_3Qx7pLKX2m4Ng8vB0", "status": "succeeded"}""")));

        Refund refund = gateway.refund("pi_3Qx7pLKX2m4Ng8vB0", new Money(2000L, "RON"), "cancel-bk-1");

        assertThat(refund).isEqualTo(new Refund("re_3Qx7pLKX2m4Ng8vB1", "succeeded"));
        LoggedRequest sent = onlyRequestTo("/v1/refunds");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("cancel-bk-1");
        assertThat(sent.getHeader("Stripe-Version")).isEqualTo(StripeClients.API_VERSION);
        assertThat(form(sent)).isEqualTo(Map.of("payment_intent", "pi_3Qx7pLKX2m4Ng8vB0", "amount", "2000"));
    }

    @Test
    void a_card_error_becomes_a_clear_exception() {
        wireMock.stubFor(post("/v1/checkout/sessions").willReturn(json(402, """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                           "message": "Your card has insufficient funds."}}""")
                .withHeader("Request-Id", "req_Declined1")));

        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.createCheckout(REQUEST));

        assertThat(failure.statusCode()).isEqualTo(402);
        assertThat(failure.type()).isEqualTo("card_error");
        assertThat(failure.code()).isEqualTo("card_declined");
        assertThat(failure).hasMessage("Stripe checkout creation for bk-1 failed: HTTP 402 card_error, code card_declined,"
                + " decline code insufficient_funds, request req_Declined1: Your card has insufficient funds.");
    }

    @Test
    void an_invalid_request_names_stripes_code_and_parameter() {
        wireMock.stubFor(post("/v1/refunds").willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded", "param": "payment_intent",
                           "message": "Charge ch_1 has already been refunded."}}""")));

        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.refund("pi_1", null, "cancel-bk-1"));

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo("charge_already_refunded");
        assertThat(failure).hasMessageContaining("refund of pi_1").hasMessageContaining("invalid_request_error")
                .hasMessageContaining("param payment_intent").hasMessageContaining("already been refunded");
        assertThat(form(onlyRequestTo("/v1/refunds"))).isEqualTo(Map.of("payment_intent", "pi_1"));
    }

    @Test
    void the_secret_key_never_appears_in_a_failure() {
        wireMock.stubFor(post("/v1/checkout/sessions").willReturn(json(401, """
                {"error": {"type": "invalid_request_error",
                           "message": "Invalid API Key provided: %s"}}""".formatted(SECRET_KEY))));

        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.createCheckout(REQUEST));

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(failure).hasMessageContaining("Invalid API Key provided: sk_****");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET_KEY).doesNotContain("doNotLeakMe");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private LoggedRequest onlyRequestTo(String path) {
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo(path))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The form body, each name and value decoded; a repeated name would fail the test. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] nameValue = pair.split("=", 2);
            String previous = fields.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "", StandardCharsets.UTF_8));
            assertThat(previous).as("repeated field %s", nameValue[0]).isNull();
        }
        return fields;
    }
}
