package com.studiobooking.infrastructure.payment;

import static com.studiobooking.infrastructure.payment.StripeTestEvents.SECRET;
import static com.studiobooking.infrastructure.payment.StripeTestEvents.checkoutSession;
import static com.studiobooking.infrastructure.payment.StripeTestEvents.signatureHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void an_event_from_another_api_release_is_still_read() {
        String payload = checkoutSession("checkout.session.completed", OLDER_RELEASE, "paid", "bk-1", "pi_1");
        String header = signatureHeader(payload, SECRET, NOW.getEpochSecond());

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

    /** Stripe sends a string where these are strings, a whole number where these are numbers; nothing else is read as one. */
    @ParameterizedTest
    @MethodSource("fieldsOfTheWrongType")
    void a_field_read_from_the_event_that_holds_another_json_type_is_refused_as_bad_input(String payload) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> deliver(payload));

        assertThat(refused).as(payload).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.field()).isEqualTo("body");
        assertThat(refused.getMessage()).startsWith("is not a Stripe event: ").doesNotContain("Exception", "com.", "java.");
    }

    static Stream<String> fieldsOfTheWrongType() {
        String session = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");
        String withoutReference = checkoutSession("checkout.session.expired", PINNED, "unpaid", null, "pi_1");
        String charge = StripeTestEvents.chargeRefunded(PINNED);
        return Stream.of(
                session.replace("\"id\": \"evt_1Qx7pLKX2m4Ng8vB3ZfjHk01\"", "\"id\": 42"),
                session.replace("\"type\": \"checkout.session.completed\"", "\"type\": 7"),
                session.replace("\"created\": " + StripeTestEvents.CREATED, "\"created\": \"" + StripeTestEvents.CREATED + "\""),
                session.replace("\"created\": " + StripeTestEvents.CREATED, "\"created\": 1767258000.5"),
                session.replace("\"api_version\": \"" + PINNED + "\"", "\"api_version\": {\"release\": \"" + PINNED + "\"}"),
                session.replace("\"amount_total\": 5000", "\"amount_total\": \"5000\""),
                session.replace("\"amount_total\": 5000", "\"amount_total\": 50.5"),
                session.replace("\"amount_total\": 5000", "\"amount_total\": 99999999999999999999"),
                session.replace("\"currency\": \"ron\"", "\"currency\": 946"),
                session.replace("\"client_reference_id\": \"bk-1\"", "\"client_reference_id\": 1"),
                session.replace("\"client_reference_id\": \"bk-1\"", "\"client_reference_id\": {\"id\": \"bk-1\"}"),
                session.replace("\"payment_intent\": \"pi_1\"", "\"payment_intent\": 1"),
                session.replace("\"payment_intent\": \"pi_1\"", "\"payment_intent\": [\"pi_1\"]"),
                session.replace("\"payment_intent\": \"pi_1\"", "\"payment_intent\": {\"id\": 1, \"object\": \"payment_intent\"}"),
                session.replace("\"payment_status\": \"paid\"", "\"payment_status\": true"),
                session.replace("\"id\": \"cs_test_a1B2c3D4e5F6g7H8\"", "\"id\": 5"),
                withoutReference.replace("\"bookingId\": \"bk-1\"", "\"bookingId\": 1"),
                withoutReference.replace("\"metadata\": {\"bookingId\": \"bk-1\", \"studioId\": \"st-1\"}", "\"metadata\": [\"bk-1\"]"),
                charge.replace("\"amount_refunded\": 2000", "\"amount_refunded\": \"2000\""),
                charge.replace("\"currency\": \"ron\"", "\"currency\": null, \"currency\": false"),
                charge.replace("\"payment_intent\": \"pi_3Qx7pLKX2m4Ng8vB0\"", "\"payment_intent\": 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkout.session.completed", "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed", "checkout.session.expired", "charge.refunded"})
    void an_event_of_a_type_we_read_without_its_data_object_or_with_another_kind_of_object_is_refused(String type) {
        for (String data : new String[]{"", "\"data\": null,", "\"data\": {},", "\"data\": {\"object\": null},",
                "\"data\": {\"object\": {\"id\": \"x_1\"}},", "\"data\": {\"object\": {\"id\": \"pi_1\", \"object\": \"payment_intent\"}},",
                "\"data\": {\"object\": {\"id\": \"x_1\", \"object\": 5}},"}) {
            String payload = "{\"id\": \"evt_1\", \"object\": \"event\", \"api_version\": \"" + PINNED + "\", "
                    + data + " \"type\": \"" + type + "\"}";

            DomainException refused = catchThrowableOfType(DomainException.class, () -> deliver(payload));

            assertThat(refused).as(payload).isNotNull();
            assertThat(refused.field()).isEqualTo("body");
            assertThat(refused.getMessage()).isEqualTo("is not a Stripe event: its data.object is not what its type carries");
        }
    }

    /** Types we do not act on are acknowledged whatever object they carry, even none. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\", \"created\": 1767258000, \"data\": {\"object\": {\"id\": \"pi_1\", \"object\": \"payment_intent\", \"amount\": \"odd\"}}}",
            "{\"id\": \"evt_1\", \"type\": \"v2.core.account.updated\", \"created\": 1767258000}",
            "{\"id\": \"evt_1\", \"type\": \"checkout.session.COMPLETED\", \"created\": 1767258000, \"data\": {}}",
            "{\"id\": \"evt_1\", \"type\": \"checkout.session.completed.later\", \"created\": 1767258000, \"data\": {\"object\": null}}"})
    void an_unknown_type_is_other_whatever_it_carries(String payload) {
        assertThat(deliver(payload)).isEqualTo(new PaymentEvent("evt_1", PaymentEvent.Type.OTHER,
                Instant.parse("2026-01-01T09:00:00Z"), null, null, null, null));
    }

    /** Stripe adds fields in new releases; what is not read is not looked at, whatever it holds. */
    @Test
    void unknown_and_unread_fields_are_ignored() {
        String plain = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");
        String extended = plain
                .replace("\"object\": \"event\",", "\"object\": \"event\", \"context\": {\"a\": [1, 2.5, {\"b\": null}]}, \"livemode\": \"maybe\",")
                .replace("\"expires_at\": 1767258000", "\"expires_at\": \"soon\", \"new_in_2027\": [[[]]], \"amount_total_details\": 1e400")
                .replace("\"studioId\": \"st-1\"", "\"studioId\": {\"nested\": true}, \"note\": 7");
        assertThat(extended).isNotEqualTo(plain);

        assertThat(deliver(extended)).isEqualTo(deliver(plain));
        String charge = StripeTestEvents.chargeRefunded(PINNED);
        assertThat(deliver(charge.replace("\"previous_attributes\": {\"amount_refunded\": 0}", "\"previous_attributes\": 5")))
                .isEqualTo(deliver(charge));
    }

    /** Stripe's expandable fields: the id alone or, expanded, the whole object. */
    @Test
    void an_expanded_payment_intent_is_read_by_its_id() {
        String session = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1")
                .replace("\"payment_intent\": \"pi_1\"", "\"payment_intent\": {\"id\": \"pi_9\", \"object\": \"payment_intent\", \"amount\": 5000}");
        String charge = StripeTestEvents.chargeRefunded(PINNED)
                .replace("\"payment_intent\": \"pi_3Qx7pLKX2m4Ng8vB0\"", "\"payment_intent\": {\"id\": \"pi_8\", \"object\": \"payment_intent\"}");

        assertThat(deliver(session).paymentId()).isEqualTo("pi_9");
        assertThat(deliver(charge).paymentId()).isEqualTo("pi_8");
    }

    /**
     * Signed with the right secret (a leaked secret, or a test signing its own), yet built to cost the
     * reader: deep nesting, long numbers, long strings, text after the object, lenient JSON. Refused as bad
     * input, never a StackOverflowError or a 500.
     */
    @ParameterizedTest
    @MethodSource("hostileBodies")
    void a_hostile_signed_body_is_refused_cleanly(String payload) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> deliver(payload));

        assertThat(refused).as(payload.length() > 120 ? payload.substring(0, 120) : payload).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("body");
        assertThat(refused.getMessage()).isEqualTo("is not a Stripe event: it is not a JSON object with an event's fields");
    }

    static Stream<String> hostileBodies() {
        String session = checkoutSession("checkout.session.completed", PINNED, "paid", "bk-1", "pi_1");
        return Stream.of(
                "[".repeat(200_000) + "]".repeat(200_000),
                session.replace("\"url\": null", "\"url\": " + "[".repeat(100_000) + "]".repeat(100_000)),
                session.replace("\"url\": null", "\"url\": " + "{\"a\":".repeat(100) + "1" + "}".repeat(100)),
                session.replace("\"amount_total\": 5000", "\"amount_total\": " + "9".repeat(100_000)),
                session.replace("\"url\": null", "\"url\": 0." + "1".repeat(100_000)),
                session.replace("\"url\": null", "\"url\": \"" + "x".repeat(2_000_000) + "\""),
                session.replace("\"url\": null", "\"" + "k".repeat(100_000) + "\": 1"),
                session + " {\"id\": \"evt_2\"}",
                session + " x",
                "{'id': 'evt_1', 'type': 'customer.created'}",
                "{id: \"evt_1\", type: \"customer.created\"}",
                "{\"id\": \"evt_1\", /* comment */ \"type\": \"customer.created\"}",
                "{\"id\": \"evt_1\", \"type\": \"customer.created\",}",
                "{\"id\": \"evt_1\", \"type\": \"customer.created\"",
                "\uFEFF\u0000{}");
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
