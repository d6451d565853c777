package com.studiobooking.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;

/**
 * The cold-start floor: the least a handler of ours can do, one GetItem of a studio's profile through an SDK
 * client built as production builds it (URL connection client, region and credentials from the environment,
 * the {@code AWS_ENDPOINT_URL} override). No project code, no JSON mapping.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    public FloorHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint));
        dynamo = builder.build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String studioId = event.getPathParameters().get("studioId");
        boolean found = dynamo.getItem(get -> get.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("STUDIO#" + studioId),
                "SK", AttributeValue.fromS("PROFILE")))).hasItem();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(found ? 200 : 404)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"found\":" + found + "}")
                .build();
    }
}
