package com.studiobooking.infrastructure.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;

import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * One-time jobs as EventBridge Scheduler schedules that invoke the timed-jobs function once and then
 * delete themselves; daily jobs as {@code cron} schedules in the studio's zone that stay until deleted. See {@code docs/decisions/timed-jobs.md} for names, past times and idempotency.
 */
public final class EventBridgeScheduler implements Scheduler {
    /** EventBridge Scheduler's limits on a schedule name. */
    private static final Pattern VALID_NAME = Pattern.compile("[0-9a-zA-Z_.-]{1,64}");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** A schedule is never set earlier than this from now: EventBridge refuses {@code at()} times in the past. */
    static final Duration EARLIEST = Duration.ofMinutes(1);
    private static final FlexibleTimeWindow OFF = FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build();

    /**
     * Where schedules live and what they invoke.
     *
     * @param groupName            the schedule group
     * @param targetArn            the timed-jobs Lambda function
     * @param roleArn              the role EventBridge Scheduler assumes to invoke it
     * @param deadLetterArn        the SQS queue for invocations that failed every retry
     * @param maximumRetryAttempts 0 to 185
     * @param maximumEventAge      1 minute to 24 hours, whole seconds
     */
    public record Settings(String groupName, String targetArn, String roleArn, String deadLetterArn,
                           int maximumRetryAttempts, Duration maximumEventAge) {
        public Settings {
            Objects.requireNonNull(groupName, "groupName");
            Objects.requireNonNull(targetArn, "targetArn");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(deadLetterArn, "deadLetterArn");
            if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
                throw new IllegalArgumentException("maximumRetryAttempts must be 0 to 185");
            }
            if (maximumEventAge.getSeconds() < 60 || maximumEventAge.getSeconds() > 86_400) {
                throw new IllegalArgumentException("maximumEventAge must be 1 minute to 24 hours");
            }
        }

