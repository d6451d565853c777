package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.testing.MutableClock;
import com.studiobooking.infrastructure.testing.TestTables;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.functions.http.Json;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.LocalPaymentGateway;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handlers wired to a fresh table (DynamoDB served by moto, unless a test picks the SQLite engine),
 * the outbox and a clock the test moves.
 * Requests start from the sample events in {@code events/}, with ids, body and token filled in.
 */
final class Api {
    static final String SECRET = "test-secret-test-secret-test-secret-0123";
    private static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final OutboxMailer outbox = new OutboxMailer();
    /** The table the handlers use: the engine's, observed (write order, and a seam to interleave a race). */
    final ObservedTable table;
    /** The engine's own table, under the observer. */
    final ItemTable engineTable;
    final InProcessScheduler scheduler = new InProcessScheduler(clock, job -> wiring().jobRunner().run(job.kind(), job.input()));
    final Secret webhookSecret = new Secret("whsec_test_0123456789abcdef");
    final LocalCheckoutEvents stripeEvents = new LocalCheckoutEvents(webhookSecret, clock);
    final LocalPaymentGateway payments = new LocalPaymentGateway("https://checkout.example", stripeEvents, clock);
    final Wiring wiring;

    Api() {
        this(TestTables.Engine.MOTO, (String) null);
    }

    Api(TestTables.Engine engine) {
        this(engine, (String) null);
    }

    /** With {@code stripeApiBase}, card payments go through the real Stripe SDK to that address (WireMock). */
    Api(String stripeApiBase) {
        this(TestTables.Engine.MOTO, stripeApiBase);
    }

    Api(TestTables.Engine engine, String stripeApiBase) {
        this(engine, stripeApiBase, UnaryOperator.identity());
    }

    /** With {@code around}, the handlers reach the engine's table through the wrapper it returns (to count requests). */
    Api(TestTables.Engine engine, UnaryOperator<ItemTable> around) {
        this(engine, null, around);
    }

    private Api(TestTables.Engine engine, String stripeApiBase, UnaryOperator<ItemTable> around) {
        engineTable = engine.fresh();
        table = new ObservedTable(around.apply(engineTable));
        ItemTable seen = table;
        PaymentGateway gateway = stripeApiBase == null ? payments : new StripePaymentGateway(
                StripeClients.create(new Secret("sk_test_studio_booking_tests"), stripeApiBase), clock);
        wiring = new Wiring(new Wiring.Parts(() -> seen, () -> outbox, () -> SECRET,
                () -> scheduler, () -> gateway, () -> new StripeWebhookVerifier(webhookSecret, clock),
                "https://book.example/widget", "https://admin.example/", clock));
        handlers = Map.of(
                "auth", new AuthHandler(wiring),
                "admin", new AdminHandler(wiring),
                "catalogue", new CatalogueHandler(wiring),
                "booking", new BookingHandler(wiring),
                "link-release", new LinkReleaseHandler(wiring),
                "payment-webhook", new PaymentWebhookHandler(wiring));
    }
    private final Map<String, HttpFunction> handlers;

    /** The function as Lambda calls it: the event's bytes in, the response's bytes out. */
    byte[] stream(String function, byte[] event) throws java.io.IOException {
        java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
        handlers.get(function).handleRequest(new java.io.ByteArrayInputStream(event), response, null);
        return response.toByteArray();
    }

    private Wiring wiring() {
        return wiring;
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("template.yaml not found above the working directory");
        return dir;
    }

