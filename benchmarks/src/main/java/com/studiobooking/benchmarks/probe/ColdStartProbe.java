package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda Java runtime for exactly one cold invocation in a fresh JVM: constructs the handler with its
 * no-arg constructor (init), reads the event and writes the response with the runtime's own serialization
 * library, calls {@code handleRequest} once, prints one {@value #MARK} line with the timings and exits.
 * <p>Usage: {@code java -cp <handler jar>:cold-start-probe.jar ColdStartProbe <handler class> <event file>}
 */
public final class ColdStartProbe {
    public static final String MARK = "COLD-START-PROBE";

    private ColdStartProbe() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        ClassLoader loader = ColdStartProbe.class.getClassLoader();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0], true, loader).getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();

        PojoSerializer<APIGatewayV2HTTPEvent> events = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> responses = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = events.fromJson(in);
        }
        long invoked = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new ProbeContext());
        long handled = System.nanoTime();
        responses.toJson(response, OutputStream.nullOutputStream());
        long responded = System.nanoTime();

        System.out.println(MARK + " status=" + response.getStatusCode()
                + " mainToResponseMicros=" + micros(responded - main)
                + " initMicros=" + micros(initialised - main)
                + " invokeMicros=" + micros(handled - invoked)
                + " serdeMicros=" + micros((invoked - initialised) + (responded - handled)));
        System.out.flush();
        System.exit(0);
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
