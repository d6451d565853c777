package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zenamu's twin tip: an online twin of an in-person session, same instructor, same time. Rule 2 allows
 * exactly this overlap (the twin shares the original's claim) and refuses every other; the twin moves
 * and is cancelled with its original.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class TwinSessionApiTest {
    @Parameter
    TestTables.Engine engine;

    private static final String START = "2026-12-08T18:00:00+02:00";
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
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "PAY_AT_STUDIO"))).send());
        instructorId = staff("Ioana", "ioana@example.com");
        roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
    }

    @Test
    void a_twin_shares_the_instructors_time_while_any_other_overlap_is_still_refused() {
        String original = inPerson(START, "IN_PERSON", instructorId);

        Api.Reply twin = create(Map.of("twinOf", original));

        assertThat(twin.status()).as(twin.body()).isEqualTo(201);
        JsonNode made = twin.json();
        assertThat(made.get("format").asText()).isEqualTo("ONLINE");
        assertThat(made.get("twinOf").asText()).isEqualTo(original);
        assertThat(made.get("instructorId").asText()).isEqualTo(instructorId);
        assertThat(made.get("start").asText()).isEqualTo(staffSession(original).get("start").asText());
        assertThat(made.get("durationMinutes").asInt()).isEqualTo(60);
        assertThat(made.get("name").asText()).isEqualTo("Vinyasa");
        Api.Reply overlapping = create(Map.of("name", "Yin online", "start", "2026-12-08T18:30:00+02:00",
                "durationMinutes", 60, "capacity", 10, "instructorId", instructorId, "format", "ONLINE",
                "price", Map.of("amount", 3000, "currency", "RON"), "paymentMethods", List.of("CARD")));
        assertRefused(overlapping, 409, "INSTRUCTOR_BUSY");
        assertRefused(create(Map.of("name", "Same time, no twin", "start", START, "durationMinutes", 60, "capacity", 10,
                "instructorId", instructorId, "format", "ONLINE", "paymentMethods", List.of("FREE"))), 409, "INSTRUCTOR_BUSY");
        JsonNode listed = publicSessions();
        assertThat(listed).hasSize(2);
        assertThat(listed.findValuesAsText("twinOf")).containsExactly(original);
        // booking the twin takes an online seat of the twin, not of the original
        assertThat(made.get("paymentMethods").toString()).isEqualTo("[\"CARD\"]");
        ok(book(made.get("sessionId").asText(), "CARD", "maria@example.com"));
        assertThat(staffSession(original).get("participants")).isEmpty();
    }

    @Test
    void a_twin_is_refused_naming_the_field_that_does_not_fit() {
        String original = inPerson(START, "IN_PERSON", instructorId);
        String hybrid = inPerson("2026-12-09T18:00:00+02:00", "HYBRID", instructorId);
        String online = onlineFree("2026-12-10T18:00:00+02:00");
        String cancelled = inPerson("2026-12-11T18:00:00+02:00", "IN_PERSON", instructorId);
        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", cancelled).token(owner).send());
        String otherStudio = api.openStudio("mara@example.com");
        String otherOwner = api.signIn(otherStudio, "mara@example.com");
        String foreign = api.call("admin/post-studios-studioId-sessions.json").path("studioId", otherStudio).token(otherOwner)
                .body(Map.of("name", "Theirs", "start", START, "durationMinutes", 60, "capacity", 5,
                        "instructorId", api.call("admin/post-studios-studioId-staff.json").path("studioId", otherStudio)
                                .token(otherOwner).body(Map.of("name", "X", "email", "x@example.com")).send().json()
                                .get("staffId").asText(),
                        "format", "IN_PERSON", "locationId", api.call("admin/post-studios-studioId-locations.json")
                                .path("studioId", otherStudio).token(otherOwner).body(Map.of("name", "R", "address", "A"))
                                .send().json().get("locationId").asText())).send().json().get("sessionId").asText();
        String someoneElse = staff("Radu", "radu@example.com");

        assertInvalid(create(twinOf(hybrid)), "twinOf");
        assertInvalid(create(twinOf(online)), "twinOf");
        assertInvalid(create(twinOf(cancelled)), "twinOf");
        assertInvalid(create(twinOf(foreign)), "twinOf");
        assertInvalid(create(twinOf("ss_nosuchsession00")), "twinOf");
        assertInvalid(create(twinOf(original, "format", "IN_PERSON")), "format");
        assertInvalid(create(twinOf(original, "start", "2026-12-08T18:15:00+02:00")), "start");
        assertInvalid(create(twinOf(original, "durationMinutes", 90)), "durationMinutes");
        assertInvalid(create(twinOf(original, "instructorId", someoneElse)), "instructorId");
        assertThat(publicSessions().findValuesAsText("twinOf")).isEmpty();
        // the same start written in another offset is the same instant: accepted
        assertThat(create(twinOf(original, "start", "2026-12-08T16:00:00Z")).status()).isEqualTo(201);
    }

    @Test
    void a_twin_moves_and_is_cancelled_with_its_original_and_its_participants_are_told() {
        String original = inPerson(START, "IN_PERSON", instructorId);
        String twin = ok(create(twinOf(original))).json().get("sessionId").asText();
        ok(book(twin, "CARD", "online@example.com"));
        ok(book(original, "PAY_AT_STUDIO", "room@example.com"));

        assertInvalid(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", twin).token(owner).body(Map.of("start", "2026-12-08T19:00:00+02:00")).send(), "start");
        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", original).token(owner).body(Map.of("start", "2026-12-08T19:00:00+02:00")).send());

        JsonNode moved = staffSession(twin);
        assertThat(moved.get("start").asText()).isEqualTo(staffSession(original).get("start").asText());
        assertThat(lastTo("online@example.com").subject()).startsWith("New time");
        assertThat(lastTo("room@example.com").subject()).startsWith("New time");
        // the old time is free again; the new one is still the instructor's, and still shared by the twin
        assertThat(inPerson(START, "IN_PERSON", instructorId)).isNotNull();
        assertRefused(create(Map.of("name", "Clash", "start", "2026-12-08T19:30:00+02:00", "durationMinutes", 30,
                "capacity", 3, "instructorId", instructorId, "format", "ONLINE", "paymentMethods", List.of("FREE"))),
                409, "INSTRUCTOR_BUSY");

        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", original).token(owner).send());

        assertThat(staffSession(twin).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(lastTo("online@example.com").subject()).startsWith("Cancelled");
        assertThat(inPerson("2026-12-08T19:00:00+02:00", "IN_PERSON", instructorId)).isNotNull();
    }

    /** A twin created while its original is cancelled: either it is refused, or it is cancelled with the original. */
    @Test
    void twins_created_while_the_original_is_cancelled_never_outlive_it() throws Exception {
        for (int round = 0; round < 8; round++) {
            String original = inPerson("2026-12-" + (10 + round) + "T18:00:00+02:00", "IN_PERSON", instructorId);

            List<Api.Reply> replies = Parallel.run(4, i -> i == 0
                    ? api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                            .path("sessionId", original).token(owner).send()
                    : create(twinOf(original)));

            assertThat(replies.get(0).status()).as(replies.get(0).body()).isEqualTo(200);
            for (Api.Reply twin : replies.subList(1, 4)) {
                if (twin.status() == 201) {
                    assertThat(staffSession(twin.json().get("sessionId").asText()).get("status").asText())
                            .as("round " + round).isEqualTo("CANCELLED");
                } else {
                    assertThat(twin.status()).as(twin.body()).isIn(400, 409);
                    assertThat(twin.errorField()).isEqualTo("twinOf");
                }
            }
        }
        assertThat(publicSessions()).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private String staff(String name, String email) {
        return api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", name, "email", email)).send().json().get("staffId").asText();
    }

    private String inPerson(String start, String format, String instructor) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60,
                "capacity", 10, "instructorId", instructor, "format", format, "locationId", roomId,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "PAY_AT_STUDIO")));
        if (format.equals("HYBRID")) body.put("onlineCapacity", 5);
        return ok(create(body)).json().get("sessionId").asText();
    }

    private String onlineFree(String start) {
        return ok(create(Map.of("name", "Free online", "start", start, "durationMinutes", 60, "capacity", 10,
                "instructorId", instructorId, "format", "ONLINE"))).json().get("sessionId").asText();
    }

    private static Map<String, Object> twinOf(String original, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("twinOf", original));
        for (int i = 0; i < more.length; i += 2) body.put((String) more[i], more[i + 1]);
        return body;
    }

    private Api.Reply create(Map<String, Object> body) {
        return api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner).body(body).send();
    }

    private Api.Reply book(String sessionId, String method, String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)))
                .send();
    }

    private JsonNode staffSession(String sessionId) {
        return ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
    }

    private JsonNode publicSessions() {
        return ok(api.call("catalogue/get-studios-studioId-sessions.json").path("studioId", studioId)
                .query(Map.of("from", "2026-11-23", "to", "2026-12-31")).send()).json().get("sessions");
    }

    private Email lastTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        return mails.get(mails.size() - 1);
    }

    private static void assertInvalid(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
