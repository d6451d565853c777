package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marking attendance while something else happens to the same booking: the session is cancelled, a
 * payment lands (card webhook, staff confirming a transfer), or another mark is made. Every writer
 * writes on the booking's version and the loser reads again (docs/decisions/booking-state-machine.md),
 * so each round ends in one of the exact outcomes named per test, in parallel (rounds through
 * {@link Parallel}) and in the interleavings that matter, made deterministic with {@link ObservedTable}.
 * The studio's no-show policy forfeits, so a lost race would show as an entry kept or given back wrongly.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class AttendanceRaceTest {
    private static final Set<String> MARK_TOO_LATE = Set.of("BOOKING_CANCELLED", "SESSION_CANCELLED");

    @Parameter
    TestTables.Engine engine;

    private WireMockServer stripe;
    private Api api;
    private String studioId;
    private String owner;
    private String instructorId;
    private Instant firstStart;
    private int sessionsMade;

    private int rounds() {
        return engine == TestTables.Engine.SQLITE ? 30 : 10;
    }

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start(Instant.parse("2100-01-01T00:00:00Z"));
        api = new Api(engine, stripe.baseUrl());
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "BANK_TRANSFER"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48,
                                "minHoursBeforeStart", 0),
                        "bookingPolicy", Map.of("minNoticeMinutes", 0, "maxDaysAhead", 60),
                        "noShowPolicy", Map.of("forfeit", true))).send());
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        // card checkouts need 30 minutes before the start
        firstStart = api.clock.instant().plus(Duration.ofMinutes(65));
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    /** {@code n} sessions, each booked with a pass of {@code n} entries by one client, all of them started. */
    private record PassRounds(String client, List<String> sessions, List<JsonNode> bookings) {
    }

    private PassRounds startedPassBookings(int n) throws Exception {
        String maria = clientWithPass("maria@example.com", n);
        List<String> sessions = new ArrayList<>();
        List<JsonNode> bookings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sessions.add(session());
            bookings.add(book(sessions.get(i), "PASS", "maria@example.com", maria));
        }
        pastEveryStart();
        return new PassRounds(maria, sessions, bookings);
    }

    // --- a no-show and the session's cancellation -----------------------------------------------

    @Test
    void a_no_show_and_the_session_cancellation_at_once_give_the_entry_back_exactly_when_the_mark_lost() throws Exception {
        int n = rounds();
        PassRounds started = startedPassBookings(n);
        String maria = started.client();
        List<String> sessions = started.sessions();
        List<JsonNode> bookings = started.bookings();

        List<String> violations = new ArrayList<>();
        int marked = 0;
        for (int round = 0; round < n; round++) {
            JsonNode booking = bookings.get(round);
            String sessionId = sessions.get(round);
            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? mark(booking, "NO_SHOW") : cancelSession(sessionId));

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            JsonNode after = view(booking);
            boolean markWon = replies.get(0).status() == 200;
            boolean entryBack = entryReturnedFor(maria, id(booking));
            boolean exact = after.get("status").asText().equals("CANCELLED") && (markWon
                    ? after.path("attendance").asText().equals("NO_SHOW") && !entryBack
                    : replies.get(0).status() == 409 && MARK_TOO_LATE.contains(replies.get(0).errorCode())
                    && !after.has("attendance") && entryBack);
            if (!exact) {
                violations.add(round + ": mark " + replies.get(0).status() + " " + replies.get(0).errorCode() + ", booking "
                        + after.get("status").asText() + " attendance " + after.path("attendance").asText("-")
                        + ", entry back " + entryBack);
            }
            assertThat(participantAttendance(sessionId, id(booking))).isEqualTo(after.path("attendance").asText(null));
            if (markWon) marked++;
        }
        assertThat(violations).isEmpty();
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(n - marked);
    }

    /** The mark reads, the session is cancelled and its cancellation reads the booking, the mark writes first. */
    @Test
    void a_no_show_marked_between_the_session_cancellations_read_and_write_is_forfeited() throws Exception {
        String sessionId = session();
        String maria = clientWithPass("maria@example.com", 2);
        JsonNode booking = book(sessionId, "PASS", "maria@example.com", maria);
        pastEveryStart();
        CountDownLatch markDecided = new CountDownLatch(1);
        CountDownLatch markMayWrite = new CountDownLatch(1);
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CONFIRMED"), () -> {
            markDecided.countDown();
            await(markMayWrite);
        });
        ExecutorService staffMember = Executors.newSingleThreadExecutor();
        try {
            Future<Api.Reply> mark = staffMember.submit(() -> mark(booking, "NO_SHOW"));
            await(markDecided);
            api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CANCELLED"), () -> {
                markMayWrite.countDown();
                assertThat(get(mark).status()).isEqualTo(200);
            });

            ok(cancelSession(sessionId));
        } finally {
            staffMember.shutdownNow();
        }

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(entryReturnedFor(maria, id(booking))).isFalse();
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(1);
        assertThat(api.outbox.sentTo("maria@example.com")).filteredOn(m -> m.subject().startsWith("Cancelled")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("marked as a no-show"));
    }

    @Test
    void a_session_cancelled_between_a_marks_read_and_write_gives_the_entry_back_and_refuses_the_mark() {
        String sessionId = session();
        String maria = clientWithPass("maria@example.com", 2);
        JsonNode booking = book(sessionId, "PASS", "maria@example.com", maria);
        pastEveryStart();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CONFIRMED"),
                () -> ok(elsewhere(() -> cancelSession(sessionId))));

        Api.Reply mark = mark(booking, "NO_SHOW");

        assertThat(mark.status()).as(mark.body()).isEqualTo(409);
        assertThat(mark.errorCode()).isEqualTo("BOOKING_CANCELLED");
        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.has("attendance")).isFalse();
        assertThat(entryReturnedFor(maria, id(booking))).isTrue();
        assertThat(wallet(maria).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(2);
    }

    // --- a mark and a payment ---------------------------------------------------------------------

    @Test
    void a_mark_and_a_repeated_card_payment_at_once_leave_the_booking_paid_once_and_marked() throws Exception {
        int n = rounds();
        List<JsonNode> bookings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode booking = book(session(), "CARD", "card" + i + "@example.com", null);
            ok(api.deliver(api.paidEvent(id(booking), studioId, 5000, "evt_paid_" + i)));
            bookings.add(booking);
        }
        pastEveryStart();

        for (int round = 0; round < n; round++) {
            JsonNode booking = bookings.get(round);
            String again = api.paidEvent(id(booking), studioId, 5000, "evt_paid_again_" + round);
            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? mark(booking, "ATTENDED") : api.deliver(again));

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            JsonNode after = view(booking);
            assertThat(after.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(after.get("paymentStatus").asText()).isEqualTo("PAID");
            assertThat(after.get("attendance").asText()).isEqualTo("ATTENDED");
            assertThat(api.outbox.sentTo("card" + round + "@example.com"))
                    .filteredOn(m -> m.subject().startsWith("Payment received")).hasSize(1);
        }
        assertThat(refundsAsked()).isEmpty();
    }

    @Test
    void a_repeated_card_payment_between_a_marks_read_and_write_changes_nothing() {
        JsonNode booking = book(session(), "CARD", "maria@example.com", null);
        ok(api.deliver(api.paidEvent(id(booking), studioId, 5000, "evt_paid")));
        pastEveryStart();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CONFIRMED"),
                () -> ok(elsewhere(() -> api.deliver(api.paidEvent(id(booking), studioId, 5000, "evt_paid_again")))));

        ok(mark(booking, "NO_SHOW"));

        JsonNode after = view(booking);
        assertThat(after.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(after.get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(refundsAsked()).isEmpty();
    }

    @Test
    void a_card_payment_after_the_start_is_refunded_and_a_mark_landing_in_between_is_refused() {
        JsonNode booking = book(session(), "CARD", "maria@example.com", null);
        pastEveryStart();
        List<Api.Reply> marks = new ArrayList<>();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CANCELLED"),
                () -> marks.add(elsewhere(() -> mark(booking, "NO_SHOW"))));

        ok(api.deliver(api.paidEvent(id(booking), studioId, 5000, "evt_paid_late")));

        assertThat(marks).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(409);
            assertThat(m.errorCode()).isEqualTo("BOOKING_NOT_CONFIRMED");
        });
        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(after.has("attendance")).isFalse();
        assertThat(refundsAsked()).containsExactly("refund-" + id(booking));
        assertThat(mark(booking, "NO_SHOW").errorCode()).isEqualTo("BOOKING_CANCELLED");
    }

    @Test
    void staff_confirming_a_transfer_and_marking_at_once_mark_only_a_paid_booking() throws Exception {
        int n = rounds();
        List<JsonNode> bookings = new ArrayList<>();
        for (int i = 0; i < n; i++) bookings.add(book(session(), "BANK_TRANSFER", "bank" + i + "@example.com", null));
        pastEveryStart(); // the release jobs are due at the start, and have not run

        List<String> violations = new ArrayList<>();
        for (int round = 0; round < n; round++) {
            JsonNode booking = bookings.get(round);
            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? mark(booking, "NO_SHOW") : confirmPayment(id(booking)));

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            JsonNode after = view(booking);
            boolean markWon = replies.get(0).status() == 200;
            boolean exact = after.get("status").asText().equals("CONFIRMED") && after.get("paymentStatus").asText().equals("PAID")
                    && (markWon ? after.path("attendance").asText().equals("NO_SHOW")
                    : replies.get(0).status() == 409 && replies.get(0).errorCode().equals("BOOKING_NOT_CONFIRMED")
                    && !after.has("attendance"));
            if (!exact) {
                violations.add(round + ": mark " + replies.get(0).status() + ", booking " + after.get("status").asText() + "/"
                        + after.get("paymentStatus").asText() + " attendance " + after.path("attendance").asText("-"));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void a_mark_landing_between_a_transfer_confirmations_read_and_write_is_refused_and_counts_once_paid() {
        JsonNode booking = book(session(), "BANK_TRANSFER", "maria@example.com", null);
        pastEveryStart();
        List<Api.Reply> marks = new ArrayList<>();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CONFIRMED"),
                () -> marks.add(elsewhere(() -> mark(booking, "NO_SHOW"))));

        ok(confirmPayment(id(booking)));

        assertThat(marks).singleElement().satisfies(m -> assertThat(m.errorCode()).isEqualTo("BOOKING_NOT_CONFIRMED"));
        assertThat(view(booking).has("attendance")).isFalse();
        assertThat(ok(mark(booking, "NO_SHOW")).json().get("attendance").asText()).isEqualTo("NO_SHOW");
        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("PAID");
    }

    // --- two marks ---------------------------------------------------------------------------------

    @Test
    void two_marks_at_once_both_apply_in_turn_and_the_last_one_decides_the_forfeit() throws Exception {
        int n = rounds();
        PassRounds started = startedPassBookings(n);
        String maria = started.client();
        List<String> sessions = started.sessions();
        List<JsonNode> bookings = started.bookings();

        List<String> violations = new ArrayList<>();
        for (int round = 0; round < n; round++) {
            JsonNode booking = bookings.get(round);
            List<Api.Reply> replies = Parallel.run(2, i -> mark(booking, i == 0 ? "ATTENDED" : "NO_SHOW"));

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            String last = view(booking).get("attendance").asText();
            assertThat(last).isIn("ATTENDED", "NO_SHOW");
            assertThat(participantAttendance(sessions.get(round), id(booking))).isEqualTo(last);
            ok(cancelSession(sessions.get(round)));
            if (entryReturnedFor(maria, id(booking)) != last.equals("ATTENDED")) {
                violations.add(round + ": last mark " + last + ", entry back " + entryReturnedFor(maria, id(booking)));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void a_mark_that_loses_to_another_reads_again_and_applies_after_it() {
        String sessionId = session();
        String maria = clientWithPass("maria@example.com", 2);
        JsonNode booking = book(sessionId, "PASS", "maria@example.com", maria);
        pastEveryStart();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id(booking), "CONFIRMED"),
                () -> assertThat(ok(elsewhere(() -> mark(booking, "NO_SHOW"))).json().get("attendance").asText())
                        .isEqualTo("NO_SHOW"));

        JsonNode attended = ok(mark(booking, "ATTENDED")).json();

        assertThat(attended.get("attendance").asText()).isEqualTo("ATTENDED");
        assertThat(participantAttendance(sessionId, id(booking))).isEqualTo("ATTENDED");
        ok(cancelSession(sessionId));
        assertThat(entryReturnedFor(maria, id(booking))).as("the forfeit went with the overwritten no-show").isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** A 5-minute session, each after the last, so one instructor teaches them all and each starts soon. */
    private String session() {
        Instant start = firstStart.plus(Duration.ofMinutes(5L * sessionsMade++));
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", start.atOffset(ZoneOffset.ofHours(2)).toString(), "durationMinutes", 5,
                        "capacity", 10, "instructorId", instructorId, "format", "ONLINE",
                        "price", Map.of("amount", 5000, "currency", "RON"),
                        "paymentMethods", List.of("CARD", "PASS", "BANK_TRANSFER")))
                .send()).json().get("sessionId").asText();
    }

    /** The clock past the start of every session made so far. */
    private void pastEveryStart() {
        Instant after = firstStart.plus(Duration.ofMinutes(5L * sessionsMade + 1));
        api.clock.advance(Duration.between(api.clock.instant(), after));
    }

    private String clientWithPass(String email, int entries) {
        return api.clientWithPass(studioId, owner, email, entries, 30);
    }

    private JsonNode book(String sessionId, String method, String email, String token) {
        Api.Call call = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)));
        if (token != null) call.token(token);
        return ok(call.send()).json();
    }

    private Api.Reply mark(JsonNode booking, String status) {
        return api.call("link-release/post-studios-studioId-bookings-bookingId-attendance.json").path("studioId", studioId)
                .path("bookingId", id(booking)).token(owner).body(Map.of("status", status)).send();
    }

    private Api.Reply confirmPayment(String bookingId) {
        return api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(owner).send();
    }

    private Api.Reply cancelSession(String sessionId) {
        return api.call("admin/post-studios-studioId-sessions-sessionId-cancel.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send();
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id(booking))
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private JsonNode wallet(String clientToken) {
        return ok(api.call("booking/get-me-wallet.json").token(clientToken).send()).json();
    }

    private boolean entryReturnedFor(String clientToken, String bookingId) {
        for (JsonNode entry : wallet(clientToken).get("history")) {
            if (entry.get("kind").asText().equals("PASS_ENTRY_RETURNED") && entry.path("bookingId").asText().equals(bookingId)) {
                return true;
            }
        }
        return false;
    }

    /** The participant line's attendance (null: not marked). */
    private String participantAttendance(String sessionId, String bookingId) {
        JsonNode detail = ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner).send()).json();
        for (JsonNode p : detail.get("participants")) {
            if (p.get("bookingId").asText().equals(bookingId)) return p.path("attendance").asText(null);
        }
        throw new AssertionError("no participant " + bookingId);
    }

    private List<String> refundsAsked() {
        return stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).stream()
                .map((LoggedRequest r) -> r.getHeader("Idempotency-Key")).toList();
    }

    private static String id(JsonNode booking) {
        return booking.get("bookingId").asText();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other side of the race got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs a request on a thread of its own, as a parallel request is served, and waits for it: a request
     * started inside another on the same thread would share what that thread holds for its request (the
     * staff token fence), which no real request does.
     */
    private static <T> T elsewhere(Callable<T> request) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return get(other.submit(request));
        } finally {
            other.shutdown();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
