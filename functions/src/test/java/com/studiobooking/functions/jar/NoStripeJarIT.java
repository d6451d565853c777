package com.studiobooking.functions.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.studiobooking.infrastructure.testing.MotoServer;
import com.studiobooking.infrastructure.testing.TestTables;

/**
 * The guard of the second jar (issue 16): auth, catalogue and link-release ship
 * {@code studio-booking-functions-no-stripe.jar}, the functions jar without stripe-java and Gson
 * (Makefile, docs/benchmarks.md). Each of their sample events runs through their handlers in a JVM of its
 * own on that jar (against a studio opened in moto through production's table adapter), so a route of theirs
 * that comes to need Stripe or Gson fails here with
 * {@link NoClassDefFoundError}, not in AWS; and the same events on the full jar load no Stripe or Gson
 * class at all (class-load log).
 */
class NoStripeJarIT {
    private static final List<String> FUNCTIONS = List.of("auth", "catalogue", "link-release");

    @Test
    void the_small_jar_has_neither_stripe_java_nor_gson() throws Exception {
        try (ZipFile jar = new ZipFile(ShadedJar.jar("studio-booking-functions-no-stripe.jar").toFile())) {
            assertThat(jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("com/stripe/") || n.startsWith("com/google/gson/"))).isEmpty();
            assertThat(jar.getEntry("com/studiobooking/functions/AuthHandler.class")).isNotNull();
        }
    }

    @Test
    void every_sample_event_of_auth_catalogue_and_link_release_runs_on_the_small_jar() throws Exception {
        ShadedJar.Run run = ShadedJar.run(ShadedJar.jar("studio-booking-functions-no-stripe.jar"),
                NoStripeHandlersDriver.class, List.of(), arguments());
        run.output().lines().filter(line -> line.startsWith("event ")).forEach(System.out::println);

        assertThat(run.output()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", " 500", " 502", " 503");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("event auth/post-auth-code.json 202", "event catalogue/get-studios-studioId.json 200",
                "event catalogue/get-studios-studioId-sessions.json 200",
                "event link-release/post-studios-studioId-bookings-bookingId-attendance.json", "OK");
    }

    @Test
    void on_the_full_jar_the_same_events_load_no_stripe_or_gson_class() throws Exception {
        Path log = Paths.get("target", "no-stripe-driver-classes.log");
        Files.deleteIfExists(log);
        ShadedJar.Run run = ShadedJar.run(ShadedJar.jar("studio-booking-functions.jar"), NoStripeHandlersDriver.class,
                List.of("-Xlog:class+load=info:file=" + log), arguments());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).anyMatch(line -> line.contains("com.studiobooking.functions.LinkReleaseHandler"));
        assertThat(loaded).noneMatch(line -> line.contains(" com.stripe.") || line.contains(" com.google.gson."));
    }

    /** moto's endpoint, a fresh table of the production shape there, and the sample events. */
    private static String[] arguments() throws Exception {
        List<String> files = new ArrayList<>(List.of(MotoServer.shared().endpoint().toString(), TestTables.freshMotoTable()));
        Path root = Paths.get("..", "events").toAbsolutePath().normalize();
        for (String function : FUNCTIONS) {
            try (Stream<Path> listing = Files.list(root.resolve(function))) {
                listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toString()));
            }
        }
        return files.toArray(String[]::new);
    }
}
