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

    // ---------------------------------------------------------------------------------------------

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
