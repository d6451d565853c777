package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.port.WriteFence;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The table as the stores see it, fencing a staff request's writes on its token ({@link WriteFence}).
 * Once {@link #hold} was called for the request, its writes carry, in the same transaction, a check that
 * the staff item still holds the token's version and role: a single write becomes a transaction of two,
 * a transaction gets one item more, and a transaction that writes the staff item itself gets the check
 * in that write's condition (DynamoDB takes one action per item). When the check fails nothing is
 * written and {@code TOKEN_REVOKED} is thrown. The first applied write ends the fence for the rest of
 * the request. Reads pass through.
 *
 * <p>What is held belongs to the thread serving the request (Lambda serves one request per execution
 * environment at a time; the local runtime and the tests one per thread) and is dropped by
 * {@link #release} when the request ends. A transaction already at DynamoDB's limit of 100 writes has
 * no room for the check (only an appointment of the longest length booked with a staff token and an
 * {@code Idempotency-Key} gets there): the staff item is read again just before it instead.
 */
public final class StaffTokenFence implements ItemTable, WriteFence {
    private static final int MAX_WRITES = 100;

    /** The check a request's writes carry, until one of them was applied. */
    private static final class Held {
        private final Write.Check check;
        private boolean spent;

        private Held(Write.Check check) {
            this.check = check;
        }
    }

    private final Supplier<ItemTable> table;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    public StaffTokenFence(Supplier<ItemTable> table) {
        this.table = table;
    }

    @Override
    public void hold(Caller staff) {
        Held current = held.get();
        if (current != null && current.spent) return;
        held.set(new Held(new Write.Check(Keys.studio(staff.studioId()), Keys.staff(staff.subject()),
                StudioMapper.tokenStillCurrent(staff.tokenVersion(), staff.role().name()))));
    }

    /** Drops what the request that ran on this thread held; called when every request ends. */
    public void release() {
        held.remove();
    }

    @Override
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return table.get().get(pk, sk);
    }

    @Override
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        return table.get().query(query);
    }

    @Override
    public boolean write(Write write) {
        if (fence() == null) return table.get().write(write);
        return tryTransact(List.of(write)) == null;
    }

    /** Only login codes use it, and sign-in carries no staff token; a fenced one would be a mistake. */
    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        if (fence() != null) {
            throw new IllegalStateException("a change returning the old item cannot carry the staff token check");
        }
        return table.get().changeReturningOld(change);
    }

    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        Write.Check fence = fence();
        if (fence == null) return table.get().tryTransact(writes);
        int onStaffItem = -1;
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).pk().equals(fence.pk()) && writes.get(i).sk().equals(fence.sk())) onStaffItem = i;
        }
        List<Boolean> failed;
        if (onStaffItem >= 0) {
            List<Write> fenced = new ArrayList<>(writes);
            fenced.set(onStaffItem, withCheck(writes.get(onStaffItem), fence.condition()));
            failed = table.get().tryTransact(fenced);
            if (failed != null && failed.get(onStaffItem) && !stillHolds(fence)) throw Authentication.tokenRevoked();
        } else if (writes.size() >= MAX_WRITES) {
            if (!stillHolds(fence)) throw Authentication.tokenRevoked();
            failed = table.get().tryTransact(writes);
        } else {
            List<Write> fenced = new ArrayList<>(writes.size() + 1);
            fenced.add(fence);
            fenced.addAll(writes);
            List<Boolean> all = table.get().tryTransact(fenced);
            if (all != null && all.get(0)) throw Authentication.tokenRevoked();
            failed = all == null ? null : List.copyOf(all.subList(1, all.size()));
        }
        if (failed == null) held.get().spent = true;
        return failed;
    }

    private Write.Check fence() {
        Held current = held.get();
        return current == null || current.spent ? null : current.check;
    }

    private boolean stillHolds(Write.Check fence) {
        return fence.condition().holdsFor(table.get().get(fence.pk(), fence.sk()).orElse(Map.of()));
    }

    private static Write withCheck(Write write, Condition check) {
        Condition both = write.condition().and(check);
        if (write instanceof Write.Put put) return Write.put(put.item(), both);
        if (write instanceof Write.Change change) return Write.change(change.pk(), change.sk(), change.update(), both);
        if (write instanceof Write.Delete delete) return Write.delete(delete.pk(), delete.sk(), both);
        return new Write.Check(write.pk(), write.sk(), both);
    }
}
