package com.studiobooking.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.testing.TestTables;

/**
 * The studio's language and the client's through the API: the profile's labels and language switch,
 * a booking that carries the client's language (kept, echoed, and used for every later e-mail to them
 * while staff read the studio's), and a language we do not write refused by name.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class LanguageApiTest {
    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String massageId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com", "ro");
        owner = api.signIn(studioId, "ana@example.com");
        api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("PAY_AT_STUDIO"))).send();
        String ioana = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        String room = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Sala 1", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", room));
        }
        api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", ioana).token(owner).body(Map.of("weekly", week)).send();
        massageId = api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Shiatsu", "durationMinutes", 60, "price", Map.of("amount", 25000, "currency", "RON"),
                        "staffIds", List.of(ioana), "locationIds", List.of(room)))
                .send().json().get("serviceId").asText();
    }

    @Test
    void the_profile_speaks_the_studio_s_language_unless_the_visitor_picks_another() {
        JsonNode studios = profile(null);
        assertThat(studios.get("language").asText()).isEqualTo("ro");
        assertThat(studios.get("languages").findValuesAsText("code")).containsExactly("en", "id", "ro");
        assertThat(studios.get("languages").findValuesAsText("name")).contains("Română", "Bahasa Indonesia");
        assertThat(studios.get("labels").isObject()).isTrue();

        assertThat(profile("id").get("language").asText()).isEqualTo("id");
        assertThat(profile("en-GB").get("language").asText()).as("a tag we do not write as such").isEqualTo("ro");
        assertThat(profile("tlh").get("language").asText()).isEqualTo("ro");
    }

    @Test
    void the_client_s_language_is_kept_on_the_booking_and_every_e_mail_to_them_follows_it() {
        Api.Reply booked = book("id");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().get("language").asText()).isEqualTo("id");
        String bookingId = booked.json().get("bookingId").asText();
        String token = booked.json().get("accessToken").asText();

        assertThat(only(api.outbox.sentTo("maria@example.com")).subject()).startsWith("Dipesan: Shiatsu bersama Ioana");
        assertThat(only(api.outbox.sentTo("ioana@example.com")).subject()).startsWith("Rezervare nouă: Maria Popescu");

        Api.Reply cancelled = api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", bookingId)
                .token(token).send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        List<Email> toClient = api.outbox.sentTo("maria@example.com");
        assertThat(toClient.get(toClient.size() - 1).subject()).startsWith("Dibatalkan: Shiatsu bersama Ioana");
        assertThat(toClient.get(toClient.size() - 1).text()).contains("Anda telah membatalkan janji temu");
        assertThat(api.call("booking/get-bookings-bookingId.json").path("bookingId", bookingId).token(token).send()
                .json().get("language").asText()).isEqualTo("id");
    }

    @Test
    void without_a_choice_the_client_reads_the_studio_s_language() {
        Api.Reply booked = book(null);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().hasNonNull("language")).as("no language chosen").isFalse();
        assertThat(only(api.outbox.sentTo("maria@example.com")).subject()).startsWith("Rezervare confirmată: Shiatsu cu Ioana");
    }

    @Test
    void a_language_we_do_not_write_is_refused_by_name_and_books_nothing() {
        Api.Reply refused = book("tlh");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo("language");
        assertThat(refused.json().path("error").path("message").asText()).contains("en, id, ro");
        assertThat(api.outbox.sentTo("maria@example.com")).isEmpty();
    }

    private Api.Reply book(String language) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("serviceId", massageId,
                "start", "2026-12-01T10:00:00+02:00", "paymentMethod", "PAY_AT_STUDIO",
                "client", Map.of("name", "Maria Popescu", "email", "maria@example.com")));
        if (language != null) body.put("language", language);
        return api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send();
    }

    private JsonNode profile(String lang) {
        Api.Call call = api.call("catalogue/get-studios-studioId.json").path("studioId", studioId);
        if (lang != null) call.query(Map.of("lang", lang));
        Api.Reply reply = call.send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Email only(List<Email> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
