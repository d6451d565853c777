package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
 * The bookings CSV export through the booking function: staff of the studio only, the range's bookings
 * (cancelled ones too) in the studio's zone and language, quoted as RFC 4180 says, formulas defused.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class BookingExportApiTest {
    private static final String EXPORT = "booking/get-studios-studioId-bookings-export.json";

    @Parameter
    TestTables.Engine engine;

    private Api api;
    private String studioId;
    private String owner;
    private String practitionerId;
    private String locationId;
    private String massageId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com", "ro");
        owner = api.signIn(studioId, "ana@example.com");
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO"))).send());
        practitionerId = ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Ioana Ștefănescu", "email", "ioana@example.com")).send()).json().get("staffId").asText();
        locationId = ok(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Sala mare, etaj 1", "address", "Str. Lalelelor 3")).send()).json().get("locationId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", locationId));
        }
        ok(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", practitionerId).token(owner).body(Map.of("weekly", week)).send());
        massageId = ok(api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Masaj thailandez", "durationMinutes", 60, "price", Map.of("amount", 25050, "currency", "RON"),
                        "staffIds", List.of(practitionerId), "locationIds", List.of(locationId))).send())
                .json().get("serviceId").asText();
    }

    @Test
    void staff_get_the_range_as_csv_in_the_studio_language_and_zone_with_cancelled_bookings_too() {
        book("2026-11-30T10:00:00+02:00", "Maria \"Mia\" Popescu", "Prefer, if possible, light pressure\nThanks");
        book("2026-12-01T12:00:00+02:00", "=HYPERLINK(\"https://evil.example\",\"click\")", null);
        JsonNode later = book("2026-12-02T09:00:00+02:00", "Radu Ionescu", null);
        book("2026-12-08T09:00:00+02:00", "Outside The Range", null);
        ok(api.call("booking/post-bookings-bookingId-cancel.json").path("bookingId", later.get("bookingId").asText())
                .token(later.get("accessToken").asText()).send());

        APIGatewayV2HTTPResponse answer = export(owner, Map.of("from", "2026-11-30", "to", "2026-12-07"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders()).containsEntry("content-type", "text/csv; charset=utf-8")
                .containsEntry("content-disposition",
                        "attachment; filename=\"bookings-" + studioId + "-2026-11-30-2026-12-07.csv\"")
                .containsEntry("cache-control", "no-store");
        String csv = answer.getBody();
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = List.of(csv.substring(1).split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Referință,Data (Europe/Bucharest),Început (Europe/Bucharest),"
                + "Sfârșit (Europe/Bucharest),Tip,Serviciu sau ședință,Personal,Locație,Client,E-mail,Telefon,Stare,");
        assertThat(lines.get(1)).matches("SB-[0-9A-Z]{8},2026-11-30,10:00,11:00,Programare,"
                        + "Masaj thailandez,Ioana Ștefănescu,\"Sala mare, etaj 1\",\"Maria \"\"Mia\"\" Popescu\",(?s).*")
                .contains(",Confirmată,Plata la studio,Neplătită,250.50,RON,")
                .contains(",\"Prefer, if possible, light pressure\nThanks\",");
        assertThat(lines.get(2)).as("a formula is written as text")
                .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",");
        assertThat(lines.get(3)).contains(",2026-12-02,09:00,10:00,", ",Radu Ionescu,", ",Anulată,", ",Client,Nu,");
        assertThat(csv).doesNotContain("Outside The Range");
    }

    @Test
    void the_language_can_be_chosen_and_an_empty_range_is_just_the_header() {
        book("2026-11-30T10:00:00+02:00", "Maria Popescu", null);

        String english = export(owner, Map.of("from", "2026-11-30", "to", "2026-11-30", "lang", "en")).getBody();
        assertThat(english).contains("Reference,Date (Europe/Bucharest)", ",Appointment,", ",Confirmed,Pay at the studio,Unpaid,");
        String indonesian = export(owner, Map.of("from", "2026-11-30", "to", "2026-11-30", "lang", "id")).getBody();
        assertThat(indonesian).contains("Referensi,Tanggal (Europe/Bucharest)", ",Janji temu,", ",Terkonfirmasi,Bayar di studio,");

        String empty = export(owner, Map.of("from", "2027-01-04", "to", "2027-01-10")).getBody();
        assertThat(empty.split("\r\n")).hasSize(1);
    }

    @Test
    void only_staff_of_the_studio_may_export_and_bad_ranges_name_the_field() {
        book("2026-11-30T10:00:00+02:00", "Maria Popescu", null);
        Map<String, String> week = Map.of("from", "2026-11-30", "to", "2026-12-06");

        assertThat(export(null, week).getStatusCode()).isEqualTo(401);
        String other = api.openStudio("someone@example.com");
        String otherOwner = api.signIn(other, "someone@example.com");
        APIGatewayV2HTTPResponse foreign = export(otherOwner, week);
        assertThat(foreign.getStatusCode()).isEqualTo(403);
        assertThat(foreign.getBody()).doesNotContain("Maria");
        String staff = staffToken();
        assertThat(export(staff, week).getStatusCode()).as("a STAFF member may export too").isEqualTo(200);

        assertError(export(owner, Map.of("from", "2026-12-06", "to", "2026-11-30")), 400, "to");
        assertError(export(owner, Map.of("from", "2026-01-01", "to", "2026-12-31")), 400, "to");
        assertError(export(owner, Map.of("from", "yesterday", "to", "2026-12-31")), 400, "from");
        assertError(export(owner, Map.of("to", "2026-12-31")), 400, "from");
        assertError(export(owner, Map.of("from", "2026-11-30", "to", "2026-12-06", "lang", "fr")), 400, "lang");
    }

    private String staffToken() {
        ok(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Radu", "email", "radu@example.com", "role", "STAFF")).send());
        return api.signIn(studioId, "radu@example.com");
    }

    private void assertError(APIGatewayV2HTTPResponse answer, int status, String field) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(new Api.Reply(answer.getStatusCode(), answer.getBody()).errorField()).isEqualTo(field);
    }

    private APIGatewayV2HTTPResponse export(String token, Map<String, String> query) {
        Api.Call call = api.call(EXPORT).path("studioId", studioId).query(query);
        if (token != null) call.token(token);
        return call.download();
    }

    private JsonNode book(String start, String name, String notes) {
        Map<String, Object> client = new HashMap<>(Map.of("name", name, "email", "client" + start.hashCode() + "@example.com",
                "phone", "+40 722 000 111"));
        Map<String, Object> body = new HashMap<>(Map.of("serviceId", massageId, "start", start,
                "paymentMethod", "PAY_AT_STUDIO", "client", client));
        if (notes != null) body.put("notes", notes);
        return ok(api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId).body(body).send()).json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }
}
