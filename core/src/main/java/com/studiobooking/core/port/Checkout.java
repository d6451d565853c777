package com.studiobooking.core.port;

import java.time.Instant;

/**
 * A created checkout: the provider's id, the page the client is sent to, and when it expires.
 * {@code expiresAt} may differ from the one requested (Stripe only accepts 30 minutes to 24 hours
 * ahead); the hold on the seat or slot ends at this one.
 */
public record Checkout(String checkoutId, String url, Instant expiresAt) {
}
