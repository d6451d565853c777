package com.studiobooking.infrastructure.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Refund;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents.CheckoutSession;

/**
 * Card payments for the local runtime when no Stripe keys are configured. A checkout is kept in
 * memory and "hosted" at {@code <baseUrl>/_dev/checkout/<checkoutId>}; that page asks this class for
 * the signed webhook its Pay or Cancel button should POST to {@code /webhooks/stripe}. It behaves as
 * Stripe does where the booking can tell: same id shapes, same expiry window, idempotency keys,
 * one outcome per checkout, refunds only of what was paid.
 *
 * <p>Cancel on the local page expires the checkout at once (on Stripe it stays open until
 * {@code expires_at}), so a tester sees the hold released without waiting. The runtime should also
 * send {@link #expireEvent} for checkouts left open past their {@code expiresAt}, as Stripe would.
 */
public final class LocalPaymentGateway implements PaymentGateway {
    private enum Status { OPEN, PAID, EXPIRED }

    private final String baseUrl;
    private final LocalCheckoutEvents events;
    private final Clock clock;
    private final Consumer<SignedWebhook> refundEvents;

    private final Map<String, Entry> checkouts = new HashMap<>();
    private final Map<String, String> checkoutByIdempotencyKey = new HashMap<>();
    private final Map<String, String> checkoutByPayment = new HashMap<>();
    private final Map<String, Refund> refundsByIdempotencyKey = new HashMap<>();

    /**
     * @param baseUrl      where the local runtime serves {@code /_dev/checkout/…}, e.g. {@code http://127.0.0.1:3000}
     * @param refundEvents receives a signed {@code charge.refunded} after each new refund; it is called
     *                     while the refund is being requested, so it should deliver the webhook later
     *                     (another thread), as Stripe does
     */
    public LocalPaymentGateway(String baseUrl, LocalCheckoutEvents events, Clock clock,
                               Consumer<SignedWebhook> refundEvents) {
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refundEvents = Objects.requireNonNull(refundEvents, "refundEvents");
    }

    public LocalPaymentGateway(String baseUrl, LocalCheckoutEvents events, Clock clock) {
        this(baseUrl, events, clock, event -> { });
    }

    /** A repeated idempotency key returns the first checkout, as Stripe does. */
    @Override
    public synchronized Checkout createCheckout(CheckoutRequest request) {
        String existing = checkoutByIdempotencyKey.get(request.idempotencyKey());
        if (existing != null) return checkouts.get(existing).checkout();

        Instant now = clock.instant();
        CheckoutSession session = new CheckoutSession(LocalCheckoutEvents.newId("cs_local_"),
                LocalCheckoutEvents.newId("pi_local_"), request, now,
                StripePaymentGateway.checkoutExpiry(request.expiresAt(), now));
        Entry entry = new Entry(session, baseUrl + "/_dev/checkout/" + session.checkoutId());
        checkouts.put(session.checkoutId(), entry);
        checkoutByPayment.put(session.paymentId(), session.checkoutId());
        if (request.idempotencyKey() != null) checkoutByIdempotencyKey.put(request.idempotencyKey(), session.checkoutId());
        return entry.checkout();
    }

    /** What the local checkout page shows: the request as the booking made it; empty for an unknown id. */
    public synchronized Optional<CheckoutRequest> checkout(String checkoutId) {
        return Optional.ofNullable(checkouts.get(checkoutId)).map(entry -> entry.session.request());
    }

    /**
     * The signed {@code checkout.session.completed} (paid) to POST for the Pay button. Asking again
     * gives the same event, freshly signed, like a Stripe redelivery.
     *
     * @throws DomainException NOT_FOUND for an unknown checkout, CONFLICT {@code CHECKOUT_EXPIRED}
     *         when it expired (or its time ran out) before being paid
     */
    public synchronized SignedWebhook payEvent(String checkoutId) {
        Entry entry = entry(checkoutId);
        boolean timeRanOut = !clock.instant().isBefore(entry.session.expiresAt());
        if (entry.status == Status.EXPIRED || entry.status == Status.OPEN && timeRanOut) {
            throw DomainException.conflict("CHECKOUT_EXPIRED", "This checkout has expired", null);
        }
        if (entry.status == Status.OPEN) {
            entry.status = Status.PAID;
            entry.outcomeEvent = events.paid(entry.session);
        }
        return events.sign(entry.outcomeEvent);
    }

    /**
     * The signed {@code checkout.session.expired} for the Cancel button or a checkout past its time.
     * Asking again gives the same event, freshly signed.
     *
     * @throws DomainException NOT_FOUND for an unknown checkout, CONFLICT {@code CHECKOUT_PAID} once paid
     */
    public synchronized SignedWebhook expireEvent(String checkoutId) {
        Entry entry = entry(checkoutId);
        if (entry.status == Status.PAID) {
            throw DomainException.conflict("CHECKOUT_PAID", "This checkout has been paid", null);
        }
        if (entry.status == Status.OPEN) {
            entry.status = Status.EXPIRED;
            entry.outcomeEvent = events.expired(entry.session);
        }
        return events.sign(entry.outcomeEvent);
    }

    /**
     * Records a refund of a paid local checkout and hands a signed {@code charge.refunded} to the
     * listener. A repeated idempotency key returns the first refund and sends nothing.
     *
     * @throws PaymentProviderException as Stripe answers: unknown or unpaid payment, or more than is left
     */
    @Override
    public synchronized Refund refund(String paymentId, Money amount, String idempotencyKey) {
        Refund earlier = idempotencyKey == null ? null : refundsByIdempotencyKey.get(idempotencyKey);
        if (earlier != null) return earlier;

        String checkoutId = checkoutByPayment.get(paymentId);
        Entry entry = checkoutId == null ? null : checkouts.get(checkoutId);
        if (entry == null || entry.status != Status.PAID) {
            throw new PaymentProviderException("Local refund failed: HTTP 400 invalid_request_error, code resource_missing:"
                    + " no paid payment " + paymentId, 400, "invalid_request_error", "resource_missing");
        }
        long paid = entry.session.request().amount().amount();
        long refunding = amount == null ? paid - entry.refunded : amount.amount();
        if (refunding <= 0 || entry.refunded + refunding > paid) {
            String code = entry.refunded >= paid ? "charge_already_refunded" : "amount_too_large";
            throw new PaymentProviderException("Local refund failed: HTTP 400 invalid_request_error, code " + code
                    + ": cannot refund " + refunding + " of " + paymentId + " (paid " + paid + ", refunded "
                    + entry.refunded + ")", 400, "invalid_request_error", code);
        }
        entry.refunded += refunding;
        Refund refund = new Refund(LocalCheckoutEvents.newId("re_local_"), "succeeded");
        if (idempotencyKey != null) refundsByIdempotencyKey.put(idempotencyKey, refund);
        refundEvents.accept(events.sign(events.refunded(entry.session, entry.chargeId, entry.refunded)));
        return refund;
    }

    private Entry entry(String checkoutId) {
        Entry entry = checkouts.get(checkoutId);
        if (entry == null) throw DomainException.notFound("Checkout");
        return entry;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One checkout's state; guarded by the gateway's lock. */
    private static final class Entry {
        final CheckoutSession session;
        final String url;
        final String chargeId = LocalCheckoutEvents.newId("ch_local_");
        Status status = Status.OPEN;
        String outcomeEvent;
        long refunded;

        Entry(CheckoutSession session, String url) {
            this.session = session;
            this.url = url;
        }

        Checkout checkout() {
            return new Checkout(session.checkoutId(), url, session.expiresAt());
        }
    }
}
