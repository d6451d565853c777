package com.studiobooking.infrastructure.dynamo;

/**
 * Every key format of the single table, defined once. All records of a studio share the partition
 * {@code STUDIO#<id>}, so a studio's data is read with one Query and tenants never mix.
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
    static String loginCode(String email) { return "LOGINCODE#" + email; }
    static String loginRate(String email, long windowEpochSecond) { return "LOGINRATE#" + email + "#" + windowEpochSecond; }
    static String clientEmail(String email) { return "CLIENTEMAIL#" + email; }
}
