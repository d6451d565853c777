package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.core.model.schedule.JobKind;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial suite of the booking state machine (docs/decisions/booking-state-machine.md): two
 * things happening to one booking at once, through the real handlers, with Stripe's API in WireMock
 * (refunds asserted at its boundary) and webhooks carrying real signatures. Each round is a fresh
 * booking; the invariant checked after every round is the one a studio is judged by: money taken for a
 * booking that ends cancelled is refunded, pending refund, or owed back by staff — never kept silently.
 * 100 rounds of each on SQLite, 25 on moto (each request is an HTTP round trip there).
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class MoneyRaceTest {
    @Parameter
    TestTables.Engine engine;

    private WireMockServer stripe;
    private Api api;
    private String studioId;
    private String ownerToken;
    private Instant signedInAt;
    private String instructorId;
    private String roomId;
    private int sessionsMade;

    private int rounds() {
        return engine == TestTables.Engine.SQLITE ? 100 : 25;
    }

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start(Instant.parse("2100-01-01T00:00:00Z"));
        api = new Api(engine, stripe.baseUrl());
        studioId = api.openStudio("ana@example.com");
        ownerToken = api.signIn(studioId, "ana@example.com");
        signedInAt = api.clock.instant();
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner())
                .body(Map.of("paymentMethods", List.of("CARD", "BANK_TRANSFER", "PAY_AT_STUDIO"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                        "cancellationPolicy", Map.of("text", "Free cancellation until the start.", "cutoffHours", 0),
                        "bookingPolicy", Map.of("minNoticeMinutes", 0, "maxDaysAhead", 60))).send());
        instructorId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner())
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        roomId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner())
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    // --- the rounds ---------------------------------------------------------------------------------

    @Test
    void a_client_cancelling_while_the_card_payment_lands_never_leaves_money_without_a_refund() throws Exception {
        String sessionId = session(1000);
        List<String> violations = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            JsonNode booking = book(sessionId, "CARD", "card" + round + "@example.com");
            String id = booking.get("bookingId").asText();
            String paid = api.paidEvent(id, studioId, 5000, "evt_paid_" + round);

            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? cancel(booking) : api.deliver(paid));

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            JsonNode after = view(booking);
            if (!after.get("status").asText().equals("CANCELLED") || !refunded(after)) {
                violations.add(round + ": " + after.get("status").asText() + "/" + after.get("paymentStatus").asText()
                        + " after cancel " + replies.get(0).status());
            }
            assertThat(refundKeys(id)).as("refunds asked for " + id).containsOnly("refund-" + id);
        }
        assertThat(violations).isEmpty();
        assertSeatsEqualParticipants(sessionId);
    }

    @Test
    void a_client_cancelling_while_staff_confirm_the_transfer_never_drops_the_money() throws Exception {
        String sessionId = session(1000);
        List<String> violations = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            JsonNode booking = book(sessionId, "BANK_TRANSFER", "bank" + round + "@example.com");
            String id = booking.get("bookingId").asText();

            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? cancel(booking) : confirm(id));

            JsonNode after = view(booking);
            // the money arrived (staff said so): a cancelled booking must owe it back
            if (!after.get("status").asText().equals("CANCELLED") || !after.get("paymentStatus").asText().equals("REFUND_DUE")) {
                violations.add(round + ": " + after.get("status").asText() + "/" + after.get("paymentStatus").asText()
                        + " after cancel " + replies.get(0).status() + ", confirm " + replies.get(1).status());
            }
        }
        assertThat(violations).isEmpty();
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).isEmpty();
        assertSeatsEqualParticipants(sessionId);
    }

    /**
     * A card hold lapsing (the expiry event or the release job), the late payment, the client's cancel
     * and another client wanting the last seat, all at once on a one-seat session.
     */
    @Test
    void a_late_payment_racing_the_release_a_cancel_and_a_rival_for_the_last_seat_is_kept_or_refunded() throws Exception {
        List<String> violations = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            String sessionId = session(1);
            JsonNode booking = book(sessionId, "CARD", "late" + round + "@example.com");
            String id = booking.get("bookingId").asText();
            String paid = api.paidEvent(id, studioId, 5000, "evt_late_paid_" + round);
            String expired = api.expiredEvent(id, studioId, 5000, "evt_late_expired_" + round);
            boolean byJob = round % 2 == 0;
            boolean clientCancels = round % 3 == 0;
            String rival = "rival" + round + "@example.com";
            if (byJob) api.clock.advance(Duration.ofMinutes(33));

            List<Api.Reply> replies = Parallel.run(4, i -> switch (i) {
                case 0 -> byJob ? runJob(JobKind.RELEASE_UNPAID_BOOKING, id) : api.deliver(expired);
                case 1 -> api.deliver(paid);
                case 2 -> bookReply(sessionId, "PAY_AT_STUDIO", rival);
                default -> clientCancels ? cancel(booking) : new Api.Reply(200, "{}");
            });

            assertThat(replies.get(1).status()).as(replies.get(1).body()).isEqualTo(200);
            JsonNode after = view(booking);
            boolean rivalSeated = replies.get(2).status() == 201;
            boolean kept = after.get("status").asText().equals("CONFIRMED") && after.get("paymentStatus").asText().equals("PAID");
            boolean given = after.get("status").asText().equals("CANCELLED") && refunded(after);
            if (!(kept || given) || (kept && rivalSeated) || (kept && clientCancels)) {
                violations.add(round + ": " + after.get("status").asText() + "/" + after.get("paymentStatus").asText()
                        + ", rival " + replies.get(2).status() + (clientCancels ? ", client cancelled " + replies.get(3).status() : ""));
            }
            assertSeatsEqualParticipants(sessionId);
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void the_same_payment_event_ten_times_in_parallel_has_one_effect_and_one_email() throws Exception {
        String sessionId = session(10);
        JsonNode booking = book(sessionId, "CARD", "maria@example.com");
        String paid = api.paidEvent(booking.get("bookingId").asText(), studioId, 5000, "evt_paid_once");

        List<Api.Reply> replies = Parallel.run(10, i -> api.deliver(paid));

        assertThat(replies).filteredOn(r -> r.status() == 200 && r.json().get("outcome").asText().equals("PROCESSED")).hasSize(1);
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        // Stripe retries the deliveries that were told to come back later: they find the event applied
        for (Api.Reply busy : replies.stream().filter(r -> r.status() == 409).toList()) {
            assertThat(busy.errorCode()).isEqualTo("EVENT_IN_PROGRESS");
            assertThat(api.deliver(paid).json().get("outcome").asText()).isEqualTo("DUPLICATE");
        }
        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(api.outbox.sentTo("maria@example.com")).filteredOn(m -> m.subject().startsWith("Payment received")).hasSize(1);
    }

    @Test
    void completed_and_expired_in_every_order_and_in_parallel_leave_the_booking_paid_once() throws Exception {
        List<List<String>> orders = List.of(List.of("P", "E"), List.of("E", "P"), List.of("P", "P", "E"),
                List.of("P", "E", "P"), List.of("E", "P", "P"), List.of("E", "E", "P"), List.of("E", "P", "E"));
        String sessionId = session(100);
        int n = 0;
        for (List<String> order : orders) {
            String email = "order" + n++ + "@example.com";
            JsonNode booking = book(sessionId, "CARD", email);
            String id = booking.get("bookingId").asText();
            Map<String, String> events = Map.of("P", api.paidEvent(id, studioId, 5000, "evt_p_" + id),
                    "E", api.expiredEvent(id, studioId, 5000, "evt_e_" + id));
            for (String event : order) ok(api.deliver(events.get(event)));
            assertPaidOnce(booking, email, order.toString());
        }
        JsonNode booking = book(sessionId, "CARD", "parallel@example.com");
        String id = booking.get("bookingId").asText();
        String paid = api.paidEvent(id, studioId, 5000, "evt_p_par");
        String expired = api.expiredEvent(id, studioId, 5000, "evt_e_par");
        List<Api.Reply> replies = Parallel.run(10, i -> api.deliver(i % 2 == 0 ? paid : expired));
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 409) ok(api.deliver(i % 2 == 0 ? paid : expired)); // Stripe's retry
        }
        assertPaidOnce(booking, "parallel@example.com", "5 paid and 5 expired in parallel");
        assertSeatsEqualParticipants(sessionId);
    }

    // --- the same races made deterministic: each failed before the fix ------------------------------

    @Test
    void a_payment_landing_between_a_cancels_read_and_write_is_refunded() {
        String sessionId = session(10);
        JsonNode booking = book(sessionId, "CARD", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "CANCELLED"),
                () -> ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_between"))));

        ok(cancel(booking));

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundKeys(id)).containsExactly("refund-" + id);
        assertSeatsEqualParticipants(sessionId);
    }

    @Test
    void a_payment_landing_between_an_appointment_cancels_read_and_write_is_refunded() {
        JsonNode booking = bookAppointment("CARD", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "CANCELLED"),
                () -> ok(api.deliver(api.paidEvent(id, studioId, 25000, "evt_between"))));

        ok(cancel(booking));

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundKeys(id)).containsExactly("refund-" + id);
    }

    @Test
    void a_bank_confirmation_landing_between_a_cancels_read_and_write_leaves_a_refund_due() {
        JsonNode booking = bookAppointment("BANK_TRANSFER", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "CANCELLED"), () -> ok(confirm(id)));

        ok(cancel(booking));

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("REFUND_DUE");
    }

    @Test
    void an_expiry_landing_between_a_payments_read_and_write_leaves_it_paid() {
        String sessionId = session(10);
        JsonNode booking = book(sessionId, "CARD", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "CONFIRMED"),
                () -> ok(api.deliver(api.expiredEvent(id, studioId, 5000, "evt_expired_between"))));

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid")));

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("PAID");
        assertSeatsEqualParticipants(sessionId);
    }

    @Test
    void a_refund_stripe_fails_is_recorded_pending_and_finished_by_the_retry_job_once() {
        StripeStub.refundsFail(stripe);
        String sessionId = session(10);
        JsonNode booking = book(sessionId, "CARD", "maria@example.com");
        String id = booking.get("bookingId").asText();
        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid")));

        ok(cancel(booking));

        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("REFUND_PENDING");
        assertThat(api.scheduler.pending()).anySatisfy(job -> {
            assertThat(job.name()).isEqualTo("refund-" + id);
            assertThat(job.kind()).isEqualTo(JobKind.COMPLETE_REFUND);
        });

        StripeStub.refundsSucceed(stripe);
        api.clock.advance(Duration.ofMinutes(10));
        api.scheduler.runDue();

        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundKeys(id)).containsOnly("refund-" + id);
        assertThat(api.scheduler.pending()).noneSatisfy(job -> assertThat(job.name()).isEqualTo("refund-" + id));
    }

    @Test
    void a_late_payment_whose_refund_fails_is_finished_by_stripes_retry_of_the_webhook() {
        String sessionId = session(1);
        JsonNode late = book(sessionId, "CARD", "maria@example.com");
        String id = late.get("bookingId").asText();
        ok(api.deliver(api.expiredEvent(id, studioId, 5000, "evt_expired")));
        ok(bookReply(sessionId, "PAY_AT_STUDIO", "rival@example.com"));
        StripeStub.refundsFail(stripe);
        String paid = api.paidEvent(id, studioId, 5000, "evt_paid_late");

        ok(api.deliver(paid));
        assertThat(view(late).get("paymentStatus").asText()).isEqualTo("REFUND_PENDING");

        StripeStub.refundsSucceed(stripe);
        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_late_retry")));

        assertThat(view(late).get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundKeys(id)).containsOnly("refund-" + id);
    }

    @Test
    void a_release_job_that_fires_early_waits_for_the_due_time_instead_of_being_consumed() {
        String sessionId = session(10);
        JsonNode booking = book(sessionId, "BANK_TRANSFER", "maria@example.com");
        String id = booking.get("bookingId").asText();
        api.scheduler.cancel("release-" + id);

        assertThat(api.wiring.jobRunner().run(JobKind.RELEASE_UNPAID_BOOKING, Map.of("studioId", studioId, "bookingId", id)))
                .isFalse();

        assertThat(api.scheduler.pending()).anySatisfy(job -> assertThat(job.name()).isEqualTo("release-" + id));
        api.clock.advance(Duration.ofHours(49));
        api.scheduler.runDue();
        assertThat(view(booking).get("status").asText()).isEqualTo("CANCELLED");
        assertSeatsEqualParticipants(sessionId);
    }

    @Test
    void a_card_hold_never_outlasts_the_start_and_a_payment_after_the_start_is_refunded() {
        String soon = session(10, api.clock.instant().plus(Duration.ofMinutes(20)));
        Api.Reply refused = bookReply(soon, "CARD", "maria@example.com");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("CARD_PAYMENT_CLOSED");

        String later = session(10, api.clock.instant().plus(Duration.ofMinutes(90)));
        JsonNode booking = book(later, "CARD", "elena@example.com");
        String id = booking.get("bookingId").asText();
        LoggedRequest checkout = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).get(0);
        java.util.regex.Matcher expires = java.util.regex.Pattern.compile("expires_at=(\\d+)").matcher(checkout.getBodyAsString());
        assertThat(expires.find()).isTrue();
        assertThat(Instant.ofEpochSecond(Long.parseLong(expires.group(1))))
                .isBeforeOrEqualTo(api.clock.instant().plus(Duration.ofMinutes(90)));
        api.clock.advance(Duration.ofMinutes(92));

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_after_start")));

        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundKeys(id)).containsExactly("refund-" + id);
        assertSeatsEqualParticipants(later);
    }

    @Test
    void a_bank_transfer_cancelled_in_time_is_owed_back_until_staff_mark_it_refunded_and_the_client_is_told() {
        JsonNode booking = bookAppointment("BANK_TRANSFER", "maria@example.com");
        String id = booking.get("bookingId").asText();
        ok(confirm(id));

        ok(cancel(booking));
        assertThat(view(booking).get("paymentStatus").asText()).isEqualTo("REFUND_DUE");
        JsonNode listed = ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner())
                .query(Map.of("from", "2026-11-20", "to", "2026-12-20")).send()).json();
        assertThat(listed.toString()).contains(id).contains("REFUND_DUE");

        Api.Reply marked = ok(api.call("link-release/post-studios-studioId-bookings-bookingId-mark-refunded.json")
                .path("studioId", studioId).path("bookingId", id).token(owner()).send());

        assertThat(marked.json().get("paymentStatus").asText()).isEqualTo("REFUNDED");
        assertThat(api.outbox.sentTo("maria@example.com")).anySatisfy(m -> assertThat(m.text()).contains("transferred your payment back"));
        Api.Reply again = api.call("link-release/post-studios-studioId-bookings-bookingId-mark-refunded.json")
                .path("studioId", studioId).path("bookingId", id).token(owner()).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("NO_REFUND_DUE");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The owner's token, signed in again when the test clock has moved past its lifetime. */
    private String owner() {
        if (Duration.between(signedInAt, api.clock.instant()).toHours() >= 11) {
            ownerToken = api.signIn(studioId, "ana@example.com");
            signedInAt = api.clock.instant();
        }
        return ownerToken;
    }

    private void assertPaidOnce(JsonNode booking, String email, String what) {
        JsonNode after = view(booking);
        assertThat(after.get("status").asText()).as(what).isEqualTo("CONFIRMED");
        assertThat(after.get("paymentStatus").asText()).as(what).isEqualTo("PAID");
        assertThat(api.outbox.sentTo(email)).as(what).filteredOn(m -> m.subject().startsWith("Payment received")).hasSize(1);
        assertThat(refundKeys(booking.get("bookingId").asText())).as(what).isEmpty();
    }

    /** Refunded or on its way: what a cancelled booking that took money must show. */
    private static boolean refunded(JsonNode booking) {
        return Set.of("REFUNDED", "REFUND_PENDING").contains(booking.get("paymentStatus").asText());
    }

    /** The Idempotency-Keys of every refund Stripe was asked for, for the booking's payment. */
    private List<String> refundKeys(String bookingId) {
        return stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).stream()
                .filter(r -> r.getBodyAsString().contains("pi_test_" + bookingId))
                .map((LoggedRequest r) -> r.getHeader("Idempotency-Key")).toList();
    }

    /** The session's seat counter (spotsLeft) agrees with its active participants. */
    private void assertSeatsEqualParticipants(String sessionId) {
        JsonNode detail = ok(api.call("admin/get-studios-studioId-sessions-sessionId.json").path("studioId", studioId)
                .path("sessionId", sessionId).token(owner()).send()).json();
        long active = 0;
        for (JsonNode p : detail.get("participants")) {
            if (!p.get("status").asText().equals("CANCELLED")) active++;
        }
        assertThat(detail.get("capacity").asInt() - detail.get("spotsLeftByFormat").get("IN_PERSON").asInt())
                .as("seats taken of " + sessionId).isEqualTo((int) active);
    }

    private String session(int capacity) {
        return session(capacity, Instant.parse("2026-12-01T06:00:00Z").plus(Duration.ofMinutes(70L * sessionsMade)));
    }

    private String session(int capacity, Instant start) {
        sessionsMade++;
        return ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner())
                .body(Map.of("name", "Vinyasa", "start", start.atOffset(ZoneOffset.ofHours(2)).toString(), "durationMinutes", 60,
                        "capacity", capacity, "instructorId", instructorId, "format", "IN_PERSON", "locationId", roomId,
                        "price", Map.of("amount", 5000, "currency", "RON"),
                        "paymentMethods", List.of("CARD", "BANK_TRANSFER", "PAY_AT_STUDIO")))
                .send()).json().get("sessionId").asText();
    }

    private JsonNode book(String sessionId, String method, String email) {
        return ok(bookReply(sessionId, method, email)).json();
    }

    private Api.Reply bookReply(String sessionId, String method, String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method, "client", Map.of("name", "Client", "email", email)))
                .send();
    }

    private JsonNode bookAppointment(String method, String email) {
        String serviceId = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner())
                .body(Map.of("name", "Massage", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "staffIds", List.of(instructorId), "locationIds", List.of(roomId))).send()).json().get("serviceId").asText();
        Map<String, Object> weekly = new HashMap<>(Map.of("day", "THURSDAY", "start", "09:00", "end", "17:00", "locationId", roomId));
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", instructorId).token(owner()).body(Map.of("weekly", List.of(weekly))).send());
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", serviceId, "start", "2026-11-26T09:00:00+02:00", "paymentMethod", method,
                        "client", Map.of("name", "Maria", "email", email))).send()).json();
    }

    private Api.Reply cancel(JsonNode booking) {
        return api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send();
    }

    private Api.Reply confirm(String bookingId) {
        return api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(owner()).send();
    }

    private Api.Reply runJob(JobKind kind, String bookingId) {
        api.wiring.jobRunner().run(kind, Map.of("studioId", studioId, "bookingId", bookingId));
        return new Api.Reply(200, "{}");
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
