package com.studiobooking.infrastructure.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook payload the way Stripe does, so the local checkout can send events that pass the
 * real verification: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>}.
 */
public final class StripeSignature {
    /** The request header Stripe sends the signature in. */
    public static final String HEADER = "Stripe-Signature";

    private StripeSignature() {}

    /** @return the {@value #HEADER} header value for {@code payload} signed at {@code at} */
    public static String sign(String payload, String secret, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
    }

    private static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
