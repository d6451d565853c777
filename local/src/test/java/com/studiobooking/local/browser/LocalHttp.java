package com.studiobooking.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.functions.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local runtime over HTTP, as any client would reach it: the browser tests set up their studios and
 * check what the page did through it (API calls, the dev outbox, sign-in codes).
 */
final class LocalHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final String base;

    LocalHttp(String base) {
        this.base = base;
    }

    /** One JSON request that must succeed (2xx); its body, or null when empty. Bookings get an Idempotency-Key. */
    JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (body != null) request.header("content-type", "application/json");
        if (token != null) request.header("authorization", "Bearer " + token);
        if (path.endsWith("/bookings") && "POST".equals(method)) request.header("idempotency-key", UUID.randomUUID().toString());
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body() == null || response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
    }

    /** The e-mails the runtime's outbox holds for {@code email}, oldest first. */
    List<JsonNode> mailsTo(String email) {
        try {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode mail : send("GET", "/_dev/mail.json", null, null)) {
                if (mail.get("to").get(0).asText().equals(email)) found.add(mail);
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The "manage your booking" link of the newest e-mail to {@code email} about {@code bookingId}, or null. */
    String manageLinkTo(String email, String bookingId) {
        Pattern link = Pattern.compile(
                "https?://\\S+[?&]booking=" + Pattern.quote(bookingId) + "#access=[A-Za-z0-9_-]+");
        List<JsonNode> mails = mailsTo(email);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher m = link.matcher(mails.get(i).get("text").asText());
            if (m.find()) return m.group();
        }
        return null;
    }

    /** The sign-in code of the newest e-mail to {@code email} once it has more than {@code before}; null until then. */
    String codeAfter(String email, int before) {
        List<JsonNode> mails = mailsTo(email);
        if (mails.size() <= before) return null;
        Matcher m = CODE.matcher(mails.get(mails.size() - 1).get("text").asText());
        return m.find() ? m.group(1) : null;
    }

    /** Signs {@code email} in to the studio with a code from the outbox: the token answer (token, role, expiresAt). */
    JsonNode signIn(String studioId, String email) throws Exception {
        int before = mailsTo(email).size();
        send("POST", "/auth/code", null, Map.of("studioId", studioId, "email", email));
        String code = codeAfter(email, before);
        assertThat(code).as("a code e-mailed to " + email).isNotNull();
        return send("POST", "/auth/token", null, Map.of("studioId", studioId, "email", email, "code", code));
    }

    /** A staff member signed in over HTTP: the token, and the session as the admin page keeps it in localStorage. */
    record StaffSignIn(String token, String pageSession) {
    }

    /** Signs a staff member in with a code from the outbox (codes are rate-limited per e-mail: once per test class). */
    StaffSignIn signInStaff(String studioId, String email) throws Exception {
        JsonNode answer = signIn(studioId, email);
        String token = answer.get("token").asText();
        return new StaffSignIn(token, Json.MAPPER.writeValueAsString(Map.of("token", token,
                "role", answer.get("role").asText(), "expiresAt", answer.get("expiresAt").asText(), "email", email)));
    }
}
