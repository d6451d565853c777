package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.IntConsumer;

/**
 * The engine's table, recording each request as DynamoDB names it ({@code GetItem}, {@code Query},
 * {@code PutItem}, {@code TransactWriteItems (n)} …) with the item it touches, for the cost tests that pin
 * how many requests an operation makes. How an item is named is the test's choice: {@link #withKeys} (the
 * partition key and the sort key up to its first {@code #}; a booking's whole id) or {@link #withKinds} (the
 * sort key up to its first {@code #} only). New ids and times are cut, so two runs compare equal.
 */
final class CountingTable implements ItemTable {
    private final ItemTable table;
    private final BinaryOperator<String> naming;
    private final List<String> requests = new ArrayList<>();
    private final IntConsumer putSizes;

    private CountingTable(ItemTable table, BinaryOperator<String> naming) {
        this(table, naming, size -> { });
    }

    private CountingTable(ItemTable table, BinaryOperator<String> naming, IntConsumer putSizes) {
        this.table = table;
        this.naming = naming;
        this.putSizes = putSizes;
    }

    /** Items named by partition key and sort-key prefix: {@code STUDIO#st_… PROFILE}, {@code BOOKING#bk_…}. */
    static CountingTable withKeys(ItemTable table) {
        return new CountingTable(table, (pk, sk) -> {
            if (sk.equals("BOOKING")) return pk;
            int cut = sk.indexOf('#');
            return pk + " " + (cut < 0 ? sk : sk.substring(0, cut + 1));
        });
    }

    /** Items named by the kind of item only: {@code PROFILE}, {@code SESSION}, {@code STAFF#}. */
    static CountingTable withKinds(ItemTable table) {
        return new CountingTable(table, (pk, sk) -> {
            int cut = sk.indexOf('#');
            return cut < 0 ? sk : sk.substring(0, cut + 1);
        });
    }

    /** As {@link #withKinds(ItemTable)}, telling {@code putSizes} the size (as DynamoDB counts it) of every item put. */
    static CountingTable withKinds(ItemTable table, IntConsumer putSizes) {
        CountingTable kinds = withKinds(table);
        return new CountingTable(table, kinds.naming, putSizes);
    }

    /**
     * An item's size as DynamoDB bills it: each attribute's name and value in UTF-8 bytes, a number at most 21
     * bytes (its digits / 2 + 1, rounded up), 1 byte for a boolean or null, 3 bytes more for a map or list.
     */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) size += utf8(e.getKey()) + valueSize(e.getValue());
        return size;
    }

    private static int valueSize(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return Math.min(21, (v.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1);
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.hasM()) return 3 + itemSize(v.m());
        if (v.hasL()) return 3 + v.l().stream().mapToInt(CountingTable::valueSize).map(n -> n + 1).sum();
        if (v.hasSs()) return v.ss().stream().mapToInt(CountingTable::utf8).sum();
        if (v.b() != null) return v.b().asByteArray().length;
        return 0;
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The requests {@code action} makes, in order. */
    synchronized List<String> measure(Runnable action) {
        requests.clear();
        action.run();
        return List.copyOf(requests);
    }

    @Override
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        record("GetItem " + naming.apply(pk, sk));
        return table.get(pk, sk);
    }

    @Override
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        record("Query");
        return table.query(query);
    }

    @Override
    public boolean write(Write write) {
        if (write instanceof Write.Put put) putSizes.accept(itemSize(put.item()));
        record(name(write) + " " + naming.apply(write.pk(), write.sk()));
        return table.write(write);
    }

    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        record("UpdateItem " + naming.apply(change.pk(), change.sk()));
        return table.changeReturningOld(change);
    }

    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        record("TransactWriteItems (" + writes.size() + ")");
        for (Write write : writes) if (write instanceof Write.Put put) putSizes.accept(itemSize(put.item()));
        return table.tryTransact(writes);
    }

    private void record(String request) {
        synchronized (requests) {
            requests.add(request);
        }
    }

    private static String name(Write write) {
        if (write instanceof Write.Put) return "PutItem";
        if (write instanceof Write.Change) return "UpdateItem";
        if (write instanceof Write.Delete) return "DeleteItem";
        return "ConditionCheck";
    }
}
