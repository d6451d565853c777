package com.studiobooking.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripeSignature;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 10 under attack: every operation of {@code docs/openapi.yaml}, over real HTTP against the local
 * runtime, gets malformed input of many kinds (broken, truncated, deeply nested JSON; huge numbers and
 * strings; every body field with every wrong type; null elements in arrays; unknown fields; odd and
 * over-long path ids; bad dates and ranges; missing, garbage and foreign tokens; bad idempotency keys;
 * signed and unsigned webhooks that are not Stripe events; URIs the HTTP layer cannot parse). Whatever
 * comes in, no answer is a 5xx, every error is {@code {"error":{"code","message","field"?}}} as JSON,
 * and no body shows a stack trace or a class name. The requests are the same on every run (seeded).
 */
class HostileInputFuzzTest {
    private static final long SEED = 20261130L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** What a leaked stack trace or class name looks like in a body. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|Error:|\\bat (com|java|javax|jdk|sun|org)\\.|\\b(java|javax|jdk|sun)\\.[a-z]"
                    + "|com\\.(studiobooking|fasterxml|stripe|amazonaws)|org\\.(sqlite|eclipse|yaml)|software\\.amazon"
                    + "|Caused by|<h1>|<html");
    /** Path ids that cannot exist: too long, control characters, traversal, unicode, wrong shape. */
    private static final List<String> HOSTILE_IDS = List.of(
            "a".repeat(1024), "x".repeat(65), "a".repeat(10_000), "%00", "abc%00def", "..", "%2e%2e", "...",
            "%2F", "a%2Fb", "%20", "%C3%A9t%C3%A9", "%F0%9F%A7%98", "%E2%80%8B", "%FF%FE", "%C0%AF",
            "%27%20OR%201%3D1", "%3Cscript%3E", "%22%7D", "STUDIO%23st_demo", "null", "-", "%0d%0aX-Injected:%201");
    private static final List<String> AUTHORIZATIONS = List.of(
            "", "Bearer", "Bearer ", "Bearer  ", "Basic YW5hOnNlY3JldA==", "bearer garbage", "Bearer garbage",
            "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "A".repeat(10_000),
            "Bearer %00", "Token abc");
    private static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(101), "k".repeat(10_000),
            "\u00e9t\u00e9", "same-key-every-time", "a\tb");

    private static LocalRuntime runtime;
    private static OpenAPI openApi;
    private static String base;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static String ownerToken;
    private static String clientToken;
    private static String otherStudioToken;

    private static final String WEBHOOK_SECRET = "whsec_fuzz_0123456789abcdef";

    @BeforeAll
    static void start() throws Exception {
        // a webhook secret of our own (no Stripe key): the fuzz signs its own non-event bodies with it
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { },
                Map.of("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET));
        base = "http://127.0.0.1:" + runtime.port();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        openApi = new OpenAPIV3Parser().readLocation(RepoRoot.resolve("docs/openapi.yaml").toString(), null, options)
                .getOpenAPI();

        ownerToken = signIn(DemoStudio.STUDIO_ID, "ana@example.com");
        clientToken = signIn(DemoStudio.STUDIO_ID, "fuzz.client@example.com");
        JsonNode other = expect(201, send("POST", "/studios", null, "{\"name\":\"Other\",\"timezone\":\"Europe/Paris\","
                + "\"currency\":\"EUR\",\"locale\":\"fr\",\"owner\":{\"name\":\"Bob\",\"email\":\"bob.fuzz@example.com\"}}"));
        otherStudioToken = signIn(other.get("studioId").asText(), "bob.fuzz@example.com");

        ids.put("studioId", DemoStudio.STUDIO_ID);
        ids.put("staffId", "sf_demo_ioana");
        ids.put("instructorId", "sf_demo_owner");
        ids.put("locationId", "lc_demo_main");
        ids.put("serviceId", "sv_demo_massage");
        ids.put("passTypeId", "pt_demo_ten");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        JsonNode sessions = expect(200, send("GET", "/studios/st_demo/sessions?from=" + today + "&to=" + today.plusDays(7),
                null, null)).get("sessions");
        for (JsonNode session : sessions) {
            if (session.get("format").asText().equals("HYBRID")) ids.put("sessionId", session.get("sessionId").asText());
        }
        ids.put("templateId", expect(201, send("POST", "/studios/st_demo/session-templates", ownerToken,
                "{\"name\":\"Fuzz\",\"durationMinutes\":60,\"capacity\":5,\"instructorId\":\"sf_demo_owner\","
                        + "\"format\":\"IN_PERSON\",\"locationId\":\"lc_demo_main\",\"price\":{\"amount\":1000,\"currency\":\"RON\"},"
                        + "\"paymentMethods\":[\"BANK_TRANSFER\"]}")).get("templateId").asText());
        ids.put("clientId", expect(201, send("POST", "/studios/st_demo/clients", ownerToken,
                "{\"email\":\"fuzz.wallet@example.com\"}")).get("clientId").asText());
        ids.put("packId", expect(201, send("POST", "/studios/st_demo/credit-packs", ownerToken,
                "{\"name\":\"5 credits\",\"credits\":5,\"price\":{\"amount\":2000,\"currency\":\"RON\"}}")).get("packId").asText());
        ids.put("bookingId", expect(201, send("POST", "/studios/st_demo/bookings", null, "{\"sessionId\":\""
                + ids.get("sessionId") + "\",\"format\":\"IN_PERSON\",\"paymentMethod\":\"BANK_TRANSFER\","
                + "\"client\":{\"name\":\"Fuzz\",\"email\":\"fuzz.booker@example.com\"}}")).get("bookingId").asText());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void no_hostile_request_gets_a_5xx_a_non_json_error_or_a_stack_trace() throws Exception {
        Random random = new Random(SEED);
        List<Probe> probes = new ArrayList<>();
        Map<String, Operation> operations = operations();
        operations.forEach((key, operation) -> probes.addAll(probesOf(key, operation, random)));
        probes.addAll(webhookProbes(random));
        probes.addAll(malformedUris());
        assertThat(operations).hasSizeGreaterThan(40);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> fivesByKind = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        for (Probe probe : probes) {
            Reply reply;
            try {
                reply = probe.raw() ? sendRaw(probe) : send(probe);
            } catch (IOException noAnswer) {
                reply = new Reply(0, null, "no answer: " + noAnswer.getMessage());
            }
            byStatus.merge(reply.status(), 1, Integer::sum);
            String problem = problemWith(reply);
            if (reply.status() >= 500) fivesByKind.merge(probe.kind(), 1, Integer::sum);
            if (problem != null) {
                problems.add(probe.describe() + " -> " + reply.status() + " " + problem + ": " + abbreviate(reply.body()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("HostileInputFuzzTest: %d requests over %d operations in %d ms; by status %s; 5xx by kind %s;"
                + " %d problems%n", probes.size(), operations.size(), millis, byStatus, fivesByKind, problems.size());
        problems.stream().limit(60).forEach(p -> System.out.println("  " + p));

        assertThat(problems).as("answers that break the error contract").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // what is wrong with an answer

    private static String problemWith(Reply reply) {
        if (reply.status() == 0) return "no answer";
        if (reply.status() >= 500) return "server error";
        if (reply.body() != null && LEAK.matcher(reply.body()).find()) return "leaks a class name or stack trace";
        if (reply.status() < 400) return null;
        if (reply.contentType() == null || !reply.contentType().startsWith("application/json")) {
            return "error is not JSON (" + reply.contentType() + ")";
        }
        try {
            JsonNode error = JSON.readTree(reply.body()).path("error");
            if (!error.path("code").isTextual() || error.path("code").asText().isBlank()) return "error without a code";
            if (!error.path("message").isTextual()) return "error without a message";
            if (error.has("field") && !error.get("field").isTextual()) return "error field is not a string";
        } catch (IOException notJson) {
            return "error body is not JSON";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // the requests

    /** A request: sent with {@link HttpClient}, or byte for byte on a socket when {@code raw}. */
    record Probe(String kind, String method, String target, Map<String, String> headers, String body, boolean raw) {
        String describe() {
            return "[" + kind + "] " + method + " " + abbreviate(target) + (body == null ? "" : " " + abbreviate(body));
        }
    }

    record Reply(int status, String contentType, String body) {
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) parameters.addAll(item.getParameters());
            if (operation.getParameters() != null) parameters.addAll(operation.getParameters());
            operation.setParameters(parameters);
            operations.put(method.name() + " " + path, operation);
        }));
        return operations;
    }

    private List<Probe> probesOf(String key, Operation operation, Random random) {
        String method = key.substring(0, key.indexOf(' '));
        String template = key.substring(key.indexOf(' ') + 1);
        if (template.equals("/webhooks/stripe")) return List.of();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        Map<String, String> validQuery = validQuery(operation);
        String validPath = fill(template, Map.of());
        String body = operation.getRequestBody() == null ? null : validBody(operation).toString();
        List<Probe> probes = new ArrayList<>();

        // the valid request with each kind of caller: owner, client, another studio's owner, garbage
        probes.add(new Probe("valid owner", method, validPath + query(validQuery), auth(ownerToken), body, false));
        probes.add(new Probe("valid client", method, validPath + query(validQuery), auth(clientToken), body, false));
        probes.add(new Probe("other studio", method, validPath + query(validQuery), auth(otherStudioToken), body, false));
        for (String authorization : AUTHORIZATIONS) {
            probes.add(new Probe("authorization", method, validPath + query(validQuery),
                    authorization.isEmpty() ? Map.of() : Map.of("authorization", authorization), body, false));
        }

        // every path id malformed in turn, with the owner's token and with none
        for (Parameter parameter : operation.getParameters()) {
            if (!"path".equals(parameter.getIn())) continue;
            for (String hostile : HOSTILE_IDS) {
                String target = fill(template, Map.of(parameter.getName(), hostile)) + query(validQuery);
                probes.add(new Probe("path " + parameter.getName(), method, target, auth(ownerToken), body, false));
                if (random.nextInt(3) == 0) probes.add(new Probe("path " + parameter.getName(), method, target, Map.of(), body, false));
            }
        }

        // every query parameter malformed in turn, and ranges that are backwards or too long
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn())) continue;
            for (String hostile : hostileQueryValues(parameter)) {
                Map<String, String> q = new LinkedHashMap<>(validQuery);
                if (hostile == null) q.remove(parameter.getName());
                else q.put(parameter.getName(), hostile);
                probes.add(new Probe("query " + parameter.getName(), method, validPath + query(q), auth(ownerToken), body, false));
            }
        }
        if (validQuery.containsKey("from") && validQuery.containsKey("to")) {
            for (String[] range : new String[][]{{"2026-12-10", "2026-12-01"}, {"2000-01-01", "2100-12-31"},
                    {"0001-01-01", "9999-12-31"}, {"2026-12-01", "2026-12-01T10:00:00Z"}, {"-999999999-01-01", "+999999999-12-31"}}) {
                Map<String, String> q = new LinkedHashMap<>(validQuery);
                q.put("from", range[0]);
                q.put("to", range[1]);
                probes.add(new Probe("query range", method, validPath + query(q), auth(ownerToken), body, false));
            }
            probes.add(new Probe("query repeated", method, validPath + query(validQuery) + "&from=2026-12-02&to=x",
                    auth(ownerToken), body, false));
        }

        if (operation.getRequestBody() != null) {
            Schema<?> schema = requestSchema(operation);
            JsonNode valid = validBody(operation);
            for (String broken : brokenBodies(valid, random)) {
                probes.add(new Probe("body", method, validPath + query(validQuery), auth(ownerToken), broken, false));
            }
            for (List<Object> field : fields(schema, new ArrayList<>(), 0)) {
                for (JsonNode value : hostileValues(random)) {
                    JsonNode mutated = valid.deepCopy();
                    set(mutated, field, value);
                    probes.add(new Probe("field " + pathName(field), method, validPath + query(validQuery),
                            auth(ownerToken), mutated.toString(), false));
                }
            }
            if (method.equals("POST") && template.equals("/studios/{studioId}/bookings")) {
                for (String key1 : IDEMPOTENCY_KEYS) {
                    Map<String, String> headers = new LinkedHashMap<>(auth(clientToken));
                    headers.put("idempotency-key", key1);
                    probes.add(new Probe("idempotency-key", method, validPath, headers, body, false));
                    JsonNode other = valid.deepCopy();
                    ((ObjectNode) other).put("notes", "another body, same key");
                    probes.add(new Probe("idempotency-key", method, validPath, headers, other.toString(), false));
                }
            }
        }
        return probes;
    }

    /** Signed and unsigned webhooks whose bodies are not Stripe events, and signatures from the future. */
    private List<Probe> webhookProbes(Random random) throws IOException {
        String event = JSON.readTree(RepoRoot.resolve("events/payment-webhook/post-webhooks-stripe.json").toFile())
                .get("body").asText();
        JsonNode valid = JSON.readTree(event);
        List<String> bodies = new ArrayList<>(List.of("{}", "[]", "null", "\"event\"", "42", "{\"object\":\"event\"}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"checkout.session.completed\"}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"data\":null}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"data\":{}}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":null}}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"object\":\"checkout.session\"}}}",
                "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"checkout.session.expired\",\"data\":{\"object\":\"cs_1\"}}",
                "{\"id\":null,\"type\":null,\"created\":\"yesterday\",\"data\":[]}"));
        bodies.addAll(brokenBodies(valid, random));
        for (String field : List.of("id", "object", "api_version", "created", "data", "type", "livemode")) {
            for (JsonNode value : hostileValues(random)) {
                ObjectNode mutated = valid.deepCopy();
                mutated.set(field, value);
                bodies.add(mutated.toString());
            }
            ObjectNode without = valid.deepCopy();
            without.remove(field);
            bodies.add(without.toString());
        }
        for (String field : List.of("object", "id", "client_reference_id", "metadata", "payment_intent", "payment_status",
                "amount_total", "currency")) {
            for (JsonNode value : hostileValues(random)) {
                ObjectNode mutated = valid.deepCopy();
                ((ObjectNode) mutated.get("data").get("object")).set(field, value);
                bodies.add(mutated.toString());
            }
        }
        for (String type : List.of("checkout.session.completed", "checkout.session.async_payment_succeeded",
                "checkout.session.async_payment_failed", "checkout.session.expired", "charge.refunded")) {
            ObjectNode other = valid.deepCopy();
            other.put("type", type);
            other.put("id", "evt_fuzz_" + type);
            other.put("api_version", random.nextBoolean() ? StripeClients.API_VERSION : "2019-01-01");
            ((ObjectNode) other.get("data").get("object")).put("client_reference_id", ids.get("bookingId"));
            bodies.add(other.toString());
        }
        List<Probe> probes = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (String body : bodies) {
            probes.add(new Probe("webhook unsigned", "POST", "/webhooks/stripe", Map.of(), body, false));
            probes.add(new Probe("webhook signed", "POST", "/webhooks/stripe",
                    Map.of("stripe-signature", StripeSignature.sign(body, WEBHOOK_SECRET, Instant.now())), body, false));
        }
        for (String header : List.of("t=" + (now + 3600) + ",v1=" + "0".repeat(64), "t=abc,v1=def", "t=,v1=", ",,,",
                "t=" + Long.MAX_VALUE + ",v1=00", "t=-1,v1=00", "v1=" + "f".repeat(10_000), "t=1," + "v1=0,".repeat(2000))) {
            probes.add(new Probe("webhook signature", "POST", "/webhooks/stripe", Map.of("stripe-signature", header), event, false));
        }
        return probes;
    }

    /** Request lines the JDK's URI parser refuses, or paths too long or not UTF-8: sent byte for byte. */
    private List<Probe> malformedUris() {
        List<Probe> probes = new ArrayList<>();
        for (String target : List.of("/studios/%zz", "/studios/%", "/studios/%2", "/studios/st_demo/staff/%G0",
                "/studios/%ff%fe", "/studios/%C0%AF", "/studios/st_demo/slots?from=%zz&to=2026-12-01",
                "/studios/st_demo/sessions?from=%&to=%", "/studios/a%20b%zz", "/studios/<script>", "/studios/a\"b",
                "/studios/a|b", "/studios/a{b}", "/studios/a\\b", "/studios/a^b", "/studios/a`b",
                "/studios/" + "a".repeat(20_000), "/studios/st_demo?" + "q=".repeat(10_000), "/bookings/%zz/cancel")) {
            probes.add(new Probe("malformed uri", target.contains("cancel") ? "POST" : "GET", target, Map.of(), null, true));
        }
        return probes;
    }

    private static Map<String, String> validQuery(Operation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn())) continue;
            String name = parameter.getName();
            String value = switch (name) {
                case "from" -> today.plusDays(1).toString();
                case "to" -> today.plusDays(7).toString();
                case "timezone" -> "Europe/Bucharest";
                default -> ids.get(name);
            };
            if (value != null && (Boolean.TRUE.equals(parameter.getRequired()) || !name.equals("timezone"))) query.put(name, value);
        }
        return query;
    }

    private static List<String> hostileQueryValues(Parameter parameter) {
        List<String> values = new ArrayList<>(List.of("", " ", "x".repeat(2000), "%00", "\u00e9\u00e9", "null", "[]", "{}"));
        values.add(null); // absent
        Schema<?> schema = parameter.getSchema();
        if (schema != null && "date".equals(schema.getFormat())) {
            values.addAll(List.of("0000-01-01", "+99999-01-01", "99999-01-01", "-0001-12-31", "2026-02-30", "2026-13-01",
                    "2026-12-01T09:00:00Z", "01.12.2026", "1e10", "1969-12-31", "2101-01-01", "1999-12-31"));
        } else if (parameter.getName().equals("timezone")) {
            values.addAll(List.of("Mars/Olympus", "../../etc/passwd", "UTC+99", "GMT+25:00", "+18:00", "Z", "SystemV/AST4"));
        } else {
            values.addAll(List.of("a".repeat(1024), "..", "STUDIO#st_demo", "%E2%80%8B"));
        }
        return values;
    }

    private static JsonNode validBody(Operation operation) {
        MediaType media = operation.getRequestBody().getContent().get("application/json");
        Object example = media.getExample() != null ? media.getExample() : media.getSchema().getExample();
        JsonNode body = example != null ? JSON.valueToTree(example) : sample(media.getSchema(), 0);
        String text = body.toString();
        for (Map.Entry<String, String> demo : Map.of("st_demo0000000000000", "st_demo",
                "sf_demo0000000000000", "sf_demo_ioana", "lc_demo0000000000000", "lc_demo_main",
                "sv_demo0000000000000", "sv_demo_massage", "ss_demo0000000000000", ids.getOrDefault("sessionId", "x"),
                "tp_demo0000000000000", ids.getOrDefault("templateId", "x"), "pt_demo0000000000000", "pt_demo_ten",
                "cp_demo0000000000000", ids.getOrDefault("packId", "x"), "bk_demo0000000000000",
                ids.getOrDefault("bookingId", "x")).entrySet()) {
            text = text.replace(demo.getKey(), demo.getValue());
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema<?> requestSchema(Operation operation) {
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }

    /** A value the schema accepts, as far as the schema says. */
    private static JsonNode sample(Schema<?> schema, int depth) {
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) return sample(schema.getAllOf().get(0), depth);
        if (schema.getExample() != null) return JSON.valueToTree(schema.getExample());
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) return JSON.valueToTree(schema.getEnum().get(0));
        String type = schema.getType() != null ? schema.getType() : schema.getProperties() != null ? "object" : "string";
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null && depth < 4) {
                    schema.getProperties().forEach((name, property) -> object.set(name, sample(property, depth + 1)));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (schema.getItems() != null && depth < 4) array.add(sample(schema.getItems(), depth + 1));
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default: {
                String format = schema.getFormat() == null ? "" : schema.getFormat();
                ZonedDateTime soon = ZonedDateTime.now(ZoneId.of("Europe/Bucharest")).plusDays(3).withHour(10)
                        .withMinute(0).withSecond(0).withNano(0);
                return NODES.textNode(switch (format) {
                    case "date" -> soon.toLocalDate().toString();
                    case "date-time" -> soon.toOffsetDateTime().toString();
                    case "email" -> "fuzz@example.com";
                    case "uri" -> "https://example.com/fuzz";
                    default -> "fuzz";
                });
            }
        }
    }

    /** Paths of every field of a body schema: names, with 0 for the first element of an array. */
    private static List<List<Object>> fields(Schema<?> schema, List<Object> prefix, int depth) {
        List<List<Object>> fields = new ArrayList<>();
        if (depth > 3 || schema == null) return fields;
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) return fields(schema.getAllOf().get(0), prefix, depth);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(name);
                fields.add(path);
                fields.addAll(fields(property, path, depth + 1));
            });
        } else if (schema.getItems() != null) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(0);
            fields.add(path);
            fields.addAll(fields(schema.getItems(), path, depth + 1));
        }
        return fields;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            Object step = path.get(i);
            boolean last = i == path.size() - 1;
            Object next = last ? null : path.get(i + 1);
            if (step instanceof String name && node instanceof ObjectNode object) {
                if (last) {
                    object.set(name, value);
                    return;
                }
                JsonNode child = object.get(name);
                if (child == null || !(next instanceof String ? child.isObject() : child.isArray())) {
                    child = next instanceof String ? NODES.objectNode() : NODES.arrayNode();
                    object.set(name, child);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                if (array.isEmpty()) array.add(next == null ? value : next instanceof String ? NODES.objectNode() : NODES.arrayNode());
                if (last) {
                    array.set(0, value);
                    return;
                }
                JsonNode child = array.get(0);
                if (!(next instanceof String ? child.isObject() : child.isArray())) {
                    child = next instanceof String ? NODES.objectNode() : NODES.arrayNode();
                    array.set(0, child);
                }
                node = child;
            } else {
                return;
            }
        }
    }

    private static String pathName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer) name.append("[]");
            else name.append(name.isEmpty() ? "" : ".").append(step);
        }
        return name.toString();
    }

    /** Every JSON type, plus a seeded pick of harder values. */
    private static List<JsonNode> hostileValues(Random random) {
        List<JsonNode> always = List.of(NODES.textNode("text"), NODES.numberNode(7), NODES.booleanNode(true),
                NODES.objectNode(), NODES.arrayNode(), NODES.nullNode(), NODES.arrayNode().add(NODES.nullNode()));
        List<JsonNode> harder = List.of(NODES.textNode(""), NODES.textNode("   "), NODES.textNode("x".repeat(5000)),
                NODES.textNode("\u00e9\u2603\ud834\udd1e\u0000"), NODES.numberNode(-1), NODES.numberNode(0),
                NODES.numberNode(2147483648L), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(1.5),
                NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))), NODES.numberNode(new java.math.BigDecimal("1e400")),
                NODES.textNode("0000-01-01"), NODES.textNode("0000-01-01T00:00:00Z"), NODES.textNode("+99999-12-31T23:59:59Z"),
                NODES.textNode("9999-12-31T23:59:59+18:00"), NODES.textNode("-999999999-01-01"), NODES.textNode("24:00"),
                NODES.textNode("a".repeat(1024)), NODES.arrayNode().add("x").add(NODES.nullNode()),
                NODES.arrayNode().add(NODES.objectNode()), NODES.objectNode().put("unknown", 1), NODES.textNode("MONDAY"),
                NODES.textNode("CARD"), NODES.textNode("2026-12-24"));
        List<JsonNode> values = new ArrayList<>(always);
        for (int i = 0; i < 4; i++) values.add(harder.get(random.nextInt(harder.size())));
        return values;
    }

    /** Bodies broken as a whole: not JSON, cut short, nested too deep, numbers and strings too long. */
    private static List<String> brokenBodies(JsonNode valid, Random random) {
        String text = valid.toString();
        List<String> bodies = new ArrayList<>(List.of("", " ", "{", "}", "{\"name\":", "not json", "[]", "null", "\"\"",
                "42", "true", "{}", "{\"unknownField\":1}", "{\"a\":1}{\"b\":2}", "\ufeff" + text, "{'name':'x'}",
                "[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(1500) + "1" + "}".repeat(1500),
                "[".repeat(100_000), "{\"a\":" + "9".repeat(2000) + "}", "{\"a\":1" + "0".repeat(1500) + ".5e99999}",
                "{\"a\":\"" + "x".repeat(300_000) + "\"}", "{\"" + "k".repeat(100_000) + "\":1}", "{\"a\":\"\\ud800\"}",
                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1,}", "{\"a\" 1}", "\u0000"));
        bodies.add(text.substring(0, Math.max(1, text.length() / 2)));
        bodies.add(text.substring(0, Math.max(1, text.length() - 1)));
        if (valid instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            ObjectNode deep = object.deepCopy();
            deep.put(first, "\u0001deep");
            bodies.add(deep.toString().replace("\"\\u0001deep\"", "[".repeat(1200) + "1" + "]".repeat(1200)));
            ObjectNode huge = object.deepCopy();
            huge.set(first, NODES.numberNode(new java.math.BigInteger("9".repeat(1200))));
            bodies.add(huge.toString());
            ObjectNode duplicate = object.deepCopy();
            bodies.add(duplicate.toString().replaceFirst("\\{", "{\"" + first + "\":null,"));
        }
        bodies.add(text.substring(0, random.nextInt(Math.max(1, text.length()))));
        return bodies;
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP

    private static String fill(String template, Map<String, String> hostile) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(path, Matcher.quoteReplacement(hostile.containsKey(name) ? hostile.get(name)
                    : ids.getOrDefault(name, "unknown_" + name)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) return "";
        StringBuilder query = new StringBuilder("?");
        params.forEach((name, value) -> {
            if (query.length() > 1) query.append('&');
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    private static Map<String, String> auth(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    private static Reply send(Probe probe) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.target()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        if (probe.body() != null) request.header("content-type", "application/json");
        probe.headers().forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(null), response.body());
    }

    /** Writes the request line and headers as given (no client-side checks), reads until the server closes. */
    private static Reply sendRaw(Probe probe) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = probe.body() == null ? new byte[0] : probe.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(probe.method() + " " + probe.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n");
            probe.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(received);
            } catch (java.net.SocketException reset) {
                // the server may close before reading everything; what arrived counts
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static Reply parse(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.") || headEnd < 0) return new Reply(599, null, "no HTTP answer: " + response);
        String[] lines = response.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) contentType = line.substring(13).trim();
        }
        return new Reply(status, contentType, response.substring(headEnd + 4));
    }

    private static String signIn(String studioId, String email) throws Exception {
        expect(202, send("POST", "/auth/code", null, "{\"studioId\":\"" + studioId + "\",\"email\":\"" + email + "\"}"));
        List<Email> mails = runtime.outbox().sentTo(email);
        Matcher m = CODE.matcher(mails.get(mails.size() - 1).text());
        assertThat(m.find()).isTrue();
        return expect(200, send("POST", "/auth/token", null, "{\"studioId\":\"" + studioId + "\",\"email\":\"" + email
                + "\",\"code\":\"" + m.group(1) + "\"}")).get("token").asText();
    }

    private static Reply send(String method, String path, String token, String body) throws Exception {
        return send(new Probe("setup", method, path, token == null ? Map.of() : auth(token), body, false));
    }

    private static JsonNode expect(int status, Reply reply) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return JSON.readTree(reply.body());
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= 160 ? flat : flat.substring(0, 120) + "…(" + flat.length() + " chars)";
    }
}
