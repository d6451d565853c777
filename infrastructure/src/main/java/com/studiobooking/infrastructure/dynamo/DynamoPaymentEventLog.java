package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.port.PaymentEventLog;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.n;

/**
 * Provider events, one item each: claimed by a conditional put (status PROCESSING with a lease), then
 * marked DONE and kept a month (Stripe retries for three days).
 */
public final class DynamoPaymentEventLog implements PaymentEventLog {
    private static final Duration KEEP = Duration.ofDays(30);
    /** Longer than the webhook function may run (its timeout), so a live claim is never taken over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final ItemTable table;
    private final Clock clock;

    public DynamoPaymentEventLog(ItemTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String eventId, String type) {
        Instant now = clock.instant();
        boolean claimed = table.write(Write.put(Attr.item()
                        .put(Keys.PK, Keys.PAYMENT_EVENTS).put(Keys.SK, eventId).put("type", "PAYMENT_EVENT")
                        .put("eventType", type).put("status", "PROCESSING").put("claimedAt", now)
                        .putAll(Map.of("leaseUntil", n(now.plus(LEASE).getEpochSecond()),
                                Keys.TTL, n(now.plus(KEEP).getEpochSecond()))).build(),
                Condition.anyOf(Condition.missing(Keys.PK), Condition.eq("status", "PROCESSING")
                        .and(Condition.is("leaseUntil", Condition.Op.LT, now.getEpochSecond())))));
        if (claimed) return Claim.CLAIMED;
        return table.get(Keys.PAYMENT_EVENTS, eventId)
                // events recorded before claims existed carry no status: they were applied
                .map(item -> "PROCESSING".equals(Attr.str(item, "status")) ? Claim.IN_PROGRESS : Claim.DONE)
                .orElse(Claim.IN_PROGRESS);
    }

    @Override
    public void done(String eventId) {
        table.write(Write.change(Keys.PAYMENT_EVENTS, eventId,
                Update.create().set("status", "DONE").set("processedAt", clock.instant().toString()).remove("leaseUntil"),
                Condition.exists(Keys.PK)));
    }

    @Override
    public void release(String eventId) {
        table.write(Write.delete(Keys.PAYMENT_EVENTS, eventId, Condition.eq("status", "PROCESSING")));
    }
}
