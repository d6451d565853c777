package com.studiobooking.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.functions.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The README's walk-through, over real HTTP against the local runtime (data in a scratch folder, as by default). */
class LocalRuntimeTest {
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        String data = java.nio.file.Files.createTempDirectory("studio-booking-data").toString();
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--data-dir", data}), mail -> { });
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void the_dev_routes_answer() throws Exception {
        JsonNode health = json(send("GET", "/_dev/health", null, null));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("demoStudioId").asText()).isEqualTo(DemoStudio.STUDIO_ID);
        assertThat(send("GET", "/_dev/mail", null, null).headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(json(send("GET", "/_dev/mail.json", null, null)).isArray()).isTrue();
        assertThat(json(send("GET", "/_dev/schedules", null, null)).isArray()).isTrue();
    }

    @Test
    void the_front_page_links_the_widget_the_admin_page_the_outbox_and_the_schedules_and_every_link_opens() throws Exception {
        HttpResponse<String> front = send("GET", "/", null, null);
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        List<String> links = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(front.body()).results()
                .map(m -> m.group(1).replace("&amp;", "&")).toList();
        assertThat(links).contains("/widget/?studio=" + DemoStudio.STUDIO_ID, "/admin/?studio=" + DemoStudio.STUDIO_ID,
                "/_dev/mail", "/_dev/schedules");
        for (String link : links) assertThat(send("GET", link, null, null).statusCode()).as(link).isEqualTo(200);
        assertThat(front.body()).contains("ana@example.com", "ioana@example.com");
    }

    @Test
    void the_demo_owner_signs_in_and_manages_staff_and_locations() throws Exception {
        String token = demoOwner();

        HttpResponse<String> staff = send("POST", "/studios/st_demo/staff", token,
                "{\"name\":\"Maria\",\"email\":\"maria@example.com\"}");
        assertThat(staff.statusCode()).isEqualTo(201);
        String staffId = json(staff).get("staffId").asText();
        HttpResponse<String> location = send("POST", "/studios/st_demo/locations", token,
                "{\"name\":\"Garden\",\"address\":\"Str. Florilor 1\"}");
        assertThat(location.statusCode()).isEqualTo(201);
        String locationId = json(location).get("locationId").asText();

        assertThat(json(send("GET", "/studios/st_demo/staff/" + staffId, token, null)).get("email").asText())
                .isEqualTo("maria@example.com");
        assertThat(json(send("GET", "/studios/st_demo/locations", token, null)).get("locations").findValuesAsText("locationId"))
                .contains(locationId);
        JsonNode profile = json(send("GET", "/studios/st_demo", null, null));
        assertThat(profile.get("staff").findValuesAsText("name")).contains("Maria");
        assertThat(profile.toString()).doesNotContain("maria@example.com");
    }

