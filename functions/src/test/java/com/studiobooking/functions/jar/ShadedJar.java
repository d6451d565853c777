package com.studiobooking.functions.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a driver class in a JVM of its own whose class path is a shaded jar of {@code functions/target} and
 * that one class file, copied out of the test classes: nothing of the build's class path is visible, so a
 * class the shade filters dropped fails as it would in Lambda.
 */
final class ShadedJar {
    record Run(int exitCode, String output) {}

    private ShadedJar() {}

    static Path jar(String name) {
        Path jar = Paths.get("target", name);
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run after package");
        return jar;
    }

    static Run run(Path jar, Class<?> driver, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path classes = Files.createTempDirectory("shaded-driver");
        String file = driver.getName().replace('.', '/') + ".class";
        Path copy = classes.resolve(file);
        Files.createDirectories(copy.getParent());
        try (var in = driver.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, copy);
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar.toAbsolutePath() + java.io.File.pathSeparator + classes);
        command.add(driver.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("driver did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
