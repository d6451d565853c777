package com.studiobooking.core.model.studio;

/**
 * Where a service's appointments happen: at one of the studio's locations, or online with a meeting link
 * staff add to each booking (rules 3, 7 and 8 apply to that link as to a session's).
 */
public enum ServiceFormat {
    IN_PERSON,
    ONLINE
}
