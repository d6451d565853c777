package com.studiobooking.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest directory at or above the working directory holding template.yaml. */
final class RepoRoot {
    private RepoRoot() {}

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
        }
        throw new IllegalStateException("no template.yaml at or above " + Path.of("").toAbsolutePath());
    }

    static Path resolve(String relative) {
        return find().resolve(relative);
    }
}
