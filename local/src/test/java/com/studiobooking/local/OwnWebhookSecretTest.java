package com.studiobooking.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.functions.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "sign your own test webhook": a runtime started with {@code STRIPE_WEBHOOK_SECRET} alone
 * keeps its local checkout and accepts an event the user signed with that secret, as Stripe signs
 * ({@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, computed here without the project's code).
 */
class OwnWebhookSecretTest {
    private static final String SECRET = "whsec_my_own_test_secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { },
                Map.of("STRIPE_WEBHOOK_SECRET", SECRET));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void a_card_booking_is_paid_by_an_event_the_user_signed_with_their_own_secret() throws Exception {
        assertThat(runtime.banner()).contains("webhooks signed with STRIPE_WEBHOOK_SECRET");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        JsonNode sessions = json(send("GET", "/studios/st_demo/sessions?from=" + today + "&to=" + today.plusDays(7), null, null))
                .get("sessions");
        String sessionId = null;
        for (JsonNode session : sessions) {
            if (session.get("name").asText().equals("Online yin")) sessionId = session.get("sessionId").asText();
        }
        assertThat(sessionId).as("the demo studio's online class").isNotNull();
        HttpResponse<String> booked = send("POST", "/studios/st_demo/bookings", null, "{\"sessionId\":\"" + sessionId
                + "\",\"paymentMethod\":\"CARD\",\"client\":{\"name\":\"Elena\",\"email\":\"elena.own@example.com\"}}", Map.of());
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String bookingId = json(booked).get("bookingId").asText();
        String accessToken = json(booked).get("accessToken").asText();

        // the README's event, as written there (no api_version: a hand-written event need not carry one)
        String event = """
                {"id":"evt_my_test_1","object":"event","type":"checkout.session.completed","data":{"object":{
                "id":"cs_test_1","object":"checkout.session","client_reference_id":"<bookingId>","payment_intent":"pi_test_1",
                "payment_status":"paid","status":"complete","amount_total":4000,"currency":"ron"}}}""".replace("<bookingId>", bookingId);

        HttpResponse<String> forged = post(event, signature("whsec_someone_else", event));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(json(forged).get("error").get("field").asText()).isEqualTo("Stripe-Signature");

        HttpResponse<String> accepted = post(event, signature(SECRET, event));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode booking = json(send("GET", "/bookings/" + bookingId, accessToken, null));
        assertThat(booking.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    }

    /** What the README's openssl line computes. */
    private static String signature(String secret, String body) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(String body, String signature) throws Exception {
        return send("POST", "/webhooks/stripe", null, body, Map.of("Stripe-Signature", signature));
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of());
    }

    private static HttpResponse<String> send(String method, String path, String token, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("content-type", "application/json");
        if (token != null) request.header("authorization", "Bearer " + token);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
