package com.studiobooking.core.port;

/**
 * Which provider events were applied, so each is applied once (rule 5). A delivery first claims the
 * event; only the claimer applies it, then marks it done. A claim whose applier died is taken over
 * after its lease, so an event is never lost to a crash between claim and done.
 */
public interface PaymentEventLog {

    enum Claim {
        /** This delivery holds the event: apply it, then {@link #done} (or {@link #release} on failure). */
        CLAIMED,
        /** Applied before: nothing to do. */
        DONE,
        /** Another delivery is applying it right now. */
        IN_PROGRESS
    }

    Claim claim(String eventId, String type);

    /** The claimed event was applied (kept for some days, longer than the provider retries). */
    void done(String eventId);

    /** Applying the claimed event failed: the next delivery may claim it again. */
    void release(String eventId);
}
