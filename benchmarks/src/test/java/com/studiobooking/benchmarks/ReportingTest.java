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
}