        /** 3 retries within an hour of the scheduled time, then the dead-letter queue. */
        public Settings(String groupName, String targetArn, String roleArn, String deadLetterArn) {
            this(groupName, targetArn, roleArn, deadLetterArn, 3, Duration.ofHours(1));
        }
    }

    private final Supplier<SchedulerClient> clientFactory;
    private final Settings settings;
    private final Clock clock;
    private SchedulerClient client;

    /** @param client called once, on first use, so a function that never schedules never builds the client */
    public EventBridgeScheduler(Supplier<SchedulerClient> client, Settings settings, Clock clock) {
        this.clientFactory = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static EventBridgeScheduler using(AwsSettings aws, Settings settings, Clock clock) {
        return new EventBridgeScheduler(() -> AwsClients.scheduler(aws), settings, clock);
    }

    /** Creates the schedule; if one of that name exists, replaces its whole definition. */
    @Override
    public void schedule(ScheduledJob job) {
        String name = scheduleName(job.name());
        Instant earliest = clock.instant().plus(EARLIEST);
        Instant when = job.at().isBefore(earliest) ? earliest : job.at();
        ZoneId zone = ZoneId.of(job.zone());
        if (zone.getRules().getValidOffsets(LocalDateTime.ofInstant(when, zone)).size() > 1) {
            // A wall-clock time that happens twice (the hour the clocks go back) is ambiguous: say it in UTC.
            zone = ZoneOffset.UTC;
        }
        String expression = "at(" + LocalDateTime.ofInstant(when, zone).truncatedTo(ChronoUnit.SECONDS).format(AT) + ")";
        String timezone = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        Target target = target(targetInput(job));
        // No fixed ClientToken: the SDK sends a fresh one. A token derived from the definition could make
        // AWS answer a re-created schedule (link removed again) from its idempotency memory without creating it;
        // a retried create is safe anyway, as it meets ConflictException and becomes an update.
        try {
            client().createSchedule(CreateScheduleRequest.builder()
                    .name(name).groupName(settings.groupName())
                    .scheduleExpression(expression).scheduleExpressionTimezone(timezone)
                    .flexibleTimeWindow(OFF).actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .state(ScheduleState.ENABLED).target(target)
                    .build());
        } catch (ConflictException exists) {
            // UpdateSchedule replaces every field, so it gets the same full definition as the create.
            client().updateSchedule(UpdateScheduleRequest.builder()
                    .name(name).groupName(settings.groupName())
                    .scheduleExpression(expression).scheduleExpressionTimezone(timezone)
                    .flexibleTimeWindow(OFF).actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .state(ScheduleState.ENABLED).target(target)
                    .build());
        }
    }

    /**
     * A schedule that invokes the timed-jobs function every day at the job's hour on its zone's wall clock
     * ({@code cron(0 <hour> * * ? *)}, EventBridge following the zone's daylight saving), kept after each run;
     * if one of that name exists, its whole definition is replaced.
     */
    @Override
    public void scheduleDaily(DailyJob job) {
        String name = scheduleName(job.name());
        String expression = "cron(0 " + job.hour() + " * * ? *)";
        Target target = target(targetInput(job.kind(), job.input()));
        try {
            client().createSchedule(CreateScheduleRequest.builder()
                    .name(name).groupName(settings.groupName())
                    .scheduleExpression(expression).scheduleExpressionTimezone(job.zone())
                    .flexibleTimeWindow(OFF).actionAfterCompletion(ActionAfterCompletion.NONE)
                    .state(ScheduleState.ENABLED).target(target)
                    .build());
        } catch (ConflictException exists) {
            client().updateSchedule(UpdateScheduleRequest.builder()
                    .name(name).groupName(settings.groupName())
                    .scheduleExpression(expression).scheduleExpressionTimezone(job.zone())
                    .flexibleTimeWindow(OFF).actionAfterCompletion(ActionAfterCompletion.NONE)
                    .state(ScheduleState.ENABLED).target(target)
                    .build());
        }
    }

    @Override
    public void cancel(String jobName) {
        try {
            client().deleteSchedule(r -> r.name(scheduleName(jobName)).groupName(settings.groupName()));
        } catch (ResourceNotFoundException alreadyGone) {
            // already ran (and deleted itself), or never made: nothing to cancel
        }
    }

    /**
     * The schedule name for a job: the job's name when EventBridge accepts it (1 to 64 of
     * {@code [0-9a-zA-Z-_.]}), otherwise a readable prefix of it with invalid characters replaced, and a
     * hash of the whole name so two different job names never share a schedule.
     */
    public static String scheduleName(String jobName) {
        if (VALID_NAME.matcher(jobName).matches()) return jobName;
        String readable = jobName.replaceAll("[^0-9a-zA-Z_.-]", "-");
        return readable.substring(0, Math.min(readable.length(), 40)) + "-" + sha256Hex(jobName).substring(0, 16);
    }

    /**
     * The event the timed-jobs function receives: compact JSON of {@code kind} and the job's input, keys
     * sorted, e.g. {@code {"kind":"MISSING_LINK_REMINDER","sessionId":"s-1","studioId":"st-1"}}.
     */
    public static String targetInput(ScheduledJob job) {
        return targetInput(job.kind(), job.input());
    }

    private static String targetInput(JobKind kind, Map<String, String> input) {
        Map<String, String> fields = new TreeMap<>(input);
        if (fields.put("kind", kind.name()) != null) {
            throw new IllegalArgumentException("A job's input cannot have a field named kind");
        }
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.forEach((key, value) -> json.add(quote(key) + ":" + quote(value)));
        return json.toString();
    }

    private Target target(String input) {
        return Target.builder()
                .arn(settings.targetArn())
                .roleArn(settings.roleArn())
                .input(input)
                .retryPolicy(r -> r.maximumRetryAttempts(settings.maximumRetryAttempts())
                        .maximumEventAgeInSeconds((int) settings.maximumEventAge().getSeconds()))
                .deadLetterConfig(d -> d.arn(settings.deadLetterArn()))
                .build();
    }

    /**
     * Builds the client now instead of on the first schedule, without a call to the service: SnapStart
     * priming does this before the snapshot so the first request after a restore finds it built.
     */
    public void buildClient() {
        client();
    }

    private synchronized SchedulerClient client() {
        if (client == null) client = clientFactory.get();
        return client;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