    static List<Path> eventFiles(String function) {
        try (var files = Files.list(repoRoot().resolve("events").resolve(function))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every staff route: the admin function's (but opening a studio), link release, the staff bookings list and export. */
    static List<Path> staffRouteEvents() {
        List<Path> events = new java.util.ArrayList<>(eventFiles("admin").stream()
                .filter(p -> !p.getFileName().toString().equals("post-studios.json")).toList());
        events.addAll(eventFiles("link-release"));
        events.add(repoRoot().resolve("events/booking/get-studios-studioId-bookings.json"));
        events.add(repoRoot().resolve("events/booking/get-studios-studioId-bookings-export.json"));
        return events;
    }

    Call call(String eventFile) {
        return new Call(repoRoot().resolve("events").resolve(eventFile));
    }

    /** Opens a studio through the API and returns its id: a studio that writes English (its e-mails are checked word for word). */
    String openStudio(String ownerEmail) {
        return openStudio(ownerEmail, "en");
    }

    /** Opens a studio writing in {@code locale} through the API and returns its id. */
    String openStudio(String ownerEmail, String locale) {
        Reply opened = call("admin/post-studios.json").body(Map.of("name", "Lotus Yoga", "timezone", "Europe/Bucharest",
                "currency", "RON", "locale", locale, "owner", Map.of("name", "Ana Pop", "email", ownerEmail))).send();
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("studioId").asText();
    }

    /** The studio takes cards and bank transfers (48 hours to pay), as a studio owner sets it in the admin page. */
    void takeCardsAndTransfers(String studioId, String owner) {
        Reply settings = call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "BANK_TRANSFER"), "bankTransfer", Map.of("enabled", true,
                        "accountName", "Lotus SRL", "iban", "RO49AAAA1B31007593840000", "dueHours", 48))).send();
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    }

    /** A staff member added by the owner: their id. */
    String addStaff(String studioId, String owner, String name, String email) {
        return created(call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", name, "email", email)).send()).get("staffId").asText();
    }

    /** A practitioner with a room and a service: what {@link #weekdayMassage} sets up. */
    record Practice(String staffId, String locationId, String serviceId) {
    }

    /**
     * The studio's practitioner Ioana (ioana@example.com) in "Room 1, Str. Lalelelor 3", free Monday to Friday
     * 09:00–17:00, offering a 60-minute Massage at 250 RON on a 15-minute step.
     */
    Practice weekdayMassage(String studioId, String staffToken) {
        String staffId = created(call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).get("staffId").asText();
        String roomId = created(call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("name", "Room 1", "address", "Str. Lalelelor 3")).send()).get("locationId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", roomId));
        }
        Reply hours = call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", staffId).token(staffToken).body(Map.of("weekly", week)).send();
        assertThat(hours.status()).as(hours.body()).isEqualTo(200);
        String serviceId = created(call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "slotStepMinutes", 15, "staffIds", List.of(staffId), "locationIds", List.of(roomId))).send())
                .get("serviceId").asText();
        return new Practice(staffId, roomId, serviceId);
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** Staff add a client by e-mail (or find the one the studio knows): its id. */
    String addClient(String studioId, String staffToken, String email) {
        Reply added = call("admin/post-studios-studioId-clients.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("email", email)).send();
        assertThat(added.status()).as(added.body()).isBetween(200, 201);
        return added.json().get("clientId").asText();
    }

    /**
     * A client signed in, holding a pass of {@code entries} entries valid {@code validDays} days (a new pass
     * type of 200 RON, issued by staff): the client's token.
     */
    String clientWithPass(String studioId, String staffToken, String email, int entries, int validDays) {
        String token = signIn(studioId, email);
        Reply type = call("admin/post-studios-studioId-pass-types.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("name", entries + " classes", "entries", entries, "validDays", validDays,
                        "price", Map.of("amount", 20000, "currency", "RON"))).send();
        assertThat(type.status()).as(type.body()).isEqualTo(201);
        Reply issued = call("admin/post-studios-studioId-clients-clientId-passes.json").path("studioId", studioId)
                .path("clientId", addClient(studioId, staffToken, email)).token(staffToken)
                .body(Map.of("passTypeId", type.json().get("passTypeId").asText())).send();
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return token;
    }

    /** Staff give the client {@code credits} credits. */
    void grantCredits(String studioId, String staffToken, String email, int credits) {
        Reply granted = call("admin/post-studios-studioId-clients-clientId-credits.json").path("studioId", studioId)
                .path("clientId", addClient(studioId, staffToken, email)).token(staffToken).body(Map.of("credits", credits)).send();
        assertThat(granted.status()).as(granted.body()).isBetween(200, 201);
    }

    /** Signs in the way a person does: asks for a code, reads it from the e-mail, exchanges it. */
    String signIn(String studioId, String email) {
        return signInReply(studioId, email).json().get("token").asText();
    }

    Reply signInReply(String studioId, String email) {
        assertThat(call("auth/post-auth-code.json").body(Map.of("studioId", studioId, "email", email)).send().status())
                .isEqualTo(202);
        return call("auth/post-auth-token.json")
                .body(Map.of("studioId", studioId, "email", email, "code", lastCodeSentTo(email))).send();
    }

    String lastCodeSentTo(String email) {
        List<Email> mails = outbox.sentTo(email);
        assertThat(mails).as("e-mails to " + email).isNotEmpty();
        Matcher m = CODE.matcher(mails.get(mails.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    // --- Stripe's webhook, as the local checkout signs it ------------------------------------------

    /** The checkout Stripe would have opened for a booking (or purchase) {@code reference}. */
    com.studiobooking.infrastructure.payment.LocalCheckoutEvents.CheckoutSession checkoutOf(String reference, String studioId,
                                                                                          long amount) {
        var request = new com.studiobooking.core.port.CheckoutRequest(reference, studioId,
                new com.studiobooking.core.common.Money(amount, "RON"), "Booking", "client@example.com",
                "https://book.example/ok", "https://book.example/cancel", clock.instant().plusSeconds(1800),
                "checkout-" + reference);
        return new com.studiobooking.infrastructure.payment.LocalCheckoutEvents.CheckoutSession("cs_test_" + reference,
                "pi_test_" + reference, request, clock.instant(), clock.instant().plusSeconds(1800));
    }

    /** A signed {@code checkout.session.completed} for the reference, with a chosen event id. */
    String paidEvent(String reference, String studioId, long amount, String eventId) {
        return withEventId(stripeEvents.paid(checkoutOf(reference, studioId, amount)), eventId);
    }

    /** A signed {@code checkout.session.expired} for the reference, with a chosen event id. */
    String expiredEvent(String reference, String studioId, long amount, String eventId) {
        return withEventId(stripeEvents.expired(checkoutOf(reference, studioId, amount)), eventId);
    }

    private static String withEventId(String payload, String eventId) {
        return payload.replaceFirst("\"id\"\\s*:\\s*\"evt_[^\"]*\"", "\"id\": \"" + eventId + "\"");
    }

    /** Delivers an event to the webhook route, signed now with the webhook secret. */
    Reply deliver(String payload) {
        var signed = stripeEvents.sign(payload);
        return call("payment-webhook/post-webhooks-stripe.json")
                .header("stripe-signature", signed.signatureHeader()).rawBody(signed.payload()).send();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String errorField() {
            return json().path("error").path("field").asText(null);
        }

        String errorCode() {
            return json().path("error").path("code").asText(null);
        }
    }

    final class Call {
        private final APIGatewayV2HTTPEvent event;
        private final String function;

        Call(Path file) {
            try {
                event = EVENTS.readValue(file.toFile(), APIGatewayV2HTTPEvent.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            function = file.getParent().getFileName().toString();
            event.setHeaders(new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders()));
            event.getHeaders().remove("authorization");
            event.getHeaders().remove("idempotency-key");
            event.setPathParameters(new HashMap<>(event.getPathParameters() == null ? Map.of() : event.getPathParameters()));
        }

        Call path(String name, String value) {
            event.getPathParameters().put(name, value);
            return this;
        }

        Call token(String token) {
            event.getHeaders().put("authorization", "Bearer " + token);
            return this;
        }

        Call header(String name, String value) {
            event.getHeaders().put(name, value);
            return this;
        }

        Call query(Map<String, String> params) {
            event.setQueryStringParameters(new HashMap<>(params));
            event.setRawQueryString(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("&")));
            return this;
        }

        Call body(Object body) {
            event.setBody(Json.write(body));
            return this;
        }

        Call rawBody(String body) {
            event.setBody(body);
            return this;
        }


        /** A route that answers with a file (not JSON): the whole HTTP answer, headers included. */
        APIGatewayV2HTTPResponse download() {
            return handlers.get(function).handle(event, null);
        }

        Reply send() {
            APIGatewayV2HTTPResponse response = handlers.get(function).handle(event, null);
            if (response.getBody() != null) {
                assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
            }
            return new Reply(response.getStatusCode(), response.getBody());
        }
    }
}
