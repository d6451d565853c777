package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group class at a time, with seats per format. {@code seatsTaken} counts active bookings per
 * format; the store only changes it with conditional writes, so it never exceeds the capacity.
 * {@code linkVersion} grows each time staff set a different link, so each participant is e-mailed
 * once per change. {@code seriesId} names the recurring series the session was created in (null for a
 * single session); {@code twinOf} the in-person session an online twin was created beside (null otherwise).
 */
public record Session(String sessionId, String studioId, String templateId, String name, String description,
                      Instant start, int durationMinutes, SessionFormat format, int capacity, Integer onlineCapacity,
                      String instructorId, String locationId, Money price, Integer creditPrice,
                      List<PaymentMethod> paymentMethods, OnlineAccess onlineAccess, int linkVersion,
                      Status status, Map<SessionFormat, Integer> seatsTaken, Instant createdAt,
                      String seriesId, String twinOf) {

    public enum Status { SCHEDULED, CANCELLED }

    public Instant end() {
        return start.plus(Duration.ofMinutes(durationMinutes));
    }

    public TimeRange time() {
        return new TimeRange(start, end());
    }

    /** Seats of one format: ONLINE seats of a HYBRID session are its onlineCapacity. */
    public int capacityOf(SessionFormat seat) {
        return format == SessionFormat.HYBRID && seat == SessionFormat.ONLINE ? onlineCapacity : capacity;
    }

    public int spotsLeft(SessionFormat seat) {
        return Math.max(0, capacityOf(seat) - seatsTaken.getOrDefault(seat, 0));
    }

    public boolean accepts(PaymentMethod method) {
        return paymentMethods.contains(method);
    }

    public boolean isFree() {
        return (price == null || price.costsNothing()) && creditPrice == null;
    }

    public boolean hasLink() {
        return onlineAccess != null && onlineAccess.hasLink();
    }
}
