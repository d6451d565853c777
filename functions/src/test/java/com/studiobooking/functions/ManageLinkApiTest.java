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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "manage your booking" link a guest gets by e-mail: the widget's booking page with the booking's access
 * token in the fragment. The token read from the e-mail opens that booking and no other; the card checkout
 * comes back to the same page; a class paid by card is confirmed with its calendar invite, once.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class ManageLinkApiTest {
    @Parameter
    TestTables.Engine engine;
    /** The manage link as the e-mail's text shows it (to see a booking that ended); the widget base is {@link Api}'s. */
    private static final Pattern MANAGE = Pattern.compile(
            "(?:Manage your booking \\(change, cancel, add to calendar\\)|See your booking): "
                    + "(https://book\\.example/widget\\?studio=(\\S+)&booking=(\\S+)#access=(\\S+))\\n");

    private Api api;
    private String studioId;
    private String owner;
    private String massageId;
    private String roomId;
    private String instructorId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send());
        Api.Practice ioana = api.weekdayMassage(studioId, owner);
        instructorId = ioana.staffId();
        roomId = ioana.locationId();
        massageId = ioana.serviceId();
    }

    @Test
    void the_link_in_a_guest_s_e_mail_opens_their_booking_and_its_token_opens_no_other() {
        String appointment = created(bookAppointment("maria@example.com")).get("bookingId").asText();
        String seat = created(bookSeat(session(), "PAY_AT_STUDIO", "radu@example.com")).get("bookingId").asText();

        Matcher maria = manageLink(onlyMailTo("maria@example.com"));
        Matcher radu = manageLink(onlyMailTo("radu@example.com"));

        assertThat(maria.group(2)).isEqualTo(studioId);
        assertThat(maria.group(3)).isEqualTo(appointment);
        assertThat(radu.group(3)).isEqualTo(seat);
        JsonNode own = ok(view(appointment, maria.group(4))).json();
        assertThat(own.get("bookingId").asText()).isEqualTo(appointment);
        assertThat(own.get("serviceName").asText()).isEqualTo("Massage");
        assertThat(ok(view(seat, radu.group(4))).json().get("bookingId").asText()).isEqualTo(seat);

        // another booking's token is no credential for this one: 401, as any bad token (docs/openapi.yaml)
        for (Api.Reply refused : List.of(view(seat, maria.group(4)), view(appointment, radu.group(4)))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("Massage", "Vinyasa", "maria@", "radu@");
        }
        // staff are told too, without any token
        assertThat(api.outbox.sentTo("ioana@example.com")).isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.text() + mail.html()).doesNotContain("access=", maria.group(4)));
    }

    @Test
    void a_class_paid_by_card_is_confirmed_with_its_invite_once_even_when_the_payment_is_announced_again() {
        JsonNode held = created(bookSeat(session(), "CARD", "maria@example.com"));
        String id = held.get("bookingId").asText();
        assertThat(api.outbox.sentTo("maria@example.com")).as("no booked e-mail before the payment").isEmpty();

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_" + id)));
        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_" + id)));
        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_again_" + id)));

        Email confirmed = onlyMailTo("maria@example.com");
        assertThat(confirmed.subject()).startsWith("Payment received: Vinyasa");
        assertThat(confirmed.attachments()).singleElement().satisfies(ics -> {
            assertThat(ics.filename()).isEqualTo("invite.ics");
            assertThat(new String(ics.content(), StandardCharsets.UTF_8).replace("\r\n ", ""))
                    .contains("METHOD:REQUEST", "UID:" + id + "@studio-booking", "SEQUENCE:0", "SUMMARY:Vinyasa with Ioana");
        });
        Matcher link = manageLink(confirmed);
        assertThat(link.group(3)).isEqualTo(id);
        assertThat(ok(view(id, link.group(4))).json().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void a_class_paid_after_its_hold_was_released_gets_an_invite_that_outranks_the_release_s_cancel() {
        String id = created(bookSeat(session(), "CARD", "maria@example.com")).get("bookingId").asText();
        ok(api.deliver(api.expiredEvent(id, studioId, 5000, "evt_expired_" + id)));
        Email released = onlyMailTo("maria@example.com");
        assertThat(ics(released)).contains("METHOD:CANCEL", "SEQUENCE:1");
        assertThat(manageLink(released).group(3)).isEqualTo(id);

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_late_" + id)));
        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_late_again_" + id)));

        List<Email> mails = api.outbox.sentTo("maria@example.com");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).startsWith("Payment received: Vinyasa");
        assertThat(ics(mails.get(1))).contains("METHOD:REQUEST", "UID:" + id + "@studio-booking", "SEQUENCE:2");
    }

    @Test
    void a_place_from_the_waitlist_paid_by_card_had_its_invite_and_links_with_the_news_and_is_not_sent_it_again() {
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("waitlist", Map.of("enabled", true, "closesMinutesBefore", 60))).send());
        String sessionId = session(1);
        String holder = created(bookSeat(sessionId, "PAY_AT_STUDIO", "radu@example.com")).get("bookingId").asText();
        JsonNode waiting = created(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "CARD", "waitlist", true,
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send());
        String id = waiting.get("bookingId").asText();
        assertThat(waiting.get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(manageLink(onlyMailTo("maria@example.com")).group(3)).isEqualTo(id);

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", holder).token(owner).send());
        List<Email> mails = api.outbox.sentTo("maria@example.com");
        assertThat(mails).hasSize(2);
        Email promoted = mails.get(1);
        assertThat(promoted.text()).contains("https://checkout.example/_dev/checkout/");
        assertThat(manageLink(promoted).group(3)).isEqualTo(id);
        assertThat(ics(promoted)).contains("METHOD:REQUEST", "UID:" + id + "@studio-booking", "SEQUENCE:0");

        ok(api.deliver(api.paidEvent(id, studioId, 5000, "evt_paid_" + id)));

        mails = api.outbox.sentTo("maria@example.com");
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).subject()).startsWith("Payment received: Vinyasa");
        assertThat(mails.get(2).attachments()).as("the promoted e-mail carried the invite").isEmpty();
        assertThat(manageLink(mails.get(2)).group(3)).isEqualTo(id);
    }

    private static String ics(Email email) {
        assertThat(email.attachments()).singleElement();
        return new String(email.attachments().get(0).content(), StandardCharsets.UTF_8).replace("\r\n ", "");
    }

    @Test
    void the_card_checkout_returns_to_the_booking_s_manage_page_with_its_token_in_the_fragment() {
        JsonNode held = created(bookSeat(session(), "CARD", "maria@example.com"));
        String id = held.get("bookingId").asText();
        String url = held.get("nextAction").get("url").asText();
        var request = api.payments.checkout(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();

        String back = "https://book.example/widget?studio=" + studioId + "&booking=" + id;
        String token = held.get("accessToken").asText();
        assertThat(request.successUrl()).isEqualTo(back + "&paid=1#access=" + token);
        assertThat(request.cancelUrl()).isEqualTo(back + "&cancelled=1#access=" + token);
    }

    private Matcher manageLink(Email email) {
        Matcher m = MANAGE.matcher(email.text());
        assertThat(m.find()).as("manage link in:%n%s", email.text()).isTrue();
        assertThat(email.html()).contains("<a href=\"" + m.group(1).replace("&", "&amp;") + "\">");
        return m;
    }

    private Email onlyMailTo(String email) {
        List<Email> mails = api.outbox.sentTo(email);
        assertThat(mails).as("e-mails to " + email).hasSize(1);
        return mails.get(0);
    }

    private Api.Reply view(String bookingId, String token) {
        return api.call("booking/get-bookings-bookingId.json").path("bookingId", bookingId).token(token).send();
    }

    private String session() {
        return session(10);
    }

    private String session(int capacity) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Vinyasa", "start", "2026-11-28T18:00:00+02:00",
                "durationMinutes", 60, "capacity", capacity, "instructorId", instructorId, "format", "IN_PERSON",
                "locationId", roomId, "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("CARD", "PAY_AT_STUDIO")));
        return created(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(body).send()).get("sessionId").asText();
    }

    private Api.Reply bookSeat(String sessionId, String method, String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", method,
                        "client", Map.of("name", "Client " + email, "email", email))).send();
    }

    private Api.Reply bookAppointment(String email) {
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("serviceId", massageId, "start", "2026-11-30T10:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Maria Popescu", "email", email))).send();
    }

    private static JsonNode created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
