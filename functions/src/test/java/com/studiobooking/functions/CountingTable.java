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

    private CountingTable(ItemTable table, BinaryOperator<String> naming) {
        this.table = table;
        this.naming = naming;
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
