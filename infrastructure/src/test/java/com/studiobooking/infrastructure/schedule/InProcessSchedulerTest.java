package com.studiobooking.infrastructure.schedule;

import com.studiobooking.infrastructure.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;

class InProcessSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T16:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final InProcessScheduler scheduler = new InProcessScheduler(clock, job -> ran.add(job.name()));

    @Test
    void a_daily_job_runs_at_its_hour_in_the_zone_each_day_until_cancelled_also_across_a_clock_change() {
        // NOW is 18:00 in Bucharest: today's 07:00 has passed, the first run is tomorrow
        scheduler.scheduleDaily(new DailyJob("digest-st-1", 7, "Europe/Bucharest", JobKind.INSTRUCTOR_DIGEST,
                Map.of("studioId", "st-1")));
        assertThat(scheduler.pending()).singleElement().satisfies(job -> {
            assertThat(job.at()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
            assertThat(job.input()).containsEntry("studioId", "st-1");
        });
        clock.advance(Duration.between(NOW, Instant.parse("2026-12-01T05:00:00Z")));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(scheduler.pending()).extracting(ScheduledJob::at).containsExactly(Instant.parse("2026-12-02T05:00:00Z"));

        assertThat(InProcessScheduler.nextDaily(7, "Europe/Bucharest", Instant.parse("2027-03-28T00:00:00Z")))
                .as("summer time: 07:00 is 04:00 UTC").isEqualTo(Instant.parse("2027-03-28T04:00:00Z"));

        scheduler.cancel("digest-st-1");
        clock.advance(Duration.ofDays(2));
        assertThat(scheduler.runDue()).isZero();
        assertThat(ran).containsExactly("digest-st-1");
    }

    @Test
    void due_jobs_run_once_in_time_order_and_are_then_forgotten() {
        scheduler.schedule(job("late", NOW.minusSeconds(10)));
        scheduler.schedule(job("early", NOW.minusSeconds(60)));
        scheduler.schedule(job("exactly-now", NOW));

        assertThat(scheduler.runDue()).isEqualTo(3);
        assertThat(scheduler.runDue()).isZero();

        assertThat(ran).containsExactly("early", "late", "exactly-now");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void a_job_not_yet_due_waits_for_its_time() {
        scheduler.schedule(job("reminder", NOW.plusSeconds(60)));

        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.runDue()).isOne();

        assertThat(ran).containsExactly("reminder");
    }

    @Test
    void scheduling_the_same_name_again_replaces_the_job_and_moves_its_time() {
        scheduler.schedule(job("reminder", NOW.plusSeconds(60)));
        scheduler.schedule(job("reminder", NOW.plusSeconds(3600)));

        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.runDue()).isZero();
        assertThat(scheduler.pending()).extracting(ScheduledJob::at).containsExactly(NOW.plusSeconds(3600));

        clock.advance(Duration.ofHours(1));
        assertThat(scheduler.runDue()).isOne();
        assertThat(ran).containsExactly("reminder");
    }

    @Test
    void a_cancelled_job_never_runs_and_cancelling_an_unknown_job_is_fine() {
        scheduler.schedule(job("reminder", NOW.plusSeconds(60)));

        scheduler.cancel("reminder");
        scheduler.cancel("never-made");
        clock.advance(Duration.ofHours(1));

        assertThat(scheduler.runDue()).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void pending_lists_the_waiting_jobs_earliest_first() {
        scheduler.schedule(job("b", NOW.plusSeconds(120)));
        scheduler.schedule(job("a", NOW.plusSeconds(60)));

        assertThat(scheduler.pending()).extracting(ScheduledJob::name).containsExactly("a", "b");
    }

    @Test
    void run_now_fires_one_job_whatever_its_time_and_only_once() {
        scheduler.schedule(job("reminder", NOW.plusSeconds(3600)));
        scheduler.schedule(job("other", NOW.plusSeconds(3600)));

        assertThat(scheduler.runNow("reminder")).isTrue();
        assertThat(scheduler.runNow("reminder")).isFalse();
        assertThat(scheduler.runNow("never-made")).isFalse();

        assertThat(ran).containsExactly("reminder");
        assertThat(scheduler.pending()).extracting(ScheduledJob::name).containsExactly("other");
    }

    @Test
    void a_failing_job_is_forgotten_and_the_other_due_jobs_still_run() {
        InProcessScheduler failing = new InProcessScheduler(clock, job -> {
            ran.add(job.name());
            if (job.name().equals("broken")) throw new IllegalStateException("SES is down");
        });
        failing.schedule(job("broken", NOW.minusSeconds(2)));
        failing.schedule(job("fine", NOW.minusSeconds(1)));

        assertThat(failing.runDue()).isEqualTo(2);
        assertThat(failing.runDue()).isZero();

        assertThat(ran).containsExactly("broken", "fine");
    }

    @Test
    void a_job_may_schedule_the_next_job_while_it_runs() {
        InProcessScheduler[] chaining = new InProcessScheduler[1];
        chaining[0] = new InProcessScheduler(clock, job -> {
            ran.add(job.name());
            if (job.name().equals("first")) chaining[0].schedule(job("second", NOW.plusSeconds(60)));
        });
        chaining[0].schedule(job("first", NOW));

        assertThat(chaining[0].runDue()).isOne();
        assertThat(chaining[0].pending()).extracting(ScheduledJob::name).containsExactly("second");
    }

    @Test
    void once_started_it_runs_due_jobs_by_itself_until_closed() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        List<String> background = new CopyOnWriteArrayList<>();
        InProcessScheduler polling = new InProcessScheduler(clock, job -> {
            background.add(job.name());
            fired.countDown();
        });
        polling.schedule(job("reminder", NOW));

        polling.start(Duration.ofMillis(10));
        try {
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            polling.close();
        }

        assertThat(background).containsExactly("reminder");
    }

    private static ScheduledJob job(String name, Instant at) {
        return new ScheduledJob(name, at, "Europe/Bucharest", JobKind.MISSING_LINK_REMINDER,
                Map.of("studioId", "st-1", "sessionId", "s-1"));
    }
}
