package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Plays the Lambda Java runtime for exactly one cold invocation in a fresh JVM: constructs the handler with its
 * no-arg constructor (init), reads the event and writes the response with the runtime's own serialization
 * library, calls {@code handleRequest} once, prints one {@value #MARK} line with the timings and exits.
 * <p>Usage: {@code java -cp <handler jar>:cold-start-probe.jar ColdStartProbe <handler class> <event file> [http|job]}.
 * {@code http} (the default) is an API Gateway HTTP API event; {@code job} a plain JSON map (a timed job), read and
 * written with the runtime's Jackson factory, whose answer counts as status 200 unless it carries an "error".
 */
public final class ColdStartProbe {
    public static final String MARK = "COLD-START-PROBE";

    private ColdStartProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        ClassLoader loader = ColdStartProbe.class.getClassLoader();
        RequestHandler handler = (RequestHandler) Class.forName(args[0], true, loader).getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();

        boolean job = args.length > 2 && args[2].equals("job");
        PojoSerializer requests = job ? JacksonFactory.getInstance().getSerializer(Map.class)
                : LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer responses = job ? JacksonFactory.getInstance().getSerializer(Map.class)
                : LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = requests.fromJson(in);
        }
        long invoked = System.nanoTime();
        Object response = handler.handleRequest(event, new ProbeContext());
        long handled = System.nanoTime();
        responses.toJson(response, OutputStream.nullOutputStream());
        long responded = System.nanoTime();

        int status = job ? (((Map<String, Object>) response).containsKey("error") ? 400 : 200)
                : ((APIGatewayV2HTTPResponse) response).getStatusCode();
        System.out.println(MARK + " status=" + status
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
