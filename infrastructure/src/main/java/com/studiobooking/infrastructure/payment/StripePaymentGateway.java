package com.studiobooking.infrastructure.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Refund;

/**
 * Card payments with Stripe Checkout: one hosted payment page per booking, refunds on its payment
 * intent. Every write carries the caller's idempotency key, so a retry never creates a second
 * checkout or refund. Failures surface as {@link PaymentProviderException}.
 */
public final class StripePaymentGateway implements PaymentGateway {
    /** Stripe accepts {@code expires_at} from 30 minutes to 24 hours after creation. */
    static final Duration SHORTEST_CHECKOUT = Duration.ofMinutes(30);
    static final Duration LONGEST_CHECKOUT = Duration.ofHours(24);
    /** Kept clear of both limits: Stripe measures them when the request arrives, not when it is sent. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final StripeClient stripe;
    private final Clock clock;

    public StripePaymentGateway(StripeClient stripe, Clock clock) {
        this.stripe = Objects.requireNonNull(stripe, "stripe");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public StripePaymentGateway(StripeClient stripe) {
        this(stripe, Clock.systemUTC());
    }

    /**
     * Creates a Checkout Session (mode payment, one line item). The session expires at the
     * requested time moved into Stripe's window (see {@link #checkoutExpiry}); the returned
     * {@link Checkout#expiresAt()} is Stripe's, and is the one the hold must end at.
     */
    @Override
    public Checkout createCheckout(CheckoutRequest request) {
        Instant expiresAt = checkoutExpiry(request.expiresAt(), clock.instant());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(stripeCurrency(request.amount()))
                                .setUnitAmount(request.amount().amount())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build())
                .setClientReferenceId(request.reference())
                .putMetadata("bookingId", request.reference())
                .putMetadata("studioId", request.studioId())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("bookingId", request.reference())
                        .putMetadata("studioId", request.studioId())
                        .build())
                .setCustomerEmail(request.customerEmail())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(expiresAt.getEpochSecond())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, idempotent(request.idempotencyKey()));
            return new Checkout(session.getId(), session.getUrl(), Instant.ofEpochSecond(session.getExpiresAt()));
        } catch (StripeException e) {
            throw new PaymentProviderException("checkout creation for " + request.reference(), e);
        }
    }

    /** Refunds {@code amount} (all of it when null) of a payment intent. */
    @Override
    public Refund refund(String paymentId, Money amount, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentId)
                .setAmount(amount == null ? null : amount.amount())
                .build();
        try {
            com.stripe.model.Refund refund = stripe.v1().refunds().create(params, idempotent(idempotencyKey));
            return new Refund(refund.getId(), refund.getStatus());
        } catch (StripeException e) {
            throw new PaymentProviderException("refund of " + paymentId, e);
        }
    }

    /**
     * When a checkout asked to end at {@code requested} may end: within Stripe's window of 30 minutes
     * to 24 hours from {@code now} (one minute inside each limit), 24 hours when nothing was asked.
     * A booking that wants a shorter hold still gets 30 minutes; the hold follows the checkout.
     */
    static Instant checkoutExpiry(Instant requested, Instant now) {
        Instant earliest = now.plus(SHORTEST_CHECKOUT).plus(MARGIN);
        Instant latest = now.plus(LONGEST_CHECKOUT).minus(MARGIN);
        Instant wanted = requested == null ? latest : requested;
        Instant allowed = wanted.isBefore(earliest) ? earliest : wanted.isAfter(latest) ? latest : wanted;
        return allowed.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String stripeCurrency(Money amount) {
        return amount.currency().toLowerCase(Locale.ROOT);
    }

    private static RequestOptions idempotent(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
