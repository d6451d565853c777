package com.studiobooking.core.model.booking;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The guest access token of a booking: an HMAC of the booking id under a server key. Nothing is
 * stored, a retried request gets the same token, and only the server can mint one.
 */
public final class BookingAccess {
    private final byte[] key;

    public BookingAccess(byte[] key) {
        this.key = key.clone();
    }

    public String tokenFor(String bookingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "ba_" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(bookingId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean grants(String token, String bookingId) {
        return token != null && MessageDigest.isEqual(tokenFor(bookingId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