    @Test
    void a_new_user_creates_a_service_books_a_slot_sees_it_vanish_cancels_and_sees_it_return() throws Exception {
        String token = demoOwner();
        HttpResponse<String> hours = send("PUT", "/studios/st_demo/staff/sf_demo_ioana/availability", token,
                "{\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"12:00\",\"locationId\":\"lc_demo_main\"}]}");
        assertThat(hours.statusCode()).as(hours.body()).isEqualTo(200);
        HttpResponse<String> service = send("POST", "/studios/st_demo/services", token,
                "{\"name\":\"Thai massage\",\"durationMinutes\":60,\"price\":{\"amount\":25000,\"currency\":\"RON\"},"
                        + "\"bufferAfterMinutes\":15,\"staffIds\":[\"sf_demo_ioana\"]}");
        assertThat(service.statusCode()).as(service.body()).isEqualTo(201);
        String serviceId = json(service).get("serviceId").asText();
        String monday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)).toString();
        String slotsPath = "/studios/st_demo/slots?serviceId=" + serviceId + "&from=" + monday + "&to=" + monday;

        JsonNode before = json(send("GET", slotsPath, null, null)).get("slots");
        assertThat(before).hasSize(9);
        String start = before.get(0).get("start").asText();
        HttpResponse<String> booked = send("POST", "/studios/st_demo/bookings", null, "{\"serviceId\":\"" + serviceId
                + "\",\"start\":\"" + start + "\",\"paymentMethod\":\"BANK_TRANSFER\","
                + "\"client\":{\"name\":\"Maria\",\"email\":\"maria.client@example.com\"}}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = json(booked);
        assertThat(booking.get("nextAction").get("bankTransfer").get("iban").asText()).isEqualTo("RO49AAAA1B31007593840000");
        assertThat(json(send("GET", slotsPath, null, null)).get("slots").findValuesAsText("start")).doesNotContain(start);

        HttpResponse<String> cancelled = send("POST", "/bookings/" + booking.get("bookingId").asText() + "/cancel",
                booking.get("accessToken").asText(), null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(send("GET", slotsPath, null, null)).get("slots")).hasSize(9);
    }

    @Test
    void a_new_user_books_an_online_session_by_card_pays_on_the_local_checkout_and_gets_the_link() throws Exception {
        String token = demoOwner();
        String start = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).plusDays(3).withNano(0).toString();
        HttpResponse<String> session = send("POST", "/studios/st_demo/sessions", token, "{\"name\":\"Online Yin\","
                + "\"start\":\"" + start + "\",\"durationMinutes\":60,\"capacity\":20,\"instructorId\":\"sf_demo_ioana\","
                + "\"format\":\"ONLINE\",\"price\":{\"amount\":4000,\"currency\":\"RON\"},\"paymentMethods\":[\"CARD\"],"
                + "\"onlineAccess\":{\"link\":\"https://meet.example/yin-room\",\"password\":\"yin-42\"}}");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String sessionId = json(session).get("sessionId").asText();

        HttpResponse<String> booked = send("POST", "/studios/st_demo/bookings", null, "{\"sessionId\":\"" + sessionId
                + "\",\"paymentMethod\":\"CARD\",\"client\":{\"name\":\"Elena\",\"email\":\"elena@example.com\"}}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = json(booked);
        String checkoutUrl = booking.get("nextAction").get("url").asText();
        assertThat(checkoutUrl).contains("/_dev/checkout/");
        String checkoutPath = URI.create(checkoutUrl).getPath();
        assertThat(send("GET", checkoutPath, null, null).body()).contains("Pay", "40.00 RON");

        HttpResponse<String> paid = send("POST", checkoutPath + "/pay", null, null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("Webhook answered 200");

        JsonNode now = json(send("GET", "/bookings/" + booking.get("bookingId").asText(), booking.get("accessToken").asText(), null));
        assertThat(now.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(now.get("onlineAccess").get("link").asText()).isEqualTo("https://meet.example/yin-room");
        JsonNode mails = json(send("GET", "/_dev/mail.json", null, null));
        boolean linkMailed = false;
        for (JsonNode mail : mails) {
            if (mail.get("to").get(0).asText().equals("elena@example.com") && mail.get("text").asText().contains("https://meet.example/yin-room")) {
                linkMailed = true;
            }
        }
        assertThat(linkMailed).isTrue();
    }

    @Test
    void an_online_session_starting_soon_without_a_link_reminds_its_instructor_and_one_with_a_link_does_not() throws Exception {
        String token = demoOwner();
        String soon = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).plusHours(3).withNano(0).toString();
        String later = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).plusHours(5).withNano(0).toString();
        String body = "{\"name\":\"%s\",\"start\":\"%s\",\"durationMinutes\":45,\"capacity\":10,"
                + "\"instructorId\":\"sf_demo_owner\",\"format\":\"ONLINE\",\"price\":{\"amount\":3000,\"currency\":\"RON\"},"
                + "\"paymentMethods\":[\"CARD\"]%s}";
        assertThat(send("POST", "/studios/st_demo/sessions", token, body.formatted("Forgot the link", soon, "")).statusCode()).isEqualTo(201);
        HttpResponse<String> withLink = send("POST", "/studios/st_demo/sessions", token, body.formatted("Has a link", later,
                ",\"onlineAccess\":{\"link\":\"https://meet.example/ready\"}"));
        assertThat(withLink.statusCode()).as(withLink.body()).isEqualTo(201);

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> subjects = List.of();
        while (System.nanoTime() < deadline) {
            subjects = new java.util.ArrayList<>();
            for (JsonNode mail : json(send("GET", "/_dev/mail.json", null, null))) {
                if (mail.get("to").get(0).asText().equals("ana@example.com")) subjects.add(mail.get("subject").asText());
            }
            if (subjects.stream().anyMatch(s -> s.contains("Forgot the link"))) break;
            Thread.onSpinWait();
        }
        assertThat(subjects).anyMatch(s -> s.contains("Forgot the link"));
        assertThat(subjects).noneMatch(s -> s.contains("Has a link"));
    }

    @Test
    void a_token_of_another_studio_gets_403() throws Exception {
        HttpResponse<String> opened = send("POST", "/studios", null, "{\"name\":\"Other\",\"timezone\":\"Europe/Paris\","
                + "\"currency\":\"EUR\",\"locale\":\"fr\",\"owner\":{\"name\":\"Bob\",\"email\":\"bob@example.com\"}}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String other = signIn(json(opened).get("studioId").asText(), "bob@example.com");

        HttpResponse<String> refused = send("GET", "/studios/st_demo/staff", other, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void bad_input_and_unknown_routes_get_json_errors() throws Exception {
        String token = demoOwner();

        assertField(send("POST", "/studios/st_demo/locations", token, "{\"name\":"), "body");
        assertField(send("POST", "/studios/st_demo/locations", token, "{\"name\":true,\"address\":\"x\"}"), "name");
        assertField(send("POST", "/studios/st_demo/locations", token, "{\"name\":\"x\",\"address\":\"y\",\"floor\":2}"), "floor");

        HttpResponse<String> unknown = send("GET", "/nothing/here", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").get("code").asText()).isEqualTo("ROUTE_NOT_FOUND");
    }

    /**
     * A card booking without Stripe keys: the local checkout page's Pay button posts a signed
     * checkout.session.completed to /webhooks/stripe, which template.yaml routes to the payment-webhook
     * handler; the booking becomes paid and its online seat gets the link (rules 3 and 7).
     */
    @Test
    void a_card_booking_is_paid_on_the_local_checkout_page_through_the_signed_webhook() throws Exception {
        assumeTrue(System.getenv("STRIPE_SECRET_KEY") == null || System.getenv("STRIPE_WEBHOOK_SECRET") == null,
                "Stripe test mode is configured: no local checkout page");
        String token = demoOwner();
        String start = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Bucharest")).plusDays(3)
                .withHour(18).withMinute(0).withSecond(0).withNano(0).toOffsetDateTime().toString();
        HttpResponse<String> session = send("POST", "/studios/st_demo/sessions", token, "{\"name\":\"Online flow\","
                + "\"start\":\"" + start + "\",\"durationMinutes\":60,\"capacity\":5,\"instructorId\":\"sf_demo_owner\","
                + "\"format\":\"ONLINE\",\"price\":{\"amount\":5000,\"currency\":\"RON\"},\"paymentMethods\":[\"CARD\"],"
                + "\"onlineAccess\":{\"link\":\"https://meet.example.com/flow\",\"password\":\"lotus\"}}");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);

        HttpResponse<String> booked = send("POST", "/studios/st_demo/bookings", null, "{\"sessionId\":\""
                + json(session).get("sessionId").asText() + "\",\"paymentMethod\":\"CARD\","
                + "\"client\":{\"name\":\"Maria\",\"email\":\"maria.card@example.com\"}}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = json(booked);
        assertThat(booking.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(booking.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(booking.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        assertThat(booking.has("onlineAccess")).isFalse();
        String checkout = booking.get("nextAction").get("url").asText();
        String base = "http://127.0.0.1:" + runtime.port();
        assertThat(checkout).startsWith(base + "/_dev/checkout/");

        assertThat(send("GET", checkout.substring(base.length()), null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> paid = send("POST", checkout.substring(base.length()) + "/pay", null, null);
        assertThat(paid.body()).contains("Webhook answered 200");
        // back to the booking's manage page, its token in the fragment, as from Stripe (docs/decisions/manage-link.md)
        assertThat(paid.body()).contains("?studio=st_demo&amp;booking=" + booking.get("bookingId").asText()
                + "&amp;paid=1#access=" + booking.get("accessToken").asText() + "\">");

        String path = "/bookings/" + booking.get("bookingId").asText();
        JsonNode after = json(send("GET", path, booking.get("accessToken").asText(), null));
        assertThat(after.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(after.get("nextAction").get("type").asText()).isEqualTo("NONE");
        assertThat(after.get("onlineAccess").get("link").asText()).isEqualTo("https://meet.example.com/flow");
        assertThat(json(send("GET", "/_dev/mail.json", null, null)).findValues("text").toString())
                .contains("https://meet.example.com/flow");
    }

    /**
     * What the HTTP layer itself cannot parse (a bad escape, a raw {@code %}, bytes that are not UTF-8,
     * characters a URI may not hold, a path too long) gets the API's JSON error, not the server's page.
     */
    @Test
    void malformed_uris_get_the_json_error_contract() throws Exception {
        for (String target : List.of("/studios/%zz", "/studios/%", "/studios/%ff%fe", "/studios/st_demo/staff/%C0%AF",
                "/studios/a\"b", "/studios/<script>", "/studios/a{b}", "/studios/st_demo/slots?from=%zz&to=%ff",
                "/studios/st_demo/sessions?from=%&to=2026-12-01", "/studios/" + "a".repeat(20_000))) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String status = answer.substring(9, 12);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            String shown = target.substring(0, Math.min(target.length(), 40));
            assertThat(status).as(shown).isEqualTo(target.length() > 10_000 ? "414" : "400");
            assertThat(head).as(shown).contains("content-type: application/json");
            JsonNode error = Json.MAPPER.readTree(body).get("error");
            assertThat(error.get("code").asText()).as(shown).isNotBlank();
            assertThat(error.get("message").asText()).as(shown).isNotBlank();
            assertThat(error.has("field") ? error.get("field").asText() : "path").as(shown).isIn("path", "query");
            assertThat(body).as(shown).doesNotContain("Exception", "<h1>", "java.", "jetty");
        }
    }

    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_stripe_webhook_route_refuses_an_unsigned_event() throws Exception {
        HttpResponse<String> refused = send("POST", "/webhooks/stripe", null,
                "{\"id\":\"evt_unsigned\",\"object\":\"event\",\"type\":\"checkout.session.completed\"}");
        assertField(refused, "Stripe-Signature");
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private static void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
    }

    private static String ownerToken;

    /** The demo owner signs in once for all tests: codes are rate limited per e-mail, as in production. */
    private static synchronized String demoOwner() throws Exception {
        if (ownerToken == null) ownerToken = signIn(DemoStudio.STUDIO_ID, "ana@example.com");
        return ownerToken;
    }

    private static String signIn(String studioId, String email) throws Exception {
        assertThat(send("POST", "/auth/code", null, "{\"studioId\":\"" + studioId + "\",\"email\":\"" + email + "\"}")
                .statusCode()).isEqualTo(202);
        JsonNode mails = json(send("GET", "/_dev/mail.json", null, null));
        String code = null;
        for (JsonNode mail : mails) {
            if (mail.get("to").get(0).asText().equals(email)) {
                Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.get("text").asText());
                if (m.find()) code = m.group(1);
            }
        }
        assertThat(code).as("code e-mailed to " + email).isNotNull();
        HttpResponse<String> token = send("POST", "/auth/token", null,
                "{\"studioId\":\"" + studioId + "\",\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token).get("token").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("content-type", "application/json");
        if (token != null) request.header("authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
