package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.identity.LoginCode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against both table engines: DynamoDB (moto) and SQLite. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoLoginCodeStoreTest {
    @Parameter
    TestTables.Engine engine;

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private DynamoLoginCodeStore store;

    @BeforeEach
    void setUp() {
        store = new DynamoLoginCodeStore(engine.fresh());
    }

    @Test
    void parallel_guesses_never_get_more_attempts_than_the_code_allows() throws Exception {
        store.save(new LoginCode("st_1", "a@example.com", "hash", NOW.plusSeconds(600), 5));

        long spent = countTrue(40, () -> store.spendAttempt("st_1", "a@example.com", NOW).isPresent());

        assertThat(spent).isEqualTo(5);
    }

    @Test
    void an_expired_code_gives_no_attempt() {
        store.save(new LoginCode("st_1", "a@example.com", "hash", NOW.plusSeconds(600), 5));

        assertThat(store.spendAttempt("st_1", "a@example.com", NOW.plusSeconds(601))).isEmpty();
        assertThat(store.spendAttempt("st_1", "a@example.com", NOW)).get()
                .extracting(LoginCode::codeHash).isEqualTo("hash");
    }

    @Test
    void a_code_is_consumed_once_even_in_parallel() throws Exception {
        store.save(new LoginCode("st_1", "a@example.com", "hash", NOW.plusSeconds(600), 5));

        assertThat(store.consume("st_1", "a@example.com", "other")).isFalse();
        assertThat(countTrue(10, () -> store.consume("st_1", "a@example.com", "hash"))).isEqualTo(1);
        assertThat(store.spendAttempt("st_1", "a@example.com", NOW)).isEmpty();
    }

    @Test
    void code_requests_are_limited_per_email_and_window_under_parallel_requests() throws Exception {
        Instant window = Instant.parse("2026-11-23T10:00:00Z");

        long admitted = countTrue(20, () -> store.admitRequest("st_1", "a@example.com", window, 5, window.plusSeconds(7200)));

        assertThat(admitted).isEqualTo(5);
        assertThat(store.admitRequest("st_1", "b@example.com", window, 5, window.plusSeconds(7200))).isTrue();
        assertThat(store.admitRequest("st_1", "a@example.com", window.plusSeconds(3600), 5, window.plusSeconds(10800))).isTrue();
    }

    private static long countTrue(int parallel, Callable<Boolean> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Boolean>> results = IntStream.range(0, parallel).mapToObj(i -> pool.submit(action)).toList();
            long count = 0;
            for (Future<Boolean> result : results) if (result.get()) count++;
            return count;
        } finally {
            pool.shutdown();
        }
    }
}
