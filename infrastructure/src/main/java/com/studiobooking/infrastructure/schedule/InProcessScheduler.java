package com.studiobooking.infrastructure.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

import com.studiobooking.core.model.schedule.DailyJob;
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

    /** The input field that marks a daily job and holds its hour. */
    static final String EVERY_DAY_AT = "everyDayAt";

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

    /**
     * A daily job is kept as a one-time job at its next run, marked with {@value #EVERY_DAY_AT} (its hour) in
     * its input; after each run the next day's is scheduled, so it survives restarts like any kept job.
     */
    @Override
    public synchronized void scheduleDaily(DailyJob job) {
        Map<String, String> input = new HashMap<>(job.input());
        input.put(EVERY_DAY_AT, Integer.toString(job.hour()));
        schedule(new ScheduledJob(job.name(), nextDaily(job.hour(), job.zone(), clock.instant()), job.zone(), job.kind(),
                input));
    }

    /** The first {@code hour}:00 in {@code zone} after {@code now} (on a day the clocks skip it, the hour after). */
    static Instant nextDaily(int hour, String zone, Instant now) {
        ZoneId id = ZoneId.of(zone);
        Instant today = now.atZone(id).toLocalDate().atTime(hour, 0).atZone(id).toInstant();
        return today.isAfter(now) ? today : now.atZone(id).toLocalDate().plusDays(1).atTime(hour, 0).atZone(id).toInstant();
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
            String hour = job.input().get(EVERY_DAY_AT);
            if (hour != null && !pending.containsKey(job.name())) {
                schedule(new ScheduledJob(job.name(), nextDaily(Integer.parseInt(hour), job.zone(), clock.instant()),
                        job.zone(), job.kind(), job.input()));
            }
        }
    }
}
