package com.studiobooking.core.model.session;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.List;

/**
 * What staff send to change a series "from this date on": the session fields to change (absent ones
 * are kept), and {@code startTime}, the new wall-clock time each occurrence moves to on its own date.
 */
public record SeriesChange(String from, String name, String description, String startTime, Integer durationMinutes,
                           Integer capacity, Integer onlineCapacity, String instructorId, String locationId, Money price,
                           Integer creditPrice, List<PaymentMethod> paymentMethods) {

    /** The new wall-clock time, or null when the time of day stays. */
    public LocalTime newStartTime() {
        if (startTime == null) return null;
        try {
            return LocalTime.parse(startTime);
        } catch (DateTimeException e) {
            throw DomainException.invalid("startTime", "must be a time of day like 18:00");
        }
    }

    /** The change of one occurrence, which starts at {@code start} (null: it keeps its start). */
    public SessionDetails forOccurrence(String start) {
        return new SessionDetails(null, name, description, start, durationMinutes, capacity, onlineCapacity, instructorId,
                null, locationId, price, creditPrice, paymentMethods, null);
    }

    /** The field a clash is reported on: what moved the instructor's time. */
    public String movingField() {
        return startTime != null ? "startTime" : instructorId != null ? "instructorId" : "durationMinutes";
    }
}
