package com.studiobooking.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.studiobooking.core.common.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The parts of an API Gateway v2 request the handlers read. */
public final class Request {
    private final APIGatewayV2HTTPEvent event;

    Request(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String path(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) throw DomainException.invalid(name, "is required in the path");
        return value;
    }

    public String query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    /** Header lookup ignoring case (HTTP APIs lower-case them, other callers may not). */
    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) return null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) return header.getValue();
        }
        return null;
    }

    /** The bearer token, or null when the request has no Authorization header. */
    public String bearerToken() {
        String authorization = header("authorization");
        if (authorization == null) return null;
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw DomainException.unauthenticated("the Authorization header must be 'Bearer <token>'");
        }
        return authorization.substring(7).strip();
    }

    /** The raw body, base64-decoded when API Gateway says it is encoded. */
    public String rawBody() {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) return body;
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }

    public <T> T body(Class<T> type) {
        return Json.read(rawBody(), type);
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }
}
