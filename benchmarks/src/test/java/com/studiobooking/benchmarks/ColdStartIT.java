package com.studiobooking.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner end to end on the packaged jars (hence failsafe, after package): a moto server, the seeded
 * studio, one fresh JVM per target and JIT mode, and one priming JVM per primed target with a few warm requests.
 * Checks that every handler answered its route successfully (every primed request too: the probe fails the run
 * otherwise), that the stream path and the CRaC hooks ran, and that a measurement came back, never how fast it was.
 */
class ColdStartIT {
    private static final int WARM_REQUESTS = 3;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void one_cold_request_of_every_target_and_a_primed_jvm_of_every_handler_are_measured_and_answered() throws Exception {
        ColdStart.Options options = ColdStart.Options.parse("cold-start", "--runs", "1", "--warmups", "0", "--no-write",
                "--priming-requests", String.valueOf(WARM_REQUESTS));

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
        // the probe's stream path: floor-stream is handed the event's bytes, floor goes through the event serializer
        assertThat(result.measurements()).filteredOn(m -> m.target() == Target.FLOOR_STREAM).allMatch(Measurement::stream);
        assertThat(result.measurements()).filteredOn(m -> m.target() == Target.FLOOR).noneMatch(Measurement::stream);
        // every function ships as a stream handler (HttpFunction, and timed-jobs): Lambda hands it bytes, as the probe did here
        assertThat(result.measurements()).filteredOn(m -> m.target().inFunctionsJar())
                .isNotEmpty().allMatch(Measurement::stream);

        assertThat(result.primings()).hasSize(options.primingTargets().size()).allSatisfy(p -> {
            assertThat(p.warmMillis()).as(p.target().label).hasSize(WARM_REQUESTS).allMatch(w -> w > 0);
            assertThat(p.initMillis()).isPositive();
            assertThat(p.firstMillis()).isPositive();
            // the handlers' Priming reached the probe's CRaC context through org.crac; the floors register nothing
            assertThat(p.resources()).as(p.target().label).isEqualTo(p.target().isFloor() ? 0 : 1);
        });
        assertThat(result.primings()).filteredOn(p -> p.target() == Target.FLOOR_STREAM).allMatch(PrimingMeasurement::stream);
        assertThat(options.primingTargets()).doesNotContain(Target.FLOOR_POWERTOOLS).contains(Target.TIMED_JOBS, Target.FLOOR);

        assertThat(result.emailsSent()).isEqualTo(result.authInvocations()); // read back from moto
        assertThat(result.authInvocations()).isEqualTo(JvmMode.values().length + 1 + WARM_REQUESTS);
        assertThat(result.linkReleaseInvocations()).isEqualTo(JvmMode.values().length + 1);
        // every link-release JVM deleted the reminder the runner had put back
        assertThat(result.remindersRemoved()).isEqualTo(result.linkReleaseInvocations());
        assertThat(Report.section(result)).startsWith(Report.HEADING)
                .contains("| catalogue-slots (`CatalogueHandler`, stream) | `GET /studios/{studioId}/slots` (200) |")
                .contains("| timed-jobs (`TimedJobsHandler`, stream) | `job MISSING_LINK_REMINDER` (200) |")
                .contains("| floor-stream (`FloorStreamHandler`, stream) |")
                .contains("| C1 only: × floor | C1 only: × floor-stream | Default JIT: × floor | Default JIT: × floor-stream |")
                .contains("**Priming**")
                .contains("| timed-jobs, stream | 1 |");
        assertThat(List.of(Target.values())).allSatisfy(t -> assertThat(options.measuresVariant(t)).isFalse());
    }
}
