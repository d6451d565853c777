package com.studiobooking.core.port;

import com.studiobooking.core.common.Money;

/** Card payments: Stripe Checkout in production and test mode, a local checkout page otherwise. */
public interface PaymentGateway {
    Checkout createCheckout(CheckoutRequest request);

    /**
     * Refunds (part of) a payment. {@code idempotencyKey} makes a retried refund a no-op at the
     * provider, so a refund is requested exactly once per purpose.
     *
     * @param paymentId the provider's payment id from {@link PaymentEvent#paymentId()}
     * @param amount    how much to refund; null refunds whatever is left of the payment
     */
    Refund refund(String paymentId, Money amount, String idempotencyKey);
}
