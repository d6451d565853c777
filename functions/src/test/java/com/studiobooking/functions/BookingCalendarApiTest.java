package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
 * "Add to calendar": {@code GET /bookings/{bookingId}/calendar.ics} gives the booking's event as its e-mails'
 * invites carry it (same UID and SEQUENCE) but published, in the booking's language, with the place for an
 * in-person booking and never an online link; it is authorised exactly like {@code GET /bookings/{bookingId}}.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class BookingCalendarApiTest {
    @Parameter
    TestTables.Engine engine;
    private static final String LINK = "https://meet.example.com/secret-room";
    private static final String PASSWORD = "lotus-42";

    private Api api;
    private String studioId;
    private String owner;
    private String staffId;
    private String massageId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send());
        Api.Practice ioana = api.weekdayMassage(studioId, owner);
        staffId = ioana.staffId();
        massageId = ioana.serviceId();
    }

    @Test
    void an_appointment_downloads_as_the_e_mails_event_published_in_the_bookings_language_with_its_place() {
        JsonNode booking = bookAppointment("2026-11-30T10:00:00+02:00", "maria@example.com", "ro");
        String id = booking.get("bookingId").asText();

        APIGatewayV2HTTPResponse file = calendar(id, booking.get("accessToken").asText());

        assertThat(file.getStatusCode()).as(file.getBody()).isEqualTo(200);
        assertThat(file.getHeaders().get("content-type")).startsWith("text/calendar");
        assertThat(file.getHeaders().get("content-disposition")).isEqualTo("attachment; filename=\"booking.ics\"");
        String ics = unfolded(file.getBody());
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("METHOD:PUBLISH", "UID:" + id + "@studio-booking", "SEQUENCE:0",
                        "DTSTART;TZID=Europe/Bucharest:20261130T100000", "SUMMARY:Massage cu Ioana",
                        "LOCATION:Room 1\\, Str. Lalelelor 3")
                .doesNotContain("METHOD:REQUEST");
        String invite = unfolded(attachment(api.outbox.sentTo("maria@example.com").get(0)));
        assertThat(line(invite, "UID:")).isEqualTo(line(ics, "UID:"));
        assertThat(line(invite, "SUMMARY:")).isEqualTo(line(ics, "SUMMARY:"));

        // a move raises the SEQUENCE in the e-mail and in the file alike
        ok(api.call("booking/post-bookings-bookingId-reschedule.json").path("bookingId", id)
                .token(booking.get("accessToken").asText()).body(Map.of("start", "2026-11-30T14:00:00+02:00")).send());
        String moved = unfolded(calendar(id, booking.get("accessToken").asText()).getBody());
        List<Email> mails = api.outbox.sentTo("maria@example.com");
        assertThat(line(moved, "SEQUENCE:")).isEqualTo(line(unfolded(attachment(mails.get(mails.size() - 1))), "SEQUENCE:"))
                .isEqualTo("SEQUENCE:1");
        assertThat(moved).contains("DTSTART;TZID=Europe/Bucharest:20261130T140000");
    }

    @Test
    void a_paid_online_seat_downloads_without_its_link_though_the_booking_shows_it() {
        String sessionId = ok(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Meditation", "start", "2026-11-28T18:00:00+02:00", "durationMinutes", 30,
                        "capacity", 10, "instructorId", staffId, "format", "ONLINE",
                        "price", Map.of("amount", 0, "currency", "RON"), "paymentMethods", List.of("FREE"),
                        "onlineAccess", Map.of("link", LINK, "password", PASSWORD))).send()).json().get("sessionId").asText();
        JsonNode booking = ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "FREE",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send()).json();
        assertThat(booking.get("onlineAccess").get("link").asText()).isEqualTo(LINK);

        APIGatewayV2HTTPResponse file = calendar(booking.get("bookingId").asText(), booking.get("accessToken").asText());

        assertThat(file.getStatusCode()).as(file.getBody()).isEqualTo(200);
        String ics = unfolded(file.getBody());
        assertThat(ics).contains("METHOD:PUBLISH", "UID:" + booking.get("bookingId").asText() + "@studio-booking",
                "LOCATION:Online", "DTSTART;TZID=Europe/Bucharest:20261128T180000");
        assertThat(ics).doesNotContain(LINK, PASSWORD, "meet.example.com");
    }

    @Test
    void it_is_authorised_like_the_booking_another_bookings_token_is_refused_and_an_unknown_booking_is_404() {
        JsonNode maria = bookAppointment("2026-11-30T10:00:00+02:00", "maria@example.com", null);
        JsonNode radu = bookAppointment("2026-11-30T12:00:00+02:00", "radu@example.com", null);
        String id = maria.get("bookingId").asText();

        for (String wrong : List.of(radu.get("accessToken").asText(), "not-a-token")) {
            int asTheBooking = api.call("booking/get-bookings-bookingId.json").path("bookingId", id).token(wrong).send().status();
            assertThat(calendar(id, wrong).getStatusCode()).isEqualTo(asTheBooking).isIn(401, 403, 404);
        }
        assertThat(calendar(id, null).getStatusCode()).isEqualTo(401);
        assertThat(calendar("bk_unknown0000000000", maria.get("accessToken").asText()).getStatusCode()).isEqualTo(404);
        assertThat(calendar(id, owner).getStatusCode()).isEqualTo(200); // staff of the studio, as for the booking itself
        assertThat(calendar(id, radu.get("accessToken").asText()).getBody()).doesNotContain("BEGIN:VCALENDAR");

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id)
                .token(maria.get("accessToken").asText()).send());
        APIGatewayV2HTTPResponse cancelled = calendar(id, maria.get("accessToken").asText());
        assertThat(cancelled.getStatusCode()).isEqualTo(409);
        assertThat(cancelled.getBody()).contains("BOOKING_CANCELLED");
    }

    private JsonNode bookAppointment(String start, String email, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceId", massageId, "start", start, "paymentMethod", "PAY_AT_STUDIO",
                "client", Map.of("name", "Maria Popescu", "email", email)));
        if (language != null) body.put("language", language);
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send()).json();
    }

    private APIGatewayV2HTTPResponse calendar(String bookingId, String token) {
        Api.Call call = api.call("booking/get-bookings-bookingId-calendar.ics.json").path("bookingId", bookingId);
        if (token != null) call.token(token);
        return call.download();
    }

    private static String attachment(Email mail) {
        return new String(mail.attachments().get(0).content(), StandardCharsets.UTF_8);
    }

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
