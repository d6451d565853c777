package com.studiobooking.core.payment;

import java.time.Instant;

/** A created checkout: the provider's id, the page the client is sent to, and when it expires. */
public record Checkout(String checkoutId, String url, Instant expiresAt) {
}
