package com.studiobooking.infrastructure.config;

import java.util.Objects;

/** A secret value (a signing key, an API key) that never shows itself in logs or {@code toString()}. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
