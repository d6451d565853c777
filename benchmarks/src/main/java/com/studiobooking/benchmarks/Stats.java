package com.studiobooking.benchmarks;

import java.util.List;

/** Median, 90th percentile (nearest rank) and minimum of some timings. */
record Stats(double median, double p90, double min) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
        return new Stats(median, p90, sorted[0]);
    }
}
