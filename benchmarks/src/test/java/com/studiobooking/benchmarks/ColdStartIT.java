package com.studiobooking.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner end to end on the packaged jars (hence failsafe, after package): a moto server, the seeded
 * studio, one fresh JVM per target and JIT mode. Checks that every handler answered its route successfully
 * and that a measurement came back, never how fast it was.
 */
class ColdStartIT {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void one_cold_request_of_every_target_is_measured_and_answered() throws Exception {
        ColdStart.Options options = ColdStart.Options.parse("cold-start", "--runs", "1", "--warmups", "0", "--no-write");

        ColdStart.Result result = ColdStart.run(options);

        assertThat(result.measurements()).hasSize(Target.values().length * JvmMode.values().length).allSatisfy(m -> {
            assertThat(m.status()).as(m.target().label).isEqualTo(m.target() == Target.AUTH ? 202 : 200);
            assertThat(m.totalMillis()).isPositive();
            assertThat(m.initMillis()).isPositive();
            assertThat(m.invokeMillis()).isPositive();
            assertThat(m.totalMillis()).isGreaterThan(m.mainToResponseMillis());
        });
        assertThat(result.measurements().stream().map(Measurement::target).distinct().toList())
                .containsExactlyInAnyOrder(Target.values());
        assertThat(result.emailsSent()).isEqualTo(result.authInvocations()); // read back from moto
        assertThat(result.linkReleaseInvocations()).isPositive();
        // every link release deleted the reminder the runner had put back
        assertThat(result.remindersRemoved()).isEqualTo(result.linkReleaseInvocations());
        assertThat(Report.section(result)).startsWith(Report.HEADING)
                .contains("| catalogue-slots (`CatalogueHandler`) | `GET /studios/{studioId}/slots` (200) |")
                .contains("| timed-jobs (`TimedJobsHandler`) | `job MISSING_LINK_REMINDER` (200) |");
        assertThat(List.of(Target.values())).allSatisfy(t -> assertThat(options.measuresVariant(t)).isFalse());
    }
}
