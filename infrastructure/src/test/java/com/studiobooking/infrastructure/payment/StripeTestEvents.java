package com.studiobooking.infrastructure.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook payloads shaped as Stripe sends them, and signatures computed here independently of
 * {@link StripeSignature}, exactly as Stripe documents them.
 */
final class StripeTestEvents {
    static final String SECRET = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final String CREATED = "1767258000"; // 2026-01-01T09:00:00Z

    private StripeTestEvents() {}

    /** {@code t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<payload>")>} */
    static String signatureHeader(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) hex.append(String.format("%02x", b));
            return "t=" + timestamp + ",v1=" + hex;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A Checkout Session event; {@code clientReferenceId} may be null (then only the metadata names the booking). */
    static String checkoutSession(String type, String apiVersion, String paymentStatus, String clientReferenceId,
                                  String paymentIntent) {
        return """
                {
                  "id": "evt_1Qx7pLKX2m4Ng8vB3ZfjHk01",
                  "object": "event",
                  "api_version": "%s",
                  "created": %s,
                  "data": {
                    "object": {
                      "id": "cs_test_a1B2c3D4e5F6g7H8",
                      "object": "checkout.session",
                      "amount_subtotal": 5000,
                      "amount_total": 5000,
                      "cancel_url": "https://book.lotus.example/bookings/bk-1?cancelled=1",
                      "client_reference_id": %s,
                      "created": 1767256200,
                      "currency": "ron",
                      "customer_details": {"email": "ana@example.com", "name": "Ana Pop"},
                      "customer_email": "ana@example.com",
                      "expires_at": 1767258000,
                      "livemode": false,
                      "metadata": {"bookingId": "bk-1", "studioId": "st-1"},
                      "mode": "payment",
                      "payment_intent": %s,
                      "payment_method_types": ["card"],
                      "payment_status": "%s",
                      "status": "complete",
                      "success_url": "https://book.lotus.example/bookings/bk-1",
                      "url": null
                    }
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }""".formatted(apiVersion, CREATED, json(clientReferenceId), json(paymentIntent), paymentStatus, type);
    }

    static String chargeRefunded(String apiVersion) {
        return """
                {
                  "id": "evt_3Qx7pLKX2m4Ng8vB0abcDef2",
                  "object": "event",
                  "api_version": "%s",
                  "created": %s,
                  "data": {
                    "object": {
                      "id": "ch_3Qx7pLKX2m4Ng8vB0xyz",
                      "object": "charge",
                      "amount": 5000,
                      "amount_captured": 5000,
                      "amount_refunded": 2000,
                      "captured": true,
                      "created": 1767256300,
                      "currency": "ron",
                      "livemode": false,
                      "metadata": {"bookingId": "bk-1", "studioId": "st-1"},
                      "paid": true,
                      "payment_intent": "pi_3Qx7pLKX2m4Ng8vB0",
                      "refunded": false,
                      "status": "succeeded"
                    },
                    "previous_attributes": {"amount_refunded": 0}
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": "req_Refund1", "idempotency_key": "cancel-bk-1"},
                  "type": "charge.refunded"
                }""".formatted(apiVersion, CREATED);
    }

    static String customerCreated(String apiVersion) {
        return """
                {
                  "id": "evt_1Qx7pLKX2m4Ng8vBcust",
                  "object": "event",
                  "api_version": "%s",
                  "created": %s,
                  "data": {"object": {"id": "cus_R1", "object": "customer", "email": "ana@example.com"}},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "customer.created"
                }""".formatted(apiVersion, CREATED);
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
