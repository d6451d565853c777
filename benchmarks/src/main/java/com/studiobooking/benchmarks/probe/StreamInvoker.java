package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code RequestStreamHandler}: the event's bytes in, the response's bytes out, no serializer in between. */
final class StreamInvoker extends Invoker {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
    private final RequestStreamHandler handler;
    private final boolean job;

    /** @param job a timed job's handler: its answer is a JSON map, not an API Gateway response */
    StreamInvoker(RequestStreamHandler handler, boolean job) {
        this.handler = handler;
        this.job = job;
    }

    @Override
    boolean stream() {
        return true;
    }

    @Override
    Object read(byte[] event) {
        return event;
    }

    @Override
    Object handle(Object event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream((byte[]) event), out, new ProbeContext());
        return out.toByteArray();
    }

    @Override
    void write(Object response) {
        // the handler wrote it
    }

    /**
     * The written API Gateway response's {@code statusCode}, 0 when there is none; a job's answer counts as 200 unless
     * it carries an "error".
     */
    @Override
    int status(Object response) {
        if (job) return describe(response).contains("\"error\"") ? 500 : 200;
        Matcher matcher = STATUS.matcher(describe(response));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    @Override
    String describe(Object response) {
        return new String((byte[]) response, StandardCharsets.UTF_8);
    }
}
