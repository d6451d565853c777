package com.studiobooking.core.model.wallet;

import com.studiobooking.core.common.Money;

import java.time.Instant;

/** A client buying a pass or a credit pack by card: what, for how much, and where the payment stands. */
public record Purchase(String purchaseId, String studioId, String clientId, String clientEmail, Kind kind, String itemId,
                       String name, Money price, Status status, String checkoutId, String checkoutUrl,
                       Instant expiresAt, String paymentId, Instant createdAt) {
    public enum Kind { PASS, CREDITS }

    public enum Status { AWAITING_PAYMENT, PAID, EXPIRED }

    public Purchase with(Status newStatus, String newCheckoutId, String newCheckoutUrl, Instant newExpiresAt, String newPaymentId) {
        return new Purchase(purchaseId, studioId, clientId, clientEmail, kind, itemId, name, price, newStatus, newCheckoutId,
                newCheckoutUrl, newExpiresAt, newPaymentId, createdAt);
    }
}
