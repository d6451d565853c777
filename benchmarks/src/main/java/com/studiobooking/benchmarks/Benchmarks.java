package com.studiobooking.benchmarks;

import java.util.Arrays;

/**
 * The runner's command line: {@code java -jar benchmarks/target/benchmarks.jar cold-start [options]} (also the
 * default, without a command), {@code … slots [JMH options]}, {@code … engines [n]} (SQLite against H2 for the
 * local runtime's table) or {@code … load [--requests n] [--threads n] [--crowd n] [--seats n]} (a bounded load
 * run and a flash crowd on the local runtime over loopback).
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("slots")) {
            SlotBenchmarks.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("load")) {
            com.studiobooking.benchmarks.load.LoadRun.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("engines")) {
            com.studiobooking.benchmarks.engines.EngineChoice.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            ColdStart.main(args);
        }
    }
}
