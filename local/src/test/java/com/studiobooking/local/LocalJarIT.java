package com.studiobooking.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar the README's run command builds and starts, as a user starts it. */
class LocalJarIT {
    private static final Path JAR = Path.of("target", "studio-booking-local.jar");

    /** DynamoDB Local (not open source) and its SQLite wrapper must never be shipped to users. */
    @Test
    void the_jar_holds_no_class_of_dynamodb_local() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> banned = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("com/amazonaws/services/dynamodbv2/")
                            || name.startsWith("com/almworks/sqlite4java/") || name.contains("DynamoDBLocal"))
                    .toList();
            assertThat(banned).isEmpty();
            assertThat(jar.getEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")).isNotNull();
        }
    }

    @Test
    void java_dash_jar_starts_the_runtime_with_its_demo_studio_and_keeps_data_in_the_folder_given(@TempDir Path data)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--port", "0", "--data-dir", data.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("Studio Booking is running on (http://127\\.0\\.0\\.1:\\d+)");
            String base = CompletableFuture.supplyAsync(() -> out.lines()
                    .map(listening::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the runtime exited"))).get(60, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/_dev/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"UP\"");
            HttpResponse<String> studio = http.send(HttpRequest.newBuilder(URI.create(base + "/studios/st_demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(studio.statusCode()).isEqualTo(200);
            assertThat(Files.exists(data.resolve(LocalRuntime.TABLE_FILE))).isTrue();
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
