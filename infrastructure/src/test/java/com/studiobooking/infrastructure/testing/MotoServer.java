package com.studiobooking.infrastructure.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * moto's server mode (open source, Apache-2.0) as a subprocess on a free loopback port: the engine the
 * DynamoDB adapter, SES v2, EventBridge Scheduler and Secrets Manager tests talk to through the
 * real AWS SDK. One server per JVM, started on first use and stopped with the JVM.
 *
 * <p>moto comes from PyPI into a project-local virtual environment ({@code .moto/venv-<hash>} at the
 * repository root), built once per change of {@code moto/requirements.txt}; a lock file keeps two
 * builds from racing. It needs {@code python3} (3.9 or newer) with its {@code venv} module.
 * See docs/decisions/storage-engines.md for why moto, and what it does differently from DynamoDB.
 */
public final class MotoServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** The server of this JVM, started on first call. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start(false);
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "moto-stop"));
        }
        return shared;
    }

    /**
     * A server of its own. {@code unlocked} applies requests in parallel, as plain {@code moto_server}
     * does: only the fidelity suite uses it, to show why the shared server serialises them.
     */
    public static MotoServer start(boolean unlocked) {
        Path python = virtualEnvironment().resolve("bin").resolve("python");
        List<String> command = new ArrayList<>(List.of(python.toString(), script().toString(), "--port", "0"));
        if (unlocked) command.add("--unlocked");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(out));
            int chosen;
            try {
                chosen = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("moto did not start within " + START_TIMEOUT.toSeconds() + " s", e);
            }
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "moto-output");
            drain.setDaemon(true);
            drain.start();
            return new MotoServer(process, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto with " + python, e);
        }
    }

    /** Where every AWS client of a test points ({@code endpointOverride}). */
    public URI endpoint() {
        return endpoint;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int readPort(BufferedReader out) {
        try {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("listening ")) return Integer.parseInt(line.substring("listening ".length()).trim());
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("moto exited before listening:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher script, copied out of the classpath (it may live in a jar). */
    private static Path script() {
        Path dir = home();
        Path script = dir.resolve("serve.py");
        try {
            byte[] wanted = resource("serve.py");
            if (!Files.exists(script) || !java.util.Arrays.equals(Files.readAllBytes(script), wanted)) {
                Path temp = Files.createTempFile(dir, "serve", ".py");
                Files.write(temp, wanted);
                Files.move(temp, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The virtual environment for the current requirements, built when missing. */
    static Path virtualEnvironment() {
        byte[] requirements = resource("requirements.txt");
        Path dir = home();
        Path venv = dir.resolve("venv-" + sha256(requirements).substring(0, 12));
        Path ready = venv.resolve(".ready");
        if (Files.exists(ready)) return venv;
        try (FileChannel channel = FileChannel.open(dir.resolve("install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (Files.exists(ready)) return venv;
            deleteTree(venv);
            Path requirementsFile = dir.resolve("requirements-" + sha256(requirements).substring(0, 12) + ".txt");
            Files.write(requirementsFile, requirements);
            System.err.println("[moto] creating " + venv + " (once per change of moto/requirements.txt)");
            run(List.of(python(), "-m", "venv", venv.toString()));
            run(List.of(venv.resolve("bin").resolve("python").toString(), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--no-input", "-r", requirementsFile.toString()));
            Files.writeString(ready, "ok\n");
            return venv;
        } catch (IOException e) {
            throw new UncheckedIOException("could not build moto's virtual environment in " + venv, e);
        }
    }

    /** {@code .moto/} at the repository root (found by its template.yaml), else in the user's cache. */
    private static Path home() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        Path home = dir != null ? dir.resolve(".moto")
                : Path.of(System.getProperty("user.home"), ".cache", "studio-booking", "moto");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c",
                        "import sys, venv; print(sys.version_info >= (3, 9))").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() == 0 && out.equals("True")) return candidate;
            } catch (IOException notThere) {
                // try the next name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("moto needs Python 3.9+ with its venv module on the PATH (python3): "
                + "install it, e.g. apt-get install -y python3 python3-venv");
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output.join());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MotoServer.class.getResourceAsStream("/moto/" + name)) {
            if (in == null) throw new IllegalStateException("moto/" + name + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
