package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attendance through the handlers (docs/decisions/attendance.md): staff mark ATTENDED or NO_SHOW once a
 * confirmed booking started, the lists show it, and a no-show under a forfeiting policy keeps what it
 * used when the session is cancelled later (pass entry, credits, card and transfer payments alike).
 * Card refunds are asserted at Stripe's boundary (WireMock).
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class AttendanceApiTest {
    /** Two hours after the test clock's now (2026-11-23T09:00Z, a Monday). */
    private static final String START = "2026-11-23T13:00:00+02:00";
    private static final Duration PAST_THE_START = Duration.ofMinutes(130);

    @Parameter
    TestTables.Engine engine;

    private WireMockServer stripe;
    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private String roomId;

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start(Instant.parse("2100-01-01T00:00:00Z"));
        api = new Api(engine, stripe.baseUrl());
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48,
                                "minHoursBeforeStart", 0))).send());
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    // --- marking ---------------------------------------------------------------------------------

    @Test
    void staff_mark_who_came_after_the_start_and_the_booking_the_participants_and_the_bookings_list_show_it() {
        String sessionId = session(List.of("PASS", "PAY_AT_STUDIO"));
        String maria = clientWithPass("maria@example.com", 5);
        JsonNode byPass = ok(bookSeat(sessionId, "PASS", "maria@example.com", maria)).json();
        JsonNode atStudio = ok(bookSeat(sessionId, "PAY_AT_STUDIO", "radu@example.com", null)).json();
        String ioana = api.signIn(studioId, "ioana@example.com");
        api.clock.advance(PAST_THE_START);
        int mailsBefore = api.outbox.sent().size();

        JsonNode attended = ok(mark(byPass, "ATTENDED", ioana)).json();
        JsonNode noShow = ok(mark(atStudio, "NO_SHOW", owner)).json();

        assertThat(attended.get("attendance").asText()).isEqualTo("ATTENDED");
        assertThat(attended.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(attended.has("accessToken")).isFalse();
        assertThat(noShow.get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(participantAttendance(sessionId)).isEqualTo(Map.of(id(byPass), "ATTENDED", id(atStudio), "NO_SHOW"));
        assertThat(listedAttendance()).isEqualTo(Map.of(id(byPass), "ATTENDED", id(atStudio), "NO_SHOW"));
        assertThat(ok(view(atStudio)).json().get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(ok(api.call("booking/get-me-bookings.json").token(maria).send()).json().get("bookings").get(0)
                .get("attendance").asText()).isEqualTo("ATTENDED");

        // marking again changes it; the same mark again changes nothing
        assertThat(ok(mark(atStudio, "ATTENDED", owner)).json().get("attendance").asText()).isEqualTo("ATTENDED");
        assertThat(ok(mark(atStudio, "ATTENDED", owner)).json().get("attendance").asText()).isEqualTo("ATTENDED");
        assertThat(participantAttendance(sessionId)).isEqualTo(Map.of(id(byPass), "ATTENDED", id(atStudio), "ATTENDED"));

        // marking e-mails nobody and moves no money (no forfeit policy: nothing about money changes)
        assertThat(api.outbox.sent()).hasSize(mailsBefore);
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(4);
        assertThat(ok(view(byPass)).json().get("paymentStatus").asText()).isEqualTo("PAID");
    }

    @Test
    void an_appointment_is_marked_the_same_way() {
        JsonNode appointment = bookAppointment("PAY_AT_STUDIO", "maria@example.com");
        api.clock.advance(PAST_THE_START);

        assertThat(ok(mark(appointment, "NO_SHOW", owner)).json().get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(listedAttendance()).isEqualTo(Map.of(id(appointment), "NO_SHOW"));
    }

    @Test
    void marking_is_refused_before_the_start_while_awaiting_payment_and_once_cancelled() {
        String sessionId = session(List.of("PAY_AT_STUDIO", "BANK_TRANSFER"));
        JsonNode confirmed = ok(bookSeat(sessionId, "PAY_AT_STUDIO", "radu@example.com", null)).json();
        JsonNode awaiting = ok(bookSeat(sessionId, "BANK_TRANSFER", "dana@example.com", null)).json();
        JsonNode cancelled = ok(bookSeat(sessionId, "PAY_AT_STUDIO", "elena@example.com", null)).json();
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id(cancelled))
                .token(cancelled.get("accessToken").asText()).send());

        assertRefused(mark(confirmed, "ATTENDED", owner), 422, "BOOKING_NOT_STARTED", null);

        api.clock.advance(PAST_THE_START); // the transfer's release job is due, but has not run yet
        assertRefused(mark(awaiting, "NO_SHOW", owner), 409, "BOOKING_NOT_CONFIRMED", null);
        assertRefused(mark(cancelled, "NO_SHOW", owner), 409, "BOOKING_CANCELLED", null);
        assertThat(participantAttendance(sessionId)).isEmpty();
        ok(mark(confirmed, "ATTENDED", owner));
    }

    @Test
    void bad_input_is_a_400_naming_the_field_and_unknown_bookings_are_404() {
        String sessionId = session(List.of("PAY_AT_STUDIO"));
        JsonNode booking = ok(bookSeat(sessionId, "PAY_AT_STUDIO", "radu@example.com", null)).json();
        api.clock.advance(PAST_THE_START);

        assertRefused(markCall(id(booking), owner).body(Map.of()).send(), 400, "VALIDATION_FAILED", "status");
        assertRefused(markCall(id(booking), owner).body(Map.of("status", "LATE")).send(), 400, "VALIDATION_FAILED", "status");
        assertRefused(markCall(id(booking), owner).body(Map.of("status", 1)).send(), 400, "VALIDATION_FAILED", "status");
        assertRefused(markCall(id(booking), owner).body(Map.of("status", "NO_SHOW", "forfeit", true)).send(), 400,
                "VALIDATION_FAILED", "forfeit");
        assertRefused(markCall(id(booking), owner).rawBody("NO_SHOW").send(), 400, "VALIDATION_FAILED", "body");
        assertRefused(markCall(id(booking), owner).rawBody(null).send(), 400, "VALIDATION_FAILED", "body");
        assertRefused(markCall("bk_nobody", owner).body(Map.of("status", "NO_SHOW")).send(), 404, "NOT_FOUND", null);

        String otherStudio = api.openStudio("bob@example.com");
        String bob = api.signIn(otherStudio, "bob@example.com");
        // another studio's staff naming their own studio and this booking: not theirs, so not found
        assertRefused(api.call("link-release/post-studios-studioId-bookings-bookingId-attendance.json")
                .path("studioId", otherStudio).path("bookingId", id(booking)).token(bob)
                .body(Map.of("status", "NO_SHOW")).send(), 404, "NOT_FOUND", null);
        assertThat(participantAttendance(sessionId)).isEmpty();
    }

    @Test
    void only_staff_of_the_booking_s_studio_may_mark() {
        String sessionId = session(List.of("PASS"));
        String maria = clientWithPass("maria@example.com", 5);
        JsonNode booking = ok(bookSeat(sessionId, "PASS", "maria@example.com", maria)).json();
        String otherStudio = api.openStudio("bob@example.com");
        String bob = api.signIn(otherStudio, "bob@example.com");
        api.clock.advance(PAST_THE_START);
        Map<String, String> body = Map.of("status", "NO_SHOW");

        assertRefused(api.call("link-release/post-studios-studioId-bookings-bookingId-attendance.json")
                .path("studioId", studioId).path("bookingId", id(booking)).body(body).send(), 401, "UNAUTHENTICATED", null);
        assertThat(markCall(id(booking), "garbage").body(body).send().status()).isEqualTo(401);
        assertRefused(markCall(id(booking), booking.get("accessToken").asText()).body(body).send(), 401, null, null);
        assertRefused(markCall(id(booking), maria).body(body).send(), 403, "FORBIDDEN", null);
        assertRefused(markCall(id(booking), bob).body(body).send(), 403, "FORBIDDEN", null);
        assertThat(participantAttendance(sessionId)).isEmpty();
    }

    // --- the no-show policy --------------------------------------------------------------------------

    @Test
    void the_no_show_policy_is_a_setting_the_owner_changes_and_bad_values_are_refused() {
        assertThat(settings().get("noShowPolicy").get("forfeit").asBoolean()).isFalse();

        JsonNode changed = ok(putSettings(Map.of("noShowPolicy", Map.of("forfeit", true)), owner)).json();
        assertThat(changed.get("noShowPolicy").get("forfeit").asBoolean()).isTrue();
        ok(putSettings(Map.of("missingLinkReminderHours", 12), owner));
        assertThat(settings().get("noShowPolicy").get("forfeit").asBoolean()).as("an absent section is kept").isTrue();

        assertRefused(putSettings(Map.of("noShowPolicy", Map.of()), owner), 400, "VALIDATION_FAILED", "noShowPolicy.forfeit");
        assertRefused(putSettings(Map.of("noShowPolicy", Map.of("forfeit", "yes")), owner), 400, "VALIDATION_FAILED",
                "noShowPolicy.forfeit");
        assertRefused(putSettings(Map.of("noShowPolicy", Map.of("forfeit", true, "refund", false)), owner), 400,
                "VALIDATION_FAILED", "noShowPolicy.refund");
        assertRefused(putSettings(Map.of("noShowPolicy", true), owner), 400, "VALIDATION_FAILED", "noShowPolicy");
        String ioana = api.signIn(studioId, "ioana@example.com");
        assertRefused(putSettings(Map.of("noShowPolicy", Map.of("forfeit", false)), ioana), 403, "FORBIDDEN", null);
        assertThat(settings().get("noShowPolicy").get("forfeit").asBoolean()).isTrue();
    }

    @Test
    void with_forfeit_a_no_show_keeps_its_entry_credits_and_payments_when_the_session_is_cancelled_later() {
        ok(putSettings(Map.of("noShowPolicy", Map.of("forfeit", true)), owner));
        String sessionId = session(List.of("PASS", "CREDITS", "CARD", "BANK_TRANSFER"));
        String maria = clientWithPass("maria@example.com", 5);
        grantCredits("maria@example.com", 3);
        String elena = clientWithPass("elena@example.com", 5);
        JsonNode byPass = ok(bookSeat(sessionId, "PASS", "maria@example.com", maria)).json();
        JsonNode byCredits = ok(bookSeat(sessionId, "CREDITS", "maria@example.com", maria)).json();
        JsonNode byCard = paidByCard(sessionId, "sofia@example.com");
        JsonNode byTransfer = ok(bookSeat(sessionId, "BANK_TRANSFER", "dana@example.com", null)).json();
        ok(confirmPayment(id(byTransfer)));
        JsonNode came = ok(bookSeat(sessionId, "PASS", "elena@example.com", elena)).json();
        api.clock.advance(PAST_THE_START);
        for (JsonNode noShow : List.of(byPass, byCredits, byCard, byTransfer)) ok(mark(noShow, "NO_SHOW", owner));
        ok(mark(came, "ATTENDED", owner));

        JsonNode cancelled = ok(cancelSession(sessionId)).json();

        assertThat(cancelled.get("participants").findValuesAsText("status")).containsOnly("CANCELLED");
        JsonNode wallet = wallet(maria);
        assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(4);
        assertThat(wallet.get("credits").asInt()).isEqualTo(1);
        assertThat(wallet.get("history").findValuesAsText("kind")).doesNotContain("PASS_ENTRY_RETURNED", "CREDITS_RETURNED");
        assertThat(ok(view(byCard)).json().get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(refundsAsked()).isEmpty();
        assertThat(ok(view(byTransfer)).json().get("paymentStatus").asText()).as("not owed back").isEqualTo("PAID");
        for (String email : List.of("maria@example.com", "sofia@example.com", "dana@example.com")) {
            assertThat(cancellationMailsTo(email)).as(email).isNotEmpty().allSatisfy(m -> assertThat(m.text())
                    .contains("This booking was marked as a no-show, so under Lotus Yoga's no-show policy nothing is given back.")
                    .doesNotContain("refunded", "back in your account", "back on your pass", "will transfer"));
        }
        // who came gets their entry back as everyone does when a session is cancelled
        assertThat(wallet(elena).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(cancellationMailsTo("elena@example.com")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("The entry is back on your pass."));
        assertThat(participantAttendance(sessionId)).containsEntry(id(byPass), "NO_SHOW").containsEntry(id(came), "ATTENDED");
    }

    @Test
    void without_forfeit_a_no_show_changes_nothing_about_money() {
        String sessionId = session(List.of("PASS", "CARD"));
        String maria = clientWithPass("maria@example.com", 5);
        JsonNode byPass = ok(bookSeat(sessionId, "PASS", "maria@example.com", maria)).json();
        JsonNode byCard = paidByCard(sessionId, "sofia@example.com");
        api.clock.advance(PAST_THE_START);
        ok(mark(byPass, "NO_SHOW", owner));
        ok(mark(byCard, "NO_SHOW", owner));

        ok(cancelSession(sessionId));

        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(5);
        assertThat(ok(view(byCard)).json().get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundsAsked()).containsExactly("refund-" + id(byCard));
        assertThat(cancellationMailsTo("sofia@example.com")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("is refunded to your card").doesNotContain("no-show"));
    }

    @Test
    void the_policy_in_force_when_staff_mark_decides_and_a_new_mark_undoes_a_forfeit() {
        String sessionId = session(List.of("PASS"));
        String maria = clientWithPass("maria@example.com", 5);
        String elena = clientWithPass("elena@example.com", 5);
        String ion = clientWithPass("ion@example.com", 5);
        JsonNode markedBefore = ok(bookSeat(sessionId, "PASS", "maria@example.com", maria)).json();
        JsonNode markedAfter = ok(bookSeat(sessionId, "PASS", "elena@example.com", elena)).json();
        JsonNode markedTwice = ok(bookSeat(sessionId, "PASS", "ion@example.com", ion)).json();
        api.clock.advance(PAST_THE_START);

        ok(mark(markedBefore, "NO_SHOW", owner));
        ok(putSettings(Map.of("noShowPolicy", Map.of("forfeit", true)), owner));
        ok(mark(markedAfter, "NO_SHOW", owner));
        ok(mark(markedTwice, "NO_SHOW", owner));
        ok(mark(markedTwice, "ATTENDED", owner));
        ok(cancelSession(sessionId));

        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).as("marked before forfeit").isEqualTo(5);
        assertThat(wallet(elena).get("passes").get(0).get("entriesLeft").asInt()).as("marked under forfeit").isEqualTo(4);
        assertThat(wallet(ion).get("passes").get(0).get("entriesLeft").asInt()).as("marked attended after").isEqualTo(5);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String session(List<String> methods) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Vinyasa", "start", START, "durationMinutes", 60,
                "capacity", 10, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 2, "paymentMethods", methods));
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(body).send()).json().get("sessionId").asText();
    }

    private String clientWithPass(String email, int entries) {
        return api.clientWithPass(studioId, owner, email, entries, 30);
    }

    private void grantCredits(String email, int credits) {
        api.grantCredits(studioId, owner, email, credits);
    }

    private String clientId(String email) {
        return api.addClient(studioId, owner, email);
    }

    private Api.Reply bookSeat(String sessionId, String method, String email, String token) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)));
        if (token != null) call.token(token);
        return call.send();
    }

    /** A seat paid by card: booked, then Stripe's signed webhook for its checkout. */
    private JsonNode paidByCard(String sessionId, String email) {
        JsonNode booking = ok(bookSeat(sessionId, "CARD", email, null)).json();
        ok(api.deliver(api.paidEvent(id(booking), studioId, 5000, "evt_paid_" + id(booking))));
        assertThat(ok(view(booking)).json().get("paymentStatus").asText()).isEqualTo("PAID");
        return booking;
    }

    private JsonNode bookAppointment(String method, String email) {
        String serviceId = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "staffIds", List.of(instructorId), "locationIds", List.of(roomId))).send()).json().get("serviceId").asText();
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", instructorId).token(owner).body(Map.of("weekly", List.of(Map.of("day", "MONDAY",
                        "start", "09:00", "end", "17:00", "locationId", roomId)))).send());
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", serviceId, "start", START, "paymentMethod", method,
                        "client", Map.of("name", "Maria", "email", email))).send()).json();
    }

    private Api.Call markCall(String bookingId, String token) {
        return api.call("link-release/post-studios-studioId-bookings-bookingId-attendance.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(token);
    }

    private Api.Reply mark(JsonNode booking, String status, String token) {
        return markCall(id(booking), token).body(Map.of("status", status)).send();
    }

    private Api.Reply confirmPayment(String bookingId) {
        return api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(owner).send();
    }

    private Api.Reply cancelSession(String sessionId) {
        return api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send();
    }

    private Api.Reply putSettings(Map<String, Object> body, String token) {
        return api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(token).body(body).send();
    }

    private JsonNode settings() {
        return ok(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(owner).send()).json();
    }

    private Api.Reply view(JsonNode booking) {
        return api.call("booking/get-bookings-bookingId.json").path("bookingId", id(booking))
                .token(booking.get("accessToken").asText()).send();
    }

    private JsonNode wallet(String clientToken) {
        return ok(api.call("booking/get-me-wallet.json").token(clientToken).send()).json();
    }

    /** The participants' attendance by booking id (only those marked). */
    private Map<String, String> participantAttendance(String sessionId) {
        JsonNode detail = ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
        Map<String, String> marked = new HashMap<>();
        detail.get("participants").forEach(p -> {
            if (p.has("attendance")) marked.put(p.get("bookingId").asText(), p.get("attendance").asText());
        });
        return marked;
    }

    /** The staff bookings list's attendance by booking id (only those marked). */
    private Map<String, String> listedAttendance() {
        JsonNode listed = ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", "2026-11-23", "to", "2026-11-23")).send()).json();
        Map<String, String> marked = new HashMap<>();
        listed.get("bookings").forEach(b -> {
            if (b.has("attendance")) marked.put(b.get("bookingId").asText(), b.get("attendance").asText());
        });
        return marked;
    }

    private List<Email> cancellationMailsTo(String email) {
        return api.outbox.sentTo(email).stream().filter(m -> m.subject().startsWith("Cancelled")).toList();
    }

    /** The Idempotency-Keys of every refund Stripe was asked for. */
    private List<String> refundsAsked() {
        return stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).stream()
                .map((LoggedRequest r) -> r.getHeader("Idempotency-Key")).toList();
    }

    private static String id(JsonNode booking) {
        return booking.get("bookingId").asText();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }

    private static void assertRefused(Api.Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (code != null) assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
    }
}
