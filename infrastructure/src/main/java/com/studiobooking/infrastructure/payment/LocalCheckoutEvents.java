package com.studiobooking.infrastructure.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.infrastructure.config.Secret;

/**
 * Stripe-shaped webhook events for the local checkout: the same JSON structure Stripe sends for the
 * pinned API version (an {@code event} whose {@code data.object} is a {@code checkout.session} or a
 * {@code charge}), signed as Stripe signs them. Posted to the local runtime's own
 * {@code /webhooks/stripe}, they take the real verification path through {@link StripeWebhookVerifier}.
 */
public final class LocalCheckoutEvents {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final String secret;
    private final Clock clock;

    public LocalCheckoutEvents(Secret webhookSecret, Clock clock) {
        this.secret = Objects.requireNonNull(webhookSecret, "webhookSecret").value();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A local Checkout Session: what was asked, and the ids Stripe would have given it. */
    public record CheckoutSession(String checkoutId, String paymentId, CheckoutRequest request, Instant created,
                                  Instant expiresAt) {
    }

    /** {@code checkout.session.completed} with {@code payment_status} {@code paid}: the Pay button. */
    public String paid(CheckoutSession session) {
        return event("checkout.session.completed", checkoutSession(session, "complete", "paid", session.paymentId()));
    }

    /** {@code checkout.session.expired}: the checkout ran out, or the client gave up on the local page. */
    public String expired(CheckoutSession session) {
        return event("checkout.session.expired", checkoutSession(session, "expired", "unpaid", null));
    }

    /** {@code charge.refunded} for the session's payment; {@code amountRefunded} is the total so far. */
    public String refunded(CheckoutSession session, String chargeId, long amountRefunded) {
        CheckoutRequest request = session.request();
        long amount = request.amount().amount();
        JsonObject charge = new JsonObject();
        charge.addProperty("id", chargeId);
        charge.addProperty("object", "charge");
        charge.addProperty("amount", amount);
        charge.addProperty("amount_captured", amount);
        charge.addProperty("amount_refunded", amountRefunded);
        charge.addProperty("captured", true);
        charge.addProperty("created", session.created().getEpochSecond());
        charge.addProperty("currency", currency(request));
        charge.addProperty("livemode", false);
        charge.add("metadata", metadata(request));
        charge.addProperty("paid", true);
        charge.addProperty("payment_intent", session.paymentId());
        charge.addProperty("refunded", amountRefunded >= amount);
        charge.addProperty("status", "succeeded");
        return event("charge.refunded", charge);
    }

    /** Signs {@code payload} now, as Stripe signs each delivery (a redelivery gets a fresh timestamp). */
    public SignedWebhook sign(String payload) {
        return new SignedWebhook(payload, StripeSignature.sign(payload, secret, clock.instant()));
    }

    private String event(String type, JsonObject object) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);

        JsonObject event = new JsonObject();
        event.addProperty("id", newId("evt_local_"));
        event.addProperty("object", "event");
        event.addProperty("api_version", StripeClients.API_VERSION);
        event.addProperty("created", clock.instant().getEpochSecond());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.add("request", request);
        event.addProperty("type", type);
        return GSON.toJson(event);
    }

    private static JsonObject checkoutSession(CheckoutSession session, String status, String paymentStatus,
                                              String paymentIntent) {
        CheckoutRequest request = session.request();
        JsonObject customer = new JsonObject();
        customer.addProperty("email", request.customerEmail());

        JsonObject object = new JsonObject();
        object.addProperty("id", session.checkoutId());
        object.addProperty("object", "checkout.session");
        object.addProperty("amount_subtotal", request.amount().amount());
        object.addProperty("amount_total", request.amount().amount());
        object.addProperty("cancel_url", request.cancelUrl());
        object.addProperty("client_reference_id", request.reference());
        object.addProperty("created", session.created().getEpochSecond());
        object.addProperty("currency", currency(request));
        object.add("customer_details", customer);
        object.addProperty("customer_email", request.customerEmail());
        object.addProperty("expires_at", session.expiresAt().getEpochSecond());
        object.addProperty("livemode", false);
        object.add("metadata", metadata(request));
        object.addProperty("mode", "payment");
        object.addProperty("payment_intent", paymentIntent);
        object.addProperty("payment_status", paymentStatus);
        object.addProperty("status", status);
        object.addProperty("success_url", request.successUrl());
        object.add("url", JsonNull.INSTANCE);
        return object;
    }

    private static JsonObject metadata(CheckoutRequest request) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("bookingId", request.reference());
        metadata.addProperty("studioId", request.studioId());
        return metadata;
    }

    private static String currency(CheckoutRequest request) {
        return request.amount().currency().toLowerCase(Locale.ROOT);
    }

    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
