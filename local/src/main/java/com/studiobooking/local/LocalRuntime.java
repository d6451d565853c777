package com.studiobooking.local;

import com.studiobooking.functions.HttpFunction;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.mail.Email;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;
import com.studiobooking.infrastructure.schedule.PendingJobs;
import com.studiobooking.infrastructure.table.SqliteItemTable;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine, no AWS account and no Docker: the table (shape from template.yaml)
 * on the embedded SQLite engine, kept in a folder across restarts or in memory; the routes of
 * template.yaml dispatched to the same handler classes as in Lambda; e-mail to an outbox; schedules
 * run in-process (and kept with the data); a demo studio seeded into an empty store.
 */
public final class LocalRuntime implements AutoCloseable {
    public static final Path DEFAULT_DATA_DIR = Path.of(".studio-booking-data");
    static final String TABLE_FILE = "studio-booking.sqlite";

    private final Server server;
    private final OutboxMailer outbox;
    private final InProcessScheduler scheduler;
    private final DemoStudio demo;
    private final SqliteItemTable table;
    private final FileLock dataLock;
    private final Options options;
    private final Payments payments;

    private LocalRuntime(Server server, OutboxMailer outbox, InProcessScheduler scheduler,
                         DemoStudio demo, SqliteItemTable table, FileLock dataLock, Options options, Payments payments) {
        this.server = server;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.demo = demo;
        this.table = table;
        this.dataLock = dataLock;
        this.options = options;
        this.payments = payments;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        LocalRuntime runtime = start(options, email -> System.out.println(describe(email)));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        System.out.println(runtime.banner());
    }

    /** Starts the runtime with the process's environment; {@code onMail} sees each e-mail as it reaches the outbox. */
    public static LocalRuntime start(Options options, java.util.function.Consumer<Email> onMail) throws IOException {
        return start(options, onMail, System.getenv());
    }

