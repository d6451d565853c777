package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.mail.BookingEmails;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.MoneyBackEmail;
import com.studiobooking.core.mail.PaymentLinkEmail;
import com.studiobooking.core.mail.PaymentReceivedEmail;
import com.studiobooking.core.mail.SignInCodeEmail;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.identity.SignIn;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.view.BookingView;
import com.studiobooking.core.model.view.PublicProfile;
import com.studiobooking.core.model.view.SessionViews;
import com.studiobooking.core.model.wallet.Wallet;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.SlotLookup;
import com.studiobooking.functions.http.Json;
import com.studiobooking.functions.logging.Log;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SnapStart priming (docs/decisions/snapstart-priming.md): before Lambda takes the snapshot of an initialised
 * function, send synthetic API Gateway events, as bytes, through the function's own {@link RequestStreamHandler}
 * (event read, routing, use case, table read, error or answer written), build the clients it will use through the
 * wiring's own {@code Lazy}s, sign and verify a token and render its e-mails; so the classes of the whole request
 * path are loaded, linked and partly compiled in the snapshot, and the table's connection is open.
 *
 * <p>Nothing is written: every request names {@link #STUDIO}, a studio no one can have (our ids never hold an
 * {@code i}), or carries a token no key of ours signed, or a body that fails validation, and is refused or
 * answered after reads only. No secret is read: tokens are signed with a throwaway key, Stripe's paths run with a
 * throwaway key and webhook secret ({@link StripePriming}), and the webhook route is sent unsigned. No mail,
 * schedule or payment is sent. Outside SnapStart the hook never runs.
 */
final class Priming implements Resource {
    /** Well-formed ({@code Ids.wellFormed}), but no studio's: {@code Ids} draws from an alphabet without {@code i}. */
    static final String STUDIO = "st_priming";
    /** Resources are kept here: the CRaC context is allowed to hold them weakly. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    /** What a synthetic request got, against what it was meant to get. */
    record Outcome(String request, int expected, int status) {
        boolean asExpected() { return expected == status; }
    }

    /**
     * A synthetic request through a route: {@code token} null (none: the caller is anonymous) or "malformed" (an
     * Authorization header that is not a bearer token). Never a token to verify: that takes the real secret.
     */
    record Synthetic(String routeKey, String token, String body, int expected) {
    }

    /**
     * A success path rehearsed against {@link Rehearsal}'s studio: {@code {studioId}}, {@code {sessionId}},
     * {@code {bookingId}} and {@code {staffId}} are its ids; {@code owner}: sent with the owner's token.
     */
    record Rehearsed(String routeKey, Map<String, String> query, Map<String, String> headers, String body, boolean owner,
                     int expected) {
        static Rehearsed anonymous(String routeKey, Map<String, String> query, String body, int expected) {
            return new Rehearsed(routeKey, query, Map.of(), body, false, expected);
        }

        static Rehearsed owner(String routeKey, Map<String, String> query, String body, int expected) {
            return new Rehearsed(routeKey, query, Map.of(), body, true, expected);
        }
    }

    /**
     * What a function rehearses: its handler on the rehearsal's wiring, the requests, and for the webhook function
     * the verifier of deliveries signed with the rehearsal's secret.
     */
    record Rehearsing(Function<Wiring, RequestStreamHandler> handler, Function<Rehearsal, List<Rehearsed>> requests,
                      Function<String, WebhookVerifier> webhooks) {
        Rehearsing(Function<Wiring, RequestStreamHandler> handler, Function<Rehearsal, List<Rehearsed>> requests) {
            this(handler, requests, null);
        }
    }

    private final String function;
    private final java.util.function.Supplier<List<Outcome>> steps;

    private Priming(String function, java.util.function.Supplier<List<Outcome>> steps) {
        this.function = function;
        this.steps = steps;
    }

