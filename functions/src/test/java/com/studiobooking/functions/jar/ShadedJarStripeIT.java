package com.studiobooking.functions.jar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The deployable jar keeps only part of stripe-java's {@code com/stripe/param} classes (the shade filter in
 * {@code functions/pom.xml}). This runs every Stripe path of the functions through the shaded jar itself,
 * in its own JVM, against WireMock: a class the filter dropped but a path needs fails it with
 * {@link NoClassDefFoundError}.
 */
class ShadedJarStripeIT {
    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        wireMock.start();
        wireMock.stubFor(post("/v1/checkout/sessions").willReturn(json(200, """
                {"id": "cs_test_shaded", "object": "checkout.session", "mode": "payment", "status": "open",
                 "payment_status": "unpaid", "amount_total": 5000, "currency": "ron", "client_reference_id": "bk-1",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_shaded", "expires_at": 1767258000,
                 "payment_intent": null, "metadata": {"bookingId": "bk-1", "studioId": "st-1"}}""")));
        wireMock.stubFor(post("/v1/refunds").withRequestBody(containing("payment_intent=pi_ok")).willReturn(json(200, """
                {"id": "re_shaded", "object": "refund", "amount": 2000, "currency": "ron",
                 "payment_intent": "pi_ok", "status": "succeeded"}""")));
        wireMock.stubFor(post("/v1/refunds").withRequestBody(containing("payment_intent=pi_refused")).willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded", "param": "payment_intent",
                           "message": "Charge ch_1 has already been refunded."}}""")));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void checkout_refund_and_every_webhook_event_run_on_the_shaded_jar_alone() throws Exception {
        ShadedJar.Run run = ShadedJar.run(ShadedJar.jar("studio-booking-functions.jar"), ShadedStripeDriver.class,
                // the classes it loaded, for docs/benchmarks.md (issue 16: how many of stripe-java's are needed)
                List.of("-Xlog:class+load=info:file=target/shaded-stripe-driver-classes.log"), wireMock.baseUrl());

        assertThat(run.output()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(
                "checkout cs_test_shaded 2026-01-01T09:00:00Z",
                "refund re_shaded succeeded",
                "refund refused 400 charge_already_refunded",
                "event CHECKOUT_PAID bk-1 ",
                "event ASYNC_PAYMENT_SUCCEEDED bk-1",
                "event ASYNC_PAYMENT_FAILED bk-1",
                "event CHECKOUT_EXPIRED bk-1",
                "event REFUNDED bk-1",
                "event OTHER null null",
                "OK");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("line_items[0][price_data][product_data][name]")));
        wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/refunds")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
