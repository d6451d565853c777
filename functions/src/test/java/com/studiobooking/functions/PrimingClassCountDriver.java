package com.studiobooking.functions;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Run by {@link PrimingClassCountIT} in a JVM of its own on the shaded jar: builds the auth or booking handler on
 * production's table adapter (moto), primes it or not, then sends one real request and prints how many classes that
 * first request loaded ({@code ClassLoadingMXBean.getTotalLoadedClassCount()} before and after it). Mail and
 * schedules go nowhere; the token secret is the test's.
 */
public final class PrimingClassCountDriver implements Scheduler {
    /** @param args moto's endpoint, the table, "auth" or "booking", "prime" or "cold", the studio id, an e-mail, a staff token */
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        AwsSettings moto = new AwsSettings(Region.EU_WEST_1, URI.create(args[0]),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        DynamoItemTable table = new DynamoItemTable(AwsClients.dynamoDb(moto), args[1]);
        Wiring wiring = new Wiring(new Wiring.Parts(() -> table, () -> email -> { }, () -> args[7],
                PrimingClassCountDriver::new, () -> { throw new IllegalStateException("no payments here"); },
                () -> { throw new IllegalStateException("no webhooks here"); },
                "https://book.example/widget", "https://admin.example/", clock));
        String function = args[2];
        boolean prime = args[3].equals("prime");
        String studioId = args[4];
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long atStart = classes.getTotalLoadedClassCount();
        HttpFunction handler;
        byte[] request;
        if (function.equals("auth")) {
            AuthHandler auth = new AuthHandler(wiring);
            if (prime) Priming.auth(auth, wiring).prime();
            handler = auth;
            request = Priming.event("POST /auth/code", studioId, Map.of(), "{\"studioId\":\"" + studioId + "\",\"email\":\"" + args[5] + "\"}",
                    Map.of("content-type", "application/json"));
        } else {
            BookingHandler booking = new BookingHandler(wiring);
            if (prime) Priming.booking(booking, wiring).prime();
            handler = booking;
            request = Priming.event("GET /studios/{studioId}/bookings", studioId,
                    Map.of("from", "2026-12-01", "to", "2026-12-07"), null,
                    Map.of("authorization", "Bearer " + args[6]));
        }
        long beforeRequest = classes.getTotalLoadedClassCount();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request), response, null);
        long afterRequest = classes.getTotalLoadedClassCount();
        String answer = response.toString(StandardCharsets.UTF_8);
        String status = answer.replaceAll("(?s).*\"statusCode\":(\\d+).*", "$1");
        System.out.println("count " + function + " " + args[3] + " status=" + status + " init+priming=" + (beforeRequest - atStart)
                + " firstRequest=" + (afterRequest - beforeRequest) + " total=" + afterRequest);
    }

    @Override public void schedule(ScheduledJob job) { }

    @Override public void scheduleDaily(DailyJob job) { }

    @Override public void cancel(String name) { }
}
