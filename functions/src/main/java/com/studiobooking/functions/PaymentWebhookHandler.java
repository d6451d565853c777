package com.studiobooking.functions;

import com.studiobooking.core.usecase.pay.PaymentWebhook;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/**
 * The payment-webhook function: Stripe's events, verified on the raw body (base64-decoded when API
 * Gateway says so). A bad, stale or future-dated signature, or a signed body that is not a Stripe event,
 * is a 400 (it would fail the same way again); anything unexpected a 500, so Stripe retries.
 */
public final class PaymentWebhookHandler extends HttpFunction {
    private final Routes routes;

    public PaymentWebhookHandler() {
        this(Wiring.production());
        Priming.register(Priming.paymentWebhook(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public PaymentWebhookHandler(Wiring wiring) {
        PaymentWebhook webhook = wiring.paymentWebhook();
        routes = new Routes(wiring::requestEnded).on("POST /webhooks/stripe", r -> Response.ok(Map.of("received", true,
                "outcome", webhook.handle(r.rawBody(), r.header("stripe-signature")))));
    }

    @Override
    protected Routes routes() {
        return routes;
    }
}
