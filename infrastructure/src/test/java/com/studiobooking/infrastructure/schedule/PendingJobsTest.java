package com.studiobooking.infrastructure.schedule;

import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.testing.MutableClock;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runtime's schedules kept in its table: a restart (a new scheduler on the same table) loses none. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class PendingJobsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T16:00:00Z");

    @Parameter
    TestTables.Engine engine;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void pending_jobs_survive_a_restart_with_their_time_zone_kind_and_input() {
        ItemTable table = engine.fresh();
        InProcessScheduler before = new InProcessScheduler(clock, job -> ran.add(job.name()), PendingJobs.in(table));
        ScheduledJob reminder = new ScheduledJob("missing-link-ss_1", NOW.plusSeconds(3600), "Europe/Bucharest",
                JobKind.MISSING_LINK_REMINDER, Map.of("studioId", "st_1", "sessionId", "ss_1"));
        before.schedule(reminder);
        before.schedule(job("cancelled-later", NOW.plusSeconds(60)));
        before.cancel("cancelled-later");

        InProcessScheduler after = new InProcessScheduler(clock, job -> ran.add(job.name()), PendingJobs.in(table));

        assertThat(after.pending()).containsExactly(reminder);
    }

    @Test
    void a_job_that_ran_is_forgotten_but_one_it_rescheduled_under_its_own_name_is_kept() {
        ItemTable table = engine.fresh();
        InProcessScheduler[] scheduler = new InProcessScheduler[1];
        scheduler[0] = new InProcessScheduler(clock, job -> {
            ran.add(job.name());
            if (job.name().equals("early")) scheduler[0].schedule(job("early", NOW.plus(Duration.ofHours(1))));
        }, PendingJobs.in(table));
        scheduler[0].schedule(job("done", NOW));
        scheduler[0].schedule(job("early", NOW));

        assertThat(scheduler[0].runDue()).isEqualTo(2);

        InProcessScheduler restarted = new InProcessScheduler(clock, job -> { }, PendingJobs.in(table));
        assertThat(restarted.pending()).extracting(ScheduledJob::name, ScheduledJob::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("early", NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void a_job_due_while_the_runtime_was_stopped_runs_at_the_next_poll_after_the_restart() {
        ItemTable table = engine.fresh();
        new InProcessScheduler(clock, job -> { }, PendingJobs.in(table)).schedule(job("release", NOW.plusSeconds(60)));
        clock.advance(Duration.ofHours(2));

        InProcessScheduler restarted = new InProcessScheduler(clock, job -> ran.add(job.name()), PendingJobs.in(table));

        assertThat(restarted.runDue()).isOne();
        assertThat(ran).containsExactly("release");
        assertThat(new InProcessScheduler(clock, job -> { }, PendingJobs.in(table)).pending()).isEmpty();
    }

    private static ScheduledJob job(String name, Instant at) {
        return new ScheduledJob(name, at, "Europe/Bucharest", JobKind.RELEASE_UNPAID_BOOKING, Map.of("bookingId", "bk_1"));
    }
}
