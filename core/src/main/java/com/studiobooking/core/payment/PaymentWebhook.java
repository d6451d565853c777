package com.studiobooking.core.payment;

import com.studiobooking.core.booking.Bookings;
import com.studiobooking.core.wallet.Purchases;

/**
 * The payment provider's notifications (rule 5): verified on the raw body, each event processed at
 * most once, and bookings moved only by conditional transitions, so a duplicate, late or
 * out-of-order event changes nothing twice (an expiry after the payment leaves it paid).
 */
public final class PaymentWebhook {
    private final WebhookVerifier verifier;
    private final PaymentEventLog events;
    private final Bookings bookings;
    private final Purchases purchases;

    public PaymentWebhook(WebhookVerifier verifier, PaymentEventLog events, Bookings bookings, Purchases purchases) {
        this.verifier = verifier;
        this.events = events;
        this.bookings = bookings;
        this.purchases = purchases;
    }

    public enum Outcome { PROCESSED, DUPLICATE }

    public Outcome handle(String rawBody, String signatureHeader) {
        PaymentEvent event = verifier.verify(rawBody, signatureHeader);
        if (events.seen(event.eventId())) return Outcome.DUPLICATE;
        if (event.reference() != null && purchases.isPurchase(event.reference())) {
            switch (event.type()) {
                case CHECKOUT_PAID, ASYNC_PAYMENT_SUCCEEDED -> purchases.paid(event.reference(), event.paymentId());
                case CHECKOUT_EXPIRED, ASYNC_PAYMENT_FAILED -> purchases.ended(event.reference());
                case REFUNDED, CHECKOUT_PENDING, OTHER -> { }
            }
        } else if (event.reference() != null) {
            switch (event.type()) {
                case CHECKOUT_PAID, ASYNC_PAYMENT_SUCCEEDED -> bookings.cardPaid(event.reference(), event.paymentId());
                case CHECKOUT_EXPIRED, ASYNC_PAYMENT_FAILED -> bookings.checkoutEnded(event.reference());
                // Refunds are recorded when we request them; a pending checkout keeps its hold until it expires.
                case REFUNDED, CHECKOUT_PENDING, OTHER -> { }
            }
        }
        events.record(event.eventId(), event.type().name());
        return Outcome.PROCESSED;
    }
}
