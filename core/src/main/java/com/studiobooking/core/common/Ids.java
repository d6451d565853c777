package com.studiobooking.core.common;

import java.security.SecureRandom;

/** Random, URL-safe identifiers with a readable prefix ({@code st_…} for studios, {@code sf_…} for staff). */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        return prefix + "_" + random(16);
    }

    /** {@code length} characters of Crockford-style base32: 5 bits of entropy each. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
