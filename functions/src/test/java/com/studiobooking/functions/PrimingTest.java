package com.studiobooking.functions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

class PrimingTest {
    @Test
    void priming_runs_the_json_paths_without_touching_aws() {
        assertThatCode(Priming::prime).doesNotThrowAnyException();
    }
}
