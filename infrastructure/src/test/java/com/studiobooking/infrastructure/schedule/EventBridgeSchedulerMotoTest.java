package com.studiobooking.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.testing.MotoServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;

/**
 * {@link EventBridgeScheduler} against EventBridge Scheduler as moto emulates it (server mode, through the
 * production-built SDK client): unlike the WireMock stubs of {@link EventBridgeSchedulerTest}, which pin the
 * exact requests, moto keeps schedules, so these tests read back what a schedule became and meet the real
 * ConflictException / ResourceNotFoundException the adapter relies on.
 *
 * <p>Where moto (5.2.5) differs from EventBridge Scheduler's documentation, the test is named after the
 * difference and says in a comment what AWS does: moto validates no schedule expression (an {@code at()}
 * in the past or not a date at all is accepted), an UpdateSchedule keeps the old ActionAfterCompletion
 * instead of resetting an omitted one, and a CreateSchedule in a group that does not exist fails with
 * HTTP 500 instead of ResourceNotFoundException. So moto cannot tell whether the adapter sends the full
 * definition on update or a valid expression: the WireMock tests keep pinning those.
 */
class EventBridgeSchedulerMotoTest {
    private static final String FUNCTION = "arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs";
    private static final String ROLE = "arn:aws:iam::123456789012:role/studio-booking-scheduler";
    private static final String DLQ = "arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq";
    /** A group of this class's own: moto's state is shared by every test of the JVM. */
    private static final String GROUP = "studio-booking-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:30Z");

    private static AwsSettings aws;
    private static SchedulerClient moto;
    private static EventBridgeScheduler scheduler;

    @BeforeAll
    static void createGroup() {
        aws = new AwsSettings(Region.EU_CENTRAL_1, MotoServer.shared().endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        moto = AwsClients.scheduler(aws);
        moto.createScheduleGroup(r -> r.name(GROUP));
        scheduler = EventBridgeScheduler.using(aws, new EventBridgeScheduler.Settings(GROUP, FUNCTION, ROLE, DLQ),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        moto.close();
    }

    @Test
    void a_job_becomes_a_one_time_self_deleting_schedule_in_the_group_at_its_wall_clock_time_in_the_studio_zone() {
        String job = unique("missing-link");

        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        GetScheduleResponse schedule = get(job);
        assertThat(schedule.groupName()).isEqualTo(GROUP);
        assertThat(schedule.arn()).isEqualTo("arn:aws:scheduler:eu-central-1:123456789012:schedule/" + GROUP + "/" + job);
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-11-30T18:00:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Bucharest");
        assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(schedule.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        assertThat(schedule.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(schedule.target().arn()).isEqualTo(FUNCTION);
        assertThat(schedule.target().roleArn()).isEqualTo(ROLE);
        assertThat(schedule.target().input())
                .isEqualTo("{\"kind\":\"MISSING_LINK_REMINDER\",\"sessionId\":\"s-1\",\"studioId\":\"st-1\"}");
        assertThat(schedule.target().retryPolicy().maximumRetryAttempts()).isEqualTo(3);
        assertThat(schedule.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(schedule.target().deadLetterConfig().arn()).isEqualTo(DLQ);
    }

    @Test
    void a_client_reminder_is_a_schedule_named_after_its_booking_and_hour_whose_input_carries_the_start() {
        String bookingId = "bk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ScheduledJob job = TimedJobs.clientReminder("st-1", bookingId, 24, Instant.parse("2026-11-28T16:00:00Z"),
                "Europe/Bucharest");

        scheduler.schedule(job);

        assertThat(EventBridgeScheduler.scheduleName(job.name())).isEqualTo("reminder-" + bookingId + "-24h");
        GetScheduleResponse schedule = get("reminder-" + bookingId + "-24h");
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-11-27T18:00:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Bucharest");
        assertThat(schedule.target().input()).isEqualTo("{\"bookingId\":\"" + bookingId + "\",\"hoursBefore\":\"24\","
                + "\"kind\":\"CLIENT_REMINDER\",\"start\":\"2026-11-28T16:00:00Z\",\"studioId\":\"st-1\"}");

        scheduler.cancel(job.name());
        assertThatThrownBy(() -> get(job.name())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void scheduling_an_existing_name_again_replaces_its_time_and_input_and_leaves_one_schedule() {
        String job = unique("missing-link");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        scheduler.schedule(reminder(job, "2026-12-01T07:30:00Z", "s-2"));

        GetScheduleResponse schedule = get(job);
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-12-01T09:30:00)");
        assertThat(schedule.target().input()).contains("\"sessionId\":\"s-2\"");
        assertThat(schedule.lastModificationDate()).isAfterOrEqualTo(schedule.creationDate());
        assertThat(moto.listSchedules(r -> r.groupName(GROUP).namePrefix(job)).schedules())
                .singleElement().satisfies(s -> assertThat(s.name()).isEqualTo(job));
    }

    @Test
    void the_second_create_of_a_name_meets_a_real_conflict_which_the_adapter_turns_into_an_update() {
        String job = unique("release");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        // What the adapter's catch relies on: moto, like AWS, keeps the schedule and refuses the name again.
        assertThatThrownBy(() -> moto.createSchedule(r -> r.name(job).groupName(GROUP)
                .scheduleExpression("at(2026-12-01T00:00:00)").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(FUNCTION).roleArn(ROLE))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");

        assertThatCode(() -> scheduler.schedule(reminder(job, "2026-12-02T16:00:00Z", "s-1"))).doesNotThrowAnyException();
        assertThat(get(job).scheduleExpression()).isEqualTo("at(2026-12-02T18:00:00)");
    }

    @Test
    void scheduling_again_restores_the_whole_definition_of_a_schedule_changed_by_someone_else() {
        String job = unique("missing-link");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));
        // e.g. disabled by hand in the console, with a flexible window and another target input
        moto.updateSchedule(r -> r.name(job).groupName(GROUP).scheduleExpression("at(2026-11-30T20:00:00)")
                .state(ScheduleState.DISABLED)
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .target(t -> t.arn(FUNCTION).roleArn(ROLE).input("{}")));
        assertThat(get(job).state()).isEqualTo(ScheduleState.DISABLED);

        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        GetScheduleResponse schedule = get(job);
        assertThat(schedule.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-11-30T18:00:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("Europe/Bucharest");
        assertThat(schedule.target().input()).contains("\"sessionId\":\"s-1\"");
        assertThat(schedule.target().retryPolicy().maximumRetryAttempts()).isEqualTo(3);
        assertThat(schedule.target().deadLetterConfig().arn()).isEqualTo(DLQ);
    }

    @Test
    void a_cancelled_job_is_gone_and_reading_it_is_a_resource_not_found() {
        String job = unique("missing-link");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        scheduler.cancel(job);

        assertThatThrownBy(() -> get(job)).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void cancelling_a_job_that_already_ran_or_was_never_made_is_fine() {
        String job = unique("missing-link");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));
        scheduler.cancel(job);

        // moto answers both with the ResourceNotFoundException (HTTP 404) the adapter swallows
        assertThatCode(() -> scheduler.cancel(job)).doesNotThrowAnyException();
        assertThatCode(() -> scheduler.cancel(unique("never-made"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> moto.deleteSchedule(r -> r.name(job).groupName(GROUP)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_cancelled_job_can_be_scheduled_again_under_the_same_name() {
        String job = unique("release");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));
        scheduler.cancel(job);

        scheduler.schedule(reminder(job, "2026-12-03T16:00:00Z", "s-1"));

        assertThat(get(job).scheduleExpression()).isEqualTo("at(2026-12-03T18:00:00)");
    }

    @Test
    void a_job_name_eventbridge_would_refuse_is_created_and_cancelled_under_its_mapped_name() {
        String job = "missing link/ș " + UUID.randomUUID();
        String name = EventBridgeScheduler.scheduleName(job);

        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));
        assertThat(get(name).name()).isEqualTo(name);

        scheduler.cancel(job);
        assertThatThrownBy(() -> get(name)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void cancelling_in_a_group_that_does_not_exist_is_swallowed_like_a_missing_schedule() {
        // moto answers a DeleteSchedule in a missing group with the same ResourceNotFoundException (HTTP 404,
        // "Schedule group … does not exist.") as for a missing schedule; AWS documents only the exception, not
        // its cases. The adapter cannot tell the two apart, so with a misnamed group every cancel is a silent
        // no-op (while every schedule fails loudly, see below).
        EventBridgeScheduler misconfigured = EventBridgeScheduler.using(aws,
                new EventBridgeScheduler.Settings(unique("no-such-group"), FUNCTION, ROLE, DLQ), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatCode(() -> misconfigured.cancel(unique("missing-link"))).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- where moto differs from AWS

    @Test
    void moto_accepts_any_schedule_expression_even_an_at_time_in_the_past_or_not_a_date() {
        // AWS: CreateSchedule validates the expression (ValidationException "Invalid Schedule Expression").
        // So moto cannot check the at() the adapter renders, nor its one-minute floor: EventBridgeSchedulerTest does.
        String past = unique("past");
        String garbage = unique("garbage");

        moto.createSchedule(r -> r.name(past).groupName(GROUP).scheduleExpression("at(2020-01-01T00:00:00)")
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(FUNCTION).roleArn(ROLE)));
        moto.createSchedule(r -> r.name(garbage).groupName(GROUP).scheduleExpression("at(tomorrow)")
                .scheduleExpressionTimezone("Mars/Olympus_Mons")
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(FUNCTION).roleArn(ROLE)));

        assertThat(get(garbage).scheduleExpression()).isEqualTo("at(tomorrow)");
    }

    @Test
    void moto_keeps_the_action_after_completion_when_an_update_omits_it() {
        // AWS: UpdateSchedule "uses all values, including empty values": an omitted ActionAfterCompletion
        // becomes NONE, and the one-time schedule would stay behind after it ran. moto keeps DELETE, so it
        // cannot catch an update that forgets it: EventBridgeSchedulerTest pins the full update body.
        String job = unique("missing-link");
        scheduler.schedule(reminder(job, "2026-11-30T16:00:00Z", "s-1"));

        moto.updateSchedule(r -> r.name(job).groupName(GROUP).scheduleExpression("at(2026-11-30T18:00:00)")
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(FUNCTION).roleArn(ROLE)));

        GetScheduleResponse schedule = get(job);
        assertThat(schedule.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        // ...while an omitted retry policy does fall back to AWS's default (185 attempts, 24 hours)
        assertThat(schedule.target().retryPolicy().maximumRetryAttempts()).isEqualTo(185);
        assertThat(schedule.target().deadLetterConfig()).isNull();
    }

    @Test
    void moto_fails_a_create_in_a_group_that_does_not_exist_with_an_internal_error_not_resource_not_found() {
        // AWS lists ResourceNotFoundException (HTTP 404) for CreateSchedule. moto: a KeyError, HTTP 500 with an
        // HTML body, which the SDK retries and then surfaces as a plain SchedulerException. Either way the
        // adapter lets it propagate (it catches only ConflictException): the job is not lost silently.
        EventBridgeScheduler misconfigured = EventBridgeScheduler.using(aws,
                new EventBridgeScheduler.Settings(unique("no-such-group"), FUNCTION, ROLE, DLQ), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> misconfigured.schedule(reminder(unique("missing-link"), "2026-11-30T16:00:00Z", "s-1")))
                .isInstanceOf(SchedulerException.class)
                .isNotInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((SchedulerException) e).statusCode()).isEqualTo(500));
    }

    private static ScheduledJob reminder(String name, String at, String sessionId) {
        return new ScheduledJob(name, Instant.parse(at), "Europe/Bucharest", JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", "st-1", "sessionId", sessionId));
    }

    private static GetScheduleResponse get(String name) {
        return moto.getSchedule(r -> r.name(name).groupName(GROUP));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
