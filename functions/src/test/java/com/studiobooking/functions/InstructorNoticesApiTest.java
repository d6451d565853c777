package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instructors told about their class bookings through the handlers (the studio's {@code instructorNotices}):
 * an e-mail per place taken or given up, in the studio's language; or one daily digest per instructor of the
 * classes of the next 24 hours, from a daily schedule made and deleted with the setting, sent once per day.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class InstructorNoticesApiTest {
    /** The same rules on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String roomId;

    private void open(String locale) {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com", locale);
        owner = api.signIn(studioId, "ana@example.com");
        ok(settings(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))));
        roomId = created(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).get("locationId").asText();
    }

    @Test
    void per_booking_the_instructor_is_told_of_each_place_taken_and_given_up_with_the_places_left() {
        open("en");
        String ioana = staff("Ioana", "ioana@example.com");
        ok(settings(Map.of("instructorNotices", Map.of("mode", "PER_BOOKING"))));
        String vinyasa = session("Vinyasa", ioana, "2026-11-28T18:00:00+02:00");

        JsonNode maria = book(vinyasa, "PAY_AT_STUDIO", "Maria Popescu", "maria@example.com");
        book(vinyasa, "CARD", "Radu Ionescu", "radu@example.com");
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", maria.get("bookingId").asText())
                .token(maria.get("accessToken").asText()).send());

        List<Email> told = api.outbox.sentTo("ioana@example.com");
        assertThat(told).extracting(Email::subject).containsExactly(
                "New booking: Maria Popescu, Vinyasa on Sat 28 Nov 18:00",
                "New booking: Radu Ionescu, Vinyasa on Sat 28 Nov 18:00",
                "Cancelled: Maria Popescu, Vinyasa on Sat 28 Nov 18:00");
        assertThat(told.get(0).text()).contains("Hello Ioana,", "Maria Popescu booked a place in Vinyasa.",
                "Client: Maria Popescu", "E-mail: maria@example.com", "Seat: in the studio", "Places left: 9");
        assertThat(told.get(1).text()).contains("Radu Ionescu reserved a place in Vinyasa; it is held until they pay.",
                "Places left: 8");
        assertThat(told.get(2).text()).contains("Maria Popescu cancelled their place in Vinyasa.", "Places left: 9");
        assertThat(told).allSatisfy(mail -> assertThat(mail.to()).containsExactly("ioana@example.com"));
    }

    @Test
    void per_booking_e_mails_are_written_in_the_studio_s_language() {
        open("ro");
        String ioana = staff("Ioana", "ioana@example.com");
        ok(settings(Map.of("instructorNotices", Map.of("mode", "PER_BOOKING"))));
        String vinyasa = session("Vinyasa", ioana, "2026-11-28T18:00:00+02:00");

        book(vinyasa, "PAY_AT_STUDIO", "Maria Popescu", "maria@example.com");

        assertThat(api.outbox.sentTo("ioana@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Rezervare nouă: Maria Popescu, Vinyasa");
            assertThat(mail.text()).contains("Maria Popescu a rezervat un loc la ședința Vinyasa.",
                    "Participare: în studio", "Locuri libere: 9");
        });
    }

    @Test
    void with_notices_off_instructors_get_nothing_and_no_digest_is_scheduled() {
        open("en");
        String ioana = staff("Ioana", "ioana@example.com");
        String vinyasa = session("Vinyasa", ioana, "2026-11-28T18:00:00+02:00");
        book(vinyasa, "PAY_AT_STUDIO", "Maria Popescu", "maria@example.com");

        assertThat(api.outbox.sentTo("ioana@example.com")).isEmpty();
        assertThat(api.scheduler.pending()).extracting(ScheduledJob::name).noneMatch(n -> n.startsWith("digest-"));
        assertThat(api.wiring.jobRunner().run(JobKind.INSTRUCTOR_DIGEST, Map.of("studioId", studioId))).isFalse();
    }

    @Test
    void the_daily_digest_lists_each_instructors_classes_of_the_next_24_hours_once_a_day() {
        open("en");
        String ioana = staff("Ioana", "ioana@example.com");
        String petra = staff("Petra", "petra@example.com");
        staff("Dan", "dan@example.com");
        String morning = session("Morning flow", ioana, "2026-11-24T09:00:00+02:00");
        String noon = session("Pilates", petra, "2026-11-24T12:00:00+02:00");
        session("Vinyasa", ioana, "2026-11-24T18:00:00+02:00");
        session("Yin", ioana, "2026-11-25T18:00:00+02:00");
        book(morning, "PAY_AT_STUDIO", "Maria Popescu", "maria@example.com");
        book(morning, "PAY_AT_STUDIO", "Radu Ionescu", "radu@example.com");
        book(noon, "PAY_AT_STUDIO", "Elena Dobre", "elena@example.com");

        ok(settings(Map.of("instructorNotices", Map.of("mode", "DAILY_DIGEST", "digestHour", 7))));
        ScheduledJob digest = job("digest-" + studioId);
        assertThat(digest.kind()).isEqualTo(JobKind.INSTRUCTOR_DIGEST);
        assertThat(digest.at()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(digest.input()).containsEntry("studioId", studioId);

        api.clock.advance(Duration.between(api.clock.instant(), digest.at()));
        assertThat(api.scheduler.runDue()).isEqualTo(1);

        assertThat(api.outbox.sentTo("ioana@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your classes from Tue 24 Nov 07:00");
            assertThat(mail.text()).contains("Your classes at Lotus Yoga in the next 24 hours:", "Session: Morning flow",
                    "2 participants: Maria Popescu, Radu Ionescu", "Session: Vinyasa", "No one has booked yet.",
                    "Places left: 8").doesNotContain("Yin", "Pilates", "Elena");
            assertThat(mail.text().indexOf("Morning flow")).isLessThan(mail.text().indexOf("Vinyasa"));
        });
        assertThat(api.outbox.sentTo("petra@example.com")).singleElement().satisfies(mail ->
                assertThat(mail.text()).contains("Session: Pilates", "1 participant: Elena Dobre").doesNotContain("Morning"));
        assertThat(api.outbox.sentTo("dan@example.com")).isEmpty();
        assertThat(job("digest-" + studioId).at()).as("the next day's").isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));

        // the schedule fires again the same day (a retry): nobody gets a second e-mail
        api.clock.advance(Duration.ofMinutes(10));
        assertThat(api.wiring.jobRunner().run(JobKind.INSTRUCTOR_DIGEST, Map.of("studioId", studioId))).isFalse();
        assertThat(api.outbox.sentTo("ioana@example.com")).hasSize(1);
        assertThat(api.outbox.sentTo("petra@example.com")).hasSize(1);
    }

    @Test
    void the_digest_schedule_moves_with_its_hour_and_is_deleted_when_the_studio_turns_it_off() {
        open("en");
        ok(settings(Map.of("instructorNotices", Map.of("mode", "DAILY_DIGEST", "digestHour", 7))));
        assertThat(job("digest-" + studioId).at()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));

        ok(settings(Map.of("instructorNotices", Map.of("mode", "DAILY_DIGEST", "digestHour", 20))));
        assertThat(job("digest-" + studioId).at()).as("20:00 today in Bucharest").isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));

        ok(settings(Map.of("instructorNotices", Map.of("mode", "PER_BOOKING"))));
        assertThat(api.scheduler.pending()).extracting(ScheduledJob::name).doesNotContain("digest-" + studioId);
    }

    // --- helpers -----------------------------------------------------------------------------

    private Api.Reply settings(Map<String, Object> body) {
        return api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner).body(body).send();
    }

    private String staff(String name, String email) {
        return created(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", name, "email", email)).send()).get("staffId").asText();
    }

    private String session(String name, String instructorId, String start) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "start", start, "durationMinutes", 60,
                "capacity", 10, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "PAY_AT_STUDIO")));
        return created(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(body).send()).get("sessionId").asText();
    }

    private JsonNode book(String sessionId, String method, String name, String email) {
        return created(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method,
                        "client", Map.of("name", name, "email", email))).send());
    }

    private ScheduledJob job(String name) {
        return api.scheduler.pending().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
