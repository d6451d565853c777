package com.studiobooking.infrastructure.table;

import com.studiobooking.core.common.DomainException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The single table the stores are built on: strongly consistent reads of one item or one partition,
 * and conditional writes, alone or in an all-or-nothing transaction. Two engines implement it:
 * {@link DynamoItemTable} on Amazon DynamoDB (production, and moto in tests) and
 * {@link SqliteItemTable} on an embedded SQLite file (the local runtime's default). The same contract
 * suite runs against both. See docs/decisions/storage-engines.md.
 */
public interface ItemTable {

    Optional<Map<String, AttributeValue>> get(String pk, String sk);

    /** Every item the query selects, in sort-key order, across all pages. */
    List<Map<String, AttributeValue>> query(KeyQuery query);

    /** Applies one write; false when its condition did not hold (nothing was written). */
    boolean write(Write write);

    /** Applies one change and returns the item as it was before; empty when the condition did not hold. */
    Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change);

    /**
     * Applies every write or none. Returns null when they were applied; otherwise one flag per write,
     * true where that write's condition did not hold. A transaction is at most 100 writes, each to a
     * different item.
     */
    List<Boolean> tryTransact(List<Write> writes);

    /**
     * Applies every write or none; when a condition fails, {@code refusal} receives the flags of
     * {@link #tryTransact} and returns the exception to throw.
     */
    default void transact(List<Write> writes, Function<List<Boolean>, DomainException> refusal) {
        List<Boolean> failed = tryTransact(writes);
        if (failed != null) throw refusal.apply(failed);
    }
}
