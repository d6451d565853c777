package com.studiobooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The events the targets are invoked with: the repository's {@code events/<function>/*.json} when present,
 * otherwise a copy bundled in this module under the same name (for functions events/ has none of yet).
 */
final class SampleEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repoEvents;

    SampleEvents(Path repo) {
        this.repoEvents = repo.resolve("events");
    }

    /** Where a target's sample comes from, as shown in the report. */
    String source(Target target) {
        return Files.isRegularFile(repoEvents.resolve(target.eventFile))
                ? "events/" + target.eventFile
                : "benchmarks/src/main/resources/events/" + target.eventFile + " (bundled; events/ has none yet)";
    }

    /** The API Gateway route key, or for a timed job its kind. */
    String routeKey(Target target) {
        try {
            JsonNode sample = JSON.readTree(sample(target));
            return target.isJob() ? "job " + sample.path("kind").asText("?") : sample.path("routeKey").asText("?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the filled-in event for one invocation and returns its file. */
    Path write(Target target, DemoStudio studio, int run, Path directory) {
        Path file = directory.resolve(target.label + "-" + run + ".json");
        try {
            JSON.writeValue(file.toFile(), target.fill(sample(target), studio, run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The sample as stored, placeholders and all. */
    String sample(Target target) {
        Path file = repoEvents.resolve(target.eventFile);
        try (InputStream in = Files.isRegularFile(file)
                ? Files.newInputStream(file)
                : SampleEvents.class.getResourceAsStream("/events/" + target.eventFile)) {
            if (in == null) throw new IllegalStateException("no sample event " + target.eventFile);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
