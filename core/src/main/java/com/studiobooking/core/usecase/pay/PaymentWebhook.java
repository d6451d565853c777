package com.studiobooking.core.usecase.pay;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.core.port.PaymentEventLog;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.wallets.Purchases;

/**
 * The payment provider's notifications (rule 5): verified on the raw body, each event claimed before
 * any effect and applied by one delivery only. Effects are decided by the booking's state, never by the
 * order events arrive in, so a duplicate, late or out-of-order event changes nothing twice (an expiry
 * after the payment leaves it paid). A failure while applying releases the claim and answers with an
 * error, so the provider's retry applies the event again.
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
        switch (events.claim(event.eventId(), event.type().name())) {
            case DONE -> {
                return Outcome.DUPLICATE;
            }
            case IN_PROGRESS -> throw DomainException.conflict("EVENT_IN_PROGRESS",
                    "another delivery of this event is being applied; retry later", null);
            case CLAIMED -> { }
        }
        try {
            apply(event);
        } catch (RuntimeException e) {
            events.release(event.eventId());
            throw e;
        }
        events.done(event.eventId());
        return Outcome.PROCESSED;
    }

    private void apply(PaymentEvent event) {
        if (event.reference() == null) return;
        if (purchases.isPurchase(event.reference())) {
            switch (event.type()) {
                case CHECKOUT_PAID, ASYNC_PAYMENT_SUCCEEDED -> purchases.paid(event.reference(), event.paymentId());
                case CHECKOUT_EXPIRED, ASYNC_PAYMENT_FAILED -> purchases.ended(event.reference());
                case REFUNDED, CHECKOUT_PENDING, OTHER -> { }
            }
            return;
        }
        switch (event.type()) {
            case CHECKOUT_PAID, ASYNC_PAYMENT_SUCCEEDED -> bookings.cardPaid(event.reference(), event.paymentId());
            case CHECKOUT_EXPIRED, ASYNC_PAYMENT_FAILED -> bookings.checkoutEnded(event.reference());
            // Refunds are recorded when we request them; a pending checkout keeps its hold until it expires.
            case REFUNDED, CHECKOUT_PENDING, OTHER -> { }
        }
    }
}
