package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The functions as Lambda calls them, with the event's bytes: the sample events, a base64 body, refusals as JSON. */
class StreamHandlerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Api api = new Api();
    private final String studioId = api.openStudio("ana@example.com");

    @Test
    void a_sample_event_as_bytes_is_answered_as_api_gateway_reads_it() throws IOException {
        JsonNode response = call("auth", Files.readString(Path.of("..", "events", "auth", "post-auth-code.json"))
                .replace("st_demo0000000000000", studioId));

        assertThat(response.path("statusCode").asInt()).isEqualTo(202);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(JSON.readTree(response.path("body").asText()).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(response.path("isBase64Encoded").asBoolean(true)).isFalse();
        assertThat(api.outbox.sentTo("ana@example.com")).hasSize(1);
    }

    @Test
    void a_base64_encoded_body_is_decoded_before_the_route_reads_it() throws IOException {
        String body = "{\"studioId\":\"" + studioId + "\",\"email\":\"ana@example.com\"}";
        JsonNode response = call("auth", event("POST /auth/code", "/auth/code",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true));

        assertThat(response.path("statusCode").asInt()).isEqualTo(202);
    }

    @Test
    void a_text_beyond_the_request_limits_is_a_400_naming_its_field_not_a_failed_invocation() throws IOException {
        String body = "{\"studioId\":\"" + studioId + "\",\"email\":\"" + "a".repeat(200_000) + "@example.com\"}";
        JsonNode response = call("auth", event("POST /auth/code", "/auth/code", body, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.path("body").asText()).path("error");
        assertThat(error.path("field").asText()).isEqualTo("email");
        assertThat(api.outbox.sentTo("ana@example.com")).isEmpty();
    }

    @Test
    void an_unknown_route_is_a_404_in_json() throws IOException {
        JsonNode response = call("auth", event("GET /auth/nothing", "/auth/nothing", null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").path("code").asText()).isEqualTo("ROUTE_NOT_FOUND");
    }

    private JsonNode call(String function, String event) throws IOException {
        return JSON.readTree(api.stream(function, event.getBytes(StandardCharsets.UTF_8)));
    }

    private static String event(String routeKey, String path, String body, boolean base64) throws IOException {
        var event = JSON.createObjectNode().put("version", "2.0").put("routeKey", routeKey).put("rawPath", path)
                .put("rawQueryString", "").put("isBase64Encoded", base64);
        event.putObject("headers").put("content-type", "application/json");
        event.putObject("requestContext").put("requestId", "stream-test").put("routeKey", routeKey)
                .putObject("http").put("method", routeKey.split(" ")[0]).put("path", path).put("sourceIp", "203.0.113.10");
        if (body != null) event.put("body", body);
        return JSON.writeValueAsString(event);
    }
}
