package com.studiobooking.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API Gateway events the targets are invoked with: the repository's {@code events/<function>/*.json} when
 * present, otherwise the minimal copies bundled in this module under the same names.
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

    String routeKey(Target target) {
        return sample(target).path("routeKey").asText("?");
    }

    /** Writes the filled-in event for one invocation and returns its file. */
    Path write(Target target, DemoStudio studio, int run, Path directory) {
        ObjectNode event = sample(target);
        target.fill(event, studio, run);
        Path file = directory.resolve(target.label + "-" + run + ".json");
        try {
            JSON.writeValue(file.toFile(), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private ObjectNode sample(Target target) {
        Path file = repoEvents.resolve(target.eventFile);
        try (InputStream in = Files.isRegularFile(file)
                ? Files.newInputStream(file)
                : SampleEvents.class.getResourceAsStream("/events/" + target.eventFile)) {
            if (in == null) throw new IllegalStateException("no sample event " + target.eventFile);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
