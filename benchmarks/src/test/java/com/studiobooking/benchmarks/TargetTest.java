package com.studiobooking.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.port.PaymentEvent;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample event is filled in with the demo studio, and nothing of the samples' placeholders is left. */
class TargetTest {
    private static final DemoStudio STUDIO = new DemoStudio("st_1", "sf_1", "lc_1", "sv_1", "ss_1", "bk_1", "token-1",
            ZoneId.of("Europe/Bucharest"), TimedJobs.missingLink("st_1", "ss_1", Instant.parse("2026-12-07T16:00:00Z"), 24,
                    Instant.parse("2026-11-30T12:00:00Z"), "Europe/Bucharest"));
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void every_target_has_a_sample_without_placeholders_once_filled_in() throws Exception {
        SampleEvents events = new SampleEvents(REPO);
        Path directory = Files.createTempDirectory("events");
        for (Target target : Target.values()) {
            String filled = Files.readString(events.write(target, STUDIO, 7, directory));

            assertThat(filled).as(target.label).doesNotContain("_demo0000000000000").doesNotContain("REPLACE_WITH");
            assertThat(events.source(target)).as(target.label).startsWith("events/");
        }
    }

    @Test
    void each_handler_is_measured_on_the_jar_the_makefile_ships_it_in() throws Exception {
        String noStripeLine = Files.readAllLines(REPO.resolve("Makefile")).stream()
                .filter(line -> line.startsWith("NO_STRIPE_FUNCTIONS :=")).findFirst().orElseThrow();
        java.util.List<String> noStripe = java.util.List.of(noStripeLine.substring(noStripeLine.indexOf('=') + 1).trim().split("\\s+"));
        Jars jars = Jars.in(REPO, null);
        for (Target target : Target.values()) {
            if (!target.inFunctionsJar()) continue;
            String function = target.handlerClass.substring(target.handlerClass.lastIndexOf('.') + 1).replace("Handler", "Function");
            assertThat(target.jar(jars)).as(target.label)
                    .isEqualTo(noStripe.contains(function) ? jars.noStripe() : jars.functions());
        }
        assertThat(noStripe).containsExactlyInAnyOrder("AuthFunction", "CatalogueFunction", "LinkReleaseFunction");
    }

    @Test
    void staff_routes_carry_the_token_and_dated_routes_start_from_today() {
        ObjectNode booking = Target.BOOKING.fill(sample(Target.BOOKING), STUDIO, 1);
        ObjectNode slots = Target.CATALOGUE_SLOTS.fill(sample(Target.CATALOGUE_SLOTS), STUDIO, 1);

        assertThat(booking.path("headers").path("authorization").asText()).isEqualTo("Bearer token-1");
        assertThat(booking.path("pathParameters").path("studioId").asText()).isEqualTo("st_1");
        String today = java.time.LocalDate.now(STUDIO.zone()).toString();
        assertThat(booking.path("queryStringParameters").path("from").asText()).isEqualTo(today);
        assertThat(booking.path("rawQueryString").asText()).contains("from=" + today);
        assertThat(slots.path("queryStringParameters").path("serviceId").asText()).isEqualTo("sv_1");
        assertThat(slots.path("rawQueryString").asText()).contains("serviceId=sv_1").contains("timezone=Europe%2FBucharest");
    }

    @Test
    void the_timed_job_asks_about_a_session_that_does_not_exist() {
        ObjectNode job = Target.TIMED_JOBS.fill(sample(Target.TIMED_JOBS), STUDIO, 1);

        assertThat(job.path("kind").asText()).isEqualTo("MISSING_LINK_REMINDER");
        assertThat(job.path("studioId").asText()).isEqualTo("st_1");
        assertThat(job.path("sessionId").asText()).isEqualTo(Target.MISSING_SESSION);
        assertThat(job.has("routeKey")).isFalse();
    }

    @Test
    void the_stripe_event_passes_the_real_verification_and_is_new_every_run() {
        ObjectNode first = Target.PAYMENT_WEBHOOK.fill(sample(Target.PAYMENT_WEBHOOK), STUDIO, 1);
        ObjectNode second = Target.PAYMENT_WEBHOOK.fill(sample(Target.PAYMENT_WEBHOOK), STUDIO, 2);

        PaymentEvent event = new StripeWebhookVerifier(new Secret(Target.STRIPE_WEBHOOK_SECRET), Clock.systemUTC())
                .verify(first.path("body").asText(), first.path("headers").path("stripe-signature").asText());
        PaymentEvent next = new StripeWebhookVerifier(new Secret(Target.STRIPE_WEBHOOK_SECRET), Clock.systemUTC())
                .verify(second.path("body").asText(), second.path("headers").path("stripe-signature").asText());

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CHECKOUT_EXPIRED);
        assertThat(event.reference()).isEqualTo("bk_1");
        assertThat(next.eventId()).isNotEqualTo(event.eventId());
    }

    private static String sample(Target target) {
        return new SampleEvents(REPO).sample(target);
    }
}
