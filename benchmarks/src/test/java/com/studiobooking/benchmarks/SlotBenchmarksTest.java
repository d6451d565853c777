package com.studiobooking.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotBenchmarksTest {

    @Test
    void without_arguments_the_slot_benchmark_runs_with_the_defaults() {
        assertThat(SlotBenchmarks.arguments()).containsExactly("com.studiobooking.benchmarks.slots.SlotLookupBenchmark",
                "-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s", "-tu", "us", "-bm", "avgt", "-foe", "true");
    }

    @Test
    void an_option_given_replaces_its_default_and_others_are_passed_on() {
        assertThat(SlotBenchmarks.arguments("-i", "10", "-prof", "gc", "-p", "appointments=2000"))
                .containsSubsequence("-i", "10")
                .containsSubsequence("-prof", "gc", "-p", "appointments=2000")
                .containsOnlyOnce("-i")
                .doesNotContain("5");
    }
}
