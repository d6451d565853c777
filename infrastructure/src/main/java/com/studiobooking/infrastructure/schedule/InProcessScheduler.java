package com.studiobooking.infrastructure.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.port.Scheduler;

/**
 * The scheduler of the local runtime and of tests: pending jobs kept in memory (and, in the local
 * runtime, in its table: {@link PendingJobs}), run by a runner when their time has come, then
 * forgotten (as EventBridge's {@code ActionAfterCompletion DELETE}). A job whose runner throws is
 * forgotten too (no retries) and the failure is logged; the other due jobs still run. Jobs run outside
 * the lock, so a runner may schedule or cancel jobs itself, even under the job's own name. A kept job
 * is forgotten only after it ran, so one interrupted by a crash runs again after the restart.
 */
public final class InProcessScheduler implements Scheduler, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InProcessScheduler.class.getName());
    private static final Comparator<ScheduledJob> BY_TIME =
            Comparator.comparing(ScheduledJob::at).thenComparing(ScheduledJob::name);

    private final Clock clock;
    private final Consumer<ScheduledJob> runner;
    private final Map<String, ScheduledJob> pending = new HashMap<>();
    private final PendingJobs kept;
    private ScheduledExecutorService poller;

    public InProcessScheduler(Clock clock, Consumer<ScheduledJob> runner) {
        this(clock, runner, PendingJobs.NONE);
    }

    /** Starts with the jobs {@code kept} holds and keeps every change there. */
    public InProcessScheduler(Clock clock, Consumer<ScheduledJob> runner, PendingJobs kept) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.kept = Objects.requireNonNull(kept, "kept");
        kept.load().forEach(job -> pending.put(job.name(), job));
    }

    @Override
    public synchronized void schedule(ScheduledJob job) {
        kept.save(job);
        pending.put(job.name(), job);
    }

    @Override
    public synchronized void cancel(String name) {
        kept.forget(name);
        pending.remove(name);
    }

    /** The jobs waiting for their time, earliest first. */
    public synchronized List<ScheduledJob> pending() {
        return pending.values().stream().sorted(BY_TIME).toList();
    }

    /** Runs, earliest first, every job whose time has come; returns how many ran (failed ones included). */
    public int runDue() {
        List<ScheduledJob> due = takeDue(clock.instant());
        due.forEach(this::run);
        return due.size();
    }

    /** Runs the job of that name now, whatever its time; false if there is no such job. */
    public boolean runNow(String name) {
        ScheduledJob job;
        synchronized (this) {
            job = pending.remove(name);
        }
        if (job == null) return false;
        run(job);
        return true;
    }

    /** Calls {@link #runDue()} every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration period) {
        if (poller != null) throw new IllegalStateException("already started");
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "in-process-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::runDue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling; a job already running finishes. Pending jobs stay pending. */
    @Override
    public synchronized void close() {
        if (poller != null) poller.shutdown();
        poller = null;
    }

    private synchronized List<ScheduledJob> takeDue(Instant now) {
        List<ScheduledJob> due = new ArrayList<>();
        for (ScheduledJob job : pending.values()) {
            if (!job.at().isAfter(now)) due.add(job);
        }
        due.sort(BY_TIME);
        due.forEach(job -> pending.remove(job.name()));
        return due;
    }

    private void run(ScheduledJob job) {
        try {
            runner.accept(job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Scheduled job " + job.name() + " (" + job.kind() + ") failed", e);
        }
        synchronized (this) {
            if (!pending.containsKey(job.name())) kept.forget(job);
        }
    }
}
