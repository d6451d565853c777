package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/**
 * A kind of pass the studio sells, part of its catalogue: N entries, valid for D days from purchase. A client's
 * bought pass is a {@code Pass} in their wallet.
 */
public record PassType(String passTypeId, String name, int entries, int validDays, Money price, Instant createdAt) {
}
