package com.studiobooking.core.usecase.checkout;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Card payments through a checkout page (rule 6): opening the checkout of a booking that already holds
 * its place (the hold lasts until the checkout expires, never past the start, and a timed job releases
 * it should the expiry event never arrive), and refunds, asked for with one idempotency key per booking
 * and retried by a timed job until the provider accepts them.
 */
public final class CardCheckouts {
    /** How long a card hold lasts; also the shortest checkout the provider (Stripe) accepts. */
    public static final Duration HOLD = Duration.ofMinutes(30);
    private static final Duration RELEASE_GRACE = Duration.ofMinutes(2);
    /** Waits between refund attempts: the last one repeats. */
    private static final List<Duration> REFUND_RETRIES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(12));

    private final PaymentGateway gateway;
    private final BookingStore bookings;
    private final Scheduler scheduler;
    private final ManageLinks returnTo;
    private final Clock clock;

    /**
     * @param returnTo makes the page the client comes back to after paying or cancelling: the booking's manage
     *                 page with {@code paid=1} or {@code cancelled=1}, its access token in the fragment, so a client
     *                 who pays from an e-mail in another browser still sees their booking
     *                 (docs/decisions/manage-link.md)
     */
    public CardCheckouts(PaymentGateway gateway, BookingStore bookings, Scheduler scheduler, ManageLinks returnTo,
                         Clock clock) {
        this.gateway = gateway;
        this.bookings = bookings;
        this.scheduler = scheduler;
        this.returnTo = returnTo;
        this.clock = clock;
    }

    /**
     * When the hold of a card booking starting at {@code start} ends: a checkout's life, which must fit
     * before the start (a payment after the start is refunded, never accepted).
     */
    public Instant holdUntil(Instant start) {
        Instant until = clock.instant().plus(HOLD);
        if (until.isAfter(start)) {
            throw DomainException.policy("CARD_PAYMENT_CLOSED", "card payment closes " + HOLD.toMinutes()
                    + " minutes before the start; choose another payment method", "paymentMethod");
        }
        return until;
    }

    /**
     * Creates the checkout for a held booking and records it. When the provider fails, {@code release}
     * gives the place back and the client is told to try again.
     */
    public Booking open(Booking held, StudioSettings studio, Consumer<Booking> release) {
        Checkout checkout;
        try {
            checkout = gateway.createCheckout(new CheckoutRequest(held.bookingId(), held.studioId(), held.price(),
                    held.serviceName() + " — " + studio.name(), held.client().email(), returnTo.afterCheckout(held, true),
                    returnTo.afterCheckout(held, false),
                    held.paymentDueBy(), "checkout-" + held.bookingId()));
        } catch (RuntimeException providerFailed) {
            release.accept(held);
            throw new DomainException(ErrorKind.CONFLICT, "PAYMENT_PROVIDER_UNAVAILABLE",
                    "card payment could not be started; please try again", "paymentMethod", providerFailed);
        }
        Instant expiresAt = checkout.expiresAt().isAfter(held.paymentDueBy()) ? held.paymentDueBy() : checkout.expiresAt();
        Booking withCheckout = held.withCheckout(new Booking.CardPayment(checkout.checkoutId(), checkout.url(), null), expiresAt);
        // a payment or release that overtook this write decides the booking; the checkout is then moot
        Booking current = bookings.save(withCheckout) ? withCheckout : bookings.find(held.bookingId()).orElse(withCheckout);
        scheduler.schedule(TimedJobs.release(held.studioId(), held.bookingId(), expiresAt.plus(RELEASE_GRACE),
                studio.timezone()));
        return current;
    }

    /**
     * Asks the provider to refund the booking's card payment in full; true when it accepted. The key
     * {@code refund-<bookingId>} makes every repeat of the request one refund at most. When the provider
     * fails, a timed job asks again later (attempt {@code attempt + 1}); the booking stays REFUND_PENDING.
     */
    public boolean refund(Booking pending, String zone, int attempt) {
        if (pending.card() == null || pending.card().paymentId() == null) return false;
        try {
            gateway.refund(pending.card().paymentId(), null, "refund-" + pending.bookingId());
            scheduler.cancel(TimedJobs.refundName(pending.bookingId()));
            return true;
        } catch (RuntimeException providerFailed) {
            Duration wait = REFUND_RETRIES.get(Math.min(attempt, REFUND_RETRIES.size() - 1));
            scheduler.schedule(TimedJobs.refund(pending.studioId(), pending.bookingId(), attempt + 1,
                    clock.instant().plus(wait), zone));
            return false;
        }
    }
}
