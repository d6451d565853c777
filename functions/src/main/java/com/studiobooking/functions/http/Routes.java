package com.studiobooking.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.functions.logging.Log;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A handler's routes by API Gateway route key ({@code "POST /studios/{studioId}/staff"}), and the
 * one place where outcomes become HTTP: path ids that cannot exist are not found, refusals map to 4xx
 * JSON errors, anything unexpected to a 500 that reveals nothing, and every request is logged once.
 */
public final class Routes {
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");

    private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
    private final Runnable requestEnded;

    /** {@code requestEnded} runs after every request, whatever its outcome ({@code Wiring::requestEnded}). */
    public Routes(Runnable requestEnded) {
        this.requestEnded = requestEnded;
    }

    public Routes on(String routeKey, Function<Request, Response> route) {
        routes.put(routeKey, route);
        return this;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return respond(event);
        } finally {
            requestEnded.run();
        }
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        Request request = new Request(event);
        String routeKey = event.getRouteKey();
        APIGatewayV2HTTPResponse response;
        String errorCode = null;
        try {
            Function<Request, Response> route = routes.get(routeKey);
            if (route == null) {
                errorCode = "ROUTE_NOT_FOUND";
                response = error(404, errorCode, "no such route: " + routeKey, null);
            } else {
                refuseIdsThatCannotExist(event);
                response = toHttp(route.apply(request));
            }
        } catch (DomainException e) {
            errorCode = e.code();
            if (e.getCause() != null) Log.error(request.requestId(), routeKey, "refused after a failure: " + e.code(), e.getCause());
            response = error(Status.of(e.kind()), e.code(), e.getMessage(), e.field(), e.details());
        } catch (RuntimeException e) {
            errorCode = "INTERNAL";
            Log.error(request.requestId(), routeKey, "unhandled " + e.getClass().getName(), e);
            response = error(500, "INTERNAL", "something went wrong on our side; please try again", null);
        }
        Log.request(request.requestId(), routeKey, response.getStatusCode(), errorCode, (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    /**
     * Every {@code {…Id}} of the path has the shape of our ids, or names nothing there is: a 404 here,
     * before any rule, token check or table sees it (an over-long key is a malformed table request).
     */
    private static void refuseIdsThatCannotExist(APIGatewayV2HTTPEvent event) {
        Map<String, String> parameters = event.getPathParameters();
        if (parameters == null) return;
        parameters.forEach((name, value) -> {
            if (name.endsWith("Id") && !Ids.wellFormed(value)) {
                throw DomainException.notFound(name.substring(0, name.length() - 2));
            }
        });
    }

    private static APIGatewayV2HTTPResponse toHttp(Response response) {
        if (response.body() instanceof Response.Download file) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(Map.of("content-type", file.contentType(),
                            "content-disposition", "attachment; filename=\"" + file.fileName() + "\"",
                            "cache-control", "no-store"))
                    .withBody(file.text())
                    .build();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(JSON_HEADERS)
                .withBody(response.body() == null ? null : Json.write(response.body()))
                .build();
    }

    static APIGatewayV2HTTPResponse error(int status, String code, String message, String field) {
        return error(status, code, message, field, Map.of());
    }

    /** {@code details}: facts beside code, message and field (a policy's text); they never replace those three. */
    static APIGatewayV2HTTPResponse error(int status, String code, String message, String field, Map<String, Object> details) {
        Map<String, Object> error = new HashMap<>(details);
        error.put("code", code);
        error.put("message", message);
        if (field != null) error.put("field", field);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(Map.of("error", error)))
                .build();
    }
}
