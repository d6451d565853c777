package com.studiobooking.functions.jar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.studio.NewStudio;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.functions.AuthHandler;
import com.studiobooking.functions.CatalogueHandler;
import com.studiobooking.functions.HttpFunction;
import com.studiobooking.functions.LinkReleaseHandler;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.table.DynamoItemTable;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Run by {@link NoStripeJarIT} in a JVM whose class path is a shaded jar and this class: builds the auth,
 * catalogue and link-release handlers as production does (the table is production's {@code DynamoItemTable},
 * on moto), except the mailer and scheduler, with the payment gateway and webhook
 * verifier built as {@code ProductionParts} builds them (stripe-java), and sends each sample event of
 * {@code events/<function>/} given as arguments through its function's handler. Prints one line per event;
 * an {@link Error} ({@link NoClassDefFoundError} of a Stripe or Gson class in the jar without them) ends it
 * with exit code 1. A 5xx answer is printed and fails the test too.
 */
public final class NoStripeHandlersDriver implements Scheduler {
    public static void main(String[] args) {
        try {
            run(args);
            System.out.println("OK");
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /** @param args moto's endpoint, the name of an empty table of the production shape there, then the event files */
    private static void run(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        AwsSettings moto = new AwsSettings(Region.EU_WEST_1, java.net.URI.create(args[0]),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        DynamoItemTable table = new DynamoItemTable(AwsClients.dynamoDb(moto), args[1]);
        Wiring wiring = new Wiring(new Wiring.Parts(() -> table, () -> email -> { }, () -> "no-stripe-driver-secret-of-32-chars-or-more",
                NoStripeHandlersDriver::new,
                () -> new StripePaymentGateway(StripeClients.create(new Secret("sk_test_unreachable"), "http://127.0.0.1:9"), clock),
                () -> new StripeWebhookVerifier(new Secret("whsec_unreachable"), clock),
                "https://book.example/widget", "https://admin.example/", clock));
        java.util.Map<String, HttpFunction> handlers = java.util.Map.of(
                "auth", new AuthHandler(wiring),
                "catalogue", new CatalogueHandler(wiring),
                "link-release", new LinkReleaseHandler(wiring));
        String studioId = wiring.studioSetup().openStudio(new NewStudio("Lotus Yoga", "Europe/Bucharest", "RON", "en",
                new NewStudio.Owner("Ana Pop", "ana@example.com"))).studioId();
        ObjectMapper json = new ObjectMapper();
        for (String file : java.util.Arrays.asList(args).subList(2, args.length)) {
            Path path = Path.of(file);
            String function = path.getParent().getFileName().toString();
            // the bytes, as the Lambda runtime hands them to a stream handler
            byte[] event = Files.readString(path).replace("st_demo0000000000000", studioId).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handlers.get(function).handleRequest(new ByteArrayInputStream(event), response, null);
            System.out.println("event " + function + "/" + path.getFileName() + " " + json.readTree(response.toByteArray()).path("statusCode").asInt());
        }
    }

    @Override public void schedule(ScheduledJob job) { }

    @Override public void scheduleDaily(DailyJob job) { }

    @Override public void cancel(String name) { }
}
