package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.jobs.JobRunner;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.functions.logging.Log;

import java.util.HashMap;
import java.util.Map;

/**
 * The timed-jobs function (the missing-link reminders of sessions and online appointments, unpaid-booking
 * release, refund retries, client reminders and the instructors' daily digest), invoked by EventBridge Scheduler with {@code {"kind": …, "studioId": …, "sessionId"|"bookingId":
 * …}} and the job's own fields (a refund's {@code attempt}, a reminder's {@code hoursBefore} and {@code start}).
 * Bad input is answered, not thrown, so the scheduler does not retry what can never succeed.
 */
public final class TimedJobsHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {
    private final JobRunner jobs;

    public TimedJobsHandler() {
        this(Wiring.production());
        Priming.register(Priming.timedJobs(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public TimedJobsHandler(Wiring wiring) {
        this.jobs = wiring.jobRunner();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, String> input, Context context) {
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
