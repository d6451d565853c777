package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A client reminder is marked sent once per booking, hour and start, beside the booking (both engines). */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoBookingStoreReminderTest {
    @Parameter
    TestTables.Engine engine;

    private static final Instant START = Instant.parse("2026-11-28T16:00:00Z");
    private ItemTable table;
    private DynamoBookingStore store;

    @BeforeEach
    void setUp() {
        table = engine.fresh();
        store = new DynamoBookingStore(table);
    }

    @Test
    void a_reminder_is_marked_once_per_hour_and_start_and_a_moved_start_is_reminded_anew() {
        assertThat(store.markReminderSent("bk_1", 24, START)).isTrue();
        assertThat(store.markReminderSent("bk_1", 24, START)).isFalse();
        assertThat(store.markReminderSent("bk_1", 2, START)).isTrue();
        assertThat(store.markReminderSent("bk_1", 24, START.plusSeconds(3600))).isTrue();
        assertThat(store.markReminderSent("bk_2", 24, START)).isTrue();

        Map<String, AttributeValue> mark = table.get("BOOKING#bk_1", "REMINDED#24H#" + Keys.time(START)).orElseThrow();
        assertThat(mark.get("type").s()).isEqualTo("REMINDER_SENT");
        assertThat(mark.get(Keys.TTL).n()).isEqualTo(Long.toString(START.plusSeconds(24 * 3600).getEpochSecond()));
        assertThat(store.find("bk_1")).as("the marker is not the booking").isEmpty();
    }

    @Test
    void of_twenty_parallel_marks_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Boolean>> marks = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> store.markReminderSent("bk_1", 24, START))).toList();
            long won = 0;
            for (Future<Boolean> mark : marks) if (mark.get()) won++;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
