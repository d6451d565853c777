package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The real table with one seam for tests: run something just before a chosen write reaches the table,
 * after its writer read and decided. That is where a race bites (a payment landing between a cancel's
 * read and its write), made deterministic instead of hoped for.
 */
final class InterleavingTable implements ItemTable {
    private final ItemTable table;
    private final AtomicReference<Hook> next = new AtomicReference<>();

    private record Hook(Predicate<List<Write>> when, Runnable action) {
    }

    InterleavingTable(ItemTable table) {
        this.table = table;
    }

    /** The name of the underlying DynamoDB table (moto), for a test that scans it. */
    String dynamoName() {
        return ((com.studiobooking.infrastructure.table.DynamoItemTable) table).name();
    }

    /** Before the next write (alone or in a transaction) that {@code when} picks, runs {@code action} once. */
    void beforeNextWrite(Predicate<List<Write>> when, Runnable action) {
        next.set(new Hook(when, action));
    }

    /** Picks a write that stores the booking with this status. */
    static Predicate<List<Write>> bookingWrittenAs(String bookingId, String status) {
        return writes -> writes.stream().anyMatch(w -> w instanceof Write.Put put
                && put.pk().equals("BOOKING#" + bookingId)
                && status.equals(Optional.ofNullable(put.item().get("status")).map(AttributeValue::s).orElse(null)));
    }

    private void intercept(List<Write> writes) {
        Hook hook = next.get();
        if (hook != null && hook.when().test(writes) && next.compareAndSet(hook, null)) hook.action().run();
    }

    @Override
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return table.get(pk, sk);
    }

    @Override
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        return table.query(query);
    }

    @Override
    public boolean write(Write write) {
        intercept(List.of(write));
        return table.write(write);
    }

    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        intercept(List.of(change));
        return table.changeReturningOld(change);
    }

    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        intercept(writes);
        return table.tryTransact(writes);
    }
}
