package com.studiobooking.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One priming run (see {@code probe.PrimingProbe}): in one JVM, the handler's init, the CRaC hooks run as SnapStart
 * runs them ({@code priming}), the first request after them, and the warm requests after that, all in milliseconds
 * from the child's own clock. {@code resources} is how many CRaC resources the handler registered.
 */
record PrimingMeasurement(Target target, int resources, boolean stream, double initMillis, double primingMillis,
                          double firstMillis, List<Double> warmMillis) {

    Stats warm() {
        return Stats.of(warmMillis);
    }

    /** First invoke after priming over the warm median: the goal is at most 2. */
    double firstOverWarmMedian() {
        return firstMillis / warm().median();
    }

    /** Reads {@code PRIMING-PROBE resources=1 stream=false initMicros=… primingMicros=… firstMicros=… warmMicros=a,b,…}. */
    static PrimingMeasurement parse(Target target, String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String warm = required(fields, "warmMicros", line);
        return new PrimingMeasurement(target, Integer.parseInt(required(fields, "resources", line)),
                Boolean.parseBoolean(required(fields, "stream", line)), millis(fields, "initMicros", line),
                millis(fields, "primingMicros", line), millis(fields, "firstMicros", line),
                warm.isEmpty() ? List.of() : Arrays.stream(warm.split(",")).map(w -> Long.parseLong(w) / 1000.0).toList());
    }

    private static double millis(Map<String, String> fields, String name, String line) {
        return Long.parseLong(required(fields, name, line)) / 1000.0;
    }

    private static String required(Map<String, String> fields, String name, String line) {
        String value = fields.get(name);
        if (value == null) throw new IllegalArgumentException("no " + name + " in priming probe line: " + line);
        return value;
    }
}
