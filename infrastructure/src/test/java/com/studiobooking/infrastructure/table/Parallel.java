package com.studiobooking.infrastructure.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs many attempts at once for the concurrency rules of the fidelity and contract suites. */
final class Parallel {
    /** Client threads: enough to keep every request of the server's queue busy, few enough for a laptop. */
    static final int THREADS = 32;

    private Parallel() {}

    /** Runs {@code attempt(0 .. count-1)} on {@link #THREADS} threads, released together; results in attempt order. */
    static <T> List<T> run(int count, IntFunction<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> task = () -> {
                    go.await();
                    return attempt.apply(index);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(future.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
