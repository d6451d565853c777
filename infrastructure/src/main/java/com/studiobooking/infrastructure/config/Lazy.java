package com.studiobooking.infrastructure.config;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first {@link #get()}, once, whichever thread asks, and kept: heavy clients are made
 * only by the functions that use them. The factory is dropped once it has run.
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = factory.get();
                    value = result;
                    factory = null;
                }
            }
        }
        return result;
    }
}
