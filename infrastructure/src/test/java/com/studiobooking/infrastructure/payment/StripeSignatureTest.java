package com.studiobooking.infrastructure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.stripe.net.Webhook;

class StripeSignatureTest {
    private static final String PAYLOAD = "{\"id\":\"evt_1\",\"object\":\"event\",\"note\":\"Ștefănescu ✓\"}";
    private static final Instant AT = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void signs_as_stripe_documents_it() {
        assertThat(StripeSignature.sign(PAYLOAD, StripeTestEvents.SECRET, AT))
                .isEqualTo(StripeTestEvents.signatureHeader(PAYLOAD, StripeTestEvents.SECRET, AT.getEpochSecond()))
                .startsWith("t=1767258000,v1=");
    }

    @Test
    void signs_as_the_stripe_sdk_does_and_passes_its_check() throws Exception {
        String header = StripeSignature.sign(PAYLOAD, StripeTestEvents.SECRET, AT);

        assertThat(header).isEqualTo(
                Webhook.Signature.generateSignatureHeader(PAYLOAD, StripeTestEvents.SECRET, AT.getEpochSecond()));
        assertThat(Webhook.Signature.verifyHeader(PAYLOAD, header, StripeTestEvents.SECRET, 0)).isTrue();
    }
}
