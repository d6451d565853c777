package com.studiobooking.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns each local HTTP request into the {@link APIGatewayV2HTTPEvent} an HTTP API (payload 2.0)
 * would send, hands it to the handler template.yaml names for the route, and writes the handler's
 * response back, the way {@code sam local start-api} does. Also serves /_dev routes and web/.
 */
final class ApiGatewayBridge implements HttpHandler {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final SamTemplate template;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final DevRoutes dev;
    private final Path webRoot;

    ApiGatewayBridge(SamTemplate template,
                     Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                     DevRoutes dev, Path webRoot) {
        this.template = template;
        this.handlers = handlers;
        this.dev = dev;
        this.webRoot = webRoot;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            exchange.getResponseHeaders().add("access-control-allow-origin", "*");
            if (method.equals("OPTIONS")) {
                exchange.getResponseHeaders().add("access-control-allow-methods", "GET,POST,PUT,DELETE,OPTIONS");
                exchange.getResponseHeaders().add("access-control-allow-headers", "authorization,content-type,idempotency-key");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (path.startsWith("/_dev/")) {
                DevRoutes.Page page = dev.handle(method, path, exchange.getRequestURI().getRawQuery());
                write(exchange, page.status(), page.contentType(), page.body());
                return;
            }
            var match = template.match(method, path);
            if (match.isEmpty()) {
                if (method.equals("GET") && serveStatic(exchange, path)) return;
                write(exchange, 404, "application/json", ("{\"error\":{\"code\":\"ROUTE_NOT_FOUND\",\"message\":\"no route "
                        + method + " " + path.replace("\"", "") + "\"}}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            APIGatewayV2HTTPEvent event = event(exchange, method, path, match.get());
            APIGatewayV2HTTPResponse response = handlers.get(match.get().route().handler())
                    .handleRequest(event, new LocalContext(event.getRequestContext().getRequestId(),
                            match.get().route().functionLogicalId()));
            if (response.getHeaders() != null) response.getHeaders().forEach(exchange.getResponseHeaders()::add);
            String body = response.getBody();
            byte[] bytes = body == null ? new byte[0] : response.getIsBase64Encoded()
                    ? java.util.Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            write(exchange, response.getStatusCode(), null, bytes);
        }
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String method, String path,
                                               SamTemplate.RouteMatch match) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(match.route().routeKey())
                        .withRequestId(requestId)
                        .withStage("$default")
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.get("user-agent")).build())
                        .build())
                .build();
    }

    /** Like API Gateway: repeated parameters are joined with commas. */
    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> params = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private boolean serveStatic(HttpExchange exchange, String path) throws IOException {
        if (webRoot == null || !Files.isDirectory(webRoot)) return false;
        Path file = webRoot.resolve(path.substring(1)).normalize();
        if (!file.startsWith(webRoot.normalize())) return false;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) return false;
        String name = file.getFileName().toString();
        String type = CONTENT_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        write(exchange, 200, type, Files.readAllBytes(file));
        return true;
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().set("content-type", contentType);
        boolean empty = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
