package com.studiobooking.benchmarks.floor;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;

/**
 * What every floor does: one GetItem of a studio's profile through an SDK client built as production builds it
 * (URL connection client, region and credentials from the environment, the {@code AWS_ENDPOINT_URL} override).
 */
final class FloorTable {
    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    FloorTable() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint));
        dynamo = builder.build();
    }

    boolean hasProfile(String studioId) {
        return dynamo.getItem(get -> get.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("STUDIO#" + studioId),
                "SK", AttributeValue.fromS("PROFILE")))).hasItem();
    }
}
