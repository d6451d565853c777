package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders to clients through the handlers: one schedule per confirmed booking and reminder hour, made
 * when the booking is confirmed, moved with it, deleted with it; the e-mail when it fires, once, with the
 * online link only under rule 3.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class ClientReminderApiTest {
    /** The same rules on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String LINK = "https://meet.example/lotus-secret-room";
    private static final String PASSWORD = "lotus-pw-4321";
    /** Saturday 28 November 2026, 18:00 in Bucharest. */
    private static final String SATURDAY_EVENING = "2026-11-28T18:00:00+02:00";

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
        ok(settings(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"),
                "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                        "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                "clientReminders", Map.of("enabled", true, "hoursBefore", List.of(2, 24)))));
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @Test
    void a_confirmed_booking_gets_one_schedule_per_reminder_and_the_client_is_reminded_when_each_fires() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        JsonNode booking = book(sessionId, "PAY_AT_STUDIO", "maria@example.com");
        String id = booking.get("bookingId").asText();

        assertThat(remindersOf(id)).containsExactly(
                Map.entry("reminder-" + id + "-24h", "2026-11-27T16:00:00Z"),
                Map.entry("reminder-" + id + "-2h", "2026-11-28T14:00:00Z"));
        ScheduledJob dayBefore = job("reminder-" + id + "-24h");
        assertThat(dayBefore.kind()).isEqualTo(JobKind.CLIENT_REMINDER);
        assertThat(dayBefore.input()).isEqualTo(Map.of("studioId", studioId, "bookingId", id, "hoursBefore", "24",
                "start", "2026-11-28T16:00:00Z"));

        clockAt("2026-11-27T16:00:00Z");
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(reminders("maria@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Reminder: Vinyasa with Ioana on Sat 28 Nov 18:00");
            assertThat(mail.text()).contains("This is a reminder of your place in Vinyasa at Lotus Yoga.",
                    "When: Sat 28 Nov 2026, 18:00–19:00 (Europe/Bucharest)", "Where: Main room, Str. Lalelelor 3",
                    "Payment: pay at the studio", "Reference: " + referenceSentTo("maria@example.com"));
        });

        clockAt("2026-11-28T14:00:00Z");
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(reminders("maria@example.com")).hasSize(2);
        assertThat(api.scheduler.pending()).isEmpty();
    }

    @Test
    void an_unpaid_booking_gets_no_reminder_until_staff_confirm_its_transfer_and_cancelling_deletes_it() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("BANK_TRANSFER"));
        JsonNode booking = book(sessionId, "BANK_TRANSFER", "radu@example.com");
        String id = booking.get("bookingId").asText();
        assertThat(booking.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(remindersOf(id)).isEmpty();
        assertThat(api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER, input(id, 24, "2026-11-28T16:00:00Z"))).isFalse();

        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", id).token(owner).send());
        assertThat(remindersOf(id)).containsOnlyKeys("reminder-" + id + "-24h", "reminder-" + id + "-2h");

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id)
                .token(booking.get("accessToken").asText()).send());
        assertThat(remindersOf(id)).isEmpty();
        // a schedule that fired anyway (deleted too late) finds the booking cancelled and sends nothing
        clockAt("2026-11-27T16:00:00Z");
        assertThat(api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER, input(id, 24, "2026-11-28T16:00:00Z"))).isFalse();
        assertThat(reminders("radu@example.com")).isEmpty();
    }

    @Test
    void a_card_payment_confirmed_by_the_webhook_schedules_the_reminders() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("CARD"));
        JsonNode booking = book(sessionId, "CARD", "elena@example.com");
        String id = booking.get("bookingId").asText();
        assertThat(remindersOf(id)).isEmpty();

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_reminder")));

        assertThat(remindersOf(id)).containsOnlyKeys("reminder-" + id + "-24h", "reminder-" + id + "-2h");
    }

    @Test
    void reminders_move_with_the_session_and_one_whose_new_time_has_passed_is_deleted() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String id = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();

        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId).path("sessionId", sessionId)
                .token(owner).body(Map.of("start", "2026-11-29T10:00:00+02:00")).send());
        assertThat(remindersOf(id)).containsExactly(
                Map.entry("reminder-" + id + "-24h", "2026-11-28T08:00:00Z"),
                Map.entry("reminder-" + id + "-2h", "2026-11-29T06:00:00Z"));
        assertThat(job("reminder-" + id + "-2h").input()).containsEntry("start", "2026-11-29T08:00:00Z");

        // to tomorrow 10:00: the day-before reminder (today 08:00 UTC) has passed, the two-hour one has not
        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId).path("sessionId", sessionId)
                .token(owner).body(Map.of("start", "2026-11-24T10:00:00+02:00")).send());
        assertThat(remindersOf(id)).containsExactly(Map.entry("reminder-" + id + "-2h", "2026-11-24T06:00:00Z"));

        clockAt("2026-11-24T06:00:00Z");
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(reminders("maria@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("When: Tue 24 Nov 2026, 10:00–11:00 (Europe/Bucharest)"));
    }

    @Test
    void a_reminder_set_for_a_start_the_booking_no_longer_has_sends_nothing_and_goes_to_the_new_time() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String id = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();
        ok(api.call("admin/put-studios-studioId-sessions-sessionId.json").path("studioId", studioId).path("sessionId", sessionId)
                .token(owner).body(Map.of("start", "2026-11-29T10:00:00+02:00")).send());
        api.scheduler.cancel("reminder-" + id + "-24h");

        // a schedule for the old start, as a move racing with a payment could leave behind
        clockAt("2026-11-27T16:00:00Z");
        assertThat(api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER, input(id, 24, "2026-11-28T16:00:00Z"))).isFalse();

        assertThat(reminders("maria@example.com")).isEmpty();
        assertThat(remindersOf(id)).containsEntry("reminder-" + id + "-24h", "2026-11-28T08:00:00Z");
    }

    @Test
    void the_timed_jobs_function_runs_a_reminder_from_the_scheduler_s_input_and_refuses_a_malformed_one() throws Exception {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String id = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();
        TimedJobsHandler handler = new TimedJobsHandler(api.wiring);
        // the bytes EventBridge Scheduler delivers: the schedule's target input, as the adapter wrote it
        String input = EventBridgeScheduler.targetInput(job("reminder-" + id + "-24h"));
        clockAt("2026-11-27T16:00:00Z");

        List<String> malformed = new ArrayList<>();
        for (Map.Entry<String, String> bad : List.of(Map.entry("hoursBefore", "a day"), Map.entry("start", "Saturday"),
                Map.entry("bookingId", ""))) {
            Map<Object, Object> changed = new LinkedHashMap<>(JSON.readValue(input, Map.class));
            changed.put(bad.getKey(), bad.getValue());
            malformed.add(JSON.writeValueAsString(changed));
        }
        malformed.addAll(List.of("not json", "[]", "{\"kind\":\"CLIENT_REMINDER\",\"bookingId\":{\"id\":\"" + id + "\"}}",
                input.replace("\"CLIENT_REMINDER\"", "\"NO_SUCH_JOB\"")));
        for (String bad : malformed) {
            assertThat(run(handler, bad)).as(bad).containsEntry("error", "invalid job input");
        }
        assertThat(reminders("maria@example.com")).isEmpty();
        assertThat(run(handler, input)).containsEntry("kind", "CLIENT_REMINDER").containsEntry("done", true);
        assertThat(run(handler, input)).containsEntry("done", false);
        assertThat(reminders("maria@example.com")).hasSize(1);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Hands the job's bytes to the function as Lambda does, and reads its answer. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(TimedJobsHandler handler, String input) throws Exception {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                answer, null);
        return JSON.readValue(answer.toByteArray(), Map.class);
    }

    @Test
    void a_booking_made_after_a_reminder_time_gets_only_the_reminders_still_ahead() {
        String sessionId = session("IN_PERSON", "2026-11-23T17:00:00+02:00", List.of("PAY_AT_STUDIO"));
        String id = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();

        assertThat(remindersOf(id)).containsExactly(Map.entry("reminder-" + id + "-2h", "2026-11-23T13:00:00Z"));
    }

    @Test
    void staff_cancelling_the_session_deletes_the_reminders_of_its_bookings() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String maria = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();
        String radu = book(sessionId, "PAY_AT_STUDIO", "radu@example.com").get("bookingId").asText();
        assertThat(remindersOf(maria)).hasSize(2);
        assertThat(remindersOf(radu)).hasSize(2);

        ok(api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send());

        assertThat(api.scheduler.pending()).isEmpty();
    }

    @Test
    void an_online_seat_is_reminded_with_the_link_only_once_it_has_one_and_only_if_paid() {
        String sessionId = session("ONLINE", SATURDAY_EVENING, List.of("PASS", "BANK_TRANSFER"));
        String maria = clientWithPass("maria@example.com");
        ok(bookReply(sessionId, "PASS", "maria@example.com", maria));
        JsonNode unpaid = book(sessionId, "BANK_TRANSFER", "radu@example.com");
        assertThat(remindersOf(unpaid.get("bookingId").asText())).isEmpty();

        clockAt("2026-11-27T16:00:00Z");
        api.scheduler.runDue();
        assertThat(reminders("maria@example.com")).singleElement().satisfies(mail -> assertThat(mail.text())
                .contains("Where: online", "The link will follow by e-mail before the session.").doesNotContain(LINK));

        owner = api.signIn(studioId, "ana@example.com"); // days later: a fresh token
        ok(api.call("link-release/put-studios-studioId-sessions-sessionId-online-access.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).body(Map.of("link", LINK, "password", PASSWORD)).send());
        clockAt("2026-11-28T14:00:00Z");
        api.scheduler.runDue();

        assertThat(reminders("maria@example.com")).hasSize(2).last().satisfies(mail -> assertThat(mail.text())
                .contains("You'll join online:", "Link: " + LINK, "Password: " + PASSWORD));
        assertThat(api.outbox.sentTo("radu@example.com")).allSatisfy(mail ->
                assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain(LINK, PASSWORD));
        assertThat(reminders("radu@example.com")).isEmpty();
    }

    @Test
    void a_reminder_that_fires_twice_or_ten_times_at_once_sends_one_e_mail() throws Exception {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String id = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();
        clockAt("2026-11-27T16:00:00Z");

        assertThat(api.scheduler.runNow("reminder-" + id + "-24h")).isTrue();
        assertThat(api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER, input(id, 24, "2026-11-28T16:00:00Z"))).isFalse();
        List<Boolean> parallel = Parallel.run(10, i -> api.wiring.jobRunner().run(JobKind.CLIENT_REMINDER,
                input(id, 2, "2026-11-28T16:00:00Z")));

        assertThat(parallel).containsOnlyOnce(true);
        assertThat(reminders("maria@example.com")).hasSize(2);
    }

    @Test
    void with_reminders_off_nothing_is_scheduled_and_what_is_pending_sends_nothing() {
        String sessionId = session("IN_PERSON", SATURDAY_EVENING, List.of("PAY_AT_STUDIO"));
        String before = book(sessionId, "PAY_AT_STUDIO", "maria@example.com").get("bookingId").asText();

        JsonNode off = ok(settings(Map.of("clientReminders", Map.of("enabled", false)))).json();
        assertThat(off.get("clientReminders").get("enabled").asBoolean()).isFalse();
        assertThat(off.get("clientReminders").get("hoursBefore")).hasSize(1);
        String after = book(sessionId, "PAY_AT_STUDIO", "radu@example.com").get("bookingId").asText();

        assertThat(remindersOf(after)).isEmpty();
        clockAt("2026-11-27T16:00:00Z");
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(reminders("maria@example.com")).isEmpty();
        assertThat(remindersOf(before)).hasSize(1);
    }

    @Test
    void an_appointment_is_reminded_and_its_reminders_go_when_it_is_cancelled() {
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", roomId));
        }
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", instructorId).token(owner).body(Map.of("weekly", week)).send());
        String massage = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "staffIds", List.of(instructorId), "locationIds", List.of(roomId))).send())
                .json().get("serviceId").asText();
        JsonNode first = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massage, "start", "2026-11-30T10:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                        "language", "id", "client", Map.of("name", "Maria", "email", "maria@example.com"))).send()).json();
        JsonNode second = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massage, "start", "2026-11-30T12:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Radu", "email", "radu@example.com"))).send()).json();
        String id = first.get("bookingId").asText();
        String reference = referenceSentTo("maria@example.com");
        assertThat(remindersOf(id)).containsExactly(
                Map.entry("reminder-" + id + "-24h", "2026-11-29T08:00:00Z"),
                Map.entry("reminder-" + id + "-2h", "2026-11-30T06:00:00Z"));

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", second.get("bookingId").asText())
                .token(second.get("accessToken").asText()).send());
        assertThat(remindersOf(second.get("bookingId").asText())).isEmpty();

        clockAt("2026-11-29T08:00:00Z");
        assertThat(api.scheduler.runDue()).isEqualTo(1);
        assertThat(api.outbox.sentTo("maria@example.com")).filteredOn(m -> m.subject().startsWith("Pengingat:"))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Pengingat: Massage bersama Ioana, Senin, 30 November, 10.00");
                    assertThat(mail.text()).contains("Ini pengingat untuk janji temu Anda di Lotus Yoga.",
                            "Waktu: Senin, 30 November 2026, 10.00–11.00 (Europe/Bucharest)",
                            "Tempat: Main room, Str. Lalelelor 3", "Kode referensi: " + reference);
                });
        assertThat(reminders("radu@example.com")).isEmpty();
    }

    @Test
    void client_reminder_settings_are_checked_field_by_field_and_read_back() {
        assertRefused(settings(Map.of("clientReminders", Map.of("hoursBefore", List.of(24)))), "clientReminders.enabled");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24, 0)))),
                "clientReminders.hoursBefore[1]");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(169)))),
                "clientReminders.hoursBefore[0]");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(1, 2, 3, 4)))),
                "clientReminders.hoursBefore");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of(24, 24)))),
                "clientReminders.hoursBefore[1]");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of()))),
                "clientReminders.hoursBefore");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "hoursBefore", List.of("24")))),
                "clientReminders.hoursBefore[0]");
        assertRefused(settings(Map.of("clientReminders", Map.of("enabled", true, "minutesBefore", List.of(30)))),
                "clientReminders.minutesBefore");

        JsonNode read = ok(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .send()).json().get("clientReminders");
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.get("hoursBefore").toString()).isEqualTo("[24,2]");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void clockAt(String instant) {
        api.clock.advance(Duration.between(api.clock.instant(), Instant.parse(instant)));
    }

    /** The booking reference (SB-…) of the first e-mail to {@code email}: its booking confirmation. */
    private String referenceSentTo(String email) {
        Matcher m = Pattern.compile("\\b(SB-[A-Z0-9]{8})\\b")
                .matcher(api.outbox.sentTo(email).get(0).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private Api.Reply settings(Map<String, Object> body) {
        return api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner).body(body).send();
    }

    /** The pending reminders of one booking, name → time, earliest first. */
    private Map<String, String> remindersOf(String bookingId) {
        Map<String, String> found = new LinkedHashMap<>();
        api.scheduler.pending().stream().filter(j -> j.name().startsWith("reminder-" + bookingId + "-"))
                .forEach(j -> found.put(j.name(), j.at().toString()));
        return found;
    }

    private ScheduledJob job(String name) {
        return api.scheduler.pending().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, String> input(String bookingId, int hours, String start) {
        return Map.of("studioId", studioId, "bookingId", bookingId, "hoursBefore", Integer.toString(hours), "start", start);
    }

    private List<Email> reminders(String email) {
        return api.outbox.sentTo(email).stream().filter(m -> m.subject().startsWith("Reminder:")).toList();
    }

    private String session(String format, String start, List<String> methods) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Vinyasa", "start", start, "durationMinutes", 60,
                "capacity", 10, "instructorId", instructorId, "format", format,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", methods));
        if (!format.equals("ONLINE")) body.put("locationId", roomId);
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(body).send()).json().get("sessionId").asText();
    }

    private String clientWithPass(String email) {
        return api.clientWithPass(studioId, owner, email, 5, 30);
    }

    private JsonNode book(String sessionId, String method, String email) {
        return ok(bookReply(sessionId, method, email, null)).json();
    }

    private Api.Reply bookReply(String sessionId, String method, String email, String token) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method,
                        "client", Map.of("name", "Client " + email, "email", email)));
        if (token != null) call.token(token);
        return call.send();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }
}
