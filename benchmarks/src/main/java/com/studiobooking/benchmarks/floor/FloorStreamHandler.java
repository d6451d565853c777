package com.studiobooking.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of a stream handler: {@link FloorHandler}'s one GetItem with the client built the same way, but as a
 * {@code RequestStreamHandler}, so the Lambda runtime runs no event serializer. It reads
 * {@code pathParameters.studioId} from the API Gateway event with jackson-core's streaming parser (no databind)
 * and writes a minimal API Gateway response itself.
 */
public final class FloorStreamHandler implements RequestStreamHandler {
    private static final JsonFactory JSON = new JsonFactory();
    private final FloorTable table = new FloorTable();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String studioId = studioId(input);
        boolean found = studioId != null && table.hasProfile(studioId);
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
