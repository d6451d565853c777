package com.studiobooking.local;

import com.studiobooking.core.common.Ids;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.LocalPaymentGateway;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Card payments of the local runtime: real Stripe test mode when {@code STRIPE_SECRET_KEY} and
 * {@code STRIPE_WEBHOOK_SECRET} are set (forward webhooks with the Stripe CLI), otherwise a local
 * checkout page whose buttons send correctly signed events to {@code /webhooks/stripe}. That page
 * signs with {@code STRIPE_WEBHOOK_SECRET} when it is set alone, so a user can sign events of their
 * own; without it, with a fresh random secret.
 */
final class Payments {
    static final String SECRET_KEY = "STRIPE_SECRET_KEY";
    static final String WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";

    /** What the environment asks for; a pure function of it ({@link #choice}). */
    sealed interface Choice {
        /** Real Stripe test mode: checkouts and refunds through the API, events forwarded by the Stripe CLI. */
        record StripeTestMode(Secret secretKey, Secret webhookSecret) implements Choice {
        }

        /** The local checkout page; its events are signed with {@code webhookSecret}, or a random one when empty. */
        record LocalCheckout(Optional<Secret> webhookSecret) implements Choice {
        }
    }

    private final PaymentGateway gateway;
    private final WebhookVerifier verifier;
    private final LocalPaymentGateway local;
    private final Choice choice;

    private Payments(PaymentGateway gateway, WebhookVerifier verifier, LocalPaymentGateway local, Choice choice) {
        this.gateway = gateway;
        this.verifier = verifier;
        this.local = local;
        this.choice = choice;
    }

    /** Both variables: Stripe test mode. The webhook secret alone: the local checkout signing with it. */
    static Choice choice(Map<String, String> environment) {
        Optional<Secret> key = value(environment, SECRET_KEY);
        Optional<Secret> webhookSecret = value(environment, WEBHOOK_SECRET);
        if (key.isPresent() && webhookSecret.isPresent()) {
            return new Choice.StripeTestMode(key.get(), webhookSecret.get());
        }
        return new Choice.LocalCheckout(webhookSecret);
    }

    static Payments choose(Map<String, String> environment, String baseUrl, Clock clock) {
        Choice choice = choice(environment);
        if (choice instanceof Choice.StripeTestMode stripe) {
            return new Payments(new StripePaymentGateway(StripeClients.create(stripe.secretKey()), clock),
                    new StripeWebhookVerifier(stripe.webhookSecret(), clock), null, choice);
        }
        Secret secret = ((Choice.LocalCheckout) choice).webhookSecret()
                .orElseGet(() -> new Secret("whsec_local_" + Ids.random(32)));
        LocalPaymentGateway local = new LocalPaymentGateway(baseUrl, new LocalCheckoutEvents(secret, clock), clock);
        return new Payments(local, new StripeWebhookVerifier(secret, clock), local, choice);
    }

    private static Optional<Secret> value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Secret(value.trim()));
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

    /** One line for the start-up banner: what card payments run on. */
    String describe() {
        if (choice instanceof Choice.StripeTestMode) {
            return "Stripe test mode (" + SECRET_KEY + ", " + WEBHOOK_SECRET + "); forward events with stripe listen";
        }
        return ((Choice.LocalCheckout) choice).webhookSecret().isPresent()
                ? "local checkout page; webhooks signed with " + WEBHOOK_SECRET + " (sign your own test events with it)"
                : "local checkout page; webhooks signed with a random secret (set " + WEBHOOK_SECRET + " to sign your own)";
    }
}
