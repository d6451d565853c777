package com.studiobooking.core.port;

import com.studiobooking.core.model.booking.Client;

/** Clients of a studio, known by e-mail, with the details of their latest booking. */
public interface ClientDirectory {
    /** The client id for this e-mail, registering the client on first sight. */
    String clientIdFor(String studioId, String email);

    /**
     * A booking of this client was just stored: keeps its name and phone as the client's details and counts
     * one more booking. A client not registered in the studio is left alone.
     */
    void booked(String studioId, String clientId, Client details);

    /** A studio's clients, read in one query. */
    java.util.List<ClientRecord> list(String studioId);

    java.util.Optional<ClientRecord> find(String studioId, String clientId);

    /**
     * {@code name} and {@code phone} from the client's latest booking (null before any); {@code bookings}
     * how many bookings they made (waitlist places included).
     */
    record ClientRecord(String clientId, String email, String name, String phone, int bookings) {
        public static ClientRecord registered(String clientId, String email) {
            return new ClientRecord(clientId, email, null, null, 0);
        }
    }
}
