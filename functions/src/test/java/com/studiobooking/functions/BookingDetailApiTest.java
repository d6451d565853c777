package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff see of a booking and of their clients: the client's notes, phone, transfer reference and due
 * time and how it was paid on every staff view of a booking; a clients list with each client's latest name
 * and phone and how many bookings they made, searchable by name, e-mail or phone.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class BookingDetailApiTest {
    @Parameter
    TestTables.Engine engine;
    private static final String MONDAY = "2026-11-30";

    private Api api;
    private String studioId;
    private String owner;
    private String massageId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO", "BANK_TRANSFER"),
                        "bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49AAAA1B31007593840000", "dueHours", 48))).send());
        massageId = api.weekdayMassage(studioId, owner).serviceId();
    }

    @Test
    void staff_see_the_clients_notes_phone_reference_and_due_time_on_the_list_and_the_detail() {
        JsonNode booked = book("10:00", "BANK_TRANSFER", "Maria Popescu", "maria@example.com", "+40 722 000 111",
                "Lower back pain, please go gently");
        String id = booked.get("bookingId").asText();

        JsonNode detail = ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id).token(owner).send()).json();
        JsonNode listed = listed(id);

        for (JsonNode b : List.of(detail, listed)) {
            assertThat(b.get("notes").asText()).isEqualTo("Lower back pain, please go gently");
            assertThat(b.get("client").get("phone").asText()).isEqualTo("+40 722 000 111");
            assertThat(b.get("reference").asText()).matches("SB-[A-Z0-9]{8}")
                    .isEqualTo(booked.get("nextAction").get("bankTransfer").get("reference").asText());
            assertThat(b.get("paymentDueBy").asText()).isEqualTo("2026-11-25T11:00:00+02:00");
            assertThat(b.get("payment").get("cardPaid").asBoolean()).isFalse();
            assertThat(b.get("payment").hasNonNull("walletReturned")).isFalse();
        }
        // the client sees their own notes and reference on their own booking
        JsonNode own = ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id)
                .token(booked.get("accessToken").asText()).send()).json();
        assertThat(own.get("notes").asText()).isEqualTo("Lower back pain, please go gently");
        assertThat(own.get("reference").asText()).isEqualTo(detail.get("reference").asText());
        assertThat(own.toString()).doesNotContain("checkoutId", "paymentId");
    }

    @Test
    void a_paid_or_cancelled_booking_has_no_due_time_and_its_cancellation_says_who_and_how() {
        String id = book("10:00", "BANK_TRANSFER", "Maria Popescu", "maria@example.com", null, null).get("bookingId").asText();

        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", id).token(owner).send());

        JsonNode detail = ok(api.call("booking/get-bookings-bookingId.json").path("bookingId", id).token(owner).send()).json();
        assertThat(detail.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(detail.hasNonNull("paymentDueBy")).isFalse();
        assertThat(detail.get("cancellation").get("by").asText()).isEqualTo("STAFF");
        assertThat(detail.hasNonNull("notes")).isFalse();
    }

    @Test
    void the_clients_list_has_the_latest_name_and_phone_and_counts_bookings_in_one_query() {
        book("10:00", "PAY_AT_STUDIO", "Maria P.", "maria@example.com", null, null);
        book("11:00", "PAY_AT_STUDIO", "Maria Popescu", "maria@example.com", "+40 722 000 111", null);
        book("12:00", "PAY_AT_STUDIO", "Radu Ionescu", "radu@example.com", "0733 123 456", null);
        ok(api.call("admin/post-studios-studioId-clients.json").path("studioId", studioId).token(owner)
                .body(Map.of("email", "elena@example.com")).send());

        JsonNode clients = clients(null);

        assertThat(clients).hasSize(3);
        JsonNode maria = byEmail(clients, "maria@example.com");
        assertThat(maria.get("name").asText()).isEqualTo("Maria Popescu");
        assertThat(maria.get("phone").asText()).isEqualTo("+40 722 000 111");
        assertThat(maria.get("bookings").asInt()).isEqualTo(2);
        assertThat(byEmail(clients, "radu@example.com").get("bookings").asInt()).isEqualTo(1);
        JsonNode elena = byEmail(clients, "elena@example.com");
        assertThat(elena.get("bookings").asInt()).isZero();
        assertThat(elena.hasNonNull("name")).isFalse();
        assertThat(names(clients(Map.of("q", "popescu")))).containsExactly("Maria Popescu");
        assertThat(names(clients(Map.of("q", "RADU@")))).containsExactly("Radu Ionescu");
        assertThat(names(clients(Map.of("q", "0733123")))).containsExactly("Radu Ionescu");
        assertThat(clients(Map.of("q", "nobody"))).isEmpty();
        Api.Reply tooLong = api.call("admin/get-studios-studioId-clients.json").path("studioId", studioId).token(owner)
                .query(Map.of("q", "x".repeat(121))).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"q\"");
    }

    private JsonNode clients(Map<String, String> query) {
        var call = api.call("admin/get-studios-studioId-clients.json").path("studioId", studioId).token(owner);
        if (query != null) call = call.query(query);
        return ok(call.send()).json().get("clients");
    }

    private static JsonNode byEmail(JsonNode clients, String email) {
        for (JsonNode c : clients) if (c.get("email").asText().equals(email)) return c;
        throw new AssertionError(email + " not in " + clients);
    }

    private static List<String> names(JsonNode clients) {
        List<String> names = new ArrayList<>();
        clients.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private JsonNode listed(String bookingId) {
        JsonNode all = ok(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(owner)
                .query(Map.of("from", MONDAY, "to", MONDAY)).send()).json().get("bookings");
        for (JsonNode b : all) if (b.get("bookingId").asText().equals(bookingId)) return b;
        throw new AssertionError(bookingId + " not listed");
    }

    private JsonNode book(String time, String method, String name, String email, String phone, String notes) {
        Map<String, Object> client = new HashMap<>(Map.of("name", name, "email", email));
        if (phone != null) client.put("phone", phone);
        Map<String, Object> body = new HashMap<>(Map.of("serviceId", massageId, "start", MONDAY + "T" + time + ":00+02:00",
                "paymentMethod", method, "client", client));
        if (notes != null) body.put("notes", notes);
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send()).json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
