package com.studiobooking.core.model.wallet;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/** A kind of pass the studio sells: N entries, valid for D days from purchase. */
public record PassType(String passTypeId, String name, int entries, int validDays, Money price, Instant createdAt) {
}
