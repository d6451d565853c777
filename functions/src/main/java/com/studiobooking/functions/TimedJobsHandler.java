package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.jobs.JobRunner;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.functions.http.Json;
import com.studiobooking.functions.logging.Log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The timed-jobs function (the missing-link reminders of sessions and online appointments, unpaid-booking
 * release, refund retries, client reminders and the instructors' daily digest), invoked by EventBridge Scheduler with {@code {"kind": …, "studioId": …, "sessionId"|"bookingId":
 * …}} and the job's own fields (a refund's {@code attempt}, a reminder's {@code hoursBefore} and {@code start}).
 * Bad input is answered, not thrown, so the scheduler does not retry what can never succeed.
 */
public final class TimedJobsHandler implements RequestStreamHandler {
    private final JobRunner jobs;

    public TimedJobsHandler() {
        this(Wiring.production());
        Priming.register(Priming.timedJobs(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public TimedJobsHandler(Wiring wiring) {
        this.jobs = wiring.jobRunner();
    }

    /**
     * Lambda hands the job's JSON over as bytes, as it does to the HTTP functions: the runtime's own serializer (a
     * second Jackson, loaded and run on the first invocation) is never used, and SnapStart priming warms this path.
     * Input that is not a JSON object of strings (or numbers, read as their text) is answered as invalid.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> job;
        try {
            job = jobInput(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (DomainException e) {
            job = Map.of();
        }
        output.write(Json.write(handle(job, context)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> jobInput(String text) {
        Map<?, ?> raw = Json.read(text, Map.class);
        Map<String, String> job = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                job.put(String.valueOf(name), String.valueOf(value));
            } else {
                throw DomainException.invalid(String.valueOf(name), "must be a string");
            }
        });
        return job;
    }

    /** Runs one job; tests and SnapStart priming call it with the input as a map. */
    public Map<String, Object> handle(Map<String, String> input, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        Map<String, Object> result = new HashMap<>();
        try {
            JobKind kind = JobKind.valueOf(input.getOrDefault("kind", ""));
            boolean done = jobs.run(kind, input);
            result.put("kind", kind.name());
            result.put("done", done);
            Log.info(requestId, "timed job " + kind + (done ? " done" : " had nothing to do"));
        } catch (IllegalArgumentException | DomainException e) {
            result.put("error", "invalid job input");
            Log.info(requestId, "timed job refused: invalid input");
        }
        return result;
    }
}
