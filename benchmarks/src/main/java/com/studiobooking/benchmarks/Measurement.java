package com.studiobooking.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * One cold invocation. {@code totalMillis} is measured by the parent, from just before the child process is
 * started to the moment its probe line is read; the parts come from the child's own clock, and
 * {@link #jvmToMainMillis()} is what is left: process start, JVM boot and loading the probe's main class.
 * {@code variant} says the handler ran from the variant jar rather than its own; {@code stream} that it is a
 * {@code RequestStreamHandler} (handed the event's bytes, no event serializer).
 */
record Measurement(Target target, JvmMode mode, boolean variant, int status, double totalMillis, double mainToResponseMillis,
                   double initMillis, double invokeMillis, double serdeMillis, boolean stream) {

    double jvmToMainMillis() {
        return totalMillis - mainToResponseMillis;
    }

    /** Reads the probe's line: {@code COLD-START-PROBE status=200 mainToResponseMicros=... initMicros=...}. */
    static Measurement parse(Target target, JvmMode mode, boolean variant, double totalMillis, String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new Measurement(target, mode, variant, Integer.parseInt(required(fields, "status", line)), totalMillis,
                millis(fields, "mainToResponseMicros", line), millis(fields, "initMicros", line),
                millis(fields, "invokeMicros", line), millis(fields, "serdeMicros", line),
                Boolean.parseBoolean(fields.getOrDefault("stream", "false")));
    }

    private static double millis(Map<String, String> fields, String name, String line) {
        return Long.parseLong(required(fields, name, line)) / 1000.0;
    }

    private static String required(Map<String, String> fields, String name, String line) {
        String value = fields.get(name);
        if (value == null) throw new IllegalArgumentException("no " + name + " in probe line: " + line);
        return value;
    }
}
