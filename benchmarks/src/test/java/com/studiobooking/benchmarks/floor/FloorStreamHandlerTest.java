package com.studiobooking.benchmarks.floor;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream floor finds {@code pathParameters.studioId} wherever it sits in the event, and skips the rest unread. */
class FloorStreamHandlerTest {

    @Test
    void the_studio_id_is_read_from_the_path_parameters_past_nested_objects_and_arrays() throws IOException {
        String event = "{\"version\":\"2.0\",\"headers\":{\"studioId\":\"not-this\"},\"cookies\":[\"a\",{\"studioId\":\"nor-this\"}],"
                + "\"pathParameters\":{\"other\":{\"x\":1},\"studioId\":\"st_1\"},\"body\":null}";

        assertThat(FloorStreamHandler.studioId(stream(event))).isEqualTo("st_1");
    }

    @Test
    void an_event_without_the_path_parameter_has_no_studio_id() throws IOException {
        assertThat(FloorStreamHandler.studioId(stream("{\"pathParameters\":{\"sessionId\":\"ss_1\"}}"))).isNull();
        assertThat(FloorStreamHandler.studioId(stream("{\"routeKey\":\"GET /\"}"))).isNull();
        assertThat(FloorStreamHandler.studioId(stream("[]"))).isNull();
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
