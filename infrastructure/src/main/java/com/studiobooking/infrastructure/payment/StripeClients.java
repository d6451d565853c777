package com.studiobooking.infrastructure.payment;

import java.util.Objects;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.studiobooking.infrastructure.config.Secret;

/**
 * Builds the per-instance {@link StripeClient} the adapters use. Never touches Stripe's global state
 * ({@code Stripe.apiKey}, {@code Stripe.overrideApiBase}), so tests can point one client at WireMock.
 * Building is cheap (no I/O); callers still build it only when a card payment is first needed.
 */
public final class StripeClients {
    /**
     * The Stripe API version every request is sent with and every event is built for; fixed by the
     * stripe-java release. Webhook endpoints must be created with it (docs/decisions/stripe.md).
     */
    public static final String API_VERSION = Stripe.API_VERSION;

    /** Retries are safe: every write carries an idempotency key. */
    private static final int NETWORK_RETRIES = 2;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private StripeClients() {}

    public static StripeClient create(Secret secretKey) {
        return create(secretKey, null);
    }

    /** @param apiBase another API base URL (WireMock in tests), or null for api.stripe.com */
    public static StripeClient create(Secret secretKey, String apiBase) {
        Objects.requireNonNull(secretKey, "secretKey");
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey.value())
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setReadTimeout(READ_TIMEOUT_MILLIS);
        if (apiBase != null) builder.setApiBase(apiBase);
        return builder.build();
    }
}
