package com.studiobooking.functions;

import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.studio.NewStudio;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.testing.MotoServer;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes the first real request loads, with and without priming, for auth and booking: each in a JVM of its
 * own on the shaded jar ({@link PrimingClassCountDriver}), against a studio opened in moto. Counts, not times: exact
 * on any machine (docs/benchmarks.md, "SnapStart priming: classes left to the first request").
 */
class PrimingClassCountIT {
    @Test
    void priming_leaves_the_first_request_fewer_classes_to_load() throws Exception {
        String tableName = TestTables.freshMotoTable();
        OutboxMailer outbox = new OutboxMailer();
        Wiring setup = new Wiring(new Wiring.Parts(() -> new DynamoItemTable(TestTables.motoClient(), tableName), () -> outbox,
                () -> Api.SECRET, () -> new Scheduler() {
                    @Override public void schedule(ScheduledJob job) { }
                    @Override public void scheduleDaily(DailyJob job) { }
                    @Override public void cancel(String name) { }
                }, () -> null, () -> null, "https://book.example/widget", "https://admin.example/", Clock.systemUTC()));
        StudioSetup.Opened opened = setup.studioSetup().openStudio(new NewStudio("Lotus Yoga", "Europe/Bucharest", "RON", "en",
                new NewStudio.Owner("Ana Pop", "ana@example.com")));
        setup.authentication().requestCode(new Authentication.CodeRequest(opened.studioId(), "ana@example.com"));
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(outbox.sent().get(outbox.sent().size() - 1).text());
        assertThat(code.find()).isTrue();
        String token = setup.authentication().exchangeCode(new Authentication.CodeExchange(opened.studioId(), "ana@example.com",
                code.group(1))).token();

        List<String> lines = new ArrayList<>();
        int run = 0;
        for (String function : List.of("auth", "booking")) {
            for (String mode : List.of("cold", "prime")) {
                String output = drive(MotoServer.shared().endpoint().toString(), tableName, function, mode, opened.studioId(),
                        "client" + (run++) + "@example.com", token, Api.SECRET);
                String line = output.lines().filter(l -> l.startsWith("count ")).findFirst().orElseThrow(() -> new AssertionError(output));
                System.out.println(line);
                lines.add(line);
            }
        }
        for (int i = 0; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).contains("status=2");
            assertThat(lines.get(i + 1)).contains("status=2");
            assertThat(firstRequest(lines.get(i + 1))).isLessThan(firstRequest(lines.get(i)));
        }
    }

    private static long firstRequest(String line) {
        Matcher m = Pattern.compile("firstRequest=(\\d+)").matcher(line);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The driver in a JVM of its own: the shaded jar and the driver's class file. */
    private static String drive(String... args) throws IOException, InterruptedException {
        Path jar = Paths.get("target", "studio-booking-functions.jar");
        Path classes = Files.createTempDirectory("priming-driver");
        String file = PrimingClassCountDriver.class.getName().replace('.', '/') + ".class";
        Path copy = classes.resolve(file);
        Files.createDirectories(copy.getParent());
        try (var in = PrimingClassCountDriver.class.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, copy);
        }
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toAbsolutePath() + java.io.File.pathSeparator + classes, PrimingClassCountDriver.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("driver did not finish: " + output);
        }
        return output;
    }
}
