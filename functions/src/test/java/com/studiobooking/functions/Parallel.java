package com.studiobooking.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Fires {@code count} calls at once (each on its own thread, released together) and collects the results in order. */
final class Parallel {
    private Parallel() {}

    @FunctionalInterface
    interface Call<T> {
        T apply(int i) throws Exception;
    }

    static <T> List<T> run(int count, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = IntStream.range(0, count).mapToObj(i -> pool.submit((Callable<T>) () -> {
                start.await();
                return call.apply(i);
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
