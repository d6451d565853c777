package com.studiobooking.benchmarks;

import java.util.Arrays;

/**
 * The runner's command line: {@code java -jar benchmarks/target/benchmarks.jar cold-start [options]} (also the
 * default, without a command), {@code … slots [JMH options]} or {@code … engines [n]} (SQLite against H2 for the
 * local runtime's table).
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("slots")) {
            SlotBenchmarks.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("engines")) {
            com.studiobooking.benchmarks.engines.EngineChoice.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            ColdStart.main(args);
        }
    }
}
