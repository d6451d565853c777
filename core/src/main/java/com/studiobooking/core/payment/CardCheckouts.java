package com.studiobooking.core.payment;

import com.studiobooking.core.booking.Booking;
import com.studiobooking.core.booking.BookingStore;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.schedule.Scheduler;
import com.studiobooking.core.schedule.TimedJobs;
import com.studiobooking.core.studio.StudioSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Opens the card checkout of a booking that already holds its place (rule 6): the hold lasts until
 * the checkout expires, and a timed job releases it then should the expiry event never arrive.
 */
public final class CardCheckouts {
    public static final Duration HOLD = Duration.ofMinutes(30);
    private static final Duration RELEASE_GRACE = Duration.ofMinutes(2);

    private final PaymentGateway gateway;
    private final BookingStore bookings;
    private final Scheduler scheduler;
    private final String returnUrl;
    private final Clock clock;

    /** @param returnUrl the booking page the client comes back to after paying or cancelling */
    public CardCheckouts(PaymentGateway gateway, BookingStore bookings, Scheduler scheduler, String returnUrl, Clock clock) {
        this.gateway = gateway;
        this.bookings = bookings;
        this.scheduler = scheduler;
        this.returnUrl = returnUrl;
        this.clock = clock;
    }

    public Instant holdUntil() {
        return clock.instant().plus(HOLD);
    }

    /**
     * Creates the checkout for a held booking and records it. When the provider fails, {@code release}
     * gives the place back and the client is told to try again.
     */
    public Booking open(Booking held, StudioSettings studio, Consumer<Booking> release) {
        Checkout checkout;
        try {
            String back = returnUrl + (returnUrl.contains("?") ? "&" : "?") + "studio=" + held.studioId() + "&booking=" + held.bookingId();
            checkout = gateway.createCheckout(new CheckoutRequest(held.bookingId(), held.studioId(), held.price(),
                    held.serviceName() + " — " + studio.name(), held.client().email(), back + "&paid=1", back + "&cancelled=1",
                    held.paymentDueBy(), "checkout-" + held.bookingId()));
        } catch (RuntimeException providerFailed) {
            release.accept(held);
            throw new DomainException(ErrorKind.CONFLICT, "PAYMENT_PROVIDER_UNAVAILABLE",
                    "card payment could not be started; please try again", "paymentMethod", providerFailed);
        }
        Booking withCheckout = new Booking(held.bookingId(), held.studioId(), held.kind(), held.serviceId(),
                held.serviceName(), held.staffId(), held.staffName(), held.locationId(), held.start(), held.end(),
                held.bufferBeforeMinutes(), held.bufferAfterMinutes(), held.client(), held.clientId(), held.paymentMethod(),
                held.status(), held.paymentStatus(), held.price(), held.reference(), checkout.expiresAt(), held.cancellation(),
                held.notes(), held.createdAt(), held.session(), held.walletUse(),
                new Booking.CardPayment(checkout.checkoutId(), checkout.url(), null));
        bookings.attachCheckout(withCheckout);
        scheduler.schedule(TimedJobs.release(held.studioId(), held.bookingId(), checkout.expiresAt().plus(RELEASE_GRACE),
                studio.timezone()));
        return withCheckout;
    }

    /** Refunds a card payment once: the key makes a repeated request a no-op at the provider. */
    public void refund(Booking booking) {
        if (booking.card() == null || booking.card().paymentId() == null) return;
        gateway.refund(booking.card().paymentId(), null, "refund-" + booking.bookingId());
    }
}
