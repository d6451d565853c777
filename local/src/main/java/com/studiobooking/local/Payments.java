package com.studiobooking.local;

import com.studiobooking.core.payment.PaymentGateway;
import com.studiobooking.core.payment.WebhookVerifier;
import com.studiobooking.core.common.Ids;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.LocalPaymentGateway;
import com.studiobooking.infrastructure.payment.SignedWebhook;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;

import java.time.Clock;
import java.util.Optional;

/**
 * Card payments of the local runtime: real Stripe test mode when {@code STRIPE_SECRET_KEY} and
 * {@code STRIPE_WEBHOOK_SECRET} are set (forward webhooks with the Stripe CLI), otherwise a local
 * checkout page whose buttons send correctly signed events to {@code /webhooks/stripe}.
 */
final class Payments {
    private final PaymentGateway gateway;
    private final WebhookVerifier verifier;
    private final LocalPaymentGateway local;
    private final LocalCheckoutEvents localEvents;

    private Payments(PaymentGateway gateway, WebhookVerifier verifier, LocalPaymentGateway local,
                     LocalCheckoutEvents localEvents) {
        this.gateway = gateway;
        this.verifier = verifier;
        this.local = local;
        this.localEvents = localEvents;
    }

    static Payments choose(String baseUrl, Clock clock) {
        String key = System.getenv("STRIPE_SECRET_KEY");
        String webhookSecret = System.getenv("STRIPE_WEBHOOK_SECRET");
        if (key != null && webhookSecret != null) {
            return new Payments(new StripePaymentGateway(StripeClients.create(new Secret(key)), clock),
                    new StripeWebhookVerifier(new Secret(webhookSecret), clock), null, null);
        }
        Secret secret = new Secret("whsec_local_" + Ids.random(32));
        LocalCheckoutEvents events = new LocalCheckoutEvents(secret, clock);
        LocalPaymentGateway local = new LocalPaymentGateway(baseUrl, events, clock);
        return new Payments(local, new StripeWebhookVerifier(secret, clock), local, events);
    }

    PaymentGateway gateway() {
        return gateway;
    }

    WebhookVerifier verifier() {
        return verifier;
    }

    /** The local checkout, when Stripe is not configured. */
    Optional<LocalPaymentGateway> localCheckout() {
        return Optional.ofNullable(local);
    }

    /** Signs any payload with the local checkout's secret, when Stripe is not configured. */
    Optional<SignedWebhook> signLocally(String payload) {
        return Optional.ofNullable(localEvents).map(events -> events.sign(payload));
    }
}
