package com.studiobooking.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripeSignature;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three descriptions of the HTTP API agree: the routes deployed by {@code template.yaml}, the
 * operations documented in {@code docs/openapi.yaml} and the sample requests in {@code events/}.
 * Samples under {@code events/timed-jobs/} are not HTTP requests but what EventBridge Scheduler sends
 * the timed-jobs function; they are checked against the jobs the code schedules. The Stripe webhook
 * sample's body is Stripe's event, not a schema of ours: it is checked as a Stripe event instead, and
 * re-signed to pass the production verifier.
 */
class ContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMED_JOBS = "events/timed-jobs/";
    private static final String STRIPE_WEBHOOK = "events/payment-webhook/post-webhooks-stripe.json";
    /** The sample's Stripe-Signature: a placeholder, since a real one expires after 300 s; tests re-sign the body. */
    private static final String SIGNATURE_PLACEHOLDER = "t=0,v1=REPLACE_WITH_SIGNATURE";
    /** The id every sample uses for each path parameter (and timed-job field). */
    private static final Map<String, String> DEMO_IDS = Map.of("studioId", "st_demo0000000000000",
            "staffId", "sf_demo0000000000000", "locationId", "lc_demo0000000000000",
            "serviceId", "sv_demo0000000000000", "bookingId", "bk_demo0000000000000",
            "templateId", "tp_demo0000000000000", "sessionId", "ss_demo0000000000000",
            "clientId", "cl_demo0000000000000", "seriesId", "sr_demo0000000000000");

    private static Path root;
    private static SamTemplate template;
    private static OpenAPI openApi;
    private static List<String> openApiMessages;
    /** API Gateway HTTP API (2.0) sample requests: every sample outside {@value #TIMED_JOBS}. */
    private static Map<Path, JsonNode> events;
    /** Scheduler inputs of the timed-jobs function, under {@value #TIMED_JOBS}. */
    private static Map<Path, JsonNode> timedJobEvents;

    @BeforeAll
    static void load() throws IOException {
        root = RepoRoot.find();
        template = SamTemplate.load(root.resolve("template.yaml"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readLocation(root.resolve("docs/openapi.yaml").toString(), null, options);
        openApi = result.getOpenAPI();
        openApiMessages = result.getMessages() == null ? List.of() : result.getMessages();
        try (Stream<Path> files = Files.walk(root.resolve("events"))) {
            events = new TreeMap<>();
            timedJobEvents = new TreeMap<>();
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> {
                Path file = root.relativize(f);
                (slashed(file).startsWith(TIMED_JOBS) ? timedJobEvents : events).put(file, read(f));
            });
        }
    }

    @Test
    void the_openapi_document_parses_as_openapi_3_without_messages() {
        assertThat(openApiMessages).isEmpty();
        assertThat(openApi.getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void the_template_routes_are_exactly_the_documented_operations() {
        assertThat(documentedOperations().keySet()).isEqualTo(templateRouteKeys());
    }

    @Test
    void every_operation_has_a_unique_operation_id_and_declares_its_path_parameters() {
        List<String> ids = new ArrayList<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ids.add(operation.getOperationId());
            Set<String> declared = new TreeSet<>();
            Stream.concat(stream(item.getParameters()), stream(operation.getParameters()))
                    .map(p -> p.get$ref() != null ? openApi.getComponents().getParameters().get(refName(p.get$ref())) : p)
                    .filter(p -> "path".equals(p.getIn())).forEach(p -> declared.add(p.getName()));
            assertThat(declared).as(method + " " + path).isEqualTo(placeholders(path));
        }));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void every_route_has_exactly_one_sample_event_and_every_sample_event_is_a_route() {
        Map<String, List<Path>> byRouteKey = events.entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getValue().path("routeKey").asText(), TreeMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertThat(byRouteKey.keySet()).isEqualTo(templateRouteKeys());
        byRouteKey.forEach((routeKey, files) -> assertThat(files).as(routeKey).hasSize(1));
    }

    @Test
    void sample_events_sit_under_their_function_and_are_named_after_their_route() {
        events.forEach((file, event) -> {
            SamTemplate.Route route = route(event);
            String function = kebab(route.functionLogicalId().replaceFirst("Function$", ""));
            String slug = route.path().replace("{", "").replace("}", "").replaceAll("^/", "").replace('/', '-');
            assertThat(slashed(file))
                    .isEqualTo("events/" + function + "/" + route.method().toLowerCase(Locale.ROOT) + "-" + slug + ".json");
        });
    }

    @Test
    void sample_events_are_http_api_2_0_requests_consistent_with_their_route() {
        events.forEach((file, event) -> {
            String routeKey = event.path("routeKey").asText();
            String method = routeKey.split(" ")[0];
            String rawPath = event.path("rawPath").asText();
            JsonNode http = event.path("requestContext").path("http");
            assertThat(event.path("version").asText()).as(file + " version").isEqualTo("2.0");
            assertThat(event.path("requestContext").path("routeKey").asText()).as(file + " requestContext.routeKey")
                    .isEqualTo(routeKey);
            assertThat(http.path("method").asText()).as(file + " requestContext.http.method").isEqualTo(method);
            assertThat(http.path("path").asText()).as(file + " requestContext.http.path").isEqualTo(rawPath);
            assertThat(event.path("requestContext").path("requestId").asText()).as(file + " requestId").isNotBlank();
            assertThat(event.path("isBase64Encoded").isBoolean() && !event.path("isBase64Encoded").asBoolean())
                    .as(file + " isBase64Encoded false").isTrue();

            SamTemplate.RouteMatch match = template.match(method, rawPath).orElseThrow();
            assertThat(match.route().routeKey()).as(file + " rawPath matches its own route").isEqualTo(routeKey);
            Map<String, String> pathParameters = new LinkedHashMap<>();
            event.path("pathParameters").fields().forEachRemaining(f -> pathParameters.put(f.getKey(), f.getValue().asText()));
            assertThat(pathParameters).as(file + " pathParameters").isEqualTo(match.pathParameters());
            pathParameters.forEach((name, value) -> assertThat(value).as(file + " " + name).isEqualTo(DEMO_IDS.get(name)));
        });
    }

    @Test
    void sample_events_carry_a_bearer_token_exactly_on_routes_the_contract_secures() {
        Map<String, Operation> operations = documentedOperations();
        List<String> problems = new ArrayList<>();
        events.forEach((file, event) -> {
            Operation operation = operations.get(event.path("routeKey").asText());
            if (operation == null) return; // reported by every_route_has_exactly_one_sample_event…
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            JsonNode authorization = event.path("headers").path("authorization");
            if (secured && !authorization.asText().equals("Bearer REPLACE_WITH_TOKEN")) {
                problems.add(file + ": secured route without authorization: Bearer REPLACE_WITH_TOKEN");
            }
            if (!secured && !authorization.isMissingNode()) problems.add(file + ": public route with an authorization header");
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void sample_bodies_are_json_that_the_documented_request_schema_accepts() {
        Map<String, Operation> operations = documentedOperations();
        List<String> problems = new ArrayList<>();
        events.forEach((file, event) -> {
            Operation operation = operations.get(event.path("routeKey").asText());
            if (operation == null) return; // reported by every_route_has_exactly_one_sample_event…
            JsonNode body = event.path("body");
            if (operation.getRequestBody() == null) {
                if (!body.isMissingNode() && !body.isNull()) problems.add(file + ": body on a route that takes none");
                return;
            }
            // Stripe sends "application/json; charset=utf-8": the media type is what counts.
            if (!event.path("headers").path("content-type").asText().split(";")[0].trim().equals("application/json")) {
                problems.add(file + ": content-type is not application/json");
            }
            Schema<?> schema = operation.getRequestBody().getContent().get("application/json").getSchema();
            check(parse(body.asText(), file), schema, file + ": body", problems);
        });
        assertThat(problems).isEmpty();
    }

    /**
     * {@code events/timed-jobs/<kind>.json} is exactly the input EventBridge Scheduler passes the
     * timed-jobs function for that job kind: {@code kind}, {@code studioId} and the job's own id (and the
     * attempt of a refund retry, the hour and start of a client reminder), nothing else; one sample per
     * {@link JobKind}, and no sample without one.
     */
    @Test
    void timed_job_samples_are_the_scheduler_input_of_each_job_kind() {
        Map<String, JsonNode> expected = new TreeMap<>();
        Instant at = Instant.parse("2026-12-08T16:00:00Z");
        for (JobKind kind : JobKind.values()) {
            ScheduledJob job = switch (kind) {
                case MISSING_LINK_REMINDER -> TimedJobs.missingLink(DEMO_IDS.get("studioId"), DEMO_IDS.get("sessionId"),
                        at.plusSeconds(24 * 3600), 24, at.minusSeconds(3600), "Europe/Bucharest");
                case RELEASE_UNPAID_BOOKING -> TimedJobs.release(DEMO_IDS.get("studioId"), DEMO_IDS.get("bookingId"), at,
                        "Europe/Bucharest");
                case COMPLETE_REFUND -> TimedJobs.refund(DEMO_IDS.get("studioId"), DEMO_IDS.get("bookingId"), 2, at,
                        "Europe/Bucharest");
                case CLIENT_REMINDER -> TimedJobs.clientReminder(DEMO_IDS.get("studioId"), DEMO_IDS.get("bookingId"), 24,
                        at.plusSeconds(24 * 3600), "Europe/Bucharest");
                case APPOINTMENT_LINK_REMINDER -> TimedJobs.appointmentLink(DEMO_IDS.get("studioId"),
                        DEMO_IDS.get("bookingId"), at.plusSeconds(24 * 3600), 24, at.minusSeconds(3600), "Europe/Bucharest");
                case INSTRUCTOR_DIGEST -> {
                    var daily = TimedJobs.instructorDigest(DEMO_IDS.get("studioId"), 7, "Europe/Bucharest");
                    yield new ScheduledJob(daily.name(), at, daily.zone(), daily.kind(), daily.input());
                }
            };
            assertThat(job.kind()).isEqualTo(kind);
            expected.put(TIMED_JOBS + kebab(kind.name()) + ".json",
                    parse(EventBridgeScheduler.targetInput(job), Path.of(kind.name())));
        }
        Map<String, JsonNode> samples = new TreeMap<>();
        timedJobEvents.forEach((file, event) -> samples.put(slashed(file), event));
        assertThat(samples).isEqualTo(expected);
    }

    /**
     * The webhook sample carries what Stripe sends for a paid card booking: a {@code checkout.session.completed}
     * event in the API version the SDK is pinned to (the endpoint's, docs/decisions/stripe.md), whose checkout
     * session names the demo booking the way {@code StripePaymentGateway} opens it.
     */
    @Test
    void the_stripe_webhook_sample_is_a_paid_checkout_session_completed_event_of_the_pinned_api_version() {
        JsonNode event = events.get(Path.of(STRIPE_WEBHOOK));
        assertThat(event).as(STRIPE_WEBHOOK).isNotNull();
        assertThat(event.path("headers").path("stripe-signature").asText()).isEqualTo(SIGNATURE_PLACEHOLDER);
        assertThat(event.path("headers").path("user-agent").asText()).startsWith("Stripe/");

        JsonNode stripe = parse(event.path("body").asText(), Path.of(STRIPE_WEBHOOK));
        assertThat(stripe.path("object").asText()).isEqualTo("event");
        assertThat(stripe.path("id").asText()).startsWith("evt_");
        assertThat(stripe.path("api_version").asText()).isEqualTo(StripeClients.API_VERSION);
        assertThat(stripe.path("type").asText()).isEqualTo("checkout.session.completed");
        assertThat(stripe.path("created").isIntegralNumber()).isTrue();
        assertThat(stripe.path("livemode").isBoolean()).isTrue();

        JsonNode session = stripe.path("data").path("object");
        assertThat(session.path("object").asText()).isEqualTo("checkout.session");
        assertThat(session.path("id").asText()).startsWith("cs_test_");
        assertThat(session.path("mode").asText()).isEqualTo("payment");
        assertThat(session.path("status").asText()).isEqualTo("complete");
        assertThat(session.path("payment_status").asText()).isEqualTo("paid");
        assertThat(session.path("client_reference_id").asText()).isEqualTo(DEMO_IDS.get("bookingId"));
        assertThat(session.path("metadata")).isEqualTo(JSON.valueToTree(
                Map.of("bookingId", DEMO_IDS.get("bookingId"), "studioId", DEMO_IDS.get("studioId"))));
        assertThat(session.path("payment_intent").asText()).startsWith("pi_");
        assertThat(session.path("amount_total").isIntegralNumber()).isTrue();
        assertThat(session.path("currency").asText()).matches("[a-z]{3}");
    }

    /**
     * Signed now as Stripe signs a delivery, the sample's body passes {@link StripeWebhookVerifier} as a paid
     * checkout of the demo booking, and the SDK deserializes its object safely (which it does only for an
     * event of its own API release); with the placeholder signature it is a 400 on {@code Stripe-Signature}.
     */
    @Test
    void the_stripe_webhook_sample_re_signed_passes_the_production_verifier() throws Exception {
        String body = events.get(Path.of(STRIPE_WEBHOOK)).path("body").asText();
        JsonNode stripe = parse(body, Path.of(STRIPE_WEBHOOK));
        JsonNode session = stripe.path("data").path("object");
        Instant delivered = Instant.ofEpochSecond(stripe.path("created").asLong()).plusSeconds(1);
        Clock clock = Clock.fixed(delivered, ZoneOffset.UTC);
        String secret = "whsec_contract_test_secret";
        String signature = StripeSignature.sign(body, secret, delivered);

        Event parsed = Webhook.constructEvent(body, signature, secret, StripeWebhookVerifier.TOLERANCE.toSeconds(), clock);
        assertThat(parsed.getDataObjectDeserializer().getObject()).as("safe deserialization (same API release)")
                .containsInstanceOf(Session.class);

        StripeWebhookVerifier verifier = new StripeWebhookVerifier(new Secret(secret), clock);
        assertThat(verifier.verify(body, signature)).isEqualTo(new PaymentEvent(stripe.path("id").asText(),
                PaymentEvent.Type.CHECKOUT_PAID, Instant.ofEpochSecond(stripe.path("created").asLong()),
                DEMO_IDS.get("bookingId"), session.path("id").asText(), session.path("payment_intent").asText(),
                new Money(session.path("amount_total").asLong(), session.path("currency").asText().toUpperCase(Locale.ROOT))));
        assertThatThrownBy(() -> verifier.verify(body, SIGNATURE_PLACEHOLDER)).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.field()).isEqualTo(StripeSignature.HEADER));
    }

    // ---------------------------------------------------------------------------------------------

    private static Set<String> templateRouteKeys() {
        return template.routes().stream().map(SamTemplate.Route::routeKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Operation> documentedOperations() {
        Map<String, Operation> operations = new TreeMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    /** {@code LinkRelease} → {@code link-release}, {@code MISSING_LINK_REMINDER} → {@code missing-link-reminder}. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    private static String slashed(Path file) {
        return file.toString().replace('\\', '/');
    }

    private static SamTemplate.Route route(JsonNode event) {
        String routeKey = event.path("routeKey").asText();
        return template.routes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no template route " + routeKey));
    }

    /**
     * Unknown fields, missing required fields and values outside an enum: enough to keep samples honest.
     * A schema with {@code additionalProperties} (someone else's object, such as a Stripe event) lets
     * unlisted fields through, checked against that schema when it is one.
     */
    private static void check(JsonNode value, Schema<?> declared, String where, List<String> problems) {
        Schema<?> schema = resolve(declared);
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) schema = resolve(schema.getAllOf().get(0));
        if (value.isObject()) {
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            if (schema.getRequired() != null) {
                schema.getRequired().stream().filter(r -> !value.has(r)).forEach(r -> problems.add(where + "." + r + " missing"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Schema<?> property = properties.get(field.getKey());
                Object additional = schema.getAdditionalProperties();
                if (property == null && additional instanceof Schema<?> other) property = other;
                if (property == null && !Boolean.TRUE.equals(additional)) {
                    problems.add(where + "." + field.getKey() + " not in the schema");
                } else if (property != null) {
                    check(field.getValue(), property, where + "." + field.getKey(), problems);
                }
            }
        } else if (value.isArray()) {
            Schema<?> items = schema.getItems();
            if (items == null) problems.add(where + " is an array, the schema says " + schema.getType());
            else for (int i = 0; i < value.size(); i++) check(value.get(i), items, where + "[" + i + "]", problems);
        } else if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            if (schema.getEnum().stream().noneMatch(e -> String.valueOf(e).equals(value.asText()))) {
                problems.add(where + " " + value + " not in " + schema.getEnum());
            }
        }
    }

    private static Schema<?> resolve(Schema<?> schema) {
        return schema.get$ref() == null ? schema : openApi.getComponents().getSchemas().get(refName(schema.get$ref()));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Set<String> placeholders(String path) {
        Set<String> names = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}+]+)\\+?}").matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static <T> Stream<T> stream(List<T> list) {
        return list == null ? Stream.empty() : list.stream();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(String json, Path file) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(file + ": body is not JSON: " + e.getMessage(), e);
        }
    }
}
