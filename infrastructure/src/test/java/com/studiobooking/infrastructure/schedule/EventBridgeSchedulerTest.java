package com.studiobooking.infrastructure.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.WireMockAws;

import software.amazon.awssdk.services.scheduler.SchedulerClient;

class EventBridgeSchedulerTest {
    private static final String FUNCTION = "arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs";
    private static final String ROLE = "arn:aws:iam::123456789012:role/studio-booking-scheduler";
    private static final String DLQ = "arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq";
    private static final EventBridgeScheduler.Settings SETTINGS =
            new EventBridgeScheduler.Settings("studio-booking", FUNCTION, ROLE, DLQ);
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:30Z");
    /** 24 hours before a Vinyasa class at 18:00 in Bucharest on 1 December. */
    private static final ScheduledJob REMINDER = new ScheduledJob("missing-link-s-1",
            Instant.parse("2026-11-30T16:00:00Z"), "Europe/Bucharest", JobKind.MISSING_LINK_REMINDER,
            Map.of("studioId", "st-1", "sessionId", "s-1"));
    private static final String REMINDER_SCHEDULE = """
            {
              "GroupName": "studio-booking",
              "ScheduleExpression": "at(2026-11-30T18:00:00)",
              "ScheduleExpressionTimezone": "Europe/Bucharest",
              "FlexibleTimeWindow": {"Mode": "OFF"},
              "ActionAfterCompletion": "DELETE",
              "State": "ENABLED",
              "Target": {
                "Arn": "arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs",
                "RoleArn": "arn:aws:iam::123456789012:role/studio-booking-scheduler",
                "Input": "{\\"kind\\":\\"MISSING_LINK_REMINDER\\",\\"sessionId\\":\\"s-1\\",\\"studioId\\":\\"st-1\\"}",
                "RetryPolicy": {"MaximumRetryAttempts": 3, "MaximumEventAgeInSeconds": 3600},
                "DeadLetterConfig": {"Arn": "arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq"}
              },
              "ClientToken": "${json-unit.regex}[0-9a-f-]{36}"
            }""";
    private static final String SCHEDULE_ARN = "{\"ScheduleArn\":\"arn:aws:scheduler:eu-central-1:123456789012:schedule/studio-booking/missing-link-s-1\"}";

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private SchedulerClient client;
    private EventBridgeScheduler scheduler;

