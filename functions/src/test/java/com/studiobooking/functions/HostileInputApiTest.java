package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 10 against input no client would send, on every route that takes it: a 4xx JSON error that
 * names the field, never a 500. (The local runtime's fuzz test throws much more at the same handlers.)
 */
class HostileInputApiTest {
    private Api api;
    private String studioId;
    private String ownerToken;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.SQLITE);
        studioId = api.openStudio("ana@example.com");
        ownerToken = api.signIn(studioId, "ana@example.com");
    }

    @Test
    void json_nested_too_deep_or_with_too_long_numbers_or_strings_is_a_400_on_every_json_route() {
        List<String> problems = new ArrayList<>();
        for (Path event : jsonRoutes()) {
            String first = firstField(event);
            check(problems, event, "[".repeat(1_001) + "]".repeat(1_001), "body");
            check(problems, event, "{\"" + first + "\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":" + "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":" + "9".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":0." + "1".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":\"" + "x".repeat(200_000) + "\"}", first);
            check(problems, event, "{\"" + "k".repeat(1_000) + "\":1}", "body");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_null_element_in_any_list_of_a_body_is_a_400_naming_the_element() {
        List<String> problems = new ArrayList<>();
        check(problems, "admin/put-studios-studioId-settings.json", "{\"paymentMethods\":[null]}", "paymentMethods[0]");
        check(problems, "admin/put-studios-studioId-settings.json", "{\"paymentMethods\":[\"CARD\",null]}", "paymentMethods[1]");
        String service = "{\"name\":\"Massage\",\"durationMinutes\":60,\"price\":{\"amount\":100,\"currency\":\"RON\"},";
        check(problems, "admin/post-studios-studioId-services.json", service + "\"staffIds\":[null]}", "staffIds[0]");
        check(problems, "admin/post-studios-studioId-services.json", service + "\"staffIds\":[\"sf_1\"],\"locationIds\":[null]}",
                "locationIds[0]");
        check(problems, "admin/put-studios-studioId-services-serviceId.json", "{\"staffIds\":[null]}", "staffIds[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"weekly\":[null]}", "weekly[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"overrides\":[null]}", "overrides[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json",
                "{\"overrides\":[{\"date\":\"2026-12-24\",\"intervals\":[null]}]}", "overrides[0].intervals[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"timeOff\":[null]}", "timeOff[0]");
        String session = "{\"name\":\"Yin\",\"start\":\"2026-12-01T18:00:00+02:00\",\"durationMinutes\":60,\"capacity\":5,"
                + "\"instructorId\":\"sf_1\",\"format\":\"IN_PERSON\",\"locationId\":\"lc_1\",\"price\":{\"amount\":100,"
                + "\"currency\":\"RON\"},\"paymentMethods\":[null]}";
        check(problems, "admin/post-studios-studioId-sessions.json", session, "paymentMethods[0]");
        check(problems, "admin/put-studios-studioId-sessions-sessionId.json", "{\"paymentMethods\":[null]}", "paymentMethods[0]");
        check(problems, "admin/post-studios-studioId-session-templates.json", session.replace("\"start\":\"2026-12-01T18:00:00+02:00\",", ""),
                "paymentMethods[0]");
        assertThat(problems).isEmpty();
        assertThat(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken).send()
                .json().get("paymentMethods").toString()).doesNotContain("null");
    }

    /** A path id no record can have is not found, on every route, whoever asks; the table never sees it. */
    @Test
    void a_path_id_that_cannot_exist_is_a_404_on_every_route() {
        List<String> hostile = List.of("a".repeat(1_024), "a".repeat(65), "..", "a/b", "\u00e9t\u00e9", "a\u0000b", "a b",
                "%2F", "STUDIO#st_1", "\ud83e\uddd8", "'");
        List<String> problems = new ArrayList<>();
        for (Path event : allRoutes()) {
            for (String name : pathParameters(event)) {
                for (String id : hostile) {
                    for (boolean withToken : new boolean[]{true, false}) {
                        Api.Call call = call(event).path(name, id);
                        if (!withToken) call.header("authorization", null);
                        Api.Reply reply = call.send();
                        if (reply.status() != 404 || !"NOT_FOUND".equals(reply.errorCode())) {
                            problems.add(event.getFileName() + " " + name + "=" + id.substring(0, Math.min(id.length(), 20))
                                    + " -> " + reply.status() + " " + reply.body());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** The sample event of every HTTP route. */
    private static List<Path> allRoutes() {
        try (Stream<Path> files = Files.walk(Api.repoRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("timed-jobs")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pathParameters(Path event) {
        try {
            List<String> names = new ArrayList<>();
            com.studiobooking.functions.http.Json.MAPPER.readTree(event.toFile()).path("pathParameters").fieldNames()
                    .forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event of every route whose body the API reads as JSON (the webhook's is Stripe's). */
    private static List<Path> jsonRoutes() {
        try (Stream<Path> files = Files.walk(Api.repoRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("timed-jobs")
                            && !f.toString().contains("payment-webhook") && body(f) != null)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(Path event) {
        try {
            JsonNode body = com.studiobooking.functions.http.Json.MAPPER.readTree(event.toFile()).get("body");
            return body == null || body.isNull() ? null : body.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstField(Path event) {
        try {
            return com.studiobooking.functions.http.Json.MAPPER.readTree(body(event)).fieldNames().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Api.Call call(Path event) {
        String name = event.getParent().getFileName() + "/" + event.getFileName();
        Api.Call call = api.call(name).token(ownerToken);
        if (name.contains("studioId")) call.path("studioId", studioId);
        return call;
    }

    private void check(List<String> problems, String event, String body, String field) {
        Api.Reply reply = call(Api.repoRoot().resolve("events").resolve(event)).rawBody(body).send();
        if (reply.status() != 400 || !field.equals(reply.errorField())) {
            problems.add(event + " " + body + " -> " + reply.status() + " " + reply.body());
        }
    }

    private void check(List<String> problems, Path event, String body, String field) {
        Api.Reply reply = call(event).rawBody(body).send();
        String where = event.getFileName() + " " + (body.length() > 40 ? body.substring(0, 40) + "…" : body);
        if (reply.status() != 400) problems.add(where + " -> " + reply.status() + " " + reply.body());
        else if (!named(reply.errorField(), field)) problems.add(where + " -> field " + reply.errorField() + ", not " + field);
    }

    /** The field itself, or a field inside it (an object field meets an unknown name before the limit). */
    private static boolean named(String actual, String field) {
        return actual != null && (actual.equals(field) || actual.startsWith(field + ".") || actual.startsWith(field + "["));
    }
}
