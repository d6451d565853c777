package com.studiobooking.core.payment;

/** Which provider events were processed, so each is processed at most once. */
public interface PaymentEventLog {
    boolean seen(String eventId);

    /** Remembers the event as processed (kept for some days, longer than the provider retries). */
    void record(String eventId, String type);
}
