package com.studiobooking.benchmarks;

import java.util.List;

/** The JIT settings a child JVM runs with. */
enum JvmMode {
    /** JAVA_TOOL_OPTIONS of every function in template.yaml. */
    C1_ONLY("C1 only", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1")),
    DEFAULT("default JIT", List.of());

    final String label;
    final List<String> flags;

    JvmMode(String label, List<String> flags) {
        this.label = label;
        this.flags = flags;
    }
}
