package com.studiobooking.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our reading and writing of API Gateway's bytes against the Lambda runtime's own serializer, on every sample event. */
class HttpEventsTest {
    private static final ClassLoader LOADER = HttpEventsTest.class.getClassLoader();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER);
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RUNTIME_RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);

    @Test
    void every_sample_event_reads_as_the_lambda_runtime_reads_it() throws IOException {
        List<Path> samples = httpSamples();
        assertThat(samples).hasSizeGreaterThan(50);
        for (Path sample : samples) {
            APIGatewayV2HTTPEvent ours;
            APIGatewayV2HTTPEvent runtime;
            try (InputStream in = Files.newInputStream(sample)) {
                ours = HttpEvents.read(in);
            }
            try (InputStream in = Files.newInputStream(sample)) {
                runtime = RUNTIME_EVENTS.fromJson(in);
            }
            runtime.getRequestContext().setAuthorizer(null); // not read: tokens are checked in the function
            assertThat(ours).as(sample.toString()).usingRecursiveComparison().isEqualTo(runtime);
        }
    }

    @Test
    void a_base64_body_and_a_body_far_above_the_request_limits_arrive_intact() throws IOException {
        String big = "x".repeat(1_000_000);
        String event = "{\"version\":\"2.0\",\"routeKey\":\"POST /auth/code\",\"rawPath\":\"/auth/code\",\"body\":\"" + big
                + "\",\"isBase64Encoded\":true,\"requestContext\":{\"requestId\":\"r1\",\"timeEpoch\":1796115600000,"
                + "\"http\":{\"method\":\"POST\",\"path\":\"/auth/code\",\"sourceIp\":\"203.0.113.10\"}},"
                + "\"cookies\":[\"a=1\",\"b=2\"],\"headers\":{\"content-type\":\"application/json\"},\"futureField\":{\"x\":[1]}}";
        APIGatewayV2HTTPEvent read = HttpEvents.read(bytes(event));

        assertThat(read.getBody()).hasSize(1_000_000);
        assertThat(read.getIsBase64Encoded()).isTrue();
        assertThat(read.getCookies()).containsExactly("a=1", "b=2");
        assertThat(read.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.10");
        assertThat(read.getRequestContext().getTimeEpoch()).isEqualTo(1796115600000L);
        assertThat(read.getPathParameters()).isNull();
    }

    @Test
    void bytes_that_are_not_an_http_api_event_are_refused() {
        for (String notAnEvent : List.of("[]", "{}", "{\"routeKey\":7}", "{\"kind\":\"CLIENT_REMINDER\"}", "null")) {
            assertThatThrownBy(() -> HttpEvents.read(bytes(notAnEvent))).as(notAnEvent)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> HttpEvents.read(bytes("{\"routeKey\":"))).isInstanceOf(IOException.class);
    }

    @Test
    void responses_read_back_with_the_lambda_runtime_as_they_were_written() throws IOException {
        List<APIGatewayV2HTTPResponse> responses = List.of(
                APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(Map.of("content-type", "application/json"))
                        .withBody("{\"name\":\"Ștefan — “Yoga” 🧘\",\"line\":\"a\\nb\"}").build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(204).build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withIsBase64Encoded(true).withBody("aGVsbG8=")
                        .withCookies(List.of("s=1; Secure")).withMultiValueHeaders(Map.of("vary", List.of("origin", "accept")))
                        .build());
        for (APIGatewayV2HTTPResponse response : responses) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HttpEvents.write(response, out);
            APIGatewayV2HTTPResponse back = RUNTIME_RESPONSES.fromJson(new ByteArrayInputStream(out.toByteArray()));
            assertThat(back).usingRecursiveComparison().isEqualTo(response);
        }
    }

    /** The samples of every HTTP route (the timed jobs' samples are plain JSON maps). */
    static List<Path> httpSamples() throws IOException {
        Path events = Path.of("..", "events");
        try (Stream<Path> files = Files.walk(events)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> !file.startsWith(events.resolve("timed-jobs")))
                    .sorted().toList();
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
