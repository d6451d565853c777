package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.util.List;

/**
 * What staff send to create a recurring series: the fields of a session (the {@code start} gives the
 * first date and the wall-clock time of every occurrence) and how it repeats.
 */
public record SeriesDetails(String templateId, String name, String description, String start, Integer durationMinutes,
                            Integer capacity, Integer onlineCapacity, String instructorId, SessionFormat format,
                            String locationId, Money price, Integer creditPrice, List<PaymentMethod> paymentMethods,
                            OnlineAccess onlineAccess, Series.Repeat repeat) {

    /** The details every occurrence is made from. */
    public SessionDetails session() {
        return new SessionDetails(templateId, name, description, start, durationMinutes, capacity, onlineCapacity,
                instructorId, format, locationId, price, creditPrice, paymentMethods, onlineAccess);
    }
}
