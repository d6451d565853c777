package com.studiobooking.benchmarks.probe;

import com.studiobooking.benchmarks.probe.crac.Core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * SnapStart's sequence in one JVM, without the snapshot: construct the handler (init), run the CRaC hooks as
 * Lambda does before the snapshot and after the restore (priming), then the first real request ("first invoke
 * after priming") and the warm requests, each timed from handing over the event to the response written, the
 * way {@link ColdStartProbe} calls the handler. Prints one {@value #MARK} line, or {@value #FAILED} and exits 1 as
 * soon as a request does not answer 2xx.
 * <p>The child JVM must run with {@code -Dorg.crac.Core.Compat=com.studiobooking.benchmarks.probe.crac}, as Lambda's
 * runs with its runtime client's package: that is how the handlers' {@code org.crac} registrations reach
 * {@link Core}'s context (see there). Handlers without {@code org.crac} (the floors) register nothing.
 * <p>Usage: {@code java -Dorg.crac.Core.Compat=… -cp <handler jar>:cold-start-probe.jar PrimingProbe <handler class>
 * http|job <event file>…}: the first event is the first request, the others the warm ones, in order.
 */
public final class PrimingProbe {
    public static final String MARK = "PRIMING-PROBE";
    public static final String FAILED = "PRIMING-PROBE-FAILED";

    private PrimingProbe() {}

    public static void main(String[] args) throws Exception {
        ClassLoader loader = PrimingProbe.class.getClassLoader();
        boolean job = args[1].equals("job");
        List<byte[]> events = new ArrayList<>();
        for (int i = 2; i < args.length; i++) events.add(Files.readAllBytes(Path.of(args[i])));

        long started = System.nanoTime();
        Object handler = Class.forName(args[0], true, loader).getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        Core.getGlobalContext().beforeCheckpoint(null);
        Core.getGlobalContext().afterRestore(null);
        long primed = System.nanoTime();

        Invoker invoker = Invoker.of(handler, job, loader);
        StringJoiner warm = new StringJoiner(",");
        long first = 0;
        for (int i = 0; i < events.size(); i++) {
            long before = System.nanoTime();
            Object response = invoker.handle(invoker.read(events.get(i)));
            invoker.write(response);
            long took = System.nanoTime() - before;
            int status = invoker.status(response);
            if (status / 100 != 2) {
                System.out.println(FAILED + " request=" + i + " status=" + status + " response=" + invoker.describe(response));
                System.out.flush();
                System.exit(1);
            }
            if (i == 0) first = took;
            else warm.add(String.valueOf(ColdStartProbe.micros(took)));
        }
        System.out.println(MARK + " resources=" + Core.getGlobalContext().size()
                + " stream=" + invoker.stream()
                + " initMicros=" + ColdStartProbe.micros(initialised - started)
                + " primingMicros=" + ColdStartProbe.micros(primed - initialised)
                + " firstMicros=" + ColdStartProbe.micros(first)
                + " warmMicros=" + warm);
        System.out.flush();
        System.exit(0);
    }
}
