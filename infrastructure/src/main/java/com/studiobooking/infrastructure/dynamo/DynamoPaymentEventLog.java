package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.payment.PaymentEventLog;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Write;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.n;

/** Processed provider events, one item each, kept a month (Stripe retries for three days). */
public final class DynamoPaymentEventLog implements PaymentEventLog {
    private static final Duration KEEP = Duration.ofDays(30);

    private final ItemTable table;
    private final Clock clock;

    public DynamoPaymentEventLog(ItemTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean seen(String eventId) {
        return table.get(Keys.PAYMENT_EVENTS, eventId).isPresent();
    }

    @Override
    public void record(String eventId, String type) {
        // false when another delivery of the same event recorded it first: nothing to add
        table.write(Write.putNew(Attr.item()
                .put(Keys.PK, Keys.PAYMENT_EVENTS).put(Keys.SK, eventId).put("type", "PAYMENT_EVENT").put("eventType", type)
                .put("processedAt", clock.instant())
                .putAll(Map.of(Keys.TTL, n(clock.instant().plus(KEEP).getEpochSecond()))).build()));
    }
}
