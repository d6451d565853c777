package com.studiobooking.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's HTTP API events (payload format 2.0) read from, and its responses written to, the bytes the Lambda
 * runtime hands a {@code RequestStreamHandler}, with the Jackson the API already uses. The runtime's own event
 * serializer (a second, shaded Jackson, joda-time and mix-ins for every event class) is then never loaded; it cost a
 * third of a cold start (docs/benchmarks.md, "Stream handlers").
 *
 * <p>Only what API Gateway sends is read. Authorizer contexts are not: our tokens are checked in the function.
 * The envelope may be as large as API Gateway's 10 MB payload; the request body inside it is held to
 * {@link Json#LIMITS} when a route reads it.
 */
public final class HttpEvents {
    private static final int PAYLOAD_LIMIT = 12_000_000;
    private static final ObjectMapper ENVELOPE = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(PAYLOAD_LIMIT).build()).build()).build();

    private HttpEvents() {}

    /** The event the runtime passed as bytes; throws if it is not an HTTP API event (API Gateway never sends that). */
    public static APIGatewayV2HTTPEvent read(InputStream in) throws IOException {
        JsonNode root = ENVELOPE.readTree(in);
        if (root == null || !root.isObject() || !root.path("routeKey").isTextual()) {
            throw new IllegalArgumentException("not an API Gateway HTTP API event (payload format 2.0)");
        }
        JsonNode context = root.path("requestContext");
        JsonNode http = context.path("http");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion(text(root, "version"))
                .withRouteKey(text(root, "routeKey"))
                .withRawPath(text(root, "rawPath"))
                .withRawQueryString(text(root, "rawQueryString"))
                .withCookies(list(root.get("cookies")))
                .withHeaders(map(root.get("headers")))
                .withQueryStringParameters(map(root.get("queryStringParameters")))
                .withPathParameters(map(root.get("pathParameters")))
                .withStageVariables(map(root.get("stageVariables")))
                .withBody(text(root, "body"))
                .withIsBase64Encoded(root.path("isBase64Encoded").asBoolean(false))
                .withRequestContext(context.isObject() ? APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(text(context, "requestId"))
                        .withRouteKey(text(context, "routeKey"))
                        .withStage(text(context, "stage"))
                        .withAccountId(text(context, "accountId"))
                        .withApiId(text(context, "apiId"))
                        .withDomainName(text(context, "domainName"))
                        .withDomainPrefix(text(context, "domainPrefix"))
                        .withTime(text(context, "time"))
                        .withTimeEpoch(context.path("timeEpoch").asLong(0))
                        .withHttp(http.isObject() ? APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(text(http, "method"))
                                .withPath(text(http, "path"))
                                .withProtocol(text(http, "protocol"))
                                .withSourceIp(text(http, "sourceIp"))
                                .withUserAgent(text(http, "userAgent"))
                                .build() : null)
                        .build() : null)
                .build();
    }

    /** The response as API Gateway reads it from a function (payload format 2.0). */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = ENVELOPE.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    json.writeArrayFieldStart(header.getKey());
                    for (String value : header.getValue()) json.writeString(value);
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            if (response.getCookies() != null) {
                json.writeArrayFieldStart("cookies");
                for (String cookie : response.getCookies()) json.writeString(cookie);
                json.writeEndArray();
            }
            if (response.getBody() != null) json.writeStringField("body", response.getBody());
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> map(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        return map;
    }

    private static List<String> list(JsonNode node) {
        if (node == null || !node.isArray()) return null;
        List<String> list = new ArrayList<>(node.size());
        node.forEach(element -> list.add(element.asText()));
        return list;
    }
}
