package com.studiobooking.infrastructure.config;

import java.util.Objects;
import java.util.function.Supplier;

/** Stripe's secret API key and webhook signing secret, each read on first {@code get()}. */
public record StripeKeys(Supplier<Secret> secretKey, Supplier<Secret> webhookSecret) {
    public StripeKeys {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
    }

    @Override
    public String toString() {
        return "StripeKeys[****]";
    }
}
