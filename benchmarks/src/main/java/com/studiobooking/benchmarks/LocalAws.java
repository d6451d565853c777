package com.studiobooking.benchmarks;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS a cold handler talks to: DynamoDB Local in server mode, behind one loopback endpoint that also
 * answers SES v2 SendEmail and EventBridge Scheduler's schedule calls. The handlers take a single
 * {@code AWS_ENDPOINT_URL} for all their clients (the auth route e-mails a code, link release moves the
 * missing-link reminder), so this front answers those two itself and forwards everything else to DynamoDB Local
 * byte for byte.
 */
final class LocalAws implements AutoCloseable {
    private static final String SES_SEND_EMAIL = "/v2/email/outbound-emails";
    private static final String SCHEDULES = "/schedules/";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "date");

    private final DynamoDBProxyServer dynamo;
    private final URI dynamoEndpoint;
    private final HttpServer front;
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger emails = new AtomicInteger();
    private final AtomicInteger scheduleCalls = new AtomicInteger();

    private LocalAws(DynamoDBProxyServer dynamo, int dynamoPort) throws IOException {
        this.dynamo = dynamo;
        this.dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
        front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-aws");
            thread.setDaemon(true);
            return thread;
        }));
        front.createContext("/", this::handle);
        front.start();
    }

    static LocalAws start() throws Exception {
        int port = freePort();
        DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", String.valueOf(port)});
        dynamo.start();
        return new LocalAws(dynamo, port);
    }

    /** What the handlers get as {@code AWS_ENDPOINT_URL}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + front.getAddress().getPort());
    }

    /** DynamoDB Local itself, for seeding. */
    URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    int emailsSent() {
        return emails.get();
    }

    int scheduleCalls() {
        return scheduleCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("POST".equals(exchange.getRequestMethod()) && SES_SEND_EMAIL.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 200, Map.of("content-type", List.of("application/json")),
                        ("{\"MessageId\":\"cold-start-" + emails.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (exchange.getRequestURI().getPath().startsWith(SCHEDULES)) {
                answerSchedule(exchange);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(dynamoEndpoint.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
            });
            HttpResponse<byte[]> response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Create, update and delete succeed; a get finds nothing (as after a one-time schedule ran). */
    private void answerSchedule(HttpExchange exchange) throws IOException {
        scheduleCalls.incrementAndGet();
        Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
        String name = exchange.getRequestURI().getPath().substring(SCHEDULES.length());
        switch (exchange.getRequestMethod()) {
            case "POST", "PUT" -> reply(exchange, 200, json, ("{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:000000000000:schedule/"
                    + "studio-booking-timed-jobs/" + name + "\"}").getBytes(StandardCharsets.UTF_8));
            case "DELETE" -> reply(exchange, 200, json, "{}".getBytes(StandardCharsets.UTF_8));
            default -> reply(exchange, 404, Map.of("content-type", List.of("application/json"),
                    "x-amzn-errortype", List.of("ResourceNotFoundException")),
                    "{\"Message\":\"Schedule not found\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        front.stop(0);
        dynamo.stop();
    }
}
