package com.studiobooking.functions;

import java.util.function.Supplier;

/** A value built on first use and kept: heavy clients are made only by the handlers that need them. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
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
