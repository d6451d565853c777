package com.studiobooking.functions;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** Stripe's API as WireMock for the real Stripe SDK: Checkout Sessions open, refunds succeed unless a test says otherwise. */
final class StripeStub {
    private StripeStub() {}

    /** Started; every checkout it opens expires at {@code checkoutExpiresAt}. */
    static WireMockServer start(Instant checkoutExpiresAt) {
        WireMockServer stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("""
                        {"id": "cs_test_{{randomValue length=12 type='ALPHANUMERIC'}}", "object": "checkout.session",
                         "mode": "payment", "status": "open", "payment_status": "unpaid",
                         "url": "https://checkout.stripe.com/c/pay/cs_test_1", "expires_at": %d}
                        """.formatted(checkoutExpiresAt.getEpochSecond()))));
        refundsSucceed(stripe);
        return stripe;
    }

    static void refundsSucceed(WireMockServer stripe) {
        stripe.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"re_test_1\", \"object\": \"refund\", \"status\": \"succeeded\", \"amount\": 5000}")));
    }

    static void refundsFail(WireMockServer stripe) {
        stripe.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"boom\"}}")));
    }
}
