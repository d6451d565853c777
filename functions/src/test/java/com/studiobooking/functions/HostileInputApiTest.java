package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 10 against input no client would send, on every route that takes it: a 4xx JSON error that
 * names the field, never a 500. (The local runtime's fuzz test throws much more at the same handlers.)
 */
class HostileInputApiTest {
    private Api api;
    private String studioId;
    private String ownerToken;

    @BeforeEach
    void setUp() {
        api = new Api(TestTables.Engine.SQLITE);
        studioId = api.openStudio("ana@example.com");
        ownerToken = api.signIn(studioId, "ana@example.com");
    }

    @Test
    void json_nested_too_deep_or_with_too_long_numbers_or_strings_is_a_400_on_every_json_route() {
        List<String> problems = new ArrayList<>();
        for (Path event : jsonRoutes()) {
            String first = firstField(event);
            check(problems, event, "[".repeat(1_001) + "]".repeat(1_001), "body");
            check(problems, event, "{\"" + first + "\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":" + "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":" + "9".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":0." + "1".repeat(1_001) + "}", first);
            check(problems, event, "{\"" + first + "\":\"" + "x".repeat(200_000) + "\"}", first);
            check(problems, event, "{\"" + "k".repeat(1_000) + "\":1}", "body");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_null_element_in_any_list_of_a_body_is_a_400_naming_the_element() {
        List<String> problems = new ArrayList<>();
        check(problems, "admin/put-studios-studioId-settings.json", "{\"paymentMethods\":[null]}", "paymentMethods[0]");
        check(problems, "admin/put-studios-studioId-settings.json", "{\"paymentMethods\":[\"CARD\",null]}", "paymentMethods[1]");
        String service = "{\"name\":\"Massage\",\"durationMinutes\":60,\"price\":{\"amount\":100,\"currency\":\"RON\"},";
        check(problems, "admin/post-studios-studioId-services.json", service + "\"staffIds\":[null]}", "staffIds[0]");
        check(problems, "admin/post-studios-studioId-services.json", service + "\"staffIds\":[\"sf_1\"],\"locationIds\":[null]}",
                "locationIds[0]");
        check(problems, "admin/put-studios-studioId-services-serviceId.json", "{\"staffIds\":[null]}", "staffIds[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"weekly\":[null]}", "weekly[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"overrides\":[null]}", "overrides[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json",
                "{\"overrides\":[{\"date\":\"2026-12-24\",\"intervals\":[null]}]}", "overrides[0].intervals[0]");
        check(problems, "admin/put-studios-studioId-staff-staffId-availability.json", "{\"timeOff\":[null]}", "timeOff[0]");
        String session = "{\"name\":\"Yin\",\"start\":\"2026-12-01T18:00:00+02:00\",\"durationMinutes\":60,\"capacity\":5,"
                + "\"instructorId\":\"sf_1\",\"format\":\"IN_PERSON\",\"locationId\":\"lc_1\",\"price\":{\"amount\":100,"
                + "\"currency\":\"RON\"},\"paymentMethods\":[null]}";
        check(problems, "admin/post-studios-studioId-sessions.json", session, "paymentMethods[0]");
        check(problems, "admin/put-studios-studioId-sessions-sessionId.json", "{\"paymentMethods\":[null]}", "paymentMethods[0]");
        check(problems, "admin/post-studios-studioId-session-templates.json", session.replace("\"start\":\"2026-12-01T18:00:00+02:00\",", ""),
                "paymentMethods[0]");
        assertThat(problems).isEmpty();
        assertThat(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(ownerToken).send()
                .json().get("paymentMethods").toString()).doesNotContain("null");
    }

    /** A path id no record can have is not found, on every route, whoever asks; the table never sees it. */
    @Test
    void a_path_id_that_cannot_exist_is_a_404_on_every_route() {
        List<String> hostile = List.of("a".repeat(1_024), "a".repeat(65), "..", "a/b", "\u00e9t\u00e9", "a\u0000b", "a b",
                "%2F", "STUDIO#st_1", "\ud83e\uddd8", "'");
        List<String> problems = new ArrayList<>();
        for (Path event : allRoutes()) {
            for (String name : pathParameters(event)) {
                for (String id : hostile) {
                    for (boolean withToken : new boolean[]{true, false}) {
                        Api.Call call = call(event).path(name, id);
                        if (!withToken) call.header("authorization", null);
                        Api.Reply reply = call.send();
                        if (reply.status() != 404 || !"NOT_FOUND".equals(reply.errorCode())) {
                            problems.add(event.getFileName() + " " + name + "=" + id.substring(0, Math.min(id.length(), 20))
                                    + " -> " + reply.status() + " " + reply.body());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Year 0000 and +99999 are typos or attacks, not a time anyone books: 400 naming the field, nothing written. */
    @Test
    void dates_outside_the_years_2000_to_2100_are_a_400_naming_the_field() {
        String ownerId = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .send().json().get("staff").get(0).get("staffId").asText();
        String locationId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId)
                .token(ownerToken).body(Map.of("name", "Room", "address", "Str. Lalelelor 3")).send()
                .json().get("locationId").asText();
        List<String> days = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        String week = "{\"weekly\":[" + String.join(",", days.stream().map(day -> "{\"day\":\"" + day
                + "\",\"start\":\"00:00\",\"end\":\"23:45\",\"locationId\":\"" + locationId + "\"}").toList()) + "]}";
        assertThat(api.call("admin/put-studios-studioId-staff-staffId-availability.json").path("studioId", studioId)
                .path("staffId", ownerId).token(ownerToken).rawBody(week).send().status()).isEqualTo(200);
        String serviceId = api.call("admin/post-studios-studioId-services.json").path("studioId", studioId).token(ownerToken)
                .rawBody("{\"name\":\"Massage\",\"durationMinutes\":60,\"price\":{\"amount\":0,\"currency\":\"RON\"},"
                        + "\"staffIds\":[\"" + ownerId + "\"]}").send().json().get("serviceId").asText();

        List<String> problems = new ArrayList<>();
        for (String start : List.of("0000-12-01T09:00:00+02:00", "0001-01-01T00:00:00Z", "+99999-12-01T09:00:00Z",
                "-999999999-01-01T00:00:00+18:00", "2101-01-01T09:00:00Z", "1999-12-31T23:00:00Z")) {
            check(problems, "booking/post-studios-studioId-bookings.json", "{\"serviceId\":\"" + serviceId + "\",\"start\":\""
                    + start + "\",\"paymentMethod\":\"FREE\",\"client\":{\"name\":\"Maria\",\"email\":\"maria@example.com\"}}",
                    "start");
            check(problems, "admin/post-studios-studioId-sessions.json", "{\"name\":\"Yin\",\"start\":\"" + start
                    + "\",\"durationMinutes\":60,\"capacity\":5,\"instructorId\":\"" + ownerId + "\",\"format\":\"IN_PERSON\","
                    + "\"locationId\":\"" + locationId + "\"}", "start");
            check(problems, "admin/put-studios-studioId-staff-staffId-availability.json",
                    "{\"timeOff\":[{\"start\":\"" + start + "\",\"end\":\"2026-12-02T00:00:00Z\"}]}", "timeOff[0].start", ownerId);
        }
        for (String date : List.of("0000-12-24", "0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31")) {
            check(problems, "admin/put-studios-studioId-staff-staffId-availability.json",
                    "{\"overrides\":[{\"date\":\"" + date + "\",\"intervals\":[]}]}", "overrides[0].date", ownerId);
            for (String[] range : new String[][]{{date, "2026-12-01", "from"}, {"2026-12-01", date, "to"}}) {
                checkQuery(problems, "catalogue/get-studios-studioId-slots.json",
                        Map.of("serviceId", serviceId, "from", range[0], "to", range[1]), range[2]);
                checkQuery(problems, "catalogue/get-studios-studioId-sessions.json",
                        Map.of("from", range[0], "to", range[1]), range[2]);
                checkQuery(problems, "booking/get-studios-studioId-bookings.json",
                        Map.of("from", range[0], "to", range[1]), range[2]);
                checkQuery(problems, "booking/get-studios-studioId-bookings-export.json",
                        Map.of("from", range[0], "to", range[1]), range[2]);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(api.call("booking/get-studios-studioId-bookings.json").path("studioId", studioId).token(ownerToken)
                .query(Map.of("from", "2000-01-01", "to", "2000-03-01")).send().json().get("bookings")).isEmpty();
    }

    /** An availability is one item: the lists are bounded so that it always fits (400 KB), never a 500. */
    @Test
    void availability_lists_are_bounded_so_the_largest_allowed_still_fits_one_item() {
        String ownerId = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(ownerToken)
                .send().json().get("staff").get(0).get("staffId").asText();
        String locationId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId)
                .token(ownerToken).body(Map.of("name", "Room", "address", "Str. Lalelelor 3")).send()
                .json().get("locationId").asText();
        java.util.function.IntFunction<String> weekly = n -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "{\"day\":\"" + java.time.DayOfWeek.of(i % 7 + 1) + "\",\"start\":\"" + time(i / 7 * 30)
                        + "\",\"end\":\"" + time(i / 7 * 30 + 25) + "\",\"locationId\":\"" + locationId + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        java.util.function.BiFunction<Integer, Integer, String> overrides = (dates, intervals) -> java.util.stream.IntStream
                .range(0, dates).mapToObj(d -> "{\"date\":\"" + java.time.LocalDate.of(2027, 1, 1).plusDays(d)
                        + "\",\"intervals\":" + java.util.stream.IntStream.range(0, intervals).mapToObj(i -> "{\"start\":\""
                        + time(i * 5) + "\",\"end\":\"" + time(i * 5 + 5) + "\",\"locationId\":\"" + locationId + "\"}")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        java.util.function.IntFunction<String> timeOff = n -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "{\"start\":\"2027-06-01T00:00:00Z\",\"end\":\"2027-06-0" + (i % 8 + 2) + "T00:00:00Z\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String event = "admin/put-studios-studioId-staff-staffId-availability.json";

        Api.Reply largest = call(Api.repoRoot().resolve("events").resolve(event)).path("staffId", ownerId)
                .rawBody("{\"weekly\":" + weekly.apply(100) + ",\"overrides\":" + overrides.apply(400, 8)
                        + ",\"timeOff\":" + timeOff.apply(400) + "}").send();
        assertThat(largest.status()).as(largest.body()).isEqualTo(200);

        List<String> problems = new ArrayList<>();
        check(problems, event, "{\"weekly\":" + weekly.apply(101) + "}", "weekly", ownerId);
        check(problems, event, "{\"overrides\":" + overrides.apply(401, 0) + "}", "overrides", ownerId);
        check(problems, event, "{\"overrides\":" + overrides.apply(1, 9) + "}", "overrides[0].intervals", ownerId);
        check(problems, event, "{\"overrides\":" + overrides.apply(400, 200) + "}", "overrides[0].intervals", ownerId);
        check(problems, event, "{\"timeOff\":" + timeOff.apply(401) + "}", "timeOff", ownerId);
        assertThat(problems).isEmpty();
    }

    private static String time(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    // ---------------------------------------------------------------------------------------------

    /** The sample event of every HTTP route. */
    private static List<Path> allRoutes() {
        try (Stream<Path> files = Files.walk(Api.repoRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("timed-jobs")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pathParameters(Path event) {
        try {
            List<String> names = new ArrayList<>();
            com.studiobooking.functions.http.Json.MAPPER.readTree(event.toFile()).path("pathParameters").fieldNames()
                    .forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event of every route whose body the API reads as JSON (the webhook's is Stripe's). */
    private static List<Path> jsonRoutes() {
        try (Stream<Path> files = Files.walk(Api.repoRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("timed-jobs")
                            && !f.toString().contains("payment-webhook") && body(f) != null)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(Path event) {
        try {
            JsonNode body = com.studiobooking.functions.http.Json.MAPPER.readTree(event.toFile()).get("body");
            return body == null || body.isNull() ? null : body.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstField(Path event) {
        try {
            return com.studiobooking.functions.http.Json.MAPPER.readTree(body(event)).fieldNames().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Api.Call call(Path event) {
        String name = event.getParent().getFileName() + "/" + event.getFileName();
        Api.Call call = api.call(name).token(ownerToken);
        if (name.contains("studioId")) call.path("studioId", studioId);
        return call;
    }

    private void check(List<String> problems, String event, String body, String field) {
        Api.Reply reply = call(Api.repoRoot().resolve("events").resolve(event)).rawBody(body).send();
        if (reply.status() != 400 || !field.equals(reply.errorField())) {
            problems.add(event + " " + body + " -> " + reply.status() + " " + reply.body());
        }
    }

    private void check(List<String> problems, String event, String body, String field, String staffId) {
        Api.Reply reply = call(Api.repoRoot().resolve("events").resolve(event)).path("staffId", staffId).rawBody(body).send();
        if (reply.status() != 400 || !field.equals(reply.errorField())) {
            problems.add(event + " " + body + " -> " + reply.status() + " " + reply.body());
        }
    }

    private void checkQuery(List<String> problems, String event, Map<String, String> query, String field) {
        Api.Reply reply = call(Api.repoRoot().resolve("events").resolve(event)).query(query).send();
        if (reply.status() != 400 || !field.equals(reply.errorField())) {
            problems.add(event + " " + query + " -> " + reply.status() + " " + reply.body());
        }
    }

    private void check(List<String> problems, Path event, String body, String field) {
        Api.Reply reply = call(event).rawBody(body).send();
        String where = event.getFileName() + " " + (body.length() > 40 ? body.substring(0, 40) + "…" : body);
        if (reply.status() != 400) problems.add(where + " -> " + reply.status() + " " + reply.body());
        else if (!named(reply.errorField(), field)) problems.add(where + " -> field " + reply.errorField() + ", not " + field);
    }

    /** The field itself, or a field inside it (an object field meets an unknown name before the limit). */
    private static boolean named(String actual, String field) {
        return actual != null && (actual.equals(field) || actual.startsWith(field + ".") || actual.startsWith(field + "["));
    }
}
