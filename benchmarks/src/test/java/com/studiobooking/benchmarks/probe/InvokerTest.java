package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream handler gets the event's bytes untouched, and its status is read from the JSON it wrote. */
class InvokerTest {

    @Test
    void a_stream_handler_is_handed_the_bytes_and_its_written_status_is_read_back() throws Exception {
        byte[] event = "{\"pathParameters\":{\"studioId\":\"st_1\"}}".getBytes(StandardCharsets.UTF_8);
        RequestStreamHandler echo = (in, out, context) -> {
            byte[] received = in.readAllBytes();
            assertThat(received).isEqualTo(event);
            out.write("{\"statusCode\" : 202,\"body\":\"{\\\"statusCode\\\":500}\"}".getBytes(StandardCharsets.UTF_8));
        };

        Invoker invoker = Invoker.of(echo, false, getClass().getClassLoader());
        Object response = invoker.handle(invoker.read(event));
        invoker.write(response);

        assertThat(invoker.stream()).isTrue();
        assertThat(invoker.status(response)).isEqualTo(202);
    }

    @Test
    void a_stream_response_without_a_status_code_counts_as_no_status() throws Exception {
        Invoker invoker = Invoker.of((RequestStreamHandler) (in, out, context) -> out.write('{'), false, getClass().getClassLoader());

        assertThat(invoker.status(invoker.handle(invoker.read(new byte[0])))).isZero();
    }
}
