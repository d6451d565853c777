package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.SignedWebhook;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Stripe half of {@link Priming}, for the functions that ship stripe-java (admin, booking, payment-webhook,
 * timed-jobs): a class of its own, so the jar without Stripe never loads it. Runs stripe-java's paths with a random
 * throwaway key and webhook secret that are dropped: the real ones are never read, nothing is sent to Stripe.
 */
final class StripePriming {
    private StripePriming() {}

    static void run() {
        Clock clock = Clock.systemUTC();
        // the client and gateway as production builds them, with a key that is no key, then dropped
        new StripePaymentGateway(StripeClients.create(new Secret("sk_test_priming_" + random())), clock);
        new SessionCreateParams.Builder().setMode(SessionCreateParams.Mode.PAYMENT).setClientReferenceId("bk_priming")
                .build().toMap();
        RefundCreateParams.builder().setPaymentIntent("pi_priming").setAmount(1L).build().toMap();

        // a webhook delivery signed with a throwaway secret, verified (stripe-java) and read (Jackson)
        Secret secret = new Secret("whsec_priming_" + random());
        LocalCheckoutEvents events = new LocalCheckoutEvents(secret, clock);
        Instant now = clock.instant();
        SignedWebhook paid = events.sign(events.paid(new LocalCheckoutEvents.CheckoutSession("cs_priming", "pi_priming",
                new CheckoutRequest("bk_priming", Priming.STUDIO, new Money(25000L, "RON"), "Priming",
                        "priming@example.invalid", "https://priming.invalid/ok", "https://priming.invalid/cancel",
                        now.plusSeconds(1800), "priming"), now, now.plusSeconds(1800))));
        StripeWebhookVerifier verifier = new StripeWebhookVerifier(secret, clock);
        PaymentEvent event = verifier.verify(paid.payload(), paid.signatureHeader());
        if (event == null) throw new IllegalStateException("the priming event was not read");
        try {
            new StripeWebhookVerifier(new Secret("whsec_priming_" + random()), clock).verify(paid.payload(), paid.signatureHeader());
            throw new IllegalStateException("a delivery signed with another secret was accepted");
        } catch (com.studiobooking.core.common.DomainException refused) {
            // the refusal path, as a forged delivery takes it
        }
    }

    /** The rehearsal's verifier: production's, with the rehearsal's random secret. */
    static WebhookVerifier verifier(String secret) {
        return new StripeWebhookVerifier(new Secret(secret), Clock.systemUTC());
    }

    /**
     * The webhook's success paths on the rehearsal's studio: two places in the online class booked by card (checkouts
     * answered in the process), then Stripe's deliveries for them, signed with the rehearsal's secret: one checkout
     * paid, one expired.
     */
    static List<Priming.Rehearsed> webhookDeliveries(Rehearsal rehearsal) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        LocalCheckoutEvents events = new LocalCheckoutEvents(new Secret(rehearsal.webhookSecret), clock);
        List<Priming.Rehearsed> deliveries = new ArrayList<>();
        Rehearsal.CardCheckout paid = rehearsal.bookClassByCard("paid@rehearsal.invalid");
        deliveries.add(delivery(events.sign(events.paid(new LocalCheckoutEvents.CheckoutSession(paid.checkout().checkoutId(),
                "pi_rehearsal", paid.request(), now, paid.checkout().expiresAt())))));
        Rehearsal.CardCheckout expired = rehearsal.bookClassByCard("expired@rehearsal.invalid");
        deliveries.add(delivery(events.sign(events.expired(new LocalCheckoutEvents.CheckoutSession(
                expired.checkout().checkoutId(), null, expired.request(), now, now)))));
        return deliveries;
    }

    private static Priming.Rehearsed delivery(SignedWebhook signed) {
        return new Priming.Rehearsed("POST /webhooks/stripe", Map.of(), Map.of("stripe-signature", signed.signatureHeader()),
                signed.payload(), false, 200);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
