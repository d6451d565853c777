package com.studiobooking.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The floor of a stream handler: {@link FloorHandler}'s one GetItem with the client built the same way, but as a
 * {@code RequestStreamHandler}, so the Lambda runtime runs no event serializer. It reads
 * {@code pathParameters.studioId} from the API Gateway event with jackson-core's streaming parser (no databind)
 * and writes a minimal API Gateway response itself.
 */
public final class FloorStreamHandler implements RequestStreamHandler {
    private static final JsonFactory JSON = new JsonFactory();
    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    public FloorStreamHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) builder.endpointOverride(URI.create(endpoint));
        dynamo = builder.build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String studioId = studioId(input);
        boolean found = studioId != null && dynamo.getItem(get -> get.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("STUDIO#" + studioId),
                "SK", AttributeValue.fromS("PROFILE")))).hasItem();
        output.write(("{\"statusCode\":" + (found ? 200 : 404)
                + ",\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"found\\\":" + found
                + "}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code pathParameters.studioId} of the event, or null; everything else is skipped unread. */
    static String studioId(InputStream input) throws IOException {
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("pathParameters") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if (name.equals("studioId")) return parser.getValueAsString();
                        parser.skipChildren();
                    }
                    return null;
                }
                parser.skipChildren();
            }
            return null;
        }
    }
}
