package com.studiobooking.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Random, URL-safe identifiers with a readable prefix ({@code st_…} for studios, {@code sf_…} for staff). */
public final class Ids {
    /** The longest id the API accepts; ours are far shorter, and keys stay far below the table's limits. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** The shape of every id of the API: letters, digits, {@code _} and {@code -}, 1 to 64 of them. */
    public static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    public static String next(String prefix) {
        return prefix + "_" + random(16);
    }

    /**
     * The same id every time for the same {@code parts} (SHA-256 of them, 16 characters of the same alphabet), for
     * a repeated request that must find what its first run made, e.g. a purchase named by its Idempotency-Key.
     */
    public static String derived(String prefix, String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            char[] out = new char[16];
            for (int i = 0; i < out.length; i++) out[i] = ALPHABET[hash[i] & 31];
            return prefix + "_" + new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** {@code length} characters of Crockford-style base32: 5 bits of entropy each. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
