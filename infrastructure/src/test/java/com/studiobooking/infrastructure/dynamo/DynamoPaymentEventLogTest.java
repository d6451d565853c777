package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.port.PaymentEventLog.Claim;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.MutableClock;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider events are claimed once, applied once, and never lost to a crash between claim and done (both engines). */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoPaymentEventLogTest {
    @Parameter
    TestTables.Engine engine;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private ItemTable table;
    private DynamoPaymentEventLog log;

    @BeforeEach
    void setUp() {
        table = engine.fresh();
        log = new DynamoPaymentEventLog(table, clock);
    }

    @Test
    void twenty_parallel_deliveries_give_one_claim() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Claim>> claims = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> log.claim("evt_1", "CHECKOUT_PAID"))).toList();
            long claimed = 0;
            for (Future<Claim> c : claims) if (c.get() == Claim.CLAIMED) claimed++;
            assertThat(claimed).isOne();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_claimed_event_is_in_progress_until_done_then_a_duplicate() {
        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.CLAIMED);
        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.IN_PROGRESS);

        log.done("evt_1");

        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.DONE);
        clock.advance(Duration.ofHours(1));
        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.DONE);
    }

    @Test
    void a_released_claim_is_claimed_again_by_the_next_delivery() {
        log.claim("evt_1", "CHECKOUT_PAID");

        log.release("evt_1");

        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void a_claim_whose_applier_died_is_taken_over_after_its_lease() {
        log.claim("evt_1", "CHECKOUT_PAID");
        clock.advance(DynamoPaymentEventLog.LEASE.minusSeconds(1));
        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.IN_PROGRESS);

        clock.advance(Duration.ofSeconds(2));

        assertThat(log.claim("evt_1", "CHECKOUT_PAID")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void an_event_recorded_before_claims_existed_counts_as_applied() {
        table.write(Write.put(Map.of("PK", AttributeValue.fromS("PAYMENT_EVENTS"), "SK", AttributeValue.fromS("evt_old"),
                "type", AttributeValue.fromS("PAYMENT_EVENT"), "eventType", AttributeValue.fromS("CHECKOUT_PAID"))));

        assertThat(log.claim("evt_old", "CHECKOUT_PAID")).isEqualTo(Claim.DONE);
    }
}
