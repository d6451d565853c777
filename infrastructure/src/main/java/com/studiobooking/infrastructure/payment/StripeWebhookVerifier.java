package com.studiobooking.infrastructure.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.infrastructure.config.Secret;

/**
 * Verifies a Stripe webhook on its raw body and reduces the event to a {@link PaymentEvent}.
 *
 * <p>Events whose {@code api_version} belongs to another release than the SDK's (an endpoint created
 * with the wrong version, or the Stripe CLI forwarding in the account's default version) are still
 * read: the SDK then refuses its safe deserialization, and the object is read with
 * {@code deserializeUnsafe()} instead. The few fields used here have been stable across releases.
 */
public final class StripeWebhookVerifier implements WebhookVerifier {
    /** How old a signature may be: Stripe's recommended tolerance against replays (and how far ahead). */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** Stripe's ids: {@code evt_…}, {@code cs_test_…}, {@code pi_…}; 255 is Stripe's own bound for them. */
    private static final Pattern STRIPE_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");
    /** Our booking and purchase ids, as every path id of the API. */
    private static final Pattern OUR_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String secret;
    private final Clock clock;

    public StripeWebhookVerifier(Secret webhookSecret, Clock clock) {
        this.secret = Objects.requireNonNull(webhookSecret, "webhookSecret").value();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PaymentEvent verify(String rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw DomainException.invalid(StripeSignature.HEADER, "is missing");
        }
        String body = rawBody == null ? "" : rawBody;
        // The header is checked on its own first so that a malformed header (which the SDK answers
        // with NumberFormatException and the like) is told apart from a signed body that is not JSON.
        try {
            Webhook.Signature.verifyHeader(body, signatureHeader, secret, TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw DomainException.invalid(StripeSignature.HEADER, "is not valid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw DomainException.invalid(StripeSignature.HEADER, "is malformed");
        }
        refuseTimestampsFromTheFuture(signatureHeader);
        Event event;
        try {
            event = Webhook.constructEvent(body, signatureHeader, secret, TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw DomainException.invalid(StripeSignature.HEADER, "is not valid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw notAnEvent("it is not a JSON object with an event's fields", e);
        }
        if (event == null) throw notAnEvent("it is not a JSON object", null);
        if (event.getId() == null || !STRIPE_ID.matcher(event.getId()).matches()) throw notAnEvent("its id is not a Stripe id", null);
        if (event.getType() == null || event.getType().isBlank()) throw notAnEvent("it has no type", null);
        PaymentEvent read;
        try {
            read = toPaymentEvent(event);
        } catch (RuntimeException e) {
            // the same body fails the same way every time: a 400, not a 500 Stripe would retry for days
            throw notAnEvent("its data.object is not what its type carries", e);
        }
        return ownIds(read);
    }

    /**
     * The SDK only refuses signatures older than the tolerance; one dated further ahead than that was
     * not made by Stripe now (or comes from a badly wrong clock), and would stay replayable for as long.
     */
    private void refuseTimestampsFromTheFuture(String signatureHeader) {
        long latest = clock.instant().plus(TOLERANCE).getEpochSecond();
        for (String item : signatureHeader.split(",")) {
            String[] pair = item.trim().split("=", 2);
            if (pair.length < 2 || !pair[0].equals("t")) continue;
            long timestamp;
            try {
                timestamp = Long.parseLong(pair[1].trim());
            } catch (NumberFormatException e) {
                throw DomainException.invalid(StripeSignature.HEADER, "is malformed");
            }
            if (timestamp > latest) throw DomainException.invalid(StripeSignature.HEADER, "is not valid: its timestamp is in the future");
        }
    }

    /**
     * The ids Stripe makes (event, checkout session, payment intent) are short words; anything else in a
     * signed body is not from Stripe. The reference is ours, set at checkout: one that is not the shape of
     * our ids names none of our bookings (another integration on the same account), so it is dropped.
     */
    private static PaymentEvent ownIds(PaymentEvent event) {
        for (String stripeId : new String[]{event.checkoutId(), event.paymentId()}) {
            if (stripeId != null && !STRIPE_ID.matcher(stripeId).matches()) throw notAnEvent("it carries an id Stripe does not make", null);
        }
        if (event.reference() == null || OUR_ID.matcher(event.reference()).matches()) return event;
        return new PaymentEvent(event.eventId(), event.type(), event.created(), null, event.checkoutId(),
                event.paymentId(), event.amount());
    }

    private static DomainException notAnEvent(String why, Throwable cause) {
        return new DomainException(ErrorKind.VALIDATION, "VALIDATION_FAILED", "is not a Stripe event: " + why, "body", cause);
    }

    private static PaymentEvent toPaymentEvent(Event event) {
        switch (event.getType()) {
            case "checkout.session.completed": {
                Session session = dataObject(event, Session.class);
                return fromSession(event, completedType(session.getPaymentStatus()), session);
            }
            case "checkout.session.async_payment_succeeded":
                return fromSession(event, PaymentEvent.Type.ASYNC_PAYMENT_SUCCEEDED, dataObject(event, Session.class));
            case "checkout.session.async_payment_failed":
                return fromSession(event, PaymentEvent.Type.ASYNC_PAYMENT_FAILED, dataObject(event, Session.class));
            case "checkout.session.expired":
                return fromSession(event, PaymentEvent.Type.CHECKOUT_EXPIRED, dataObject(event, Session.class));
            case "charge.refunded": {
                Charge charge = dataObject(event, Charge.class);
                return new PaymentEvent(event.getId(), PaymentEvent.Type.REFUNDED, created(event),
                        metadata(charge.getMetadata(), "bookingId"), null, charge.getPaymentIntent(),
                        money(charge.getAmountRefunded(), charge.getCurrency()));
            }
            default:
                return new PaymentEvent(event.getId(), PaymentEvent.Type.OTHER, created(event), null, null, null, null);
        }
    }

    /** {@code paid} and {@code no_payment_required} mean done; anything else is still pending. */
    private static PaymentEvent.Type completedType(String paymentStatus) {
        return "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)
                ? PaymentEvent.Type.CHECKOUT_PAID : PaymentEvent.Type.CHECKOUT_PENDING;
    }

    private static PaymentEvent fromSession(Event event, PaymentEvent.Type type, Session session) {
        String reference = session.getClientReferenceId() != null ? session.getClientReferenceId()
                : metadata(session.getMetadata(), "bookingId");
        return new PaymentEvent(event.getId(), type, created(event), reference, session.getId(),
                session.getPaymentIntent(), money(session.getAmountTotal(), session.getCurrency()));
    }

    private static <T extends StripeObject> T dataObject(Event event, Class<T> type) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object;
        try {
            // empty when the event's API release differs from the SDK's, even if the JSON would fit; an event
            // without api_version (hand-written, never Stripe's) makes the SDK's check throw: read it the same way
            object = event.getApiVersion() != null && data.getObject().isPresent() ? data.getObject().get()
                    : data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new IllegalStateException("Stripe event " + event.getId() + " (" + event.getType() + ", API version "
                    + event.getApiVersion() + ") could not be read: " + e.getMessage());
        }
        if (!type.isInstance(object)) {
            throw new IllegalStateException("Stripe event " + event.getId() + " (" + event.getType() + ") carries a "
                    + (object == null ? "null" : object.getClass().getSimpleName()) + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    private static Instant created(Event event) {
        return event.getCreated() == null ? null : Instant.ofEpochSecond(event.getCreated());
    }

    private static String metadata(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    private static Money money(Long amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency.toUpperCase(Locale.ROOT));
    }
}
