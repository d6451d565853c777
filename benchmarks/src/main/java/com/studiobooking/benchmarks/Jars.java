package com.studiobooking.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jars a run needs, where {@code mvn package} leaves them, and the variant jar when one is compared (else null):
 * {@code functions} ships to the functions that run Stripe, {@code noStripe} to the others (Makefile, issue 16).
 */
record Jars(Path functions, Path noStripe, Path floor, Path floorStream, Path floorPowertools, Path probe, Path variant) {

    static Jars in(Path repo, Path variant) {
        Path target = repo.resolve("benchmarks/target");
        return new Jars(repo.resolve("functions/target/studio-booking-functions.jar"),
                repo.resolve("functions/target/studio-booking-functions-no-stripe.jar"), target.resolve("floor.jar"),
                target.resolve("floor-stream.jar"), target.resolve("floor-powertools.jar"), target.resolve("cold-start-probe.jar"), variant);
    }

    Jars requireBuilt() {
        for (Path jar : new Path[] {functions, noStripe, floor, floorStream, floorPowertools, probe}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build first: mvn -B -q package -DskipTests");
            }
        }
        if (variant != null && !Files.isRegularFile(variant)) throw new IllegalStateException(variant + " is missing");
        return this;
    }

    static double megabytes(Path jar) {
        try {
            return Files.size(jar) / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
