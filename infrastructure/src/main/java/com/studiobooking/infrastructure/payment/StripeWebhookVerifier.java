package com.studiobooking.infrastructure.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.stripe.exception.SignatureVerificationException;
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
 * <p>stripe-java checks only the signature ({@link Webhook.Signature#verifyHeader}, an HMAC); the signed
 * body is then read here as a Jackson tree (the functions load Jackson for every request anyway), not
 * through stripe-java's {@code Event} model, whose Gson parsing loaded 311 {@code com.stripe.model} and 155
 * Gson classes on a function's first webhook (issue 16, docs/benchmarks.md). Only the fields below are
 * read; every other field is ignored, whatever it holds:
 * <ul>
 *   <li>the event: {@code id}, {@code type}, {@code created}, {@code data.object};</li>
 *   <li>a {@code checkout.session}: {@code id}, {@code client_reference_id}, {@code metadata.bookingId},
 *       {@code payment_intent}, {@code amount_total}, {@code currency}, {@code payment_status};</li>
 *   <li>a {@code charge}: {@code metadata.bookingId}, {@code payment_intent}, {@code amount_refunded},
 *       {@code currency}.</li>
 * </ul>
 * These paths are the same across API releases (the event envelope and long-standing fields of both
 * objects; the breaking changes in Stripe's changelog that touch Checkout Sessions move other fields, e.g.
 * {@code shipping_details} in 2025-03-31.basil, or change when a value is set: since 2022-08-01
 * {@code payment_intent} stays null until the session is paid), so an event whose {@code api_version} is
 * another release than the pinned {@link StripeClients#API_VERSION} (an endpoint created with another
 * version, or the Stripe CLI forwarding in the account's default one), or that has none (signed by hand),
 * is read the same way; the tests read the pinned release, 2025-03-31.basil, 2024-06-20 (the shaded-jar
 * test) and none. {@code payment_intent} may come as an id or, expanded, as an object with an {@code id}.
 * The object's own {@code object} field must name what the event type carries.
 *
 * <p>Reading is strict about the fields it reads: a string where Stripe sends a string, a whole number
 * that fits a {@code long} where it sends a number (Gson, which read them before, also took {@code 42} for
 * a string and {@code "42"} for a number, and lenient JSON; Stripe sends neither). The body's nesting,
 * numbers and strings are bounded ({@link #LIMITS}), so a hostile signed body is refused as bad input
 * before it costs deep recursion or a big-number parse.
 */
public final class StripeWebhookVerifier implements WebhookVerifier {
    /** How old a signature may be: Stripe's recommended tolerance against replays (and how far ahead). */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** Stripe's ids: {@code evt_…}, {@code cs_test_…}, {@code pi_…}; 255 is Stripe's own bound for them. */
    private static final Pattern STRIPE_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");
    /** Our booking and purchase ids, as every path id of the API. */
    private static final Pattern OUR_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * Far above any Stripe event (about 6 levels deep, 64-bit numbers, metadata values of at most 500
     * characters, URLs of a few thousand), far below Jackson's defaults (1,000 levels, 1,000 digits,
     * 20 M characters).
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(50)
            .maxStringLength(100_000)
            .maxNameLength(1_000)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String NOT_AN_EVENT_OBJECT = "it is not a JSON object with an event's fields";
    private static final String NOT_WHAT_IT_CARRIES = "its data.object is not what its type carries";

    private final Supplier<Secret> secret;
    private final Clock clock;

    public StripeWebhookVerifier(Secret webhookSecret, Clock clock) {
        this(constant(Objects.requireNonNull(webhookSecret, "webhookSecret")), clock);
    }

    /**
     * With the signing secret read when the first signed delivery is checked, not before: a delivery without a
     * signature is refused without it, and building the verifier (SnapStart priming, init) reads nothing.
     */
    public StripeWebhookVerifier(Supplier<Secret> webhookSecret, Clock clock) {
        this.secret = Objects.requireNonNull(webhookSecret, "webhookSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Supplier<Secret> constant(Secret secret) {
        return () -> secret;
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
            Webhook.Signature.verifyHeader(body, signatureHeader, secret.get().value(), TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw DomainException.invalid(StripeSignature.HEADER, "is not valid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw DomainException.invalid(StripeSignature.HEADER, "is malformed");
        }
        refuseTimestampsFromTheFuture(signatureHeader);

        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw notAnEvent(NOT_AN_EVENT_OBJECT, e);
        }
        // as before: an empty body or null was no event for stripe-java's reader either
        if (event == null || event.isNull() || event.isMissingNode()) throw notAnEvent(NOT_AN_EVENT_OBJECT, null);
        String id;
        String type;
        Long created;
        JsonNode object;
        try {
            if (!event.isObject()) throw new Unreadable("the body is not an object");
            id = text(event, "id");
            type = text(event, "type");
            created = whole(event, "created");
            text(event, "api_version");
            object = objectOrNull(objectOrNull(event, "data"), "object");
        } catch (Unreadable e) {
            throw notAnEvent(NOT_AN_EVENT_OBJECT, e);
        }
        if (id == null || !STRIPE_ID.matcher(id).matches()) throw notAnEvent("its id is not a Stripe id", null);
        if (type == null || type.isBlank()) throw notAnEvent("it has no type", null);
        PaymentEvent read;
        try {
            read = toPaymentEvent(id, type, created == null ? null : Instant.ofEpochSecond(created), object);
        } catch (RuntimeException e) {
            // the same body fails the same way every time: a 400, not a 500 Stripe would retry for days
            throw notAnEvent(NOT_WHAT_IT_CARRIES, e);
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

    private static PaymentEvent toPaymentEvent(String id, String type, Instant created, JsonNode object) {
        switch (type) {
            case "checkout.session.completed": {
                JsonNode session = dataObject(object, "checkout.session");
                return fromSession(id, completedType(text(session, "payment_status")), created, session);
            }
            case "checkout.session.async_payment_succeeded":
                return fromSession(id, PaymentEvent.Type.ASYNC_PAYMENT_SUCCEEDED, created, dataObject(object, "checkout.session"));
            case "checkout.session.async_payment_failed":
                return fromSession(id, PaymentEvent.Type.ASYNC_PAYMENT_FAILED, created, dataObject(object, "checkout.session"));
            case "checkout.session.expired":
                return fromSession(id, PaymentEvent.Type.CHECKOUT_EXPIRED, created, dataObject(object, "checkout.session"));
            case "charge.refunded": {
                JsonNode charge = dataObject(object, "charge");
                return new PaymentEvent(id, PaymentEvent.Type.REFUNDED, created, bookingId(charge), null,
                        expandableId(charge, "payment_intent"), money(whole(charge, "amount_refunded"), text(charge, "currency")));
            }
            default:
                return new PaymentEvent(id, PaymentEvent.Type.OTHER, created, null, null, null, null);
        }
    }

    /** {@code paid} and {@code no_payment_required} mean done; anything else is still pending. */
    private static PaymentEvent.Type completedType(String paymentStatus) {
        return "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)
                ? PaymentEvent.Type.CHECKOUT_PAID : PaymentEvent.Type.CHECKOUT_PENDING;
    }

    private static PaymentEvent fromSession(String eventId, PaymentEvent.Type type, Instant created, JsonNode session) {
        String clientReference = text(session, "client_reference_id");
        String reference = clientReference != null ? clientReference : bookingId(session);
        return new PaymentEvent(eventId, type, created, reference, text(session, "id"),
                expandableId(session, "payment_intent"), money(whole(session, "amount_total"), text(session, "currency")));
    }

    /** {@code data.object}, which must be the kind of Stripe object ({@code "object": "charge"}, …) the type carries. */
    private static JsonNode dataObject(JsonNode object, String kind) {
        if (object == null) throw new Unreadable("no data.object");
        if (!kind.equals(text(object, "object"))) throw new Unreadable("data.object is not a " + kind);
        return object;
    }

    private static String bookingId(JsonNode object) {
        return text(objectOrNull(object, "metadata"), "bookingId");
    }

    /** An expandable field: the id, or (expanded) the object with its {@code id}. */
    private static String expandableId(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value != null && value.isObject()) return text(value, "id");
        return text(parent, field);
    }

    /** The field's string; null when absent or null (or when {@code parent} is). */
    private static String text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new Unreadable(field + " is not a string");
        return value.textValue();
    }

    /** The field's whole number; null when absent or null. */
    private static Long whole(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw new Unreadable(field + " is not a whole number");
        return value.longValue();
    }

    /** The field's object; null when absent or null (or when {@code parent} is). */
    private static JsonNode objectOrNull(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isObject()) throw new Unreadable(field + " is not an object");
        return value;
    }

    private static Money money(Long amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency.toUpperCase(Locale.ROOT));
    }

    /** A field of the signed body that is not what Stripe sends there. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
