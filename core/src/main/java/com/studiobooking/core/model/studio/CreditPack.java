package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/** A bundle of credits the studio sells. */
public record CreditPack(String packId, String name, int credits, Money price, Instant createdAt) {
}
