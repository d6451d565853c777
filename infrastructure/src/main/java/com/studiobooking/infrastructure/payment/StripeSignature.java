package com.studiobooking.infrastructure.payment;

import java.security.GeneralSecurityException;
import java.time.Instant;

import com.stripe.net.Webhook;

/**
 * Signs a webhook payload the way Stripe does, so the local checkout can send events that pass the
 * real verification: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>}, made by
 * stripe-java's own {@link Webhook.Signature#generateSignatureHeader(String, String, long)}.
 */
public final class StripeSignature {
    /** The request header Stripe sends the signature in. */
    public static final String HEADER = "Stripe-Signature";

    private StripeSignature() {}

    /** @return the {@value #HEADER} header value for {@code payload} signed at {@code at} */
    public static String sign(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