    @BeforeEach
    void start() {
        wireMock.start();
        client = AwsClients.scheduler(WireMockAws.settings(wireMock));
        scheduler = new EventBridgeScheduler(() -> client, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
        wireMock.stubFor(post(urlEqualTo("/schedules/missing-link-s-1")).willReturn(json(200, SCHEDULE_ARN)));
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    @Test
    void a_job_becomes_a_one_time_schedule_at_its_wall_clock_time_in_the_studio_zone_that_deletes_itself() {
        scheduler.schedule(REMINDER);

        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/missing-link-s-1"))
                .withHeader("Authorization", matching(".*/eu-central-1/scheduler/aws4_request.*"))
                .withRequestBody(equalToJson(REMINDER_SCHEDULE)));
    }

    @Test
    void an_existing_schedule_of_that_name_is_replaced_with_the_full_definition() {
        wireMock.stubFor(post(urlEqualTo("/schedules/missing-link-s-1")).willReturn(json(409,
                "{\"Message\":\"Schedule missing-link-s-1 already exists.\"}").withHeader("x-amzn-ErrorType", "ConflictException")));
        wireMock.stubFor(put(urlEqualTo("/schedules/missing-link-s-1")).willReturn(json(200, SCHEDULE_ARN)));

        scheduler.schedule(REMINDER);

        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/missing-link-s-1")));
        wireMock.verify(1, putRequestedFor(urlEqualTo("/schedules/missing-link-s-1"))
                .withRequestBody(equalToJson(REMINDER_SCHEDULE)));
    }

    @Test
    void every_create_carries_a_fresh_client_token_so_a_re_created_schedule_is_never_taken_for_an_old_one() {
        scheduler.schedule(REMINDER);
        scheduler.schedule(REMINDER);
        scheduler.schedule(new ScheduledJob(REMINDER.name(), REMINDER.at().plusSeconds(3600), REMINDER.zone(),
                REMINDER.kind(), REMINDER.input()));

        List<String> tokens = wireMock.findAll(postRequestedFor(urlEqualTo("/schedules/missing-link-s-1"))).stream()
                .map(request -> clientToken(request.getBodyAsString())).toList();
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void a_time_already_past_is_scheduled_a_minute_from_now_because_eventbridge_refuses_past_times() {
        scheduler.schedule(new ScheduledJob("missing-link-s-1", NOW.minusSeconds(7200), "Europe/Bucharest",
                JobKind.MISSING_LINK_REMINDER, Map.of("studioId", "st-1", "sessionId", "s-1")));

        // 10:01:30 UTC is 12:01:30 in Bucharest (EET, +02:00, in November)
        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/missing-link-s-1"))
                .withRequestBody(equalToJson("""
                        {"ScheduleExpression": "at(2026-11-01T12:01:30)", "ScheduleExpressionTimezone": "Europe/Bucharest"}""",
                        false, true)));
    }

    @Test
    void a_wall_clock_time_that_happens_twice_when_the_clocks_go_back_is_expressed_in_utc() {
        // On 25 October 2026 Bucharest goes from 04:00 EEST back to 03:00 EET: 03:30 happens twice.
        Instant secondHalfPastThree = Instant.parse("2026-10-25T01:30:00Z");
        assertThat(LocalDateTime.ofInstant(secondHalfPastThree, ZoneId.of("Europe/Bucharest")))
                .isEqualTo(LocalDateTime.parse("2026-10-25T03:30:00"));
        scheduler = new EventBridgeScheduler(() -> client, SETTINGS,
                Clock.fixed(Instant.parse("2026-10-20T00:00:00Z"), ZoneOffset.UTC));

        scheduler.schedule(new ScheduledJob("missing-link-s-1", secondHalfPastThree, "Europe/Bucharest",
                JobKind.MISSING_LINK_REMINDER, Map.of("studioId", "st-1", "sessionId", "s-1")));

        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/missing-link-s-1"))
                .withRequestBody(equalToJson("""
                        {"ScheduleExpression": "at(2026-10-25T01:30:00)", "ScheduleExpressionTimezone": "UTC"}""",
                        false, true)));
    }

    @Test
    void cancelling_deletes_the_schedule_in_its_group() {
        wireMock.stubFor(delete(urlPathEqualTo("/schedules/missing-link-s-1")).willReturn(json(200, "{}")));

        scheduler.cancel("missing-link-s-1");

        wireMock.verify(1, deleteRequestedFor(urlPathEqualTo("/schedules/missing-link-s-1"))
                .withQueryParam("groupName", equalTo("studio-booking")));
    }

