package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online 1:1 appointments through the handlers: a service with format ONLINE, its bookings' own link set by
 * staff, shown and e-mailed only under rule 3, e-mailed once per link version whoever writes last (the staff
 * request or the payment), and the missing-link reminder to the practitioner (rule 8).
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class OnlineAppointmentApiTest {
    /** The same rules and race on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private static final String LINK = "https://meet.example/ioana-coaching-room";
    private static final String NEW_LINK = "https://meet.example/ioana-second-room";
    private static final String PASSWORD = "coach-pw-4321";
    private static final long PRICE = 25000;

    private Api api;
    private String studioId;
    private String owner;
    private String practitionerId;
    private String locationId;
    private String coachingId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO", "BANK_TRANSFER"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48),
                        "missingLinkReminderHours", 24)).send());
        practitionerId = created(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send()).get("staffId").asText();
        locationId = created(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Room 1", "address", "Str. Lalelelor 3")).send()).get("locationId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", locationId));
        }
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", week)).send());
        coachingId = service("Coaching", "ONLINE", PRICE);
    }

    @Test
    void an_online_service_books_like_an_appointment_without_a_location_and_must_be_paid_in_advance() {
        JsonNode offered = ok(api.call("admin/get-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", coachingId).token(owner).send()).json();
        assertThat(offered.get("format").asText()).isEqualTo("ONLINE");
        String massageId = service("Massage", null, PRICE);
        assertThat(ok(api.call("admin/get-studios-studioId-services-serviceId.json").path("studioId", studioId)
                .path("serviceId", massageId).token(owner).send()).json().get("format").asText()).isEqualTo("IN_PERSON");

        Api.Reply atStudio = book("2026-11-30T10:00:00+02:00", "PAY_AT_STUDIO", "maria@example.com");
        assertThat(atStudio.status()).as(atStudio.body()).isEqualTo(422);
        assertThat(atStudio.errorCode()).isEqualTo("PAYMENT_METHOD_NOT_ACCEPTED");
        assertThat(atStudio.errorField()).isEqualTo("paymentMethod");

        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "BANK_TRANSFER", "maria@example.com"));
        assertThat(booking.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(booking.has("locationId")).isFalse();
        assertThat(booking.has("onlineAccess")).isFalse();
        assertThat(booking.get("onlineLinkSet").asBoolean()).isFalse();
        // no double booking: the same practitioner's time is taken
        assertThat(book("2026-11-30T10:30:00+02:00", "BANK_TRANSFER", "radu@example.com").status()).isEqualTo(409);
        Email confirmation = api.outbox.sentTo("maria@example.com").get(0);
        String invite = new String(confirmation.attachments().get(0).content(), StandardCharsets.UTF_8);
        assertThat(invite).doesNotContain("LOCATION", "Lalelelor", "meet.example");
        assertThat(confirmation.text()).contains("Where: online", "The link is sent once your payment is confirmed.");
        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", booking.get("bookingId").asText()).token(owner).send());
        List<Email> toMaria = api.outbox.sentTo("maria@example.com");
        assertThat(toMaria.get(toMaria.size() - 1).text()).contains("The link will follow by e-mail before the appointment.");
    }

    @Test
    void a_link_set_before_payment_is_neither_shown_nor_sent_and_goes_out_once_when_the_card_payment_arrives() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "CARD", "maria@example.com"));
        String id = booking.get("bookingId").asText();

        JsonNode set = ok(setLink(id, owner, LINK)).json();
        assertThat(set.get("onlineLinkSet").asBoolean()).isTrue();
        assertThat(set.has("onlineAccess")).isFalse();
        assertThat(linkMails("maria@example.com")).isEmpty();
        assertThat(view(booking).has("onlineAccess")).isFalse();

        ok(api.deliver(api.paidEvent(id, studioId, PRICE, "evt_paid_online")));
        ok(api.deliver(api.paidEvent(id, studioId, PRICE, "evt_paid_online_again")));

        assertThat(linkMails("maria@example.com")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your link for Coaching with Ioana on Mon 30 Nov 10:00");
            assertThat(mail.text()).contains("Here is how to join Coaching with Ioana online:", LINK, PASSWORD);
        });
        JsonNode paid = view(booking);
        assertThat(paid.get("onlineAccess").get("link").asText()).isEqualTo(LINK);
        assertThat(paid.get("onlineAccess").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(api.outbox.sentTo("ioana@example.com")).noneSatisfy(m -> assertThat(m.text()).contains(LINK));
    }

    @Test
    void the_payment_webhook_and_the_link_request_racing_send_exactly_one_link_email_per_booking() throws Exception {
        List<String> violations = new ArrayList<>();
        String[] starts = {"09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"};
        for (int round = 0; round < starts.length; round++) {
            String client = "race" + round + "@example.com";
            JsonNode booking = created(book("2026-12-01T" + starts[round] + ":00+02:00", "CARD", client));
            String id = booking.get("bookingId").asText();
            String paid = api.paidEvent(id, studioId, PRICE, "evt_race_" + round);

            List<Api.Reply> replies = Parallel.run(2, i -> i == 0 ? setLink(id, owner, LINK) : api.deliver(paid));

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            int sent = linkMails(client).size();
            JsonNode after = view(booking);
            if (sent != 1 || !after.path("onlineAccess").path("link").asText().equals(LINK)) {
                violations.add(round + ": " + sent + " link e-mails, " + after);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void a_payment_written_while_the_link_request_decides_makes_the_request_decide_again_and_send_the_link_once() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "CARD", "maria@example.com"));
        String id = booking.get("bookingId").asText();
        // the link request read the booking unpaid; before its write lands, the payment is applied in full
        java.util.concurrent.atomic.AtomicBoolean paidFirst = new java.util.concurrent.atomic.AtomicBoolean();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "AWAITING_PAYMENT"), () -> {
            ok(elsewhere(() -> api.deliver(api.paidEvent(id, studioId, PRICE, "evt_paid_first"))));
            paidFirst.set(true);
        });

        ok(setLink(id, owner, LINK));

        assertThat(paidFirst).isTrue();
        assertThat(linkMails("maria@example.com")).as("the webhook saw no link; the request, written second, sent it")
                .hasSize(1);
        assertThat(view(booking).get("onlineAccess").get("link").asText()).isEqualTo(LINK);
    }

    @Test
    void a_link_written_while_the_payment_decides_makes_the_payment_decide_again_and_send_the_link_once() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "CARD", "maria@example.com"));
        String id = booking.get("bookingId").asText();
        // the webhook read the booking without a link; before its write lands, staff set the link (unpaid: not sent)
        java.util.concurrent.atomic.AtomicBoolean linkFirst = new java.util.concurrent.atomic.AtomicBoolean();
        api.table.beforeNextWrite(ObservedTable.bookingWrittenAs(id, "CONFIRMED"), () -> {
            ok(elsewhere(() -> setLink(id, owner, LINK)));
            linkFirst.set(true);
        });

        ok(api.deliver(api.paidEvent(id, studioId, PRICE, "evt_paid_second")));

        assertThat(linkFirst).isTrue();
        assertThat(linkMails("maria@example.com")).as("the request saw no payment; the payment, written second, sent it")
                .hasSize(1);
        assertThat(view(booking).get("onlineAccess").get("link").asText()).isEqualTo(LINK);
    }

    @Test
    void a_changed_link_is_sent_again_once_and_the_same_link_again_sends_nothing() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "BANK_TRANSFER", "maria@example.com"));
        String id = booking.get("bookingId").asText();
        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", id).token(owner).send());
        assertThat(linkMails("maria@example.com")).isEmpty();

        String ioana = api.signIn(studioId, "ioana@example.com");
        ok(setLink(id, ioana, LINK));
        ok(setLink(id, ioana, LINK));
        assertThat(linkMails("maria@example.com")).hasSize(1);

        ok(setLink(id, owner, NEW_LINK));
        ok(setLink(id, owner, NEW_LINK));
        List<Email> mails = linkMails("maria@example.com");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).isEqualTo("New link for Coaching with Ioana on Mon 30 Nov 10:00");
        assertThat(mails.get(1).text()).contains("The link for Coaching with Ioana has changed", NEW_LINK)
                .doesNotContain(LINK);
        assertThat(view(booking).get("onlineAccess").get("link").asText()).isEqualTo(NEW_LINK);
    }

    @Test
    void only_the_owner_or_the_practitioner_of_that_studio_sets_the_link_and_listings_never_show_it() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "BANK_TRANSFER", "maria@example.com"));
        String id = booking.get("bookingId").asText();
        created(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Petra", "email", "petra@example.com")).send());
        String petra = api.signIn(studioId, "petra@example.com");
        assertThat(setLink(id, petra, LINK).status()).isEqualTo(403);

        String otherStudio = api.openStudio("eva@example.com");
        String eva = api.signIn(otherStudio, "eva@example.com");
        assertThat(setLink(id, eva, LINK).status()).isEqualTo(403);
        Api.Reply viaOwnStudio = api.call("link-release/put-studios-studioId-bookings-bookingId-online-access.json")
                .path("studioId", otherStudio).path("bookingId", id).token(eva)
                .body(Map.of("link", LINK)).send();
        assertThat(viaOwnStudio.status()).isEqualTo(404);
        assertThat(api.call("booking/get-bookings-bookingId.json").path("bookingId", id).token(eva).send().status())
                .isEqualTo(403);

        ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json").path("studioId", studioId)
                .path("bookingId", id).token(owner).send());
        ok(setLink(id, owner, LINK));
        assertThat(view(booking).get("onlineAccess").get("link").asText()).isEqualTo(LINK);

        Api.Reply staffList = ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", "2026-11-30", "to", "2026-11-30")).send());
        assertThat(staffList.body()).doesNotContain(LINK, PASSWORD);
        assertThat(staffList.json().get("bookings").get(0).get("onlineLinkSet").asBoolean()).isTrue();
        Api.Reply slots = ok(api.call("catalogue/get-studios-studioId-slots.json").path("studioId", studioId)
                .query(Map.of("serviceId", coachingId, "from", "2026-11-30", "to", "2026-11-30")).send());
        Api.Reply profile = ok(api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send());
        assertThat(slots.body() + profile.body()).doesNotContain(LINK, PASSWORD);
        assertThat(profile.body()).contains("\"format\":\"ONLINE\"");
    }

    @Test
    void bad_links_are_refused_naming_the_link_and_change_nothing() {
        JsonNode booking = created(book("2026-11-30T10:00:00+02:00", "BANK_TRANSFER", "maria@example.com"));
        String id = booking.get("bookingId").asText();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("link", "ftp://meet.example/plain"),
                Map.of("link", "not a link"), Map.of("instructions", "no link given"), Map.of())) {
            Api.Reply refused = api.call("link-release/put-studios-studioId-bookings-bookingId-online-access.json")
                    .path("studioId", studioId).path("bookingId", id).token(owner).body(body).send();
            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.errorField()).isEqualTo("link");
        }
        String massageId = service("Massage", null, PRICE);
        String inPerson = created(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massageId, "start", "2026-11-30T12:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Radu", "email", "radu@example.com"))).send()).get("bookingId").asText();
        Api.Reply notOnline = setLink(inPerson, owner, LINK);
        assertThat(notOnline.status()).isEqualTo(400);
        assertThat(notOnline.errorField()).isEqualTo("link");
        assertThat(ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", "2026-11-30", "to", "2026-11-30")).send()).json().get("bookings"))
                .allSatisfy(b -> assertThat(b.path("onlineLinkSet").asBoolean(false)).isFalse());
    }

    @Test
    void the_missing_link_reminder_fires_once_for_an_appointment_without_a_link_and_not_once_it_has_one() {
        String without = created(book("2026-11-30T10:00:00+02:00", "BANK_TRANSFER", "maria@example.com")).get("bookingId").asText();
        String with = created(book("2026-11-30T12:00:00+02:00", "BANK_TRANSFER", "radu@example.com")).get("bookingId").asText();
        JsonNode cancelled = created(book("2026-11-30T14:00:00+02:00", "BANK_TRANSFER", "elena@example.com"));
        ScheduledJob job = job("missing-link-" + without);
        assertThat(job.kind()).isEqualTo(JobKind.APPOINTMENT_LINK_REMINDER);
        assertThat(job.at()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(job.input()).isEqualTo(Map.of("studioId", studioId, "bookingId", without, "start", "2026-11-30T08:00:00Z"));

        ok(setLink(with, owner, LINK));
        assertThat(names()).doesNotContain("missing-link-" + with);
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", cancelled.get("bookingId").asText())
                .token(cancelled.get("accessToken").asText()).send());
        assertThat(names()).doesNotContain("missing-link-" + cancelled.get("bookingId").asText());

        for (String paid : List.of(without, with)) {
            ok(api.call("link-release/post-studios-studioId-bookings-bookingId-confirm-payment.json")
                    .path("studioId", studioId).path("bookingId", paid).token(owner).send());
        }
        assertThat(job("missing-link-" + without).at()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        api.clock.advance(java.time.Duration.between(api.clock.instant(), Instant.parse("2026-11-29T08:00:00Z")));
        api.scheduler.runDue();
        List<Email> reminders = api.outbox.sentTo("ioana@example.com").stream()
                .filter(m -> m.subject().startsWith("Add the meeting link")).toList();
        assertThat(reminders).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Add the meeting link: Coaching with Ioana on Mon 30 Nov 10:00");
            assertThat(mail.text()).contains("The online appointment of Maria Popescu (Coaching) has no meeting link yet.",
                    "https://admin.example/?studio=" + studioId + "&booking=" + without);
            assertThat(mail.cc()).containsExactly("ana@example.com");
        });
        // fired again (a retry), or for a booking that has its link meanwhile: nothing more
        assertThat(api.wiring.jobRunner().run(JobKind.APPOINTMENT_LINK_REMINDER, job.input())).isFalse();
        assertThat(api.wiring.jobRunner().run(JobKind.APPOINTMENT_LINK_REMINDER, Map.of("studioId", studioId,
                "bookingId", with, "start", "2026-11-30T10:00:00Z"))).isFalse();
        assertThat(api.outbox.sentTo("ioana@example.com").stream()
                .filter(m -> m.subject().startsWith("Add the meeting link")).toList()).hasSize(1);
    }

    // --- helpers -----------------------------------------------------------------------------

    private String service(String name, String format, long price) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "durationMinutes", 60,
                "price", Map.of("amount", price, "currency", "RON"), "staffIds", List.of(practitionerId)));
        if (format != null) body.put("format", format);
        return created(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(body).send()).get("serviceId").asText();
    }

    private Api.Reply book(String start, String method, String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", coachingId, "start", start, "paymentMethod", method,
                        "client", Map.of("name", "Maria Popescu", "email", email))).send();
    }

    private Api.Reply setLink(String bookingId, String token, String link) {
        return api.call("link-release/put-studios-studioId-bookings-bookingId-online-access.json").path("studioId", studioId)
                .path("bookingId", bookingId).token(token)
                .body(Map.of("link", link, "password", PASSWORD, "instructions", "Find a quiet room.")).send();
    }

    private JsonNode view(JsonNode booking) {
        return ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", booking.get("bookingId").asText())
                .token(booking.get("accessToken").asText()).send()).json();
    }

    private List<Email> linkMails(String email) {
        return api.outbox.sentTo(email).stream().filter(m -> m.text().contains("meet.example")).toList();
    }

    private ScheduledJob job(String name) {
        return api.scheduler.pending().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> names() {
        return api.scheduler.pending().stream().map(ScheduledJob::name).toList();
    }

    private static <T> T elsewhere(java.util.concurrent.Callable<T> request) {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return other.submit(request).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            other.shutdown();
        }
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
