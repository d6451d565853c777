package com.studiobooking.core.port;

/** Checks a webhook's signature on its raw body and turns it into a {@link PaymentEvent}. */
public interface WebhookVerifier {
    /**
     * @throws com.studiobooking.core.common.DomainException (VALIDATION, field "Stripe-Signature")
     *         when the signature is missing, wrong or outside the time tolerance
     */
    PaymentEvent verify(String rawBody, String signatureHeader);
}
