package com.studiobooking.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.studiobooking.functions.HttpFunction;
import com.studiobooking.functions.http.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns each local HTTP request into the {@link APIGatewayV2HTTPEvent} an HTTP API (payload 2.0)
 * would send, hands it to the handler template.yaml names for the route, and writes the handler's
 * response back, the way {@code sam local start-api} does. Also serves /_dev routes and web/.
 *
 * <p>Like API Gateway, it refuses what it cannot turn into an event with a JSON error of the API's
 * contract: a query string that is not percent-encoded UTF-8 (400), a body over API Gateway's 10 MB
 * (413). Requests the HTTP layer itself cannot parse are answered by {@link #errors()}.
 */
final class ApiGatewayBridge extends Handler.Abstract {
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final SamTemplate template;
    private final Map<String, HttpFunction> handlers;
    private final DevRoutes dev;
    private final Path webRoot;

    ApiGatewayBridge(SamTemplate template,
                     Map<String, HttpFunction> handlers,
                     DevRoutes dev, Path webRoot) {
        this.template = template;
        this.handlers = handlers;
        this.dev = dev;
        this.webRoot = webRoot;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        response.getHeaders().add("access-control-allow-origin", "*");
        if (method.equals("OPTIONS")) {
            response.getHeaders().add("access-control-allow-methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS");
            response.getHeaders().add("access-control-allow-headers", "authorization,content-type,idempotency-key");
            write(response, callback, 204, null, new byte[0]);
            return true;
        }
        if (path.startsWith("/_dev/")) {
            DevRoutes.Page page = dev.handle(method, path, rawQuery);
            write(response, callback, page.status(), page.contentType(), page.body());
            return true;
        }
        if (method.equals("GET") && path.equals("/")) {
            DevRoutes.Page page = dev.landing();
            write(response, callback, page.status(), page.contentType(), page.body());
            return true;
        }
        var match = template.match(method, path);
        if (match.isEmpty()) {
            if (method.equals("GET") && serveStatic(response, callback, path)) return true;
            write(response, callback, 404, "application/json", error("ROUTE_NOT_FOUND",
                    "no route " + method + " " + path.replace("\"", ""), null));
            return true;
        }
        Map<String, String> query;
        try {
            query = query(rawQuery);
        } catch (IllegalArgumentException notUtf8) {
            write(response, callback, 400, "application/json", error("VALIDATION_FAILED",
                    "is not a valid query string (percent-encoded UTF-8)", "query"));
            return true;
        }
        byte[] body = body(request);
        if (body == null) {
            write(response, callback, 413, "application/json", error("PAYLOAD_TOO_LARGE",
                    "a request body may hold at most " + MAX_BODY_BYTES / (1024 * 1024) + " MB", "body"));
            return true;
        }
        APIGatewayV2HTTPEvent event = event(request, method, path, rawQuery, query, body, match.get());
        APIGatewayV2HTTPResponse answer = handlers.get(match.get().route().handler())
                .handle(event, new LocalContext(event.getRequestContext().getRequestId(),
                        match.get().route().functionLogicalId()));
        if (answer.getHeaders() != null) answer.getHeaders().forEach(response.getHeaders()::add);
        String text = answer.getBody();
        byte[] bytes = text == null ? new byte[0] : answer.getIsBase64Encoded()
                ? java.util.Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        write(response, callback, answer.getStatusCode(), null, bytes);
        return true;
    }

    /**
     * What the server answers for requests it could not parse or route to this bridge (a URI with a
     * bad escape or an illegal character, a path or headers too long), or when the bridge fails: the
     * same JSON error as every route, never the server's HTML page or a stack trace.
     */
    static Request.Handler errors() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                int status = response.getStatus() < 400 ? 500 : response.getStatus();
                if (status == 505) status = 400; // an HTTP version from nowhere is bad input too
                Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
                String why = reason instanceof String text && text.length() <= 80 ? text.toLowerCase(Locale.ROOT) : "";
                byte[] body = switch (status) {
                    case 400 -> why.contains("uri") || why.contains("path") || why.contains("utf-8") || why.equals("bad request")
                            ? error("VALIDATION_FAILED", "is not a valid URI path" + (why.equals("bad request") ? "" : ": " + why), "path")
                            : error("VALIDATION_FAILED", "is not a valid HTTP request" + (why.isEmpty() ? "" : ": " + why), null);
                    case 413 -> error("PAYLOAD_TOO_LARGE", "the request is too large", "body");
                    case 414 -> error("URI_TOO_LONG", "is longer than the server accepts", "path");
                    case 431 -> error("HEADERS_TOO_LARGE", "the request headers are larger than the server accepts", null);
                    case 500 -> error("INTERNAL", "something went wrong on our side; please try again", null);
                    default -> error("BAD_REQUEST", "the request cannot be served", null);
                };
                response.setStatus(status);
                response.getHeaders().put("content-type", "application/json");
                response.getHeaders().put("cache-control", "no-store");
                // the server drops a connection whose request it could not read: say so, so no client reuses it
                response.getHeaders().put("connection", "close");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        };
    }

    private static APIGatewayV2HTTPEvent event(Request request, String method, String path, String rawQuery,
                                               Map<String, String> query, byte[] body, SamTemplate.RouteMatch match) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField header : request.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query)
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
                                .withMethod(method).withPath(path)
                                .withProtocol(request.getConnectionMetaData().getProtocol())
                                .withSourceIp(Request.getRemoteAddr(request))
                                .withUserAgent(headers.get("user-agent")).build())
                        .build())
                .build();
    }

    /** The body, or null when it is larger than API Gateway would pass on. */
    private static byte[] body(Request request) throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) return null;
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    /** Like API Gateway: repeated parameters are joined with commas; an escape that is not UTF-8 is refused. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    /** Form decoding ({@code +} is a space), strict: a bad escape or bytes that are not UTF-8 are an error. */
    private static String decode(String text) {
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) throw new IllegalArgumentException("bad escape");
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes[length++] = ' ';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                throw new IllegalArgumentException("not encoded");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    private boolean serveStatic(Response response, Callback callback, String path) throws IOException {
        if (webRoot == null || !Files.isDirectory(webRoot)) return false;
        Path file;
        try {
            file = webRoot.resolve(path.substring(1)).normalize();
        } catch (java.nio.file.InvalidPathException notAFile) {
            return false;
        }
        if (!file.startsWith(webRoot.normalize())) return false;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) return false;
        String name = file.getFileName().toString();
        String type = CONTENT_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        write(response, callback, 200, type, Files.readAllBytes(file));
        return true;
    }

    private static byte[] error(String code, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) error.put("field", field);
        return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put("content-type", contentType);
        boolean empty = body.length == 0 || status == 204 || status == 304;
        response.write(true, empty ? null : ByteBuffer.wrap(body), callback);
    }
}
