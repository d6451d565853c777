package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.MotoServer;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path of priming: every handler built by its no-arg constructor from a Lambda-like environment
 * (moto for DynamoDB, SES, Scheduler and Secrets Manager), each registered hook run as before a snapshot, on the
 * shaded jar ({@link ProductionPrimingDriver}). The secrets are Secrets Manager names with nothing behind them, so
 * reading one fails priming: it must not happen. Every synthetic request must be answered as planned.
 */
class ProductionPrimingIT {
    @Test
    void every_handler_primes_from_its_production_constructor_without_reading_a_secret() throws Exception {
        String output = run("studio-booking-functions.jar", "auth", "admin", "catalogue", "booking", "link-release",
                "payment-webhook", "timed-jobs");
        assertThat(output).contains("hooks 7", "OK");
        assertThat(output.lines().filter(line -> line.contains(" primed with "))).as(output).hasSize(7)
                .noneMatch(line -> line.contains("not answered as expected"));
    }

    /** The functions that ship the jar without stripe-java and Gson prime on it: their priming needs neither. */
    @Test
    void auth_catalogue_and_link_release_prime_on_the_jar_without_stripe() throws Exception {
        String output = run("studio-booking-functions-no-stripe.jar", "auth", "catalogue", "link-release");
        assertThat(output).contains("hooks 3", "OK").doesNotContain("NoClassDefFoundError");
        assertThat(output.lines().filter(line -> line.contains(" primed with "))).as(output).hasSize(3)
                .noneMatch(line -> line.contains("not answered as expected"));
    }

    private static String run(String jar, String... functions) throws Exception {
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:timed-jobs";
        Map<String, String> env = Map.ofEntries(
                Map.entry("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString()),
                Map.entry("AWS_ACCESS_KEY_ID", "test"), Map.entry("AWS_SECRET_ACCESS_KEY", "test"),
                Map.entry("TABLE_NAME", TestTables.freshMotoTable()),
                Map.entry("SENDER_EMAIL", "bookings@example.com"),
                Map.entry("TOKEN_SECRET_PARAMETER", "priming-it/no-such-token-secret"),
                Map.entry("STRIPE_SECRET_KEY_PARAMETER", "priming-it/no-such-stripe-key"),
                Map.entry("STRIPE_WEBHOOK_SECRET_PARAMETER", "priming-it/no-such-webhook-secret"),
                Map.entry("WIDGET_BASE_URL", "https://book.example/widget"),
                Map.entry("ADMIN_PAGE_URL", "https://admin.example/"),
                Map.entry("SCHEDULE_GROUP", "studio-booking"),
                Map.entry("TIMED_JOBS_FUNCTION_ARN", arn),
                Map.entry("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/scheduler"),
                Map.entry("SCHEDULER_DLQ_ARN", "arn:aws:sqs:eu-west-1:123456789012:timed-jobs-dlq"));

        Path classes = Files.createTempDirectory("production-priming");
        String file = ProductionPrimingDriver.class.getName().replace('.', '/') + ".class";
        Path copy = classes.resolve(file);
        Files.createDirectories(copy.getParent());
        try (var in = ProductionPrimingDriver.class.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, copy);
        }
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Paths.get("target", jar).toAbsolutePath() + java.io.File.pathSeparator + classes,
                ProductionPrimingDriver.class.getName()))).redirectErrorStream(true);
        builder.command().addAll(List.of(functions));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Could not read secret", "INTERNAL");
        return output;
    }
}
