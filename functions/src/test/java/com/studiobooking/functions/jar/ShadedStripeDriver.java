package com.studiobooking.functions.jar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.PaymentProviderException;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;

/**
 * Run by {@link ShadedJarStripeIT} in a JVM whose class path is the shaded jar and this one class: every
 * Stripe path the functions take (checkout, refund, a Stripe error, each webhook event type the verifier
 * reads, in the SDK's API version and another) through the jar's own classes. Prints one line per step;
 * any {@link Throwable}, a {@link NoClassDefFoundError} of a class the shade filter dropped first of all,
 * ends it with exit code 1. Only JDK and jar classes may be referenced here (no nested or test classes).
 */
public final class ShadedStripeDriver {
    static final String SECRET_KEY = "sk_test_shadedJarDriver";
    static final String WEBHOOK_SECRET = "whsec_shadedJarDriver";
    static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

    public static void main(String[] args) {
        try {
            run(args[0]);
            System.out.println("OK");
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(String apiBase) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StripePaymentGateway gateway = new StripePaymentGateway(StripeClients.create(new Secret(SECRET_KEY), apiBase), clock);
        var checkout = gateway.createCheckout(new CheckoutRequest("bk-1", "st-1", new Money(5000L, "RON"),
                "Vinyasa, 1 Dec 18:00", "ana@example.com", "https://book.example/bookings/bk-1?paid=1",
                "https://book.example/bookings/bk-1?cancelled=1", NOW.plusSeconds(2700), "book-bk-1"));
        System.out.println("checkout " + checkout.checkoutId() + " " + checkout.expiresAt());
        var refund = gateway.refund("pi_ok", new Money(2000L, "RON"), "cancel-bk-1");
        System.out.println("refund " + refund.refundId() + " " + refund.status());
        try {
            gateway.refund("pi_refused", null, "cancel-bk-2");
            throw new AssertionError("a refused refund did not throw");
        } catch (PaymentProviderException e) {
            System.out.println("refund refused " + e.statusCode() + " " + e.code());
        }

        StripeWebhookVerifier verifier = new StripeWebhookVerifier(new Secret(WEBHOOK_SECRET), clock);
        for (String version : new String[]{StripeClients.API_VERSION, "2024-06-20"}) {
            for (String type : new String[]{"checkout.session.completed", "checkout.session.async_payment_succeeded",
                    "checkout.session.async_payment_failed", "checkout.session.expired"}) {
                verified(verifier, session(type, version));
            }
            verified(verifier, chargeRefunded(version));
            verified(verifier, customerCreated(version));
        }
    }

    private static void verified(StripeWebhookVerifier verifier, String body) throws Exception {
        PaymentEvent event = verifier.verify(body, signature(body));
        System.out.println("event " + event.type() + " " + event.reference() + " " + event.amount());
    }

    private static String signature(String body) throws Exception {
        long t = NOW.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) hex.append(String.format("%02x", b));
        return "t=" + t + ",v1=" + hex;
    }

    private static String session(String type, String version) {
        return """
                {"id": "evt_1", "object": "event", "api_version": "%s", "created": 1767258000, "type": "%s",
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "cs_test_1", "object": "checkout.session", "amount_subtotal": 5000,
                   "amount_total": 5000, "client_reference_id": "bk-1", "created": 1767256200, "currency": "ron",
                   "customer_details": {"email": "ana@example.com", "name": "Ana Pop"}, "expires_at": 1767258000,
                   "livemode": false, "metadata": {"bookingId": "bk-1", "studioId": "st-1"}, "mode": "payment",
                   "payment_intent": "pi_1", "payment_method_types": ["card"], "payment_status": "paid",
                   "status": "complete", "url": null}}}""".formatted(version, type);
    }

    private static String chargeRefunded(String version) {
        return """
                {"id": "evt_2", "object": "event", "api_version": "%s", "created": 1767258000, "type": "charge.refunded",
                 "livemode": false, "pending_webhooks": 1, "request": {"id": "req_1", "idempotency_key": "cancel-bk-1"},
                 "data": {"object": {"id": "ch_1", "object": "charge", "amount": 5000, "amount_captured": 5000,
                   "amount_refunded": 2000, "captured": true, "created": 1767256300, "currency": "ron",
                   "livemode": false, "metadata": {"bookingId": "bk-1"}, "paid": true, "payment_intent": "pi_1",
                   "refunded": false, "status": "succeeded"}, "previous_attributes": {"amount_refunded": 0}}}"""
                .formatted(version);
    }

    private static String customerCreated(String version) {
        return """
                {"id": "evt_3", "object": "event", "api_version": "%s", "created": 1767258000, "type": "customer.created",
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "cus_1", "object": "customer", "email": "ana@example.com"}}}"""
                .formatted(version);
    }

    private ShadedStripeDriver() {}
}
