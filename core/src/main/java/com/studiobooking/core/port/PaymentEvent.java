package com.studiobooking.core.port;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/**
 * A verified notification from the payment provider, reduced to what the booking cares about.
 *
 * @param eventId   the provider's event id: each is processed at most once
 * @param reference the booking (or purchase) id given at checkout; null when unknown
 * @param paymentId the provider's payment id (Stripe payment intent), used for refunds
 */
public record PaymentEvent(String eventId, Type type, Instant created, String reference, String checkoutId,
                           String paymentId, Money amount) {
    public enum Type {
        /** Checkout completed and the money is in (card, or a delayed method that already succeeded). */
        CHECKOUT_PAID,
        /** Checkout completed but payment is still pending (delayed methods). */
        CHECKOUT_PENDING,
        ASYNC_PAYMENT_SUCCEEDED,
        ASYNC_PAYMENT_FAILED,
        CHECKOUT_EXPIRED,
        REFUNDED,
        /** Anything else: acknowledged and ignored. */
        OTHER
    }
}