    @Test
    void cancelling_a_schedule_that_no_longer_exists_is_fine() {
        wireMock.stubFor(delete(urlPathEqualTo("/schedules/missing-link-s-1")).willReturn(json(404,
                "{\"Message\":\"Schedule missing-link-s-1 does not exist.\"}")
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")));

        scheduler.cancel("missing-link-s-1");

        wireMock.verify(1, deleteRequestedFor(urlPathEqualTo("/schedules/missing-link-s-1")));
    }

    @Test
    void a_job_name_eventbridge_would_refuse_is_mapped_to_a_valid_name_the_same_way_every_time() {
        String spaced = EventBridgeScheduler.scheduleName("missing link/ș-1");
        String long100 = EventBridgeScheduler.scheduleName("r".repeat(100));

        assertThat(EventBridgeScheduler.scheduleName("missing-link-0b7c_1.2")).isEqualTo("missing-link-0b7c_1.2");
        assertThat(spaced).matches("missing-link---1-[0-9a-f]{16}").isEqualTo(EventBridgeScheduler.scheduleName("missing link/ș-1"));
        assertThat(long100).matches("r{40}-[0-9a-f]{16}");
        assertThat(EventBridgeScheduler.scheduleName("r".repeat(101))).isNotEqualTo(long100);
        assertThat(EventBridgeScheduler.scheduleName("missing link/ș-2")).isNotEqualTo(spaced);
        assertThat(EventBridgeScheduler.scheduleName("missing link/s-1")).isNotEqualTo(spaced);
    }

    @Test
    void a_job_with_an_invalid_name_is_created_and_cancelled_under_the_same_mapped_name() {
        String name = EventBridgeScheduler.scheduleName("missing link 1");
        wireMock.stubFor(post(urlEqualTo("/schedules/" + name)).willReturn(json(200, SCHEDULE_ARN)));
        wireMock.stubFor(delete(urlPathEqualTo("/schedules/" + name)).willReturn(json(200, "{}")));

        scheduler.schedule(new ScheduledJob("missing link 1", REMINDER.at(), REMINDER.zone(), REMINDER.kind(), Map.of()));
        scheduler.cancel("missing link 1");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/" + name)));
        wireMock.verify(1, deleteRequestedFor(urlPathEqualTo("/schedules/" + name)));
    }

    @Test
    void the_target_input_is_compact_json_of_the_kind_and_the_input_with_sorted_keys() {
        ScheduledJob job = new ScheduledJob("release-b-1", NOW, "UTC", JobKind.RELEASE_UNPAID_BOOKING,
                Map.of("studioId", "st-1", "bookingId", "b-1", "note", "Ana \"Pop\" \\ ș\n"));

        assertThat(EventBridgeScheduler.targetInput(job)).isEqualTo(
                "{\"bookingId\":\"b-1\",\"kind\":\"RELEASE_UNPAID_BOOKING\",\"note\":\"Ana \\\"Pop\\\" \\\\ ș\\u000a\","
                        + "\"studioId\":\"st-1\"}");
        assertThatThrownBy(() -> EventBridgeScheduler.targetInput(new ScheduledJob("j", NOW, "UTC",
                JobKind.MISSING_LINK_REMINDER, Map.of("kind", "x")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_client_is_built_on_first_use_not_at_construction() {
        new EventBridgeScheduler(() -> { throw new AssertionError("client built"); }, SETTINGS, Clock.systemUTC());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String clientToken(String body) {
        Matcher matcher = Pattern.compile("\"ClientToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as("ClientToken in %s", body).isTrue();
        return matcher.group(1);
    }

    @Test
    void a_daily_job_becomes_a_cron_schedule_in_the_studio_zone_that_stays_and_is_replaced_when_it_exists() {
        DailyJob digest = new DailyJob("digest-st-1", 7, "Europe/Bucharest", JobKind.INSTRUCTOR_DIGEST,
                Map.of("studioId", "st-1"));
        String definition = """
                {
                  "GroupName": "studio-booking",
                  "ScheduleExpression": "cron(0 7 * * ? *)",
                  "ScheduleExpressionTimezone": "Europe/Bucharest",
                  "FlexibleTimeWindow": {"Mode": "OFF"},
                  "ActionAfterCompletion": "NONE",
                  "State": "ENABLED",
                  "Target": {
                    "Arn": "arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs",
                    "RoleArn": "arn:aws:iam::123456789012:role/studio-booking-scheduler",
                    "Input": "{\\"kind\\":\\"INSTRUCTOR_DIGEST\\",\\"studioId\\":\\"st-1\\"}",
                    "RetryPolicy": {"MaximumRetryAttempts": 3, "MaximumEventAgeInSeconds": 3600},
                    "DeadLetterConfig": {"Arn": "arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq"}
                  },
                  "ClientToken": "${json-unit.regex}[0-9a-f-]{36}"
                }""";
        wireMock.stubFor(post(urlEqualTo("/schedules/digest-st-1")).willReturn(json(200, SCHEDULE_ARN)));

        scheduler.scheduleDaily(digest);

        wireMock.verify(1, postRequestedFor(urlEqualTo("/schedules/digest-st-1")).withRequestBody(equalToJson(definition)));

        wireMock.stubFor(post(urlEqualTo("/schedules/digest-st-1")).willReturn(json(409,
                "{\"Message\":\"Schedule digest-st-1 already exists.\"}").withHeader("x-amzn-ErrorType", "ConflictException")));
        wireMock.stubFor(put(urlEqualTo("/schedules/digest-st-1")).willReturn(json(200, SCHEDULE_ARN)));
        scheduler.scheduleDaily(new DailyJob("digest-st-1", 6, "Asia/Jakarta", JobKind.INSTRUCTOR_DIGEST,
                Map.of("studioId", "st-1")));

        wireMock.verify(1, putRequestedFor(urlEqualTo("/schedules/digest-st-1")).withRequestBody(equalToJson(definition
                .replace("cron(0 7 * * ? *)", "cron(0 6 * * ? *)").replace("Europe/Bucharest", "Asia/Jakarta"))));
    }
}
