package com.studiobooking.infrastructure.dynamo;

/**
 * Every key format of the single table, defined once. A studio's configuration shares the partition
 * {@code STUDIO#<id>} (read with one Query); its other records live in partitions that start with the
 * same prefix, so every key is built from the studio id and tenants never mix.
 */
final class Keys {
    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String TTL = "ttl";

    static final String PROFILE = "PROFILE";
    static final String STAFF_PREFIX = "STAFF#";
    static final String LOCATION_PREFIX = "LOCATION#";

    private Keys() {}

    static String studio(String studioId) { return "STUDIO#" + studioId; }
    static String staff(String staffId) { return STAFF_PREFIX + staffId; }
    static String staffEmail(String email) { return "STAFFEMAIL#" + email; }
    static String location(String locationId) { return LOCATION_PREFIX + locationId; }

    /** Login codes and their rate counters: short-lived, kept out of the studio's configuration partition. */
    static String studioLogins(String studioId) { return studio(studioId) + "#LOGIN"; }
    static String loginCode(String email) { return "CODE#" + email; }
    static String loginRate(String email, long windowEpochSecond) { return "RATE#" + email + "#" + windowEpochSecond; }

    static String studioClients(String studioId) { return studio(studioId) + "#CLIENTS"; }
    static String clientEmail(String email) { return "EMAIL#" + email; }
}
