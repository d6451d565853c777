package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.DomainException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static com.studiobooking.infrastructure.dynamo.Attr.s;

/** The single table: the reads and conditional writes every store is built from. */
final class Table {
    private final DynamoDbClient client;
    private final String name;

    Table(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    DynamoDbClient client() { return client; }

    String name() { return name; }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Every item of a partition. */
    List<Map<String, AttributeValue>> queryPartition(String pk) {
        return queryAll(b -> b.keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(pk))));
    }

    /** Every item of a partition whose sort key starts with {@code prefix}. */
    List<Map<String, AttributeValue>> queryPrefix(String pk, String prefix) {
        return queryAll(b -> b.keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix))));
    }

    /** Items of a partition (of the table or an index) whose sort key lies between two keys, inclusive. */
    List<Map<String, AttributeValue>> queryBetween(String index, String pkName, String pk, String skName, String from, String to) {
        return queryAll(b -> b.indexName(index)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(from), ":to", s(to))));
    }

    /** Runs a query to the end, following pagination. */
    private List<Map<String, AttributeValue>> queryAll(Consumer<QueryRequest.Builder> query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = client.query(b -> {
                query.accept(b);
                b.tableName(name).exclusiveStartKey(after);
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(name).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    TransactWriteItem putExisting(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(name).item(item)
                .conditionExpression("attribute_exists(PK)")).build();
    }

    TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(d -> d.tableName(name).key(key(pk, sk))).build();
    }

    TransactWriteItem requireExists(String pk, String sk) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(name).key(key(pk, sk))
                .conditionExpression("attribute_exists(PK)")).build();
    }

    /**
     * Runs the writes atomically. When a condition fails, {@code refusal} receives one flag per write
     * (true where that write's condition failed) and returns the exception to throw.
     */
    void transact(List<TransactWriteItem> writes, Function<List<Boolean>, DomainException> refusal) {
        List<Boolean> failed = tryTransact(writes);
        if (failed != null) throw refusal.apply(failed);
    }

    /**
     * Runs the writes atomically; null when they were written, else one flag per write, true where
     * that write's condition failed. A transaction cancelled only because a parallel transaction
     * touched the same items is tried again.
     */
    List<Boolean> tryTransact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(b -> b.transactItems(writes));
                return null;
            } catch (TransactionCanceledException e) {
                if (!e.hasCancellationReasons()) throw e;
                List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
                if (codes.contains("ConditionalCheckFailed")) {
                    return codes.stream().map("ConditionalCheckFailed"::equals).toList();
                }
                if (!codes.contains("TransactionConflict") || attempt == MAX_ATTEMPTS) throw e;
                backOff(attempt);
            }
        }
    }

    private static final int MAX_ATTEMPTS = 10;

    private static void backOff(int attempt) {
        long ceilingMillis = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }
}
