package com.studiobooking.infrastructure.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.core.port.Refund;
import com.studiobooking.infrastructure.config.Secret;

class LocalPaymentGatewayTest {
    private static final Secret SECRET = new Secret("whsec_local_dev");
    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    private static final CheckoutRequest REQUEST = new CheckoutRequest("bk-1", "st-1", new Money(5000L, "RON"),
            "Vinyasa, 1 Dec 18:00", "ana@example.com", "http://127.0.0.1:3000/bookings/bk-1?paid=1",
            "http://127.0.0.1:3000/bookings/bk-1?cancelled=1", NOW.plus(Duration.ofMinutes(45)), "book-bk-1");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<SignedWebhook> refundEvents = new ArrayList<>();
    private final LocalPaymentGateway gateway = new LocalPaymentGateway("http://127.0.0.1:3000/",
            new LocalCheckoutEvents(SECRET, clock), clock, refundEvents::add);
    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(SECRET, clock);

    @Test
    void a_checkout_is_hosted_on_the_local_dev_page() {
        Checkout checkout = gateway.createCheckout(REQUEST);

        assertThat(checkout.checkoutId()).matches("cs_local_[0-9a-f]{32}");
        assertThat(checkout.url()).isEqualTo("http://127.0.0.1:3000/_dev/checkout/" + checkout.checkoutId());
        assertThat(checkout.expiresAt()).isEqualTo(REQUEST.expiresAt());
        assertThat(gateway.checkout(checkout.checkoutId())).contains(REQUEST);
        assertThat(gateway.checkout("cs_local_unknown")).isEmpty();
    }