    /** Registers the hook of a production handler (its no-arg constructor); the {@code (Wiring)} constructors never do. */
    static void register(Priming priming) {
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** How many hooks this JVM registered (tests: the {@code (Wiring)} constructors register none). */
    static int registered() {
        return REGISTERED.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Outcome> outcomes = prime();
        long unexpected = outcomes.stream().filter(o -> !o.asExpected()).count();
        Log.info("priming", function + " primed with " + outcomes.size() + " synthetic requests"
                + (unexpected == 0 ? "" : ", " + unexpected + " not answered as expected: " + outcomes));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the SDK's clients open new connections when the snapshot's are gone, and our random
        // values are drawn per request from SecureRandom (docs/decisions/snapstart-priming.md, "Uniqueness").
    }

    /** Runs the priming: the synthetic requests' outcomes, in order. */
    List<Outcome> prime() {
        return steps.get();
    }

    // ---- the functions ------------------------------------------------------------------------------------

    static Priming auth(AuthHandler handler, Wiring wiring) {
        return http("auth", handler, wiring, true, false, false, List.of(
                new Synthetic("POST /auth/code", null, "{\"studioId\":\"" + STUDIO + "\",\"email\":\"priming@example.invalid\"}", 202),
                new Synthetic("POST /auth/code", null, "{\"studioId\":\"" + STUDIO + "\"}", 400),
                // a well-formed code would be counted against the address (a conditional write): this one is refused first
                new Synthetic("POST /auth/token", null, "{\"studioId\":\"" + STUDIO + "\",\"email\":\"priming@example.invalid\","
                        + "\"code\":\"x\"}", 400),
                new Synthetic("POST /auth/token", null, "not json", 400)), List.of(),
                new Rehearsing(AuthHandler::new, r -> List.of(Rehearsed.anonymous("POST /auth/code", Map.of(),
                        "{\"studioId\":\"" + r.studioId + "\",\"email\":\"client@rehearsal.invalid\"}", 202))), SignIn.class);
    }

    static Priming catalogue(CatalogueHandler handler, Wiring wiring) {
        return http("catalogue", handler, wiring, false, false, false, List.of(
                new Synthetic("GET /studios/{studioId}", null, null, 404),
                new Synthetic("GET /studios/{studioId}/slots", null, null, 400),
                new Synthetic("GET /studios/{studioId}/sessions", null, null, 404)), List.of(),
                new Rehearsing(CatalogueHandler::new, r -> List.of(
                        Rehearsed.anonymous("GET /studios/{studioId}", Map.of(), null, 200),
                        Rehearsed.anonymous("GET /studios/{studioId}/slots", Map.of("serviceId", r.serviceId, "staffId", r.staffId,
                                "from", Rehearsal.day(1), "to", Rehearsal.day(7), "timezone", Rehearsal.ZONE.getId()), null, 200),
                        Rehearsed.anonymous("GET /studios/{studioId}/sessions", Map.of("from", Rehearsal.day(0),
                                "to", Rehearsal.day(7)), null, 200))),
                PublicProfile.class, SlotLookup.SlotList.class, SessionViews.PublicSession.class);
    }

    static Priming booking(BookingHandler handler, Wiring wiring) {
        String booking = "{\"sessionId\":\"ss_priming\",\"paymentMethod\":\"CARD\",\"language\":\"en\","
                + "\"client\":{\"name\":\"Priming\",\"email\":\"priming@example.invalid\"}}";
        return http("booking", handler, wiring, true, true, true, List.of(
                new Synthetic("POST /studios/{studioId}/bookings", null, booking, 404),
                new Synthetic("POST /studios/{studioId}/bookings", null, "{\"paymentMethod\":\"NONE\"}", 400),
                new Synthetic("GET /studios/{studioId}/bookings", "malformed", null, 401),
                new Synthetic("GET /studios/{studioId}/bookings/export", null, null, 401),
                new Synthetic("GET /bookings/{bookingId}", null, null, 404),
                new Synthetic("GET /bookings/{bookingId}/calendar.ics", null, null, 404),
                new Synthetic("POST /bookings/{bookingId}/cancel", null, null, 404),
                new Synthetic("GET /me/bookings", null, null, 401),
                new Synthetic("GET /me/wallet", null, null, 401),
                new Synthetic("POST /studios/{studioId}/purchases", null, "{}", 401),
                new Synthetic("POST /bookings/{bookingId}/reschedule", null, "{\"start\":\"2026-12-01T10:00:00Z\"}", 404)),
                List.of("PAYMENT_LINK", "MONEY_BACK", "ICS"), new Rehearsing(BookingHandler::new, r -> List.of(
                        Rehearsed.owner("GET /studios/{studioId}/bookings", Map.of("from", Rehearsal.day(0), "to", Rehearsal.day(6)),
                                null, 200),
                        Rehearsed.anonymous("POST /studios/{studioId}/bookings", Map.of(), "{\"serviceId\":\"" + r.serviceId
                                + "\",\"staffId\":\"" + r.staffId + "\",\"locationId\":\"" + r.locationId + "\",\"start\":\""
                                + r.freeStart() + "\",\"client\":{\"name\":\"Rehearsal\",\"email\":\"client@rehearsal.invalid\"},"
                                + "\"paymentMethod\":\"PAY_AT_STUDIO\",\"language\":\"ro\"}", 201),
                        Rehearsed.anonymous("POST /studios/{studioId}/bookings", Map.of(), "{\"sessionId\":\"" + r.sessionId
                                + "\",\"client\":{\"name\":\"Rehearsal\",\"email\":\"card@rehearsal.invalid\"},"
                                + "\"paymentMethod\":\"CARD\",\"language\":\"id\"}", 201))),
                BookingView.class, Wallet.class);
    }

    static Priming admin(AdminHandler handler, Wiring wiring) {
        List<Synthetic> requests = new ArrayList<>();
        requests.add(new Synthetic("POST /studios", null, "{}", 400));
        for (String route : List.of("GET {s}/settings", "PUT {s}/settings", "GET {s}/staff", "POST {s}/staff",
                "GET {s}/staff/{staffId}", "PUT {s}/staff/{staffId}", "DELETE {s}/staff/{staffId}",
                "GET {s}/locations", "POST {s}/locations", "GET {s}/services", "POST {s}/services",
                "PUT {s}/staff/{staffId}/availability", "GET {s}/session-templates", "POST {s}/sessions",
                "PUT {s}/sessions/{sessionId}", "POST {s}/sessions/{sessionId}/cancel", "GET {s}/pass-types",
                "GET {s}/clients", "POST {s}/clients/{clientId}/passes", "POST {s}/series",
                "PATCH {s}/series/{seriesId}", "GET {s}/sessions/{sessionId}/waitlist")) {
            requests.add(new Synthetic(route.replace("{s}", "/studios/{studioId}"), null, "{}", 401));
        }
        requests.add(new Synthetic("GET /studios/{studioId}/settings", "malformed", null, 401));
        return http("admin", handler, wiring, true, true, true, requests, List.of("PAYMENT_LINK", "MONEY_BACK", "ICS"),
                new Rehearsing(AdminHandler::new, r -> List.of(
                        Rehearsed.owner("GET /studios/{studioId}/staff", Map.of(), null, 200),
                        Rehearsed.owner("GET /studios/{studioId}/settings", Map.of(), null, 200),
                        Rehearsed.owner("GET /studios/{studioId}/sessions/{sessionId}", Map.of(), null, 200),
                        Rehearsed.owner("GET /studios/{studioId}/services", Map.of(), null, 200),
                        Rehearsed.owner("GET /studios/{studioId}/clients", Map.of(), null, 200))),
                StudioSettings.class, SessionViews.StaffSession.class);
    }

    static Priming linkRelease(LinkReleaseHandler handler, Wiring wiring) {
        List<Synthetic> requests = new ArrayList<>();
        for (String route : List.of("PUT /studios/{studioId}/sessions/{sessionId}/online-access",
                "POST /studios/{studioId}/bookings/{bookingId}/confirm-payment",
                "POST /studios/{studioId}/bookings/{bookingId}/mark-refunded",
                "POST /studios/{studioId}/bookings/{bookingId}/attendance",
                "PUT /studios/{studioId}/bookings/{bookingId}/online-access")) {
            requests.add(new Synthetic(route, null, "{}", 401));
        }
        requests.add(new Synthetic("POST /studios/{studioId}/bookings/{bookingId}/attendance", "malformed", "{}", 401));
        return http("link-release", handler, wiring, true, true, false, requests, List.of("PAYMENT_RECEIVED", "ICS"),
                new Rehearsing(LinkReleaseHandler::new, r -> List.of(
                        Rehearsed.owner("PUT /studios/{studioId}/sessions/{sessionId}/online-access", Map.of(),
                                "{\"link\":\"https://rehearsal.invalid/j/1\",\"instructions\":\"Rehearsal\",\"password\":\"x\"}", 200))),
                SessionViews.StaffSession.class, BookingView.class);
    }

    static Priming paymentWebhook(PaymentWebhookHandler handler, Wiring wiring) {
        // unsigned: refused before the webhook secret is fetched; the signed path runs in StripePriming on a throwaway secret
        return http("payment-webhook", handler, wiring, true, true, true, List.of(
                new Synthetic("POST /webhooks/stripe", null, "{\"id\":\"evt_priming\",\"object\":\"event\"}", 400)),
                List.of("PAYMENT_LINK", "PAYMENT_RECEIVED", "MONEY_BACK", "ICS"),
                new Rehearsing(PaymentWebhookHandler::new, StripePriming::webhookDeliveries, StripePriming::verifier));
    }

    static Priming timedJobs(TimedJobsHandler handler, Wiring wiring) {
        return new Priming("timed-jobs", () -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (JobKind kind : JobKind.values()) {
                Map<String, String> job = new HashMap<>(Map.of("kind", kind.name(), "studioId", STUDIO,
                        "sessionId", "ss_priming", "bookingId", "bk_priming", "hoursBefore", "24",
                        "start", "2026-12-01T10:00:00Z", "attempt", "1"));
                Map<?, ?> result = job(handler, job);
                outcomes.add(new Outcome("job " + kind, 200, Boolean.FALSE.equals(result.get("done")) ? 200 : 500));
            }
            Map<?, ?> refused = job(handler, Map.of("kind", "NO_SUCH_JOB"));
            outcomes.add(new Outcome("job NO_SUCH_JOB", 400, refused.containsKey("error") ? 400 : 500));
            common(wiring, true, true, true, List.of("PAYMENT_LINK", "MONEY_BACK", "ICS"));
            // the success paths, on the rehearsal's studio: the online class has no link yet, the appointment is tomorrow
            try {
                Rehearsal rehearsal = Rehearsal.open(null);
                TimedJobsHandler rehearsed = new TimedJobsHandler(rehearsal.wiring);
                for (Map<String, String> job : List.of(
                        Map.of("kind", "MISSING_LINK_REMINDER", "studioId", rehearsal.studioId, "sessionId", rehearsal.sessionId),
                        Map.of("kind", "CLIENT_REMINDER", "studioId", rehearsal.studioId, "bookingId", rehearsal.bookingId,
                                "hoursBefore", "24", "start", rehearsal.bookingStart.toString()),
                        Map.of("kind", "INSTRUCTOR_DIGEST", "studioId", rehearsal.studioId))) {
                    Map<?, ?> result = job(rehearsed, job);
                    outcomes.add(new Outcome("rehearsed job " + job.get("kind"), 200, result.containsKey("error") ? 400 : 200));
                }
            } catch (RuntimeException e) {
                outcomes.add(failedRehearsal(e));
            }
            return outcomes;
        });
    }

