package com.studiobooking.infrastructure.payment;

/**
 * A webhook ready to POST to {@code /webhooks/stripe}: the JSON body, sent byte for byte, and the
 * value of its {@code Stripe-Signature} header.
 */
public record SignedWebhook(String payload, String signatureHeader) {
}
