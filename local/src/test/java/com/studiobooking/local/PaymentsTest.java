package com.studiobooking.local;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.StripeSignature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which card payments the local runtime runs on, decided from its environment alone. */
class PaymentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static final String EVENT = "{\"id\":\"evt_mine\",\"object\":\"event\",\"type\":\"customer.created\","
            + "\"data\":{\"object\":{\"id\":\"cus_mine\",\"object\":\"customer\"}}}";

    @Test
    void without_stripe_variables_the_local_checkout_signs_with_a_secret_of_its_own() {
        assertThat(Payments.choice(Map.of())).isEqualTo(new Payments.Choice.LocalCheckout(Optional.empty()));
    }

    @Test
    void the_webhook_secret_alone_becomes_the_local_checkouts_signing_secret() {
        assertThat(Payments.choice(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_mine")))
                .isEqualTo(new Payments.Choice.LocalCheckout(Optional.of(new Secret("whsec_mine"))));
    }

    @Test
    void both_variables_choose_stripe_test_mode() {
        assertThat(Payments.choice(Map.of("STRIPE_SECRET_KEY", "sk_test_mine", "STRIPE_WEBHOOK_SECRET", "whsec_mine")))
                .isEqualTo(new Payments.Choice.StripeTestMode(new Secret("sk_test_mine"), new Secret("whsec_mine")));
    }

    @Test
    void the_secret_key_alone_is_not_enough_for_stripe_and_blank_values_count_as_unset() {
        assertThat(Payments.choice(Map.of("STRIPE_SECRET_KEY", "sk_test_mine")))
                .isEqualTo(new Payments.Choice.LocalCheckout(Optional.empty()));
        assertThat(Payments.choice(Map.of("STRIPE_SECRET_KEY", "sk_test_mine", "STRIPE_WEBHOOK_SECRET", " ")))
                .isEqualTo(new Payments.Choice.LocalCheckout(Optional.empty()));
        assertThat(Payments.choice(Map.of("STRIPE_WEBHOOK_SECRET", " whsec_mine\n")))
                .isEqualTo(new Payments.Choice.LocalCheckout(Optional.of(new Secret("whsec_mine"))));
    }

    @Test
    void the_local_checkout_verifies_events_signed_with_the_given_secret_and_no_other() {
        Payments payments = Payments.choose(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_mine"), "http://127.0.0.1:3000", CLOCK);
        assertThat(payments.localCheckout()).isPresent();
        assertThat(payments.verifier().verify(EVENT, StripeSignature.sign(EVENT, "whsec_mine", CLOCK.instant())).eventId())
                .isEqualTo("evt_mine");
        assertThatThrownBy(() -> payments.verifier().verify(EVENT, StripeSignature.sign(EVENT, "whsec_other", CLOCK.instant())))
                .isInstanceOf(DomainException.class).hasMessageContaining("not valid");
        assertThat(payments.describe()).contains("STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void without_the_secret_nobody_outside_can_sign_for_the_local_checkout() {
        Payments payments = Payments.choose(Map.of(), "http://127.0.0.1:3000", CLOCK);
        assertThat(payments.localCheckout()).isPresent();
        assertThatThrownBy(() -> payments.verifier().verify(EVENT, StripeSignature.sign(EVENT, "whsec_mine", CLOCK.instant())))
                .isInstanceOf(DomainException.class);
    }
}