    // ---- the parts --------------------------------------------------------------------------------------

    private static Priming http(String function, RequestStreamHandler handler, Wiring wiring, boolean mail,
                                boolean schedule, boolean stripe, List<Synthetic> requests, List<String> emails,
                                Rehearsing rehearsing, Class<?>... answers) {
        return new Priming(function, () -> {
            Json.prefetch(answers);
            List<Outcome> outcomes = new ArrayList<>();
            for (Synthetic request : requests) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("content-type", "application/json");
                if ("malformed".equals(request.token())) headers.put("authorization", "Basic cHJpbWluZw==");
                int status = status(send(handler, event(request.routeKey(), request.body(), headers)));
                outcomes.add(new Outcome(request.routeKey() + (request.token() == null ? "" : " (" + request.token() + " token)"),
                        request.expected(), status));
            }
            common(wiring, mail, schedule, stripe, emails);
            outcomes.addAll(rehearse(rehearsing));
            return outcomes;
        });
    }

    /**
     * Runs the success paths once on {@link Rehearsal}'s throwaway studio, through a second instance of the handler.
     * A failure is an outcome (PrimingTest fails on it), never an exception out of {@code beforeCheckpoint}: the
     * rehearsal makes the first request cheaper, and must not stop a version from being published.
     */
    static List<Outcome> rehearse(Rehearsing rehearsing) {
        try {
            return rehearsed(rehearsing);
        } catch (RuntimeException e) {
            return List.of(failedRehearsal(e));
        }
    }

    private static Outcome failedRehearsal(RuntimeException e) {
        return new Outcome("rehearsal failed: " + e.getClass().getSimpleName(), 200, 500);
    }

    private static List<Outcome> rehearsed(Rehearsing rehearsing) {
        Rehearsal rehearsal = Rehearsal.open(rehearsing.webhooks());
        RequestStreamHandler handler = rehearsing.handler().apply(rehearsal.wiring);
        Map<String, String> ids = Map.of("studioId", rehearsal.studioId, "sessionId", rehearsal.sessionId,
                "bookingId", rehearsal.bookingId, "staffId", rehearsal.staffId);
        List<Outcome> outcomes = new ArrayList<>();
        for (Rehearsed request : rehearsing.requests().apply(rehearsal)) {
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.put("content-type", "application/json");
            if (request.owner()) headers.put("authorization", "Bearer " + rehearsal.ownerToken);
            int status = status(send(handler, event(request.routeKey(), ids, request.query(), request.body(), headers)));
            outcomes.add(new Outcome("rehearsed " + request.routeKey(), request.expected(), status));
        }
        return outcomes;
    }

    /** A timed job's input as EventBridge Scheduler sends it, as bytes through the handler; its answer. */
    private static Map<?, ?> job(TimedJobsHandler handler, Map<String, String> input) {
        return Json.read(new String(send(handler, Json.write(input).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8),
                Map.class);
    }

    private static int status(byte[] response) {
        return ((Number) Json.read(new String(response, StandardCharsets.UTF_8), Map.class).get("statusCode")).intValue();
    }

    /** What every function primes beside its routes: a table read, its clients, Stripe's paths, its e-mails. */
    private static void common(Wiring wiring, boolean mail, boolean schedule, boolean stripe, List<String> emails) {
        wiring.readNothing("STUDIO#" + STUDIO);
        wiring.writeNothing("STUDIO#" + STUDIO);
        wiring.buildClients(mail, schedule);
        throwawayToken();
        if (stripe) StripePriming.run();
        if (mail) renderEmails(emails);
        Json.write(Map.of("error", Map.of("code", "PRIMING", "message", "priming", "field", "body")));
    }

    /** One API Gateway HTTP API event (payload format 2.0) for a route key, its path ids filled with priming ids. */
    static byte[] event(String routeKey, String body, Map<String, String> headers) {
        return event(routeKey, STUDIO, Map.of(), body, headers);
    }

    /** The same, for the studio {@code studioId} and with a query (a measurement's real request). */
    static byte[] event(String routeKey, String studioId, Map<String, String> query, String body, Map<String, String> headers) {
        return event(routeKey, Map.of("studioId", studioId), query, body, headers);
    }

    /** The same, with the path's ids from {@code ids} (a name not in it gets a priming id). */
    static byte[] event(String routeKey, Map<String, String> ids, Map<String, String> query, String body,
                        Map<String, String> headers) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> pathParameters = new LinkedHashMap<>();
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = ids.getOrDefault(name, "priming_" + name.substring(0, name.length() - 2));
            pathParameters.put(name, value);
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        Map<String, Object> http = Map.of("method", method, "path", path.toString(), "protocol", "HTTP/1.1",
                "sourceIp", "127.0.0.1", "userAgent", "snapstart-priming");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path.toString());
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(name).append('=').append(value));
        event.put("rawQueryString", rawQuery.toString());
        if (!query.isEmpty()) event.put("queryStringParameters", query);
        event.put("headers", headers);
        if (!pathParameters.isEmpty()) event.put("pathParameters", pathParameters);
        event.put("requestContext", Map.of("requestId", "priming", "routeKey", routeKey, "stage", "$default",
                "http", http, "timeEpoch", 0));
        if (body != null) event.put("body", body);
        event.put("isBase64Encoded", false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] send(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.toByteArray();
    }

    /** Signs and verifies a token as ours with a random key that is dropped (nimbus' path): the real key is never read. */
    private static String throwawayToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        JwtTokenService throwaway = new JwtTokenService(new SigningKeys(Base64.getEncoder().encodeToString(random)),
                Clock.systemUTC());
        String token = throwaway.issue(new Caller(STUDIO, "sf_priming", Role.OWNER, 0), Instant.now().plusSeconds(60));
        throwaway.verify(token);
        return token;
    }

    /** Renders (never sends) each kind of e-mail in each language, so bundles, formatters and templates are loaded. */
    private static void renderEmails(List<String> kinds) {
        for (String language : List.of("en", "ro", "id")) {
            StudioSettings studio = StudioSettings.initial("Priming", "Europe/Bucharest", "RON", language);
            Booking booking = sampleBooking(language);
            List<Email> rendered = new ArrayList<>();
            rendered.add(SignInCodeEmail.of("priming@example.invalid", studio, "000000", Duration.ofMinutes(10)));
            for (String kind : kinds) {
                switch (kind) {
                    case "PAYMENT_LINK" -> rendered.add(PaymentLinkEmail.of(booking, studio, "https://priming.invalid/m"));
                    case "PAYMENT_RECEIVED" -> rendered.add(PaymentReceivedEmail.of(booking, studio, "https://priming.invalid/m"));
                    case "MONEY_BACK" -> rendered.add(MoneyBackEmail.of(booking, studio, MoneyBackEmail.Why.values()[0],
                            "https://priming.invalid/m"));
                    case "ICS" -> {
                        // an appointment booked and cancelled, with its .ics (the client's, the practitioner's)
                        Staff practitioner = new Staff("sf_priming", "Priming", "priming@example.invalid", StaffRole.OWNER, null,
                                booking.createdAt());
                        Location location = new Location("lc_priming", "Priming", "Priming 1", false, null, booking.createdAt());
                        rendered.addAll(BookingEmails.booked(booking, studio, practitioner, location, "https://priming.invalid/m"));
                        rendered.addAll(BookingEmails.cancelled(cancelled(booking), studio, practitioner, location,
                                "https://priming.invalid/m"));
                        BookingEmails.calendar(booking, studio, practitioner, location).text();
                    }
                    default -> throw new IllegalArgumentException(kind);
                }
            }
            for (Email email : rendered) {
                if (email.html() == null || email.text() == null) throw new IllegalStateException("empty e-mail");
            }
        }
    }

    private static Booking cancelled(Booking b) {
        return new Booking(b.bookingId(), b.studioId(), b.kind(), b.serviceId(), b.serviceName(), b.staffId(), b.staffName(),
                b.locationId(), b.start(), b.end(), 0, 0, b.client(), b.clientId(), b.paymentMethod(), BookingStatus.CANCELLED,
                b.paymentStatus(), b.price(), b.reference(), b.paymentDueBy(),
                new Cancellation(b.createdAt(), Cancellation.By.CLIENT, false), null, b.language(), b.createdAt(), null, null,
                b.card(), null, null, 1, null, 0, 2, null);
    }

    private static Booking sampleBooking(String language) {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        return new Booking("bk_priming", STUDIO, Booking.Kind.APPOINTMENT, "sv_priming", "Priming", "sf_priming", "Priming",
                "lc_priming", start, start.plusSeconds(3600), 0, 0, new Client("Priming", "priming@example.invalid", null),
                "cl_priming", PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                new Money(25000L, "RON"), "SB-PRIMING", start, null, null, language, start.minusSeconds(86400), null, null,
                new Booking.CardPayment("cs_priming", "https://priming.invalid/pay", null), null, null, 0, null, 0, 1);
    }
}
