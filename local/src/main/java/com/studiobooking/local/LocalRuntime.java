package com.studiobooking.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.mail.Email;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole system on one machine, no AWS account and no Docker: DynamoDB Local in-process (table
 * from template.yaml), the routes of template.yaml dispatched to the same handler classes as in
 * Lambda, e-mail to an outbox, and a seeded demo studio.
 */
public final class LocalRuntime implements AutoCloseable {
    public static final String TABLE_NAME = "studio-booking-local";

    private final HttpServer server;
    private final ExecutorService workers;
    private final OutboxMailer outbox;
    private final InProcessScheduler scheduler;
    private final DemoStudio demo;

    private LocalRuntime(HttpServer server, ExecutorService workers, OutboxMailer outbox, InProcessScheduler scheduler,
                         DemoStudio demo) {
        this.server = server;
        this.workers = workers;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.demo = demo;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        LocalRuntime runtime = start(options, email -> System.out.println(describe(email)));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        System.out.println(runtime.banner());
    }

    /** Starts the runtime; {@code onMail} sees each e-mail as it reaches the outbox. */
    public static LocalRuntime start(Options options, java.util.function.Consumer<Email> onMail) throws IOException {
        SamTemplate template = SamTemplate.parse(options.templateText());
        DynamoDbClient dynamo = DynamoDBEmbedded.create().dynamoDbClient();
        dynamo.createTable(template.table().createTableRequest(TABLE_NAME));
        template.table().timeToLiveRequest(TABLE_NAME).ifPresent(dynamo::updateTimeToLive);

        OutboxMailer outbox = new OutboxMailer(onMail);
        String secret = System.getenv().getOrDefault("TOKEN_SECRET", "local-" + Ids.random(40));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 64);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Clock clock = Clock.systemUTC();
        Wiring[] wired = new Wiring[1];
        InProcessScheduler scheduler = new InProcessScheduler(clock,
                job -> wired[0].jobRunner().run(job.kind(), job.input()));
        Payments payments = Payments.choose(base, clock);
        Wiring wiring = new Wiring(new Wiring.Parts(() -> dynamo, TABLE_NAME, () -> outbox, () -> secret, () -> scheduler,
                payments::gateway, payments::verifier, base + "/widget/", base + "/admin/", clock));
        wired[0] = wiring;
        scheduler.start(Duration.ofSeconds(1));
        DemoStudio demo = DemoStudio.seed(dynamo, TABLE_NAME, wiring);

        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new HashMap<>();
        for (SamTemplate.Route route : template.routes()) {
            handlers.computeIfAbsent(route.handler(), name -> instantiate(name, wiring));
        }

        ExecutorService workers = Executors.newFixedThreadPool(16);
        server.setExecutor(workers);
        DevRoutes dev = new DevRoutes(outbox, scheduler, payments, demo, template.routes().size());
        server.createContext("/", new ApiGatewayBridge(template, handlers, dev, options.webRoot()));
        server.start();
        dev.listeningAt(base);
        return new LocalRuntime(server, workers, outbox, scheduler, demo);
    }

    public int port() {
        return server.getAddress().getPort();
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
                  demo studio      %1$s/studios/%2$s
                  sign in as the demo owner: POST %1$s/auth/code {"studioId":"%2$s","email":"%3$s"}
                                   then read the code at %1$s/_dev/mail
                  dev routes       %1$s/_dev/health  %1$s/_dev/mail  %1$s/_dev/mail.json  %1$s/_dev/schedules
                                   POST %1$s/_dev/schedules/{name}/run fires a pending schedule now
                Press Ctrl+C to stop (data is kept in memory only).
                """.formatted(base, demo.studioId(), demo.ownerEmail());
    }

    public InProcessScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        server.stop(0);
        workers.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(String handler, Wiring wiring) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                    Class.forName(className).getConstructor(Wiring.class).newInstance(wiring);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names " + handler
                    + " but no such handler with a (Wiring) constructor exists", e);
        }
    }

    private static String describe(Email email) {
        return "\n=== e-mail to " + String.join(", ", email.to()) + " — " + email.subject() + "\n" + email.text() + "===";
    }

    /** Command-line options: {@code --port N}, {@code --template FILE}, {@code --web DIR}. */
    public record Options(int port, Path template, Path webRoot) {
        public static Options parse(String[] args) {
            int port = 3000;
            Path template = null;
            Path web = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--template" -> template = Path.of(value(args, ++i, "--template"));
                    case "--web" -> web = Path.of(value(args, ++i, "--web"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --port N, --template FILE, --web DIR)");
                }
            }
            Path root = repoRoot();
            if (template == null && root != null) template = root.resolve("template.yaml");
            if (web == null && root != null) web = root.resolve("web");
            return new Options(port, template, web);
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
