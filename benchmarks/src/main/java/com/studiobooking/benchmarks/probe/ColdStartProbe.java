package com.studiobooking.benchmarks.probe;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda Java runtime for exactly one cold invocation in a fresh JVM: constructs the handler with its
 * no-arg constructor (init), hands it the event as the runtime would, prints one {@value #MARK} line with the
 * timings and exits. A {@code RequestStreamHandler} gets the event file's bytes and writes its response JSON
 * itself (serde is then just reading the file; the status is read from the written {@code statusCode} after the
 * clock stops); a typed {@code RequestHandler} gets the event read, and its response written, with the runtime's
 * own serialization library (see {@link TypedInvoker}).
 * <p>Usage: {@code java -cp <handler jar>:cold-start-probe.jar ColdStartProbe <handler class> <event file> [http|job]}.
 * {@code http} (the default) is an API Gateway HTTP API event; {@code job} a plain JSON map (a timed job), whose
 * answer counts as status 200 unless it carries an "error".
 */
public final class ColdStartProbe {
    public static final String MARK = "COLD-START-PROBE";

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        ClassLoader loader = ColdStartProbe.class.getClassLoader();
        Object handler = Class.forName(args[0], true, loader).getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();

        Invoker invoker = Invoker.of(handler, args.length > 2 && args[2].equals("job"), loader);
        Object event = invoker.read(Files.readAllBytes(Path.of(args[1])));
        long invoked = System.nanoTime();
        Object response = invoker.handle(event);
        long handled = System.nanoTime();
        invoker.write(response);
        long responded = System.nanoTime();

        System.out.println(MARK + " status=" + invoker.status(response)
                + " mainToResponseMicros=" + micros(responded - main)
                + " initMicros=" + micros(initialised - main)
                + " invokeMicros=" + micros(handled - invoked)
                + " serdeMicros=" + micros((invoked - initialised) + (responded - handled))
                + " stream=" + invoker.stream());
        System.out.flush();
        System.exit(0);
    }

    static long micros(long nanos) {
        return nanos / 1_000;
    }
}
