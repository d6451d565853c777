package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The table the tests' handlers use, with two seams: every applied write request numbered in the order
 * the engine applied it (writes go one at a time, which both engines do for conflicting writes anyway),
 * and something run just before a chosen write reaches the engine — after its writer read and decided.
 * That is where a race bites (a payment landing between a cancel's read and its write), made
 * deterministic instead of hoped for.
 */
final class ObservedTable implements ItemTable {
    /** One applied write request: a single write or a whole transaction. */
    record Applied(long order, List<Write> writes) {
        boolean writes(String pk, String sk) {
            return writes.stream().anyMatch(w -> w.pk().equals(pk) && w.sk().equals(sk) && !(w instanceof Write.Check));
        }

        boolean writesPartition(String pk) {
            return writes.stream().anyMatch(w -> w.pk().equals(pk) && !(w instanceof Write.Check));
        }
    }

    private final ItemTable table;
    private final List<Applied> applied = new ArrayList<>();
    private final ThreadLocal<Runnable> beforeNextWrite = new ThreadLocal<>();
    private final AtomicReference<Hook> beforeChosenWrite = new AtomicReference<>();

    private record Hook(Predicate<List<Write>> when, Runnable action) {
    }

    ObservedTable(ItemTable table) {
        this.table = table;
    }

    /** Runs {@code pause} on this thread just before its next write request reaches the engine. */
    void beforeNextWriteOnThisThread(Runnable pause) {
        beforeNextWrite.set(pause);
    }

    /** Before the next write request (alone or a transaction) that {@code when} picks, on any thread, runs {@code action} once. */
    void beforeNextWrite(Predicate<List<Write>> when, Runnable action) {
        beforeChosenWrite.set(new Hook(when, action));
    }

    /** Picks a write request that stores the booking with this status. */
    static Predicate<List<Write>> bookingWrittenAs(String bookingId, String status) {
        return writes -> writes.stream().anyMatch(w -> w instanceof Write.Put put
                && put.pk().equals("BOOKING#" + bookingId)
                && status.equals(Optional.ofNullable(put.item().get("status")).map(AttributeValue::s).orElse(null)));
    }

    synchronized List<Applied> applied() {
        return List.copyOf(applied);
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
        pause(List.of(write));
        synchronized (this) {
            boolean done = table.write(write);
            if (done) applied.add(new Applied(applied.size(), List.of(write)));
            return done;
        }
    }

    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        pause(List.of(change));
        synchronized (this) {
            Optional<Map<String, AttributeValue>> old = table.changeReturningOld(change);
            if (old.isPresent()) applied.add(new Applied(applied.size(), List.of(change)));
            return old;
        }
    }

    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        pause(writes);
        synchronized (this) {
            List<Boolean> failed = table.tryTransact(writes);
            if (failed == null) applied.add(new Applied(applied.size(), List.copyOf(writes)));
            return failed;
        }
    }

    private void pause(List<Write> writes) {
        Hook hook = beforeChosenWrite.get();
        if (hook != null && hook.when().test(writes) && beforeChosenWrite.compareAndSet(hook, null)) hook.action().run();
        Runnable pause = beforeNextWrite.get();
        if (pause == null) return;
        beforeNextWrite.remove();
        pause.run();
    }
}
