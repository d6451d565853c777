package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.infrastructure.table.TableShape;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table's shape ({@link TableShape#STUDIO_BOOKING}) as a DynamoDB CreateTable request, for tests
 * and benchmarks. template.yaml declares the same table for AWS and the local runtime; a contract test
 * keeps the two equal.
 */
public final class StudioTable {
    public static final String GSI1 = Keys.GSI1;
    public static final String TTL_ATTRIBUTE = Keys.TTL;

    private StudioTable() {}

    public static CreateTableRequest createRequest(String tableName) {
        TableShape shape = TableShape.STUDIO_BOOKING;
        Set<String> keyAttributes = new LinkedHashSet<>(List.of(shape.partitionKey(), shape.sortKey()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        shape.indexes().forEach((name, index) -> {
            keyAttributes.add(index.partitionKey());
            keyAttributes.add(index.sortKey());
            indexes.add(GlobalSecondaryIndex.builder().indexName(name)
                    .keySchema(hash(index.partitionKey()), range(index.sortKey()))
                    .projection(p -> p.projectionType(ProjectionType.ALL)).build());
        });
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.stream().map(StudioTable::string).toList())
                .keySchema(hash(shape.partitionKey()), range(shape.sortKey()))
                .globalSecondaryIndexes(indexes)
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