    @Test
    void a_repeated_idempotency_key_returns_the_first_checkout_even_in_parallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Checkout>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) results.add(pool.submit(() -> gateway.createCheckout(REQUEST)));
            Set<Checkout> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Checkout> result : results) distinct.add(result.get());
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_local_expiry_follows_stripes_window() {
        Checkout checkout = gateway.createCheckout(withExpiry(NOW.plus(Duration.ofMinutes(5)), "k-short"));

        assertThat(checkout.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(31)));
    }

    @Test
    void the_pay_event_passes_the_real_webhook_verification_as_a_paid_checkout() {
        Checkout checkout = gateway.createCheckout(REQUEST);
        clock.advance(Duration.ofMinutes(2));

        SignedWebhook webhook = gateway.payEvent(checkout.checkoutId());
        PaymentEvent event = verifier.verify(webhook.payload(), webhook.signatureHeader());

        assertThat(event.eventId()).matches("evt_local_[0-9a-f]{32}");
        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_PAID);
        assertThat(event.created()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(event.reference()).isEqualTo("bk-1");
        assertThat(event.checkoutId()).isEqualTo(checkout.checkoutId());
        assertThat(event.paymentId()).matches("pi_local_[0-9a-f]{32}");
        assertThat(event.amount()).isEqualTo(new Money(5000L, "RON"));
    }

    @Test
    void local_events_have_stripes_shape_for_the_pinned_api_version() throws Exception {
        Checkout checkout = gateway.createCheckout(REQUEST);
        SignedWebhook webhook = gateway.payEvent(checkout.checkoutId());

        JsonObject event = JsonParser.parseString(webhook.payload()).getAsJsonObject();
        assertThat(event.get("object").getAsString()).isEqualTo("event");
        assertThat(event.get("api_version").getAsString()).isEqualTo("2026-07-29.dahlia");
        assertThat(event.get("type").getAsString()).isEqualTo("checkout.session.completed");
        JsonObject session = event.getAsJsonObject("data").getAsJsonObject("object");
        assertThat(session.keySet()).contains("id", "object", "client_reference_id", "metadata", "payment_intent",
                "payment_status", "amount_total", "currency", "expires_at", "mode", "status", "url");
        assertThat(session.get("object").getAsString()).isEqualTo("checkout.session");
        assertThat(session.get("currency").getAsString()).isEqualTo("ron");
        assertThat(session.get("payment_status").getAsString()).isEqualTo("paid");
        assertThat(session.get("url").isJsonNull()).isTrue();

        // the SDK reads it with its safe, same-version deserialization
        Event parsed = Webhook.constructEvent(webhook.payload(), webhook.signatureHeader(), SECRET.value(), 300, clock);
        Session typed = (Session) parsed.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(typed.getClientReferenceId()).isEqualTo("bk-1");
        assertThat(typed.getMetadata()).containsEntry("bookingId", "bk-1").containsEntry("studioId", "st-1");
        assertThat(typed.getCustomerEmail()).isEqualTo("ana@example.com");
        assertThat(typed.getExpiresAt()).isEqualTo(checkout.expiresAt().getEpochSecond());
    }

    @Test
    void paying_again_redelivers_the_same_event_freshly_signed() {
        Checkout checkout = gateway.createCheckout(REQUEST);
        SignedWebhook first = gateway.payEvent(checkout.checkoutId());
        clock.advance(Duration.ofMinutes(10));

        SignedWebhook again = gateway.payEvent(checkout.checkoutId());

        assertThat(again.payload()).isEqualTo(first.payload());
        assertThat(again.signatureHeader()).isNotEqualTo(first.signatureHeader());
        assertThat(verifier.verify(again.payload(), again.signatureHeader()).eventId())
                .isEqualTo(verifier.verify(first.payload(), StripeSignature.sign(first.payload(), SECRET.value(),
                        clock.instant())).eventId());
    }

    @Test
    void cancelling_expires_the_checkout_and_it_can_no_longer_be_paid() {
        Checkout checkout = gateway.createCheckout(REQUEST);

        SignedWebhook webhook = gateway.expireEvent(checkout.checkoutId());
        PaymentEvent event = verifier.verify(webhook.payload(), webhook.signatureHeader());

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_EXPIRED);
        assertThat(event.reference()).isEqualTo("bk-1");
        assertThat(event.checkoutId()).isEqualTo(checkout.checkoutId());
        assertThat(event.paymentId()).isNull();
        assertConflict(() -> gateway.payEvent(checkout.checkoutId()), "CHECKOUT_EXPIRED");
    }

    @Test
    void a_checkout_past_its_time_cannot_be_paid_and_a_paid_one_cannot_expire() {
        Checkout late = gateway.createCheckout(REQUEST);
        Checkout paid = gateway.createCheckout(withExpiry(REQUEST.expiresAt(), "k-2"));
        gateway.payEvent(paid.checkoutId());
        clock.advance(Duration.ofMinutes(45));

        assertConflict(() -> gateway.payEvent(late.checkoutId()), "CHECKOUT_EXPIRED");
        assertThat(gateway.expireEvent(late.checkoutId())).isNotNull();
        assertConflict(() -> gateway.expireEvent(paid.checkoutId()), "CHECKOUT_PAID");
        assertThat(catchThrowableOfType(DomainException.class, () -> gateway.payEvent("cs_local_nope")).code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void a_refund_is_recorded_once_per_key_and_announced_as_a_refunded_charge() {
        Checkout checkout = gateway.createCheckout(REQUEST);
        SignedWebhook payment = gateway.payEvent(checkout.checkoutId());
        String paymentId = verifier.verify(payment.payload(), payment.signatureHeader()).paymentId();

        Refund refund = gateway.refund(paymentId, new Money(2000L, "RON"), "cancel-bk-1");
        Refund repeated = gateway.refund(paymentId, new Money(2000L, "RON"), "cancel-bk-1");

        assertThat(refund.refundId()).matches("re_local_[0-9a-f]{32}");
        assertThat(refund.status()).isEqualTo("succeeded");
        assertThat(repeated).isEqualTo(refund);
        assertThat(refundEvents).hasSize(1);
        PaymentEvent event = verifier.verify(refundEvents.get(0).payload(), refundEvents.get(0).signatureHeader());
        assertThat(event.type()).isEqualTo(PaymentEvent.Type.REFUNDED);
        assertThat(event.reference()).isEqualTo("bk-1");
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.amount()).isEqualTo(new Money(2000L, "RON"));

        gateway.refund(paymentId, null, "refund-rest");
        PaymentEvent rest = verifier.verify(refundEvents.get(1).payload(), refundEvents.get(1).signatureHeader());
        assertThat(rest.amount()).isEqualTo(new Money(5000L, "RON"));
        assertThat(rest.eventId()).isNotEqualTo(event.eventId());
    }

    @Test
    void only_what_was_paid_can_be_refunded() {
        Checkout unpaid = gateway.createCheckout(REQUEST);
        Checkout paid = gateway.createCheckout(withExpiry(REQUEST.expiresAt(), "k-2"));
        SignedWebhook payment = gateway.payEvent(paid.checkoutId());
        String paidId = verifier.verify(payment.payload(), payment.signatureHeader()).paymentId();

        assertThat(catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.refund("pi_local_unknown", null, "r-1")).code()).isEqualTo("resource_missing");
        assertThat(gateway.checkout(unpaid.checkoutId())).isPresent();
        assertThat(catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.refund(paidId, new Money(6000L, "RON"), "r-2")).code()).isEqualTo("amount_too_large");
        gateway.refund(paidId, null, "r-3");
        assertThat(catchThrowableOfType(PaymentProviderException.class,
                () -> gateway.refund(paidId, null, "r-4")).code()).isEqualTo("charge_already_refunded");
        assertThat(refundEvents).hasSize(1);
    }

    private static CheckoutRequest withExpiry(Instant expiresAt, String idempotencyKey) {
        return new CheckoutRequest(REQUEST.reference(), REQUEST.studioId(), REQUEST.amount(), REQUEST.description(),
                REQUEST.customerEmail(), REQUEST.successUrl(), REQUEST.cancelUrl(), expiresAt, idempotencyKey);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        DomainException refused = catchThrowableOfType(DomainException.class, call);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(code);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) { this.now = now; }

        void advance(Duration by) { now = now.plus(by); }

        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
    }
}
