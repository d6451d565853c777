package com.studiobooking.infrastructure.payment;

import static com.studiobooking.infrastructure.payment.StripeTestEvents.SECRET;
import static com.studiobooking.infrastructure.payment.StripeTestEvents.checkoutSession;
import static com.studiobooking.infrastructure.payment.StripeTestEvents.signatureHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.stripe.net.Webhook;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.infrastructure.config.Secret;

class StripeWebhookVerifierTest {
    private static final Instant NOW = Instant.parse("2026-01-01T09:00:30Z");
    private static final String PINNED = StripeClients.API_VERSION;
    private static final String OLDER_RELEASE = "2025-03-31.basil";

    private final StripeWebhookVerifier verifier =
            new StripeWebhookVerifier(new Secret(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    private PaymentEvent deliver(String payload) {
        return verifier.verify(payload, signatureHeader(payload, SECRET, NOW.minusSeconds(5).getEpochSecond()));
    }

    @ParameterizedTest(name = "{0} with payment_status {1} -> {2}")
    @CsvSource({
            "checkout.session.completed, paid, CHECKOUT_PAID",
            "checkout.session.completed, unpaid, CHECKOUT_PENDING",
            "checkout.session.completed, no_payment_required, CHECKOUT_PAID",
            "checkout.session.async_payment_succeeded, paid, ASYNC_PAYMENT_SUCCEEDED",
            "checkout.session.async_payment_failed, unpaid, ASYNC_PAYMENT_FAILED",
            "checkout.session.expired, unpaid, CHECKOUT_EXPIRED"})
    void a_signed_checkout_session_event_is_reduced_to_what_the_booking_needs(String type, String paymentStatus,
                                                                               PaymentEvent.Type expected) {
        PaymentEvent event = deliver(checkoutSession(type, PINNED, paymentStatus, "bk-1", "pi_3Qx7pLKX2m4Ng8vB0"));

        assertThat(event).isEqualTo(new PaymentEvent("evt_1Qx7pLKX2m4Ng8vB3ZfjHk01", expected,
                Instant.parse("2026-01-01T09:00:00Z"), "bk-1", "cs_test_a1B2c3D4e5F6g7H8", "pi_3Qx7pLKX2m4Ng8vB0",
                new Money(5000L, "RON")));
    }

    @Test
    void without_a_client_reference_id_the_booking_is_read_from_the_metadata() {
        PaymentEvent event = deliver(checkoutSession("checkout.session.expired", PINNED, "unpaid", null, null));

        assertThat(event.reference()).isEqualTo("bk-1");
        assertThat(event.paymentId()).isNull();
    }

    @Test
    void a_refunded_charge_names_the_booking_from_its_metadata_and_the_payment_intent() {
        PaymentEvent event = deliver(StripeTestEvents.chargeRefunded(PINNED));

        assertThat(event).isEqualTo(new PaymentEvent("evt_3Qx7pLKX2m4Ng8vB0abcDef2", PaymentEvent.Type.REFUNDED,
                Instant.parse("2026-01-01T09:00:00Z"), "bk-1", null, "pi_3Qx7pLKX2m4Ng8vB0", new Money(2000L, "RON")));
    }

    @Test
    void any_other_event_is_acknowledged_as_other() {
        PaymentEvent event = deliver(StripeTestEvents.customerCreated(PINNED));

        assertThat(event).isEqualTo(new PaymentEvent("evt_1Qx7pLKX2m4Ng8vBcust", PaymentEvent.Type.OTHER,
                Instant.parse("2026-01-01T09:00:00Z"), null, null, null, null));
    }

    @Test
    void an_event_from_another_api_release_is_still_read() throws Exception {
        String payload = checkoutSession("checkout.session.completed", OLDER_RELEASE, "paid", "bk-1", "pi_1");
        String header = signatureHeader(payload, SECRET, NOW.getEpochSecond());
        // the pitfall: the SDK's safe deserialization gives nothing for another release
        assertThat(Webhook.constructEvent(payload, header, SECRET, 0).getDataObjectDeserializer().getObject()).isEmpty();

        PaymentEvent event = verifier.verify(payload, header);

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_PAID);
        assertThat(event.reference()).isEqualTo("bk-1");
        assertThat(event.checkoutId()).isEqualTo("cs_test_a1B2c3D4e5F6g7H8");
        assertThat(event.paymentId()).isEqualTo("pi_1");
        assertThat(event.amount()).isEqualTo(new Money(5000L, "RON"));
        assertThat(deliver(StripeTestEvents.chargeRefunded(OLDER_RELEASE)).amount()).isEqualTo(new Money(2000L, "RON"));
    }

    /** Stripe always sends api_version; an event signed by hand (README: sign your own test webhook) may not. */
    @Test
    void an_event_without_an_api_version_is_read_too() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1")
                .replace("\"api_version\": \"" + PINNED + "\",", "");
        assertThat(payload).doesNotContain("api_version");

        PaymentEvent event = deliver(payload);

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_PAID);
        assertThat(event.reference()).isEqualTo("bk-1");
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "unpaid", "bk-1", "pi_1");
        String header = signatureHeader(payload, SECRET, NOW.getEpochSecond());

        assertRefusedSignature(payload.replace("\"unpaid\"", "\"paid\""), header);
    }

    @Test
    void a_signature_older_than_five_minutes_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");

        assertThat(verifier.verify(payload, signatureHeader(payload, SECRET, NOW.minusSeconds(300).getEpochSecond())))
                .isNotNull();
        DomainException refused = assertRefusedSignature(payload,
                signatureHeader(payload, SECRET, NOW.minusSeconds(301).getEpochSecond()));
        assertThat(refused.getMessage()).contains("tolerance");
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");

        assertRefusedSignature(payload, signatureHeader(payload, "whsec_someone_else", NOW.getEpochSecond()));
    }

    @Test
    void a_missing_or_malformed_header_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");

        assertThat(assertRefusedSignature(payload, null).getMessage()).isEqualTo("is missing");
        assertRefusedSignature(payload, " ");
        assertRefusedSignature(payload, "t=yesterday,v1=abc");
        assertRefusedSignature(payload, "t");
        assertRefusedSignature(payload, "t=" + NOW.getEpochSecond());
        assertRefusedSignature(payload, "v1=" + "0".repeat(64));
    }

    @Test
    void a_signed_body_that_is_not_an_event_is_bad_input_not_a_crash() {
        String payload = "not json";

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> verifier.verify(payload, signatureHeader(payload, SECRET, NOW.getEpochSecond())));

        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("body");
    }

    /** Signed with the right secret, so only the body is wrong: 400 on body, never a 500 Stripe would retry. */
    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", "[]", "\"event\"", "42",
            "{\"object\":\"event\",\"type\":\"checkout.session.completed\"}",
            "{\"id\":\"evt_1\",\"object\":\"event\"}",
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}",
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"data\":null}",
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"data\":{}}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"checkout.session.completed\",\"data\":null}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"checkout.session.expired\",\"data\":{}}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"checkout.session.expired\",\"data\":{\"object\":null}}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"charge.refunded\",\"data\":{\"object\":\"ch_1\"}}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"cs_1\",\"object\":\"checkout.session\"}}}",
            "{\"id\":\"evt_1\",\"api_version\":\"2026-07-29.dahlia\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"ch_1\",\"object\":\"charge\"}}}",
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"created\":\"yesterday\"}",
            "{\"id\":42,\"type\":[],\"data\":\"x\"}",
            "{\"id\":\"evt 1\",\"type\":\"customer.created\",\"data\":{\"object\":{\"object\":\"customer\"}}}"})
    void a_signed_body_that_is_not_a_stripe_event_is_refused_as_bad_input(String payload) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> deliver(payload));

        assertThat(refused).as(payload).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("body");
        assertThat(refused.getMessage()).startsWith("is not a Stripe event").doesNotContain("Exception", "com.", "java.");
    }

    @Test
    void an_event_id_or_a_stripe_id_that_stripe_would_not_make_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_" + "1".repeat(300));
        assertThat(catchThrowableOfType(DomainException.class, () -> deliver(payload)).field()).isEqualTo("body");
        String longId = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1")
                .replace("evt_1Qx7pLKX2m4Ng8vB3ZfjHk01", "evt_" + "x".repeat(1024));
        assertThat(catchThrowableOfType(DomainException.class, () -> deliver(longId)).field()).isEqualTo("body");
    }

    /** Another integration on the same Stripe account may use client_reference_id its own way. */
    @Test
    void a_reference_that_cannot_be_one_of_our_ids_names_no_booking() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "order/" + "7".repeat(1024), "pi_1")
                .replace("\"bookingId\": \"bk-1\"", "\"bookingId\": \"../x\"");

        PaymentEvent event = deliver(payload);

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_PAID);
        assertThat(event.reference()).isNull();
    }

    @Test
    void a_signature_dated_more_than_five_minutes_ahead_is_refused() {
        String payload = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");

        assertThat(verifier.verify(payload, signatureHeader(payload, SECRET, NOW.plusSeconds(300).getEpochSecond())))
                .isNotNull();
        DomainException refused = assertRefusedSignature(payload,
                signatureHeader(payload, SECRET, NOW.plusSeconds(301).getEpochSecond()));
        assertThat(refused.getMessage()).contains("future");
        assertRefusedSignature(payload, signatureHeader(payload, SECRET, NOW.plusSeconds(86_400 * 365).getEpochSecond()));
    }

    private DomainException assertRefusedSignature(String payload, String header) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> verifier.verify(payload, header));
        assertThat(refused).as("refused: %s", header).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("Stripe-Signature");
        assertThat(refused.getMessage()).doesNotContain(SECRET);
        return refused;
    }
}
