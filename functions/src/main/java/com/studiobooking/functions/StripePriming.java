package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentEvent;
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
import java.util.HexFormat;

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

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
