package com.studiobooking.infrastructure.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys derived from the one configured secret, one per purpose, so a token key never doubles as the
 * login-code hashing key. Each is SHA-256(purpose ‖ secret): 256 bits, as HS256 requires.
 */
public final class SigningKeys {
    private final byte[] secret;

    public SigningKeys(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] tokenKey() { return derive("token"); }

    public byte[] loginCodeKey() { return derive("login-code"); }

    public byte[] bookingAccessKey() { return derive("booking-access"); }

    private byte[] derive(String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() { return "SigningKeys[secret hidden]"; }
}
