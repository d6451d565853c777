package com.studiobooking.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner end to end on the packaged jars (hence failsafe, after package): DynamoDB Local, the seeded
 * studio, one fresh JVM per JIT mode for the catalogue handler. Checks that a measurement came back from a
 * successful response, never how fast it was.
 */
class ColdStartIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void one_cold_catalogue_request_is_measured_and_answered() throws Exception {
        ColdStart.Options options = ColdStart.Options.parse("cold-start", "--runs", "1", "--warmups", "0",
                "--only", "catalogue", "--no-write");

        ColdStart.Result result = ColdStart.run(options);

        assertThat(result.measurements()).hasSize(JvmMode.values().length).allSatisfy(m -> {
            assertThat(m.target()).isEqualTo(Target.CATALOGUE);
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.totalMillis()).isPositive();
            assertThat(m.initMillis()).isPositive();
            assertThat(m.invokeMillis()).isPositive();
            assertThat(m.totalMillis()).isGreaterThan(m.mainToResponseMillis());
        });
        assertThat(Report.section(result)).startsWith(Report.HEADING).contains("| catalogue (`CatalogueHandler`) |");
    }
}
