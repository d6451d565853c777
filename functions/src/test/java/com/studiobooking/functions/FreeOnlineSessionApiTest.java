package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free online sessions (price 0 or none, paid FREE): allowed by rule 4, and a FREE booking counts as paid
 * for rule 3, so it sees the link in its booking and e-mails, at once or when staff release it (rule 7),
 * and nobody else does.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class FreeOnlineSessionApiTest {
    private static final String LINK = "https://meet.example/free-lotus-room";
    private static final String PASSWORD = "free-pw-2468";

    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @Test
    void a_free_online_session_with_a_link_gives_it_to_its_free_bookings_at_once_and_to_nobody_else() {
        Map<String, Object> body = sessionBody("ONLINE");
        body.put("onlineAccess", Map.of("link", LINK, "password", PASSWORD));
        JsonNode created = ok(createSession(body)).json();
        assertThat(created.get("paymentMethods").get(0).asText()).isEqualTo("FREE");
        String sessionId = created.get("sessionId").asText();

        Api.Reply booked = book(sessionId, null, "FREE", "maria@example.com");

        JsonNode booking = ok(booked).json();
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booking.get("paymentStatus").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(booking.get("nextAction").get("type").asText()).isEqualTo("NONE");
        assertThat(booking.get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(view(booking).get("onlineAccess").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(api.outbox.sentTo("maria@example.com")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(LINK, PASSWORD));

        // never in the public listing, never to a booking refused or of another client
        Api.Reply listing = ok(api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId)
                .query(Map.of("from", "2026-11-23", "to", "2026-12-31")).send());
        assertThat(listing.body()).doesNotContain(LINK, PASSWORD);
        Api.Reply byCard = book(sessionId, null, "CARD", "radu@example.com");
        assertThat(byCard.status()).isEqualTo(422);
        assertThat(byCard.errorCode()).isEqualTo("PAYMENT_METHOD_NOT_ACCEPTED");
        assertThat(byCard.body()).doesNotContain(LINK);
        assertThat(api.outbox.sentTo("radu@example.com")).isEmpty();
    }

    @Test
    void a_free_online_session_without_a_link_tells_its_participants_it_will_follow_and_mails_it_once_released() {
        Map<String, Object> body = sessionBody("ONLINE");
        body.put("price", Map.of("amount", 0, "currency", "RON"));
        body.put("paymentMethods", List.of("FREE"));
        String sessionId = ok(createSession(body)).json().get("sessionId").asText();
        assertThat(api.scheduler.pending()).extracting(j -> j.name()).containsExactly("missing-link-" + sessionId);

        JsonNode booking = ok(book(sessionId, null, "FREE", "maria@example.com")).json();
        assertThat(booking.has("onlineAccess")).isFalse();
        assertThat(api.outbox.sentTo("maria@example.com")).singleElement()
                .satisfies(m -> assertThat(m.text()).containsIgnoringCase("link will follow"));

        for (int i = 0; i < 2; i++) { // the same link twice: e-mailed once
            ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                    .path("sessionId", sessionId).token(owner).body(Map.of("link", LINK, "password", PASSWORD)).send());
        }

        assertThat(linkMailsTo("maria@example.com")).hasSize(1);
        assertThat(linkMailsTo("maria@example.com").get(0).text()).contains(PASSWORD);
        assertThat(view(booking).get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(api.scheduler.pending()).isEmpty();
        JsonNode participants = ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json().get("participants");
        assertThat(participants.get(0).get("paymentStatus").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(participants.get(0).get("linkSentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void in_a_free_hybrid_session_only_the_online_seat_sees_the_link() {
        Map<String, Object> body = sessionBody("HYBRID");
        body.put("locationId", roomId);
        body.put("onlineCapacity", 5);
        body.put("onlineAccess", Map.of("link", LINK));
        String sessionId = ok(createSession(body)).json().get("sessionId").asText();

        JsonNode online = ok(book(sessionId, "ONLINE", "FREE", "maria@example.com")).json();
        JsonNode inStudio = ok(book(sessionId, "IN_PERSON", "FREE", "radu@example.com")).json();

        assertThat(online.get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(inStudio.has("onlineAccess")).isFalse();
        assertThat(view(inStudio).has("onlineAccess")).isFalse();
        for (Email mail : api.outbox.sentTo("radu@example.com")) {
            assertThat(mail.text() + mail.html() + attachments(mail)).doesNotContain(LINK);
        }
        assertThat(linkMailsTo("maria@example.com")).hasSize(1);
    }

    @Test
    void rule_4_still_refuses_an_online_session_that_is_neither_prepaid_nor_free() {
        Map<String, Object> atStudio = sessionBody("ONLINE");
        atStudio.put("price", Map.of("amount", 5000, "currency", "RON"));
        atStudio.put("paymentMethods", List.of("PAY_AT_STUDIO"));
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send());
        assertRefused(createSession(atStudio), 422, "ONLINE_NEEDS_PREPAYMENT", "paymentMethods");

        Map<String, Object> freeByCard = sessionBody("ONLINE");
        freeByCard.put("price", Map.of("amount", 0, "currency", "RON"));
        freeByCard.put("paymentMethods", List.of("CARD"));
        assertRefused(createSession(freeByCard), 400, "VALIDATION_FAILED", "price");

        Map<String, Object> pricedButFree = sessionBody("ONLINE");
        pricedButFree.put("price", Map.of("amount", 5000, "currency", "RON"));
        pricedButFree.put("paymentMethods", List.of("FREE"));
        assertRefused(createSession(pricedButFree), 400, "VALIDATION_FAILED", "paymentMethods[0]");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> sessionBody(String format) {
        return new HashMap<>(Map.of("name", "Free meditation", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 30,
                "capacity", 10, "instructorId", instructorId, "format", format));
    }

    private Api.Reply createSession(Map<String, Object> body) {
        return api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner).body(body).send();
    }

    private Api.Reply book(String sessionId, String format, String method, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", method,
                "client", Map.of("name", "Client", "email", email)));
        if (format != null) body.put("format", format);
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send();
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private List<Email> linkMailsTo(String email) {
        return api.outbox.sentTo(email).stream().filter(m -> m.text().contains(LINK)).toList();
    }

    private static String attachments(Email mail) {
        StringBuilder all = new StringBuilder();
        mail.attachments().forEach(a -> all.append(new String(a.content(), StandardCharsets.UTF_8).replace("\r\n ", "")));
        return all.toString();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.errorField()).isEqualTo(field);
    }
}
