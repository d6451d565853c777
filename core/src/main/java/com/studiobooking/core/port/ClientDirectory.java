package com.studiobooking.core.port;

/** Clients of a studio, known by e-mail. */
public interface ClientDirectory {
    /** The client id for this e-mail, registering the client on first sight. */
    String clientIdFor(String studioId, String email);

    /** A studio's clients. */
    java.util.List<ClientRecord> list(String studioId);

    java.util.Optional<ClientRecord> find(String studioId, String clientId);

    record ClientRecord(String clientId, String email) {
    }
}
