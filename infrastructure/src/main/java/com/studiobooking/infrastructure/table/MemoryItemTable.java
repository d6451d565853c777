package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The table in this JVM's memory, gone with the object: the engine of SnapStart's rehearsal (a function runs its
 * success paths once against a throwaway studio before the snapshot, writing nothing to DynamoDB; see
 * docs/decisions/snapstart-priming.md). It keeps {@link ItemTable}'s contract as {@link SqliteItemTable} does, the
 * same contract suite runs against it: every write, alone or in a transaction, reads the items, checks every condition
 * and applies all or nothing under one lock; sort keys are ordered by their UTF-8 bytes, as DynamoDB orders them; what
 * DynamoDB refuses as malformed is refused ({@link ItemRules}). Expiry is not applied: a throwaway table does not live
 * long enough for it.
 */
public final class MemoryItemTable implements ItemTable {
    /** DynamoDB orders string keys by their UTF-8 bytes (String's own order differs above U+FFFF). */
    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final TableShape shape;
    private final ItemRules rules;
    private final Map<String, NavigableMap<String, Map<String, AttributeValue>>> partitions = new HashMap<>();

    public MemoryItemTable(TableShape shape) {
        this.shape = shape;
        this.rules = new ItemRules(shape);
    }

    @Override
    public synchronized Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        rules.validateKey(pk, sk);
        return Optional.ofNullable(read(pk, sk));
    }

    @Override
    public synchronized List<Map<String, AttributeValue>> query(KeyQuery query) {
        rules.validateQuery(query);
        if (query.index() == null) {
            NavigableMap<String, Map<String, AttributeValue>> partition = partitions.get(query.partition());
            if (partition == null) return List.of();
            return partition.entrySet().stream().filter(e -> selects(query, e.getKey())).map(Map.Entry::getValue).toList();
        }
        TableShape.Index index = shape.indexes().get(query.index());
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (NavigableMap<String, Map<String, AttributeValue>> partition : partitions.values()) {
            for (Map<String, AttributeValue> item : partition.values()) {
                AttributeValue ipk = item.get(index.partitionKey());
                AttributeValue isk = item.get(index.sortKey());
                if (ipk != null && isk != null && ipk.s().equals(query.partition()) && selects(query, isk.s())) found.add(item);
            }
        }
        found.sort(Comparator.<Map<String, AttributeValue>, String>comparing(i -> i.get(index.sortKey()).s(), UTF8)
                .thenComparing(i -> i.get(shape.partitionKey()).s(), UTF8)
                .thenComparing(i -> i.get(shape.sortKey()).s(), UTF8));
        return List.copyOf(found);
    }

    private static boolean selects(KeyQuery query, String sortKey) {
        if (query.prefix() != null) return sortKey.startsWith(query.prefix());
        if (query.from() != null) return UTF8.compare(query.from(), sortKey) <= 0 && UTF8.compare(sortKey, query.to()) <= 0;
        return true;
    }

    @Override
    public boolean write(Write write) {
        return tryTransact(List.of(write)) == null;
    }

    @Override
    public synchronized Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        rules.validateKey(change.pk(), change.sk());
        return rules.changeReturningOld(change, items);
    }

    @Override
    public synchronized List<Boolean> tryTransact(List<Write> writes) {
        rules.validateTransaction(writes);
        return rules.transact(writes, items);
    }

    /** The items as the shared rules read and store them (called under this table's lock). */
    private final ItemRules.Items<RuntimeException> items = new ItemRules.Items<>() {
        @Override
        public Map<String, AttributeValue> read(String pk, String sk) {
            Map<String, AttributeValue> item = MemoryItemTable.this.read(pk, sk);
            return item == null ? Map.of() : item;
        }

        @Override
        public void store(String pk, String sk, Map<String, AttributeValue> item) {
            MemoryItemTable.this.store(pk, sk, item);
        }
    };

    private Map<String, AttributeValue> read(String pk, String sk) {
        NavigableMap<String, Map<String, AttributeValue>> partition = partitions.get(pk);
        return partition == null ? null : partition.get(sk);
    }

    /** Stores the item (null deletes it); items are immutable copies, so a reader never sees a later write. */
    private void store(String pk, String sk, Map<String, AttributeValue> item) {
        if (item == null) {
            NavigableMap<String, Map<String, AttributeValue>> partition = partitions.get(pk);
            if (partition != null) {
                partition.remove(sk);
                if (partition.isEmpty()) partitions.remove(pk);
            }
            return;
        }
        partitions.computeIfAbsent(pk, p -> new TreeMap<>(UTF8)).put(sk, Map.copyOf(item));
    }
}
