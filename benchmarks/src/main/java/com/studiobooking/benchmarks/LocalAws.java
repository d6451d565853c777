package com.studiobooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import com.studiobooking.infrastructure.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The AWS a cold handler talks to: a moto server of the runner's own ({@link MotoServer}, open source, in server
 * mode on loopback). moto answers DynamoDB, SES v2 and EventBridge Scheduler on one endpoint, which is what the
 * handlers take as their single {@code AWS_ENDPOINT_URL}: nothing in between, nothing faked.
 * <p>What AWS would already hold is set up here through the real SDK v2 clients, with the credentials the handlers
 * get: the sender's e-mail identity (moto, like SES, refuses {@code SendEmail} from an unverified sender) and the
 * schedule group (moto fails {@code CreateSchedule} in a group it does not have with an HTTP 500, where AWS answers
 * {@code ResourceNotFoundException}). The table is created by {@link DemoStudio#seed}. What the handlers did is read
 * back from moto: the e-mails it accepted from its state ({@code GET /moto-api/data.json}), a schedule through
 * {@code GetSchedule}.
 */
final class LocalAws implements AutoCloseable {
    static final Region REGION = Region.EU_WEST_1;
    /** moto takes any keys; runner and handlers use the same ones, so they see the same account. */
    static final String ACCESS_KEY = "coldstart";
    static final String SECRET_KEY = "coldstart";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MotoServer moto;
    private final String sender;
    private final EventBridgeScheduler.Settings schedules;
    private final DynamoDbClient dynamo;
    private final SesV2Client ses;
    private final SchedulerClient scheduler;
    private final EventBridgeScheduler reminders;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LocalAws(MotoServer moto, String sender, EventBridgeScheduler.Settings schedules) {
        this.moto = moto;
        this.sender = sender;
        this.schedules = schedules;
        AwsSettings settings = new AwsSettings(REGION, moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
        this.dynamo = AwsClients.dynamoDb(settings);
        this.ses = AwsClients.sesV2(settings);
        this.scheduler = AwsClients.scheduler(settings);
        this.reminders = new EventBridgeScheduler(() -> scheduler, schedules, Clock.systemUTC());
    }

    /** A moto server of its own, with {@code sender} verified and the schedule group of {@code schedules} created. */
    static LocalAws start(String sender, EventBridgeScheduler.Settings schedules) {
        MotoServer moto = MotoServer.start(false);
        LocalAws aws = null;
        try {
            aws = new LocalAws(moto, sender, schedules);
            aws.ses.createEmailIdentity(r -> r.emailIdentity(sender));
            aws.scheduler.createScheduleGroup(r -> r.name(schedules.groupName()));
            return aws;
        } catch (RuntimeException e) {
            if (aws != null) aws.close();
            else moto.stop();
            throw e;
        }
    }

    /** What the handlers get as {@code AWS_ENDPOINT_URL}, and what the runner seeds through. */
    URI endpoint() {
        return moto.endpoint();
    }

    /** A DynamoDB client of the runner, for seeding. */
    DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Creates the schedule of {@code job} as the functions would (or replaces it when it exists). */
    void schedule(ScheduledJob job) {
        reminders.schedule(job);
    }

    /** Whether moto holds a schedule for the job named {@code jobName} in the schedule group. */
    boolean hasSchedule(String jobName) {
        try {
            scheduler.getSchedule(r -> r.groupName(schedules.groupName()).name(EventBridgeScheduler.scheduleName(jobName)));
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }

    /** The e-mails moto accepted from the sender so far, read from its state. */
    int emailsSent() {
        JsonNode ses = state().path("ses");
        int sent = 0;
        for (String model : List.of("Message", "RawMessage")) {
            for (JsonNode message : ses.path(model)) {
                if (sender.equals(message.path("source").asText())) sent++;
            }
        }
        return sent;
    }

    /**
     * moto's whole state as JSON: every model instance it made since it started, by service. Slow once a run has
     * written thousands of items (a priming run of 100 requests per handler timed out at 30 s), hence the long timeout.
     */
    private JsonNode state() {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json"))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("moto answered " + response.statusCode() + " for /moto-api/data.json");
                }
                return JSON.readTree(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The moto release the runner's server runs, from the pinned requirements it was installed from. */
    static String motoVersion() {
        try (InputStream in = MotoServer.class.getResourceAsStream("/moto/requirements.txt")) {
            if (in == null) return "?";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("moto=="))
                    .map(line -> line.substring("moto==".length()).trim())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            dynamo.close();
            ses.close();
            scheduler.close();
        } finally {
            moto.stop();
        }
    }
}
