package com.studiobooking.infrastructure.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table's shape as code, for tests. template.yaml declares the same table for AWS and the local
 * runtime; a contract test keeps the two equal.
 */
public final class StudioTable {
    public static final String GSI1 = "GSI1";
    public static final String TTL_ATTRIBUTE = Keys.TTL;

    private StudioTable() {}

    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(Keys.PK), string(Keys.SK), string(Keys.GSI1PK), string(Keys.GSI1SK))
                .keySchema(hash(Keys.PK), range(Keys.SK))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GSI1)
                        .keySchema(hash(Keys.GSI1PK), range(Keys.GSI1SK))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
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
