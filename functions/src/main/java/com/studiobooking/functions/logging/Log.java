package com.studiobooking.functions.logging;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Structured JSON logs, one line per event, to standard output (CloudWatch in Lambda, the console
 * locally). Lines carry ids, routes, statuses and timings only: never bodies, e-mail addresses,
 * tokens or exception messages, which may hold personal data. See docs/decisions/logging.md.
 */
public final class Log {
    private static final String SERVICE = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "studio-booking");
    private static volatile PrintStream out = System.out;

    private Log() {}

    /** Redirects log lines (the local runtime and tests). */
    public static void to(PrintStream stream) {
        out = stream;
    }

    public static void request(String requestId, String route, int status, String errorCode, long durationMs) {
        StringBuilder line = start(status >= 500 ? "ERROR" : "INFO", "request", requestId);
        field(line, "route", route);
        line.append(",\"status\":").append(status);
        if (errorCode != null) field(line, "errorCode", errorCode);
        line.append(",\"durationMs\":").append(durationMs);
        out.println(line.append('}'));
    }

    public static void info(String requestId, String message) {
        out.println(start("INFO", message, requestId).append('}'));
    }

    /** An unexpected failure: the exception's type and stack frames, not its message. */
    public static void error(String requestId, String route, String message, Throwable error) {
        StringBuilder line = start("ERROR", message, requestId);
        field(line, "route", route);
        StringBuilder trace = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!trace.isEmpty()) trace.append(" <- ");
            trace.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) trace.append(" at ").append(frames[i]);
        }
        field(line, "exception", trace.toString());
        out.println(line.append('}'));
    }

    private static StringBuilder start(String level, String message, String requestId) {
        StringBuilder line = new StringBuilder(256).append('{');
        line.append("\"timestamp\":\"").append(Instant.now()).append('"');
        field(line, "level", level);
        field(line, "service", SERVICE);
        field(line, "message", message);
        if (requestId != null) field(line, "requestId", requestId);
        return line;
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) line.append(String.format("\\u%04x", (int) c));
                    else line.append(c);
                }
            }
        }
        line.append('"');
    }
}
