package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Instant;
import java.util.List;

/** A class the studio runs again and again; sessions are created from it with a start time. */
public record SessionTemplate(String templateId, String name, String description, int durationMinutes, int capacity,
                              Integer onlineCapacity, String instructorId, String locationId, SessionFormat format,
                              Money price, Integer creditPrice, List<PaymentMethod> paymentMethods, Instant createdAt) {
}
