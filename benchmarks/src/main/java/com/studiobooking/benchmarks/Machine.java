package com.studiobooking.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a run was measured on, in one line. */
final class Machine {
    private Machine() {}

    static String describe() {
        StringBuilder out = new StringBuilder();
        out.append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc)");
        cpuInfo("model name").ifPresent(model -> out.append(", ").append(model));
        memInfo("MemTotal").ifPresent(kb -> out.append(String.format(Locale.ROOT, ", %.0f GB RAM", kb / 1024.0 / 1024.0)));
        out.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"));
        return out.toString();
    }

    /** The three lines of {@code java -version} for the JVM the children run on, joined. */
    static String javaVersion() {
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String text = new String(java.getInputStream().readAllBytes()).trim();
            java.waitFor();
            return "`" + String.join("` / `", text.lines().toList()) + "`";
        } catch (IOException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows up here, and in the timings. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Optional<String> cpuInfo(String key) {
        return field(Path.of("/proc/cpuinfo"), key);
    }

    private static Optional<Long> memInfo(String key) {
        return field(Path.of("/proc/meminfo"), key).map(value -> Long.parseLong(value.replace("kB", "").trim()));
    }

    private static Optional<String> field(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
