package com.studiobooking.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingTest {

    @Test
    void a_probe_line_becomes_a_measurement_in_milliseconds() {
        Measurement m = Measurement.parse(Target.CATALOGUE, JvmMode.C1_ONLY, false, 900.0,
                "COLD-START-PROBE status=200 mainToResponseMicros=850000 initMicros=400000 invokeMicros=300000 serdeMicros=150000");

        assertThat(m.status()).isEqualTo(200);
        assertThat(m.initMillis()).isEqualTo(400.0);
        assertThat(m.invokeMillis()).isEqualTo(300.0);
        assertThat(m.serdeMillis()).isEqualTo(150.0);
        assertThat(m.jvmToMainMillis()).isEqualTo(50.0);
    }

    @Test
    void a_probe_line_missing_a_timing_is_refused() {
        assertThatThrownBy(() -> Measurement.parse(Target.FLOOR, JvmMode.DEFAULT, false, 1.0, "COLD-START-PROBE status=200"))
                .hasMessageContaining("mainToResponseMicros");
    }

    @Test
    void stats_are_median_nearest_rank_p90_and_min() {
        Stats odd = Stats.of(List.of(5.0, 1.0, 3.0));
        assertThat(odd).isEqualTo(new Stats(3.0, 5.0, 1.0));

        Stats ten = Stats.of(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0));
        assertThat(ten.median()).isEqualTo(5.5);
        assertThat(ten.p90()).isEqualTo(9.0);
        assertThat(ten.min()).isEqualTo(1.0);
    }

    @Test
    void the_section_replaces_its_previous_version_and_keeps_the_others() {
        String before = "# Benchmarks\n\nintro\n\n" + Report.HEADING + "\n\nold figures\n\n## SnapStart\n\nkept\n";

        String after = Report.replaceSection(before, Report.HEADING + "\n\nnew figures\n");

        assertThat(after).isEqualTo("# Benchmarks\n\nintro\n\n" + Report.HEADING + "\n\nnew figures\n\n## SnapStart\n\nkept\n");
    }

    @Test
    void the_section_is_appended_to_a_document_without_it() {
        assertThat(Report.replaceSection("# Benchmarks\n", Report.HEADING + "\n"))
                .isEqualTo("# Benchmarks\n\n" + Report.HEADING + "\n");
    }

    @Test
    void a_priming_probe_line_becomes_a_priming_measurement() {
        PrimingMeasurement p = PrimingMeasurement.parse(Target.BOOKING,
                "PRIMING-PROBE resources=1 stream=true initMicros=600000 primingMicros=25000 firstMicros=40000 warmMicros=10000,20000,30000");

        assertThat(p.resources()).isEqualTo(1);
        assertThat(p.stream()).isTrue();
        assertThat(p.initMillis()).isEqualTo(600.0);
        assertThat(p.primingMillis()).isEqualTo(25.0);
        assertThat(p.warmMillis()).containsExactly(10.0, 20.0, 30.0);
        assertThat(p.warm().median()).isEqualTo(20.0);
        assertThat(p.firstOverWarmMedian()).isEqualTo(2.0);
    }

    @Test
    void a_probe_line_says_whether_the_handler_took_the_stream() {
        assertThat(Measurement.parse(Target.FLOOR_STREAM, JvmMode.C1_ONLY, false, 900.0, "COLD-START-PROBE status=200 "
                + "mainToResponseMicros=850000 initMicros=400000 invokeMicros=300000 serdeMicros=1000 stream=true").stream()).isTrue();
        assertThat(Measurement.parse(Target.FLOOR, JvmMode.C1_ONLY, false, 900.0, "COLD-START-PROBE status=200 "
                + "mainToResponseMicros=850000 initMicros=400000 invokeMicros=300000 serdeMicros=150000").stream()).isFalse();
    }

    @Test
    void priming_is_on_by_default_and_c1_only_leaves_out_the_default_jit() {
        ColdStart.Options defaults = ColdStart.Options.parse("cold-start", "--no-write");
        assertThat(defaults.modes()).containsExactly(JvmMode.C1_ONLY, JvmMode.DEFAULT);
        assertThat(defaults.primingRequests()).isEqualTo(100);
        assertThat(defaults.primingTargets()).doesNotContain(Target.FLOOR_POWERTOOLS).contains(Target.AUTH, Target.TIMED_JOBS, Target.FLOOR);

        ColdStart.Options c1 = ColdStart.Options.parse("cold-start", "--c1-only", "--no-priming", "--only", "floor,auth");
        assertThat(c1.modes()).containsExactly(JvmMode.C1_ONLY);
        assertThat(c1.primingTargets()).isEmpty();
        assertThat(c1.commandLine()).endsWith("--only floor,auth --c1-only --no-priming");
        assertThat(ColdStart.Options.parse("cold-start", "--priming-requests", "5").commandLine()).endsWith("--priming-requests 5");
    }
}
