package com.studiobooking.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.SignedWebhook;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is measured: a handler class, the jar it ships in, and the sample event of one of its routes, filled in
 * with the demo studio: its ids and a staff token in place of the samples' placeholders, dates from today, and
 * whatever must differ per run (an e-mail address against the sign-in rate limit, a new link, a fresh signed
 * Stripe event) so that every run takes the same path.
 */
enum Target {
    AUTH("auth", "com.studiobooking.functions.AuthHandler", "auth/post-auth-code.json"),
    ADMIN("admin", "com.studiobooking.functions.AdminHandler", "admin/get-studios-studioId-staff.json"),
    CATALOGUE("catalogue", "com.studiobooking.functions.CatalogueHandler", "catalogue/get-studios-studioId.json"),
    CATALOGUE_SLOTS("catalogue-slots", "com.studiobooking.functions.CatalogueHandler", "catalogue/get-studios-studioId-slots.json"),
    BOOKING("booking", "com.studiobooking.functions.BookingHandler", "booking/get-studios-studioId-bookings.json"),
    LINK_RELEASE("link-release", "com.studiobooking.functions.LinkReleaseHandler",
            "link-release/put-studios-studioId-sessions-sessionId-online-access.json"),
    PAYMENT_WEBHOOK("payment-webhook", "com.studiobooking.functions.PaymentWebhookHandler",
            "payment-webhook/post-webhooks-stripe.json"),
    /** Invoked by EventBridge Scheduler with a plain JSON map, not an API Gateway event. */
    TIMED_JOBS("timed-jobs", "com.studiobooking.functions.TimedJobsHandler", "timed-jobs/missing-link-reminder.json"),
    FLOOR("floor", "com.studiobooking.benchmarks.floor.FloorHandler", "catalogue/get-studios-studioId.json"),
    /** The floor as a {@code RequestStreamHandler}: no event serializer, jackson-core's streaming parser. */
    FLOOR_STREAM("floor-stream", "com.studiobooking.benchmarks.floor.FloorStreamHandler", "catalogue/get-studios-studioId.json"),
    FLOOR_POWERTOOLS("floor-powertools", "com.studiobooking.benchmarks.floor.PowertoolsFloorHandler",
            "catalogue/get-studios-studioId.json");

    /** Stripe's signing secret as the handlers get it (STRIPE_WEBHOOK_SECRET), and the events signed with it. */
    static final String STRIPE_WEBHOOK_SECRET = "whsec_coldstart0123456789";
    /** A session id the table never holds: the reminder job reads, finds nothing and is done. */
    static final String MISSING_SESSION = "ss_coldstartmissing00";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String label;
    final String handlerClass;
    final String eventFile;

    Target(String label, String handlerClass, String eventFile) {
        this.label = label;
        this.handlerClass = handlerClass;
        this.eventFile = eventFile;
    }

    static Target byLabel(String label) {
        for (Target target : values()) {
            if (target.label.equals(label)) return target;
        }
        throw new IllegalArgumentException("unknown target " + label + "; known: "
                + Arrays.stream(values()).map(t -> t.label).collect(Collectors.joining(", ")));
    }

    /** Whether the handler takes a timed job's JSON map rather than an API Gateway HTTP event. */
    boolean isJob() {
        return this == TIMED_JOBS;
    }

    /** Whether the handler ships in the functions jar (the floors have jars of their own). */
    boolean inFunctionsJar() {
        return !isFloor();
    }

    /** Whether this is one of the reference handlers in a jar of their own. */
    boolean isFloor() {
        return this == FLOOR || this == FLOOR_STREAM || this == FLOOR_POWERTOOLS;
    }

    /** Whether the priming measurement runs it: every handler of ours, and the two floors as a reference. */
    boolean primed() {
        return this != FLOOR_POWERTOOLS;
    }

    /** Whether the measured route runs Stripe's code (so it cannot run from a jar without stripe-java). */
    boolean runsStripe() {
        return this == PAYMENT_WEBHOOK;
    }

    /** The jar the handler ships in: the Makefile gives auth, catalogue and link-release the one without Stripe. */
    Path jar(Jars jars) {
        return switch (this) {
            case FLOOR -> jars.floor();
            case FLOOR_STREAM -> jars.floorStream();
            case FLOOR_POWERTOOLS -> jars.floorPowertools();
            case AUTH, CATALOGUE, CATALOGUE_SLOTS, LINK_RELEASE -> jars.noStripe();
            default -> jars.functions();
        };
    }

    /** The sample filled in for invocation number {@code run}. */
    ObjectNode fill(String sample, DemoStudio studio, int run) {
        String text = sample
                .replace("st_demo0000000000000", studio.studioId())
                .replace("sf_demo0000000000000", studio.staffId())
                .replace("lc_demo0000000000000", studio.locationId())
                .replace("sv_demo0000000000000", studio.serviceId())
                .replace("ss_demo0000000000000", isJob() ? MISSING_SESSION : studio.sessionId())
                .replace("bk_demo0000000000000", studio.bookingId())
                .replace("REPLACE_WITH_TOKEN", studio.staffToken());
        ObjectNode event = (ObjectNode) read(text);
        if (isJob()) return event;
        event.put("isBase64Encoded", false);
        LocalDate today = LocalDate.now(studio.zone());
        switch (this) {
            case AUTH -> event.put("body", "{\"studioId\":\"" + studio.studioId() + "\",\"email\":\"cold-start-" + run + "@example.com\"}");
            case CATALOGUE_SLOTS -> query(event, Map.of("from", today.plusDays(1).toString(), "to", today.plusDays(7).toString()));
            case BOOKING -> query(event, Map.of("from", today.toString(), "to", today.plusDays(6).toString()));
            case LINK_RELEASE -> {
                ObjectNode body = (ObjectNode) read(event.path("body").asText("{}"));
                body.put("link", "https://zoom.us/j/8123456" + String.format("%04d", run)); // a change every run
                event.put("body", body.toString());
            }
            case PAYMENT_WEBHOOK -> {
                SignedWebhook webhook = checkoutExpired(studio);
                event.put("body", webhook.payload());
                event.withObject("headers").put("stripe-signature", webhook.signatureHeader());
            }
            default -> { }
        }
        return event;
    }

    /** Replaces query parameters, in the parsed map and in the raw query string alike. */
    private static void query(ObjectNode event, Map<String, String> values) {
        ObjectNode parameters = event.withObject("queryStringParameters");
        values.forEach(parameters::put);
        StringBuilder raw = new StringBuilder();
        parameters.fields().forEachRemaining(p -> raw.append(raw.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(p.getValue().asText(), StandardCharsets.UTF_8)));
        event.put("rawQueryString", raw.toString());
    }

    /**
     * A new {@code checkout.session.expired} event for the demo booking, signed now, as Stripe sends it: read with
     * stripe-java, recorded once, and the booking (paid at the studio, not by card) is left as it is.
     */
    private static SignedWebhook checkoutExpired(DemoStudio studio) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        LocalCheckoutEvents events = new LocalCheckoutEvents(new Secret(STRIPE_WEBHOOK_SECRET), clock);
        CheckoutRequest request = new CheckoutRequest(studio.bookingId(), studio.studioId(), new Money(25_000L, "RON"),
                "Massage — Lotus Yoga", "maria@example.com", "https://book.example/widget?paid=1",
                "https://book.example/widget?cancelled=1", now, "checkout-" + studio.bookingId());
        String payload = events.expired(new LocalCheckoutEvents.CheckoutSession("cs_test_coldstart", null, request,
                now.minus(Duration.ofMinutes(30)), now));
        return events.sign(payload);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
