package com.studiobooking.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load run of the local runtime over loopback ({@code benchmarks.jar load}): it starts
 * {@code studio-booking-local.jar --in-memory} on a free port of 127.0.0.1, opens a studio through the API, then
 * <ol>
 *   <li>a mix: {@code --requests} requests of each route (studio profile, sessions of a week, slots of a day,
 *   a booking), from {@code --threads} threads, interleaved: throughput and p50/p99 per route;</li>
 *   <li>the flash crowd: {@code --crowd} booking attempts on a {@code --seats}-seat class, all released at once
 *   (one thread each): the seats taken (checked from the session), the answers, and p50/p99 of winners and
 *   losers.</li>
 * </ol>
 * Nothing leaves the machine; the runtime is stopped at the end. Timings are the runtime's on this machine,
 * client included: compare runs on the same machine under the same load only.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private LoadRun(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path jar = Path.of(o.getOrDefault("--jar", "local/target/studio-booking-local.jar"));
        int requests = Integer.parseInt(o.getOrDefault("--requests", "300"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "8"));
        int crowd = Integer.parseInt(o.getOrDefault("--crowd", "1000"));
        int seats = Integer.parseInt(o.getOrDefault("--seats", "50"));
        if (!Files.exists(jar)) throw new IllegalArgumentException("no local runtime jar at " + jar + " (mvn package it first)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process runtime = new ProcessBuilder("java", "-jar", jar.toString(), "--in-memory", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            LoadRun run = new LoadRun("http://127.0.0.1:" + port);
            run.awaitHealth();
            System.out.printf(Locale.ROOT, "local runtime on 127.0.0.1:%d, %d processors, load average %s%n", port,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            Studio studio = run.openStudio();
            run.mix(studio, requests, threads);
            run.flashCrowd(studio, crowd, seats);
            System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
        } finally {
            runtime.destroy();
            runtime.waitFor();
        }
    }

    record Studio(String id, String owner, String instructorId, String roomId, String serviceId) {
    }

    private Studio openStudio() throws Exception {
        String email = "owner@load.example";
        JsonNode opened = ok(send("POST", "/studios", null, Map.of("name", "Load Yoga", "timezone", "Europe/Bucharest",
                "currency", "RON", "locale", "en", "owner", Map.of("name", "Ana Pop", "email", email))));
        String studioId = opened.get("studioId").asText();
        ok(send("POST", "/auth/code", null, Map.of("studioId", studioId, "email", email)));
        String code = null;
        for (JsonNode mail : ok(send("GET", "/_dev/mail.json", null, null))) {
            var m = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(mail.toString());
            if (mail.toString().contains(email) && m.find()) code = m.group(1);
        }
        String owner = ok(send("POST", "/auth/token", null, Map.of("studioId", studioId, "email", email, "code", code)))
                .get("token").asText();
        ok(send("PUT", "/studios/" + studioId + "/settings", owner, Map.of("paymentMethods", List.of("PAY_AT_STUDIO"),
                "bookingPolicy", Map.of("minNoticeMinutes", 0, "maxDaysAhead", 60))));
        String instructorId = ok(send("POST", "/studios/" + studioId + "/staff", owner,
                Map.of("name", "Ioana", "email", "ioana@load.example"))).get("staffId").asText();
        String roomId = ok(send("POST", "/studios/" + studioId + "/locations", owner,
                Map.of("name", "Main room", "address", "Str. Lalelelor 3"))).get("locationId").asText();
        String serviceId = ok(send("POST", "/studios/" + studioId + "/services", owner, Map.of("name", "Massage",
                "durationMinutes", 60, "price", Map.of("amount", 20000, "currency", "RON"),
                "staffIds", List.of(instructorId)))).get("serviceId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "17:00", "locationId", roomId));
        }
        ok(send("PUT", "/studios/" + studioId + "/staff/" + instructorId + "/availability", owner, Map.of("weekly", week)));
        return new Studio(studioId, owner, instructorId, roomId, serviceId);
    }

    private String session(Studio studio, int capacity, int daysAhead) throws Exception {
        String start = LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead) + "T18:00:00+02:00";
        return ok(send("POST", "/studios/" + studio.id() + "/sessions", studio.owner(), Map.of("name", "Vinyasa",
                "start", start, "durationMinutes", 60, "capacity", capacity, "instructorId", studio.instructorId(),
                "format", "IN_PERSON", "locationId", studio.roomId(), "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("PAY_AT_STUDIO")))).get("sessionId").asText();
    }

    private void mix(Studio studio, int requests, int threads) throws Exception {
        String sessionId = session(studio, 10_000, 3);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        Map<String, Call> routes = new LinkedHashMap<>();
        routes.put("GET /studios/{id}", i -> send("GET", "/studios/" + studio.id(), null, null));
        routes.put("GET /studios/{id}/sessions (a week)", i -> send("GET", "/studios/" + studio.id() + "/sessions?from="
                + from + "&to=" + from.plusDays(6), null, null));
        routes.put("GET /studios/{id}/slots (a day)", i -> send("GET", "/studios/" + studio.id() + "/slots?serviceId="
                + studio.serviceId() + "&from=" + from + "&to=" + from, null, null));
        routes.put("POST /studios/{id}/bookings", i -> send("POST", "/studios/" + studio.id() + "/bookings", null,
                Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                        "client", Map.of("name", "Client", "email", "mix" + i + "@load.example"))));
        List<String> names = new ArrayList<>(routes.keySet());
        // warm-up: 20 of each, not counted
        for (int i = 0; i < 20; i++) for (String name : names) routes.get(name).call(1_000_000 + i);
        List<Map.Entry<String, Integer>> plan = new ArrayList<>();
        for (int i = 0; i < requests; i++) for (String name : names) plan.add(Map.entry(name, i));
        Collections.shuffle(plan, new java.util.Random(16));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        names.forEach(n -> times.put(n, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < plan.size(); ) {
                    var step = plan.get(k);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = routes.get(step.getKey()).call(step.getValue());
                    times.get(step.getKey()).add(System.nanoTime() - t0);
                    if (r.statusCode() >= 300) failures.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) w.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nmix: %d requests (%d per route), %d threads, %.1f s, %.0f requests/s, %d not 2xx%n",
                plan.size(), requests, threads, seconds, plan.size() / seconds, failures.get());
        System.out.println("| route | requests | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        times.forEach((name, list) -> System.out.println(row(name, list)));
    }

    private void flashCrowd(Studio studio, int crowd, int seats) throws Exception {
        String sessionId = session(studio, seats, 4);
        ExecutorService pool = Executors.newFixedThreadPool(crowd);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> attempts = new ArrayList<>();
        for (int i = 0; i < crowd; i++) {
            int n = i;
            attempts.add(pool.submit(() -> {
                go.await();
                long t0 = System.nanoTime();
                HttpResponse<String> r = send("POST", "/studios/" + studio.id() + "/bookings", null,
                        Map.of("sessionId", sessionId, "paymentMethod", "PAY_AT_STUDIO",
                                "client", Map.of("name", "Client", "email", "crowd" + n + "@load.example")));
                int code = r.statusCode();
                boolean capacity = code == 409 && r.body().contains("CAPACITY_REACHED");
                return new long[]{code, System.nanoTime() - t0, capacity ? 1 : 0};
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        List<Long> winners = new ArrayList<>();
        List<Long> losers = new ArrayList<>();
        Map<Long, Integer> codes = new LinkedHashMap<>();
        int capacityReached = 0;
        for (Future<long[]> f : attempts) {
            long[] r = f.get();
            codes.merge(r[0], 1, Integer::sum);
            (r[0] == 201 ? winners : losers).add(r[1]);
            capacityReached += (int) r[2];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        JsonNode session = ok(send("GET", "/studios/" + studio.id() + "/sessions/" + sessionId, studio.owner(), null));
        int left = session.get("spotsLeftByFormat").get("IN_PERSON").asInt();
        System.out.printf(Locale.ROOT, "%nflash crowd: %d attempts on %d seats, all released at once, %.1f s; answers %s; "
                        + "seats taken %d (session says %d left); losers told CAPACITY_REACHED: %d%n",
                crowd, seats, seconds, codes, seats - left, left, capacityReached);
        System.out.println("| attempts | count | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(row("winners (201)", winners));
        System.out.println(row("losers (409)", losers));
        if (winners.size() != seats || left != 0 || capacityReached != crowd - seats) {
            throw new IllegalStateException("the flash crowd broke rule 1 or answered a loser otherwise");
        }
    }

    private static String row(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, sorted.size(), pct(sorted, 0.50),
                pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call(int i) throws Exception;
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws IOException {
        if (r.statusCode() >= 300) throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " → "
                + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private void awaitHealth() throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (send("GET", "/_dev/health", null, null).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the local runtime did not answer /_dev/health in 60 s");
    }

    private static String loadAverage() {
        try {
            return Arrays.toString(Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i], args[i + 1]);
        return o;
    }
}
