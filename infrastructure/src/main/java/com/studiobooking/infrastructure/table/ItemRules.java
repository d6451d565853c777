package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What DynamoDB refuses as malformed and how a write turns an item into the next one, for the engines that are not
 * DynamoDB ({@link SqliteItemTable}, {@link MemoryItemTable}): a key over its size limit, an empty or non-string key,
 * two writes to one item in a transaction, more than 100 writes, an item over 400 KB, an update of a key attribute.
 */
final class ItemRules {
    private static final int MAX_TRANSACTION_WRITES = 100;
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;
    private static final int MAX_ITEM_BYTES = 400 * 1024;

    private final TableShape shape;

    ItemRules(TableShape shape) {
        this.shape = shape;
    }

    /** DynamoDB refuses an empty or over-long key in every request that names one, reads included. */
    void validateKey(String pk, String sk) {
        validatePartitionKey(pk);
        if (sk == null || sk.isEmpty()) throw new TableException("a key attribute cannot be empty");
        validateSortKey(sk);
    }

    static void validatePartitionKey(String pk) {
        if (pk == null || pk.isEmpty()) throw new TableException("a key attribute cannot be empty");
        if (pk.getBytes(StandardCharsets.UTF_8).length > MAX_PARTITION_KEY_BYTES) {
            throw new TableException("the partition key is longer than " + MAX_PARTITION_KEY_BYTES + " bytes");
        }
    }

    static void validateSortKey(String sk) {
        if (sk.getBytes(StandardCharsets.UTF_8).length > MAX_SORT_KEY_BYTES) {
            throw new TableException("the sort key is longer than " + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    /** A query names an existing index, and a partition key within the limits. */
    void validateQuery(KeyQuery query) {
        validatePartitionKey(query.partition());
        if (query.index() != null && !shape.indexes().containsKey(query.index())) {
            throw new TableException("no index " + query.index());
        }
    }

    /** 1 to 100 writes, each to a different item, each key valid. */
    void validateTransaction(List<Write> writes) {
        if (writes.isEmpty() || writes.size() > MAX_TRANSACTION_WRITES) {
            throw new TableException("a transaction holds 1 to " + MAX_TRANSACTION_WRITES + " writes, not " + writes.size());
        }
        Set<String> items = new HashSet<>();
        for (Write w : writes) {
            validateKey(w.pk(), w.sk());
            if (!items.add(w.pk() + "\u0000" + w.sk())) {
                throw new TableException("a transaction cannot write one item twice: " + w.pk() + " / " + w.sk());
            }
        }
    }

    /** An engine's items, read and stored inside its lock or transaction ({@code E}: what its storage throws). */
    interface Items<E extends Exception> {
        /** The item, or the empty map when there is none. */
        Map<String, AttributeValue> read(String pk, String sk) throws E;

        /** Stores the item; null deletes it. */
        void store(String pk, String sk, Map<String, AttributeValue> item) throws E;
    }

    /**
     * {@link ItemTable#tryTransact}'s rule, for an engine that has already validated the writes and holds its lock:
     * every condition checked against the items as they are, then every write applied, or none.
     */
    <E extends Exception> List<Boolean> transact(List<Write> writes, Items<E> items) throws E {
        List<Map<String, AttributeValue>> before = new ArrayList<>();
        List<Boolean> failed = new ArrayList<>();
        for (Write w : writes) {
            Map<String, AttributeValue> current = items.read(w.pk(), w.sk());
            before.add(current);
            failed.add(!w.condition().holdsFor(current));
        }
        if (failed.contains(true)) return failed;
        List<Map<String, AttributeValue>> after = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) after.add(after(writes.get(i), before.get(i)));
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            if (!(w instanceof Write.Check)) items.store(w.pk(), w.sk(), after.get(i));
        }
        return null;
    }

    /** {@link ItemTable#changeReturningOld}'s rule, inside the engine's lock: the item before, or empty if refused. */
    <E extends Exception> Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change, Items<E> items) throws E {
        Map<String, AttributeValue> before = items.read(change.pk(), change.sk());
        if (!change.condition().holdsFor(before)) return Optional.empty();
        items.store(change.pk(), change.sk(), after(change, before));
        return Optional.of(before);
    }

    /** The item after the write; null when the write deletes it. Validated before anything is stored. */
    private Map<String, AttributeValue> after(Write write, Map<String, AttributeValue> before) {
        Map<String, AttributeValue> after;
        if (write instanceof Write.Put put) {
            after = put.item();
        } else if (write instanceof Write.Change change) {
            for (String attribute : List.of(shape.partitionKey(), shape.sortKey())) {
                if (change.update().sets().containsKey(attribute) || change.update().adds().containsKey(attribute)
                        || change.update().removes().contains(attribute)) {
                    throw new TableException("cannot update " + attribute + ": it is part of the key");
                }
            }
            after = change.update().applyTo(before, Map.of(shape.partitionKey(), AttributeValue.fromS(change.pk()),
                    shape.sortKey(), AttributeValue.fromS(change.sk())));
        } else if (write instanceof Write.Delete) {
            return null;
        } else {
            return before;
        }
        validateItem(after);
        return after;
    }

    private void validateItem(Map<String, AttributeValue> item) {
        for (String attribute : List.of(shape.partitionKey(), shape.sortKey())) {
            AttributeValue key = item.get(attribute);
            if (key == null || key.type() != AttributeValue.Type.S) {
                throw new TableException("the key attribute " + attribute + " must be a string");
            }
        }
        validateKey(item.get(shape.partitionKey()).s(), item.get(shape.sortKey()).s());
        for (TableShape.Index index : shape.indexes().values()) {
            for (String attribute : List.of(index.partitionKey(), index.sortKey())) {
                AttributeValue key = item.get(attribute);
                if (key != null && (key.type() != AttributeValue.Type.S || key.s().isEmpty())) {
                    throw new TableException("the index key attribute " + attribute + " must be a non-empty string");
                }
            }
            // an index key has the limits of the table's key: DynamoDB refuses the whole write otherwise
            AttributeValue ipk = item.get(index.partitionKey());
            if (ipk != null) validatePartitionKey(ipk.s());
            AttributeValue isk = item.get(index.sortKey());
            if (isk != null) validateSortKey(isk.s());
        }
        if (size(item) > MAX_ITEM_BYTES) throw new TableException("the item is larger than 400 KB");
    }

    /**
     * An item's size as DynamoDB counts it ("DynamoDB item sizes and formats", developer guide): each attribute's
     * UTF-8 name plus its value; a string its UTF-8 bytes, a number 1 byte per two significant digits plus 1, a binary
     * its raw bytes, a boolean or null 1 byte, a list or map 3 bytes plus its elements and 1 byte per element, a set
     * its elements.
     */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArrayUnsafe().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemRules::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemRules::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            default -> throw new TableException("an attribute value of unknown type");
        };
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Leading and trailing zeroes trimmed, then 1 byte per two significant digits, plus 1. */
    private static long number(String number) {
        String digits = new java.math.BigDecimal(number).unscaledValue().abs().toString().replaceAll("0+$", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
    }
}
