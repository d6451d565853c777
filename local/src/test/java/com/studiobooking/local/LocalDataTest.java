package com.studiobooking.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.functions.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the local runtime keeps its data: a folder by default, kept across restarts and a {@code kill -9}
 * (the runtime runs as a separate process here, killed with SIGKILL); {@code --in-memory} keeps nothing.
 */
class LocalDataTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LISTENING = Pattern.compile("Studio Booking is running on http://127\\.0\\.0\\.1:(\\d+)");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void bookings_staff_schedules_and_sign_in_links_survive_kill_9_and_the_demo_is_not_seeded_twice(@TempDir Path data)
            throws Exception {
        Runtime first = start(data);
        String owner = first.signIn("ana@example.com");
        assertThat(first.send("POST", "/studios/st_demo/staff", owner, "{\"name\":\"Maria\",\"email\":\"maria@example.com\"}")
                .statusCode()).isEqualTo(201);
        String monday = LocalDate.now(ZoneId.of("Europe/Bucharest")).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toString();
        JsonNode slots = first.json("GET", "/studios/st_demo/slots?serviceId=sv_demo_massage&from=" + monday + "&to=" + monday, null, null);
        String start = slots.get("slots").get(0).get("start").asText();
        HttpResponse<String> booked = first.send("POST", "/studios/st_demo/bookings", null, "{\"serviceId\":\"sv_demo_massage\","
                + "\"start\":\"" + start + "\",\"paymentMethod\":\"BANK_TRANSFER\","
                + "\"client\":{\"name\":\"Elena\",\"email\":\"elena@example.com\"}}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = Json.MAPPER.readTree(booked.body());
        String bookingPath = "/bookings/" + booking.get("bookingId").asText();
        String accessToken = booking.get("accessToken").asText();
        List<String> schedulesBefore = first.json("GET", "/_dev/schedules", null, null).findValuesAsText("name");
        String week = "/studios/st_demo/sessions?from=" + LocalDate.now() + "&to=" + LocalDate.now().plusDays(8);
        int sessionsBefore = first.json("GET", week, null, null).get("sessions").size();
        assertThat(sessionsBefore).isEqualTo(2);
        assertThat(schedulesBefore).isNotEmpty();

        first.process.destroyForcibly();
        assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Runtime second = start(data);
        JsonNode kept = second.json("GET", bookingPath, accessToken, null);
        assertThat(kept.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(kept.get("start").asText()).isEqualTo(start);
        assertThat(second.json("GET", "/studios/st_demo/staff", owner, null).findValuesAsText("email"))
                .contains("maria@example.com");
        assertThat(second.json("GET", "/_dev/schedules", null, null).findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(schedulesBefore);
        assertThat(second.json("GET", week, null, null).get("sessions")).hasSize(sessionsBefore);
        assertThat(second.json("GET", "/studios/st_demo/slots?serviceId=sv_demo_massage&from=" + monday + "&to=" + monday,
                null, null).get("slots").findValuesAsText("start")).doesNotContain(start);
    }

    @Test
    void a_second_runtime_on_the_same_folder_is_refused(@TempDir Path data) throws Exception {
        try (LocalRuntime running = LocalRuntime.start(options("--data-dir", data.toString()), mail -> { })) {
            assertThatThrownBy(() -> LocalRuntime.start(options("--data-dir", data.toString()), mail -> { }))
                    .hasMessageContaining("another Studio Booking runtime is using");
        }
    }

    @Test
    void in_memory_runtimes_share_no_folder_and_say_so(@TempDir Path data) throws Exception {
        try (LocalRuntime one = LocalRuntime.start(options("--in-memory"), mail -> { });
             LocalRuntime two = LocalRuntime.start(options("--in-memory"), mail -> { })) {
            assertThat(one.banner()).contains("in memory only");
            assertThat(two.port()).isNotEqualTo(one.port());
        }
        assertThatThrownBy(() -> options("--in-memory", "--data-dir", data.toString()))
                .hasMessageContaining("exclude each other");
        assertThat(LocalRuntime.Options.parse(new String[0]).dataDir()).isEqualTo(LocalRuntime.DEFAULT_DATA_DIR);
    }

    private static LocalRuntime.Options options(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        return LocalRuntime.Options.parse(all.toArray(String[]::new));
    }

    /** The runtime as a user starts it, in a JVM of its own. */
    private Runtime start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName(), "--port", "0", "--data-dir", data.toString())
                .redirectErrorStream(true).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        int port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) return Integer.parseInt(m.group(1));
                }
                throw new IllegalStateException("the runtime exited:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
        drain.setDaemon(true);
        drain.start();
        return new Runtime(process, port);
    }

    private record Runtime(Process process, int port) {
        HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) request.header("authorization", "Bearer " + token);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String method, String path, String token, String body) throws Exception {
            HttpResponse<String> response = send(method, path, token, body);
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
            return Json.MAPPER.readTree(response.body());
        }

        String signIn(String email) throws Exception {
            assertThat(send("POST", "/auth/code", null, "{\"studioId\":\"st_demo\",\"email\":\"" + email + "\"}").statusCode())
                    .isEqualTo(202);
            String code = null;
            for (JsonNode mail : json("GET", "/_dev/mail.json", null, null)) {
                Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.get("text").asText());
                if (mail.get("to").get(0).asText().equals(email) && m.find()) code = m.group(1);
            }
            assertThat(code).isNotNull();
            return json("POST", "/auth/token", null, "{\"studioId\":\"st_demo\",\"email\":\"" + email + "\",\"code\":\""
                    + code + "\"}").get("token").asText();
        }
    }
}
