package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The table on Amazon DynamoDB (or anything speaking its API, such as moto in the tests). A request
 * DynamoDB refuses as malformed (its ValidationException) is thrown as a {@link TableException}, as
 * {@link SqliteItemTable} throws it.
 */
public final class DynamoItemTable implements ItemTable {
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient client;
    private final String name;
    private final TableShape shape;

    public DynamoItemTable(DynamoDbClient client, String name) {
        this(client, name, TableShape.STUDIO_BOOKING);
    }

    public DynamoItemTable(DynamoDbClient client, String name, TableShape shape) {
        this.client = client;
        this.name = name;
        this.shape = shape;
    }

    public String name() {
        return name;
    }

    private Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(shape.partitionKey(), AttributeValue.fromS(pk), shape.sortKey(), AttributeValue.fromS(sk));
    }

    @Override
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = call(() -> client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    @Override
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        String partitionKey = shape.partitionKey();
        String sortKey = shape.sortKey();
        if (query.index() != null) {
            TableShape.Index index = shape.indexes().get(query.index());
            if (index == null) throw new TableException("no index " + query.index());
            partitionKey = index.partitionKey();
            sortKey = index.sortKey();
        }
        DynamoExpressions expressions = new DynamoExpressions();
        String keyCondition = expressions.keyCondition(partitionKey, sortKey, query);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = call(() -> client.query(b -> b.tableName(name).indexName(query.index())
                    .consistentRead(query.index() == null ? Boolean.TRUE : null)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(expressions.names())
                    .expressionAttributeValues(expressions.values())
                    .exclusiveStartKey(after)));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    @Override
    public boolean write(Write write) {
        try {
            if (write instanceof Write.Put put) {
                DynamoExpressions e = new DynamoExpressions();
                String condition = e.condition(put.condition());
                call(() -> client.putItem(b -> b.tableName(name).item(put.item()).conditionExpression(condition)
                        .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())));
            } else if (write instanceof Write.Change change) {
                changeItem(change, ReturnValue.NONE);
            } else if (write instanceof Write.Delete delete) {
                DynamoExpressions e = new DynamoExpressions();
                String condition = e.condition(delete.condition());
                call(() -> client.deleteItem(b -> b.tableName(name).key(key(delete.pk(), delete.sk()))
                        .conditionExpression(condition)
                        .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())));
            } else {
                return tryTransact(List.of(write)) == null;
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
        try {
            return Optional.of(changeItem(change, ReturnValue.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private Map<String, AttributeValue> changeItem(Write.Change change, ReturnValue returnValue) {
        DynamoExpressions e = new DynamoExpressions();
        String update = e.update(change.update());
        String condition = e.condition(change.condition());
        return call(() -> client.updateItem(b -> b.tableName(name).key(key(change.pk(), change.sk()))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .returnValues(returnValue))).attributes();
    }

    /** A transaction cancelled only because a parallel transaction touched the same items is tried again. */
    @Override
    public List<Boolean> tryTransact(List<Write> writes) {
        List<TransactWriteItem> items = writes.stream().map(this::transactItem).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> client.transactWriteItems(b -> b.transactItems(items)));
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

    private TransactWriteItem transactItem(Write write) {
        DynamoExpressions e = new DynamoExpressions();
        if (write instanceof Write.Put put) {
            String condition = e.condition(put.condition());
            return TransactWriteItem.builder().put(Put.builder().tableName(name).item(put.item())
                    .conditionExpression(condition).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values()).build()).build();
        }
        if (write instanceof Write.Change change) {
            String update = e.update(change.update());
            String condition = e.condition(change.condition());
            return TransactWriteItem.builder().update(u -> u.tableName(name).key(key(change.pk(), change.sk()))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).build();
        }
        if (write instanceof Write.Delete delete) {
            String condition = e.condition(delete.condition());
            return TransactWriteItem.builder().delete(Delete.builder().tableName(name).key(key(delete.pk(), delete.sk()))
                    .conditionExpression(condition).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values()).build()).build();
        }
        String condition = e.condition(write.condition());
        if (condition == null) throw new IllegalArgumentException("a check needs a condition");
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(name)
                .key(key(write.pk(), write.sk())).conditionExpression(condition).expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values()).build()).build();
    }

    /** Runs one request; DynamoDB's ValidationException (a malformed request) becomes a {@link TableException}. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                throw new TableException(e.awsErrorDetails().errorMessage(), e);
            }
            throw e;
        }
    }

    private static void backOff(int attempt) {
        long ceilingMillis = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }
}