    /**
     * Starts the runtime with the variables it reads ({@code TOKEN_SECRET}, {@code STRIPE_SECRET_KEY},
     * {@code STRIPE_WEBHOOK_SECRET}) taken from {@code environment}.
     */
    public static LocalRuntime start(Options options, java.util.function.Consumer<Email> onMail,
                                     Map<String, String> environment) throws IOException {
        SamTemplate template = SamTemplate.parse(options.templateText());
        Clock clock = Clock.systemUTC();
        FileLock dataLock = options.dataDir() == null ? null : lock(options.dataDir());
        SqliteItemTable table = options.dataDir() == null
                ? SqliteItemTable.inMemory(template.table().shape())
                : SqliteItemTable.open(options.dataDir().resolve(TABLE_FILE), template.table().shape(), clock);

        OutboxMailer outbox = new OutboxMailer(onMail);
        String secret = environment.containsKey("TOKEN_SECRET") ? environment.get("TOKEN_SECRET")
                : options.dataDir() == null ? "local-" + Ids.random(40) : keptSecret(options.dataDir());
        Server server = server(options.port());
        String base = "http://127.0.0.1:" + port(server);
        Wiring[] wired = new Wiring[1];
        InProcessScheduler scheduler = new InProcessScheduler(clock,
                job -> wired[0].jobRunner().run(job.kind(), job.input()), PendingJobs.in(table));
        Payments payments = Payments.choose(environment, base, clock);
        Wiring wiring = new Wiring(new Wiring.Parts(() -> table, () -> outbox, () -> secret, () -> scheduler,
                payments::gateway, payments::verifier, base + "/widget/", base + "/admin/", clock));
        wired[0] = wiring;
        DemoStudio demo = DemoStudio.seedIfMissing(table, wiring);
        scheduler.start(Duration.ofSeconds(1));

        Map<String, HttpFunction> handlers = new HashMap<>();
        for (SamTemplate.Route route : template.routes()) {
            handlers.computeIfAbsent(route.handler(), name -> instantiate(name, wiring));
        }

        DevRoutes dev = new DevRoutes(outbox, scheduler, payments, demo, template.routes().size());
        server.setHandler(new ApiGatewayBridge(template, handlers, dev, options.webRoot()));
        server.setErrorHandler(ApiGatewayBridge.errors());
        dev.listeningAt(base);
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
        }
        return new LocalRuntime(server, outbox, scheduler, demo, table, dataLock, options, payments);
    }

    /**
     * Jetty on 127.0.0.1, bound now (so port 0 has its number before the wiring needs the base URL) and
     * started once the handler is set. Jetty, not the JDK's HttpServer: that one answers a URI it cannot
     * parse with its own HTML page naming a Java exception, before any handler could answer as the API
     * does (docs/decisions/local-http-server.md).
     */
    private static Server server(int port) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("local-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // API Gateway's own bound on the request line and headers of an HTTP API
        http.setRequestHeaderSize(10 * 1024);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(64);
        server.addConnector(connector);
        connector.open();
        return server;
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * The token-signing secret kept with the data, made once: sign-ins and the access links e-mailed to
     * guests stay valid across restarts, as they do across deploys in AWS.
     */
    private static String keptSecret(Path dataDir) throws IOException {
        Path file = dataDir.resolve("token-secret");
        if (!Files.exists(file)) {
            Path temp = Files.createTempFile(dataDir, "token-secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            Files.writeString(temp, "local-" + Ids.random(40));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file).trim();
    }

    /** One runtime per data folder: a second one would run the same schedules twice. */
    private static FileLock lock(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another Studio Booking runtime is using " + dataDir.toAbsolutePath()
                    + "; stop it, or start this one with --data-dir DIR or --in-memory");
        }
        return lock;
    }

    public int port() {
        return port(server);
    }

    public OutboxMailer outbox() {
        return outbox;
    }

    public DemoStudio demo() {
        return demo;
    }

    String banner() {
        String base = "http://127.0.0.1:" + port();
        return """

                Studio Booking is running on %1$s
                  start here       %1$s/  (links to everything below)
                  demo studio      %1$s/studios/%2$s
                  sign in as the demo owner: POST %1$s/auth/code {"studioId":"%2$s","email":"%3$s"}
                                   then read the code at %1$s/_dev/mail
                  booking widget   %1$s/widget/?studio=%2$s
                  admin page       %1$s/admin/?studio=%2$s
                  dev routes       %1$s/_dev/health  %1$s/_dev/mail  %1$s/_dev/mail.json  %1$s/_dev/schedules
                                   POST %1$s/_dev/schedules/{name}/run fires a pending schedule now
                  data             %4$s
                  card payments    %5$s
                Press Ctrl+C to stop.
                """.formatted(base, demo.studioId(), demo.ownerEmail(), dataDescription(), payments.describe());
    }

    private String dataDescription() {
        if (options.dataDir() == null) return "in memory only (--in-memory): gone when this process stops";
        return "kept in " + options.dataDir().toAbsolutePath().normalize()
                + " (delete the folder to start afresh; --in-memory for a throwaway store)";
    }

    public InProcessScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing left to do about a server that will not stop cleanly
        }
        table.close();
        if (dataLock != null) {
            try {
                dataLock.channel().close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static HttpFunction instantiate(String handler, Wiring wiring) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            return (HttpFunction)
                    Class.forName(className).getConstructor(Wiring.class).newInstance(wiring);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names " + handler
                    + " but no such handler with a (Wiring) constructor exists", e);
        }
    }

    private static String describe(Email email) {
        return "\n=== e-mail to " + String.join(", ", email.to()) + " — " + email.subject() + "\n" + email.text() + "===";
    }

    /**
     * Command-line options: {@code --port N}, {@code --template FILE}, {@code --web DIR},
     * {@code --data-dir DIR} (default {@code ./.studio-booking-data}) or {@code --in-memory}.
     *
     * @param dataDir where the data is kept; null keeps it in memory only
     */
    public record Options(int port, Path template, Path webRoot, Path dataDir) {
        public static Options parse(String[] args) {
            int port = 3000;
            Path template = null;
            Path web = null;
            Path dataDir = DEFAULT_DATA_DIR;
            boolean inMemory = false;
            boolean dataDirGiven = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--template" -> template = Path.of(value(args, ++i, "--template"));
                    case "--web" -> web = Path.of(value(args, ++i, "--web"));
                    case "--data-dir" -> {
                        dataDir = Path.of(value(args, ++i, "--data-dir"));
                        dataDirGiven = true;
                    }
                    case "--in-memory" -> inMemory = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --port N, --template FILE, --web DIR, --data-dir DIR, --in-memory)");
                }
            }
            if (inMemory && dataDirGiven) throw new IllegalArgumentException("--in-memory and --data-dir exclude each other");
            Path root = repoRoot();
            if (template == null && root != null) template = root.resolve("template.yaml");
            if (web == null && root != null) web = root.resolve("web");
            return new Options(port, template, web, inMemory ? null : dataDir);
        }

        /** template.yaml from the working tree when there is one, else the copy packed in the jar. */
        String templateText() throws IOException {
            if (template != null && Files.exists(template)) return Files.readString(template);
            try (InputStream packed = LocalRuntime.class.getResourceAsStream("/template.yaml")) {
                if (packed == null) throw new IOException("template.yaml not found; pass --template FILE");
                return new String(packed.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }

        private static Path repoRoot() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
            return dir;
        }
    }
}
