package com.studiobooking.core.port;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/**
 * A card payment to collect for one booking (or pass purchase): what is paid, by whom, and until
 * when the checkout may be completed (the hold on the seat or slot ends then).
 *
 * @param reference  the booking (or purchase) id; Stripe gets it as client_reference_id and metadata
 * @param idempotencyKey sent to the payment provider so a retried request creates one checkout
 */
public record CheckoutRequest(String reference, String studioId, Money amount, String description,
                              String customerEmail, String successUrl, String cancelUrl, Instant expiresAt,
                              String idempotencyKey) {
}
