package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class StudioSetupApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private Api api;
    private String studioId;
    private String ownerToken;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
        ownerToken = api.signIn(studioId, "ana@example.com");
    }

    @Test
    void the_owner_signs_in_with_the_emailed_code_and_adds_staff_and_a_location() {
        assertThat(api.signInReply(studioId, "ana@example.com").json().get("role").asText()).isEqualTo("OWNER");

        Api.Reply staff = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("name", "Ioana", "email", "Ioana@Example.com")).send();
        assertThat(staff.status()).isEqualTo(201);
        String staffId = staff.json().get("staffId").asText();
        assertThat(staff.json().get("email").asText()).isEqualTo("ioana@example.com");
        assertThat(staff.json().get("role").asText()).isEqualTo("STAFF");

        Api.Reply location = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId)
                .token(ownerToken).body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send();
        assertThat(location.status()).isEqualTo(201);
        String locationId = location.json().get("locationId").asText();

        JsonNode staffList = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId)
                .token(ownerToken).send().json().get("staff");
        assertThat(staffList.findValuesAsText("staffId")).contains(staffId);
        assertThat(api.call("admin/get-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", staffId).token(ownerToken).send().json().get("name").asText()).isEqualTo("Ioana");
        JsonNode read = api.call("admin/get-studios-studioId-locations-locationId.json").path("studioId", studioId)
                .path("locationId", locationId).token(ownerToken).send().json();
        assertThat(read.get("address").asText()).isEqualTo("Str. Lalelelor 3");
        assertThat(read.get("online").asBoolean()).isFalse();

        assertThat(api.signInReply(studioId, "ioana@example.com").json().get("role").asText()).isEqualTo("STAFF");
    }

    @Test
    void staff_of_another_studio_get_403_on_every_staff_route() {
        String otherStudio = api.openStudio("bob@example.com");
        String otherOwner = api.signIn(otherStudio, "bob@example.com");

        List<Path> staffRoutes = Api.staffRouteEvents();
        assertThat(staffRoutes).hasSizeGreaterThanOrEqualTo(38);
        for (Path event : staffRoutes) {
            Api.Reply reply = api.call(name(event)).path("studioId", studioId).token(otherOwner).send();
            assertThat(reply.status()).as(event.getFileName().toString()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void staff_routes_need_a_valid_token_and_clients_are_refused() {
        String clientToken = api.signIn(studioId, "client@example.com");
        assertThat(api.signInReply(studioId, "client2@example.com").json().get("role").asText()).isEqualTo("CLIENT");

        for (Path event : Api.staffRouteEvents()) {
            String name = name(event);
            assertThat(api.call(name).path("studioId", studioId).send().status()).as(name).isEqualTo(401);
            assertThat(api.call(name).path("studioId", studioId).token("garbage").send().status()).as(name).isEqualTo(401);
            assertThat(api.call(name).path("studioId", studioId).token(clientToken).send().status()).as(name).isEqualTo(403);
        }
    }

    @Test
    void staff_read_settings_but_only_the_owner_changes_them() {
        api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send();
        String staffToken = api.signIn(studioId, "ioana@example.com");

        assertThat(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(staffToken)
                .send().json().get("timezone").asText()).isEqualTo("Europe/Bucharest");
        assertThat(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("missingLinkReminderHours", 2)).send().status()).isEqualTo(403);
        assertThat(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(staffToken)
                .body(Map.of("name", "X", "email", "x@example.com")).send().status()).isEqualTo(403);
    }

    @Test
    void settings_change_by_section_and_bank_details_show_publicly_only_when_enabled() {
        JsonNode profile = publicProfile();
        assertThat(profile.has("bankTransfer")).isFalse();
        assertThat(profile.toString()).doesNotContain("ana@example.com");

        Api.Reply changed = api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("bankTransfer", Map.of("enabled", true, "accountName", "Lotus SRL",
                                "iban", "RO49 AAAA 1B31 0075 9384 0000", "dueHours", 48),
                        "bookingPolicy", Map.of("minNoticeMinutes", 120, "maxDaysAhead", 60),
                        "appearance", Map.of("color", "#112233"))).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("paymentMethods").findValuesAsText("")).isEmpty();
        assertThat(changed.json().get("paymentMethods").toString()).contains("CARD", "BANK_TRANSFER");
        assertThat(changed.json().get("cancellationPolicy").get("cutoffHours").asInt()).isEqualTo(12);

        profile = publicProfile();
        assertThat(profile.get("bankTransfer").get("iban").asText()).isEqualTo("RO49AAAA1B31007593840000");
        assertThat(profile.get("bookingPolicy").get("minNoticeMinutes").asInt()).isEqualTo(120);
        assertThat(profile.get("appearance").get("color").asText()).isEqualTo("#112233");
        assertThat(profile.get("staff").get(0).has("email")).isFalse();
        assertThat(profile.toString()).doesNotContain("ana@example.com").doesNotContain("secret");

        api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("bankTransfer", Map.of("enabled", false))).send();
        assertThat(publicProfile().has("bankTransfer")).isFalse();
        assertThat(publicProfile().get("paymentMethods").toString()).doesNotContain("BANK_TRANSFER");
    }

    @Test
    void bad_input_gets_400_naming_the_field_and_writes_nothing() {
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": \"Ioana\", "), "body");
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": 42, \"email\": \"i@example.com\"}"), "name");
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": \"Ioana\", \"email\": \"i@example.com\", \"salary\": 10}"), "salary");
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": \"Ioana\", \"email\": \"not-an-email\"}"), "email");
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": \"Ioana\", \"email\": \"i@example.com\", \"role\": \"KING\"}"), "role");
        assertError(api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .rawBody("[]"), "body");
        assertError(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"bookingPolicy\": {\"minNoticeMinutes\": \"soon\", \"maxDaysAhead\": 60}}"),
                "bookingPolicy.minNoticeMinutes");
        assertError(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"timezone\": \"Mars/Olympus\"}"), "timezone");
        assertError(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"paymentMethods\": [\"BANK_TRANSFER\"]}"), "paymentMethods");
        assertError(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"bankTransfer\": {\"enabled\": true, \"accountName\": \"X\", \"iban\": \"RO00AAAA1B31007593840000\"}}"),
                "bankTransfer.iban");
        assertError(api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\": \"Room\"}"), "address");
        assertError(api.call("admin/post-studios.json").rawBody("{\"name\":\"X\",\"timezone\":\"Europe/Bucharest\","
                + "\"currency\":\"RON\",\"locale\":\"ro\",\"owner\":{\"name\":\"A\",\"email\":\"a@example.com\",\"age\":3}}"),
                "owner.age");
        assertError(api.call("admin/post-studios.json").rawBody("{\"name\":\"X\",\"timezone\":\"Europe/Bucharest\","
                + "\"currency\":\"XXQ\",\"locale\":\"ro\",\"owner\":{\"name\":\"A\",\"email\":\"a@example.com\"}}"), "currency");

        JsonNode staff = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .send().json().get("staff");
        assertThat(staff).hasSize(1);
        assertThat(api.call("admin/get-studios-studioId-locations.json").path("studioId", studioId).token(ownerToken)
                .send().json().get("locations")).isEmpty();
        JsonNode settings = api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId)
                .token(ownerToken).send().json();
        assertThat(settings.get("timezone").asText()).isEqualTo("Europe/Bucharest");
        assertThat(settings.get("paymentMethods").toString()).doesNotContain("BANK_TRANSFER");
    }

    @Test
    void a_staff_email_is_unique_and_the_owner_cannot_be_removed() {
        Api.Reply duplicate = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("name", "Ana again", "email", "ana@example.com")).send();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorField()).isEqualTo("email");

        String ownerId = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .send().json().get("staff").get(0).get("staffId").asText();
        assertThat(api.call("admin/delete-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", ownerId).token(ownerToken).send().status()).isEqualTo(409);
    }

    @Test
    void staff_and_locations_are_updated_and_removed() {
        String staffId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .body(Map.of("name", "Ioana", "email", "ioana@example.com")).send().json().get("staffId").asText();
        Api.Reply changed = api.call("admin/put-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", staffId).token(ownerToken).body(Map.of("bio", "Yin and restorative")).send();
        assertThat(changed.json().get("bio").asText()).isEqualTo("Yin and restorative");
        assertThat(changed.json().get("name").asText()).isEqualTo("Ioana");
        assertThat(api.call("admin/delete-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", staffId).token(ownerToken).send().status()).isEqualTo(204);
        assertThat(api.call("admin/get-studios-studioId-staff-staffId.json").path("studioId", studioId)
                .path("staffId", staffId).token(ownerToken).send().status()).isEqualTo(404);

        String locationId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId)
                .token(ownerToken).body(Map.of("name", "Zoom", "online", true)).send().json().get("locationId").asText();
        assertThat(api.call("admin/put-studios-studioId-locations-locationId.json").path("studioId", studioId)
                .path("locationId", locationId).token(ownerToken).body(Map.of("name", "Online room")).send()
                .json().get("name").asText()).isEqualTo("Online room");
        assertThat(api.call("admin/delete-studios-studioId-locations-locationId.json").path("studioId", studioId)
                .path("locationId", locationId).token(ownerToken).send().status()).isEqualTo(204);
        assertThat(publicProfile().get("locations")).isEmpty();
    }

    @Test
    void an_unknown_route_or_studio_gets_a_404_json_error() {
        Api.Call call = api.call("catalogue/get-studios-studioId.json").path("studioId", "st_nothere");
        Api.Reply missing = call.send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    }

    private static String name(Path event) {
        return event.getParent().getFileName() + "/" + event.getFileName();
    }

    private JsonNode publicProfile() {
        Api.Reply reply = api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private static void assertError(Api.Call call, String field) {
        Api.Reply reply = call.send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().get("error").get("message").asText()).isNotBlank();
    }
}
