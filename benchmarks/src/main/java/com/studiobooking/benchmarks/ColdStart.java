package com.studiobooking.benchmarks;

import com.studiobooking.benchmarks.probe.ColdStartProbe;
import com.studiobooking.benchmarks.probe.PrimingProbe;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold starts of the Lambda handlers, measured locally: moto (DynamoDB, SES v2, EventBridge Scheduler; see
 * {@link LocalAws}) with a seeded demo studio, then for every
 * target and JVM mode a fresh JVM that constructs the handler and answers one sample event (see
 * {@link ColdStartProbe}), and, unless {@code --no-priming}, for every target but floor-powertools and every run one
 * more JVM (C1 only) that runs SnapStart's sequence without the snapshot: init, the CRaC hooks, the first request
 * and {@code --priming-requests} warm ones (see {@code probe.PrimingProbe}). Prints a Markdown section and writes it
 * into {@code docs/benchmarks.md}.
 * <p>{@code java -jar benchmarks/target/benchmarks.jar cold-start [--runs 10] [--warmups 1] [--only auth,admin,…]
 * [--c1-only] [--no-priming] [--priming-requests 100] [--variant-jar JAR] [--repo DIR] [--no-write] [--verbose]
 * [--jvm-flag F]…}. {@code --c1-only} measures cold starts with the template's JIT settings only. {@code --jvm-flag} adds one flag to every
 * child JVM (e.g. {@code -Xlog:class+load:file=/tmp/classes-%p.log} to see what a cold invocation loads). With {@code --variant-jar}, every target of the
 * functions jar that does not run Stripe is also measured from that jar (a differently built functions jar),
 * interleaved with the others.
 */
public final class ColdStart {
    static final String TABLE = "studio-booking";
    static final String TOKEN_SECRET = "cold-start-benchmark-secret-0123456789";
    static final String SENDER_EMAIL = "no-reply@example.com";
    /** The handlers' schedule settings (SCHEDULE_GROUP, TIMED_JOBS_FUNCTION_ARN, SCHEDULER_ROLE_ARN, SCHEDULER_DLQ_ARN). */
    static final EventBridgeScheduler.Settings SCHEDULES = new EventBridgeScheduler.Settings("studio-booking-timed-jobs",
            "arn:aws:lambda:eu-west-1:000000000000:function:studio-booking-TimedJobsFunction:live",
            "arn:aws:iam::000000000000:role/studio-booking-scheduler",
            "arn:aws:sqs:eu-west-1:000000000000:studio-booking-timed-jobs-dlq");
    private static final String PROBE_CLASS = "com.studiobooking.benchmarks.probe.ColdStartProbe";
    private static final String PRIMING_PROBE_CLASS = "com.studiobooking.benchmarks.probe.PrimingProbe";
    /** How {@code org.crac} finds the probe's CRaC stand-in, as Lambda's JVM finds its runtime client's. */
    static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=com.studiobooking.benchmarks.probe.crac";
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    private ColdStart() {}

    record Options(int runs, int warmups, List<Target> targets, Path variantJar, Path repo, boolean write, boolean verbose,
                   List<String> jvmFlags, boolean c1Only, boolean priming, int primingRequests) {
        static Options parse(String... args) {
            int runs = 10;
            int warmups = 1;
            List<Target> targets = List.of(Target.values());
            Path variantJar = null;
            Path repo = defaultRepo();
            boolean write = true;
            boolean verbose = false;
            List<String> jvmFlags = new ArrayList<>();
            boolean c1Only = false;
            boolean priming = true;
            int primingRequests = 100;
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            if (!rest.isEmpty() && rest.get(0).equals("cold-start")) rest.remove(0);
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--runs" -> runs = Integer.parseInt(rest.get(++i));
                    case "--warmups" -> warmups = Integer.parseInt(rest.get(++i));
                    case "--only" -> targets = Arrays.stream(rest.get(++i).split(",")).map(String::trim).map(Target::byLabel).toList();
                    case "--variant-jar" -> variantJar = Path.of(rest.get(++i)).toAbsolutePath().normalize();
                    case "--repo" -> repo = Path.of(rest.get(++i)).toAbsolutePath().normalize();
                    case "--no-write" -> write = false;
                    case "--verbose" -> verbose = true;
                    case "--jvm-flag" -> jvmFlags.add(rest.get(++i));
                    case "--c1-only" -> c1Only = true;
                    case "--no-priming" -> priming = false;
                    case "--priming-requests" -> primingRequests = Integer.parseInt(rest.get(++i));
                    default -> throw new IllegalArgumentException("unknown argument " + arg
                            + "; usage: cold-start [--runs N] [--warmups N] [--only a,b] [--c1-only] [--no-priming] [--priming-requests N]"
                            + " [--variant-jar JAR] [--repo DIR] [--no-write] [--verbose] [--jvm-flag F]");
                }
            }
            if (runs < 1 || warmups < 0) throw new IllegalArgumentException("--runs must be >= 1 and --warmups >= 0");
            if (primingRequests < 1) throw new IllegalArgumentException("--priming-requests must be >= 1");
            return new Options(runs, warmups, targets, variantJar, repo, write, verbose, List.copyOf(jvmFlags), c1Only,
                    priming, primingRequests);
        }

        /** The repository this class was built in: benchmarks/target/{benchmarks.jar,classes} → ../.. */
        private static Path defaultRepo() {
            try {
                Path built = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return built.toAbsolutePath().getParent().getParent().getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        Path output() {
            return repo.resolve("docs/benchmarks.md");
        }

        /** The JIT modes cold starts are measured in. */
        List<JvmMode> modes() {
            return c1Only ? List.of(JvmMode.C1_ONLY) : List.of(JvmMode.values());
        }

        /** The targets the priming measurement runs. */
        List<Target> primingTargets() {
            return priming ? targets.stream().filter(Target::primed).toList() : List.of();
        }

        /** Whether {@code target} is also measured from the variant jar. */
        boolean measuresVariant(Target target) {
            return variantJar != null && target.inFunctionsJar() && !target.runsStripe();
        }

        /** This run's own command line, for the report. */
        String commandLine() {
            StringBuilder command = new StringBuilder("java -jar benchmarks/target/benchmarks.jar cold-start --runs ").append(runs);
            if (warmups != 1) command.append(" --warmups ").append(warmups);
            if (!targets.equals(List.of(Target.values()))) {
                command.append(" --only ").append(String.join(",", targets.stream().map(t -> t.label).toList()));
            }
            if (c1Only) command.append(" --c1-only");
            if (!priming) command.append(" --no-priming");
            else if (primingRequests != 100) command.append(" --priming-requests ").append(primingRequests);
            if (variantJar != null) command.append(" --variant-jar ").append(variantJar);
            jvmFlags.forEach(flag -> command.append(" --jvm-flag '").append(flag).append('\''));
            return command.toString();
        }
    }

    /**
     * {@code authInvocations} counts every auth request, cold or primed (each a new address, each e-mailed);
     * {@code linkReleaseInvocations} every link-release JVM, cold or primed: each found the session's reminder put
     * back and should delete it with its first request ({@code remindersRemoved}).
     */
    record Result(Options options, Jars jars, SampleEvents events, List<Measurement> measurements,
                  List<PrimingMeasurement> primings,
                  int authInvocations, int emailsSent, int linkReleaseInvocations, int remindersRemoved,
                  String loadBefore, String loadAfter, Instant finishedAt) {
    }

    public static void main(String[] args) {
        int exit = 1;
        try {
            Options options = Options.parse(args);
            Result result = run(options);
            String section = Report.section(result);
            System.out.println(section);
            if (options.write()) {
                Report.write(options.output(), section);
                System.err.println("written to " + options.output());
            }
            exit = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(exit); // the exit status; moto itself is stopped by LocalAws.close()
        }
    }

    static Result run(Options options) throws Exception {
        Jars jars = Jars.in(options.repo(), options.variantJar()).requireBuilt();
        SampleEvents events = new SampleEvents(options.repo());
        Path work = Files.createTempDirectory("cold-start");
        String loadBefore = Machine.loadAverage();
        try (LocalAws aws = LocalAws.start(SENDER_EMAIL, SCHEDULES)) {
            DemoStudio studio = DemoStudio.seed(aws.dynamo(), TABLE, TOKEN_SECRET);
            List<Measurement> measured = new ArrayList<>();
            List<PrimingMeasurement> primings = new ArrayList<>();
            int invocations = 0;
            int authInvocations = 0;
            int linkReleases = 0;
            int remindersRemoved = 0;
            for (int round = -options.warmups(); round < options.runs(); round++) {
                // interleaved, so drift on the machine spreads over all targets alike
                for (JvmMode mode : options.modes()) {
                    for (Target target : options.targets()) {
                        for (boolean variant : options.measuresVariant(target) ? new boolean[] {false, true} : new boolean[] {false}) {
                            Path event = events.write(target, studio, ++invocations, work);
                            Path jar = variant ? jars.variant() : target.jar(jars);
                            // every link-release run finds the session's reminder, as the first link set on it would
                            if (target == Target.LINK_RELEASE) aws.schedule(studio.reminder());
                            Measurement m = launch(target, mode, jar, variant, jars, event, environment(aws, target),
                                    options.jvmFlags(), options.verbose());
                            if (target == Target.AUTH) authInvocations++;
                            if (target == Target.LINK_RELEASE) {
                                linkReleases++;
                                if (!aws.hasSchedule(studio.reminder().name())) remindersRemoved++;
                            }
                            if (round >= 0) measured.add(m);
                            System.err.printf("%s %-16s %-11s %-8s %4.0f ms (status %d)%n", round < 0 ? "warm-up" : "run " + (round + 1),
                                    target.label, mode.label, variant ? "variant" : "", m.totalMillis(), m.status());
                        }
                    }
                }
                if (round < 0) continue;
                for (Target target : options.primingTargets()) {
                    List<Path> requests = new ArrayList<>();
                    for (int i = 0; i <= options.primingRequests(); i++) requests.add(events.write(target, studio, ++invocations, work));
                    if (target == Target.LINK_RELEASE) aws.schedule(studio.reminder());
                    PrimingMeasurement p = prime(target, target.jar(jars), jars, requests, environment(aws, target),
                            options.jvmFlags(), options.verbose());
                    if (target == Target.AUTH) authInvocations += requests.size();
                    if (target == Target.LINK_RELEASE) {
                        linkReleases++;
                        if (!aws.hasSchedule(studio.reminder().name())) remindersRemoved++;
                    }
                    primings.add(p);
                    System.err.printf("run %d %-16s priming     init %4.0f + priming %4.0f ms, first %5.1f ms, warm p50 %5.1f ms (%d resources)%n",
                            round + 1, target.label, p.initMillis(), p.primingMillis(), p.firstMillis(), p.warm().median(), p.resources());
                    if (options.verbose()) {
                        System.err.println("    the requests after the first, in order (ms): " + p.warmMillis().stream().limit(8)
                                .map(w -> String.format("%.1f", w)).toList());
                    }
                }
            }
            return new Result(options, jars, events, measured, primings, authInvocations, aws.emailsSent(), linkReleases,
                    remindersRemoved, loadBefore, Machine.loadAverage(), Instant.now());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** What Lambda and template.yaml would set, pointed at moto; nothing is inherited from this shell but PATH. */
    private static Map<String, String> environment(LocalAws aws, Target target) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_LAMBDA_FUNCTION_NAME", "studio-booking-" + target.label);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_REGION", LocalAws.REGION.id());
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY); // the runner's keys: the same moto account
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
        env.put("TABLE_NAME", TABLE);
        env.put("SENDER_EMAIL", SENDER_EMAIL);
        env.put("TOKEN_SECRET", TOKEN_SECRET);
        env.put("WIDGET_BASE_URL", "https://book.example/widget");
        env.put("ADMIN_PAGE_URL", "https://admin.example/");
        env.put("SCHEDULE_GROUP", SCHEDULES.groupName());
        env.put("TIMED_JOBS_FUNCTION_ARN", SCHEDULES.targetArn());
        env.put("SCHEDULER_ROLE_ARN", SCHEDULES.roleArn());
        env.put("SCHEDULER_DLQ_ARN", SCHEDULES.deadLetterArn());
        // literals, as in local development: in AWS they are SSM parameters or secrets, read on first use
        env.put("STRIPE_SECRET_KEY", "sk_test_coldstart");
        env.put("STRIPE_WEBHOOK_SECRET", Target.STRIPE_WEBHOOK_SECRET);
        env.put("POWERTOOLS_SERVICE_NAME", "studio-booking");
        return env;
    }

    /** One fresh JVM, one invocation; the clock runs from just before the process starts to its probe line. */
    static Measurement launch(Target target, JvmMode mode, Path jar, boolean variant, Jars jars, Path event,
                              Map<String, String> env, List<String> jvmFlags, boolean verbose) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(mode.flags);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", jar + File.pathSeparator + jars.probe(),
                PROBE_CLASS, target.handlerClass, event.toString(), target.isJob() ? "job" : "http"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);

        Deque<String> output = new ArrayDeque<>();
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        try (BufferedReader lines = process.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ColdStartProbe.MARK)) { // a compile-time constant: the probe class is not loaded here
                    double total = (System.nanoTime() - started) / 1e6;
                    Measurement measurement = Measurement.parse(target, mode, variant, total, line);
                    for (String rest = lines.readLine(); rest != null; rest = lines.readLine()) output.addLast(rest);
                    process.waitFor();
                    if (verbose) output.forEach(System.err::println);
                    if (measurement.status() / 100 != 2) {
                        throw failure(target, mode, "answered " + measurement.status(), output);
                    }
                    return measurement;
                }
                output.addLast(line);
                if (output.size() > 40) output.removeFirst();
            }
        } finally {
            watchdog.cancel(false);
        }
        throw failure(target, mode, "printed no probe line (exit " + process.waitFor() + ")", output);
    }

    /**
     * One fresh JVM (C1 only, as template.yaml runs them) that primes the handler and answers {@code events} in
     * order (see {@code probe.PrimingProbe}); fails unless every request answered 2xx and, for a handler of ours,
     * its CRaC resource was registered and run.
     */
    static PrimingMeasurement prime(Target target, Path jar, Jars jars, List<Path> events, Map<String, String> env,
                                    List<String> jvmFlags, boolean verbose) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmMode.C1_ONLY.flags);
        command.add(CRAC_COMPAT);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", jar + File.pathSeparator + jars.probe(), PRIMING_PROBE_CLASS, target.handlerClass,
                target.isJob() ? "job" : "http"));
        events.forEach(event -> command.add(event.toString()));
        Map<String, String> snapStart = new HashMap<>(env);
        snapStart.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(snapStart);

        Deque<String> output = new ArrayDeque<>();
        Process process = builder.start();
        long timeout = CHILD_TIMEOUT_SECONDS + events.size(); // a second more per request
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(timeout, TimeUnit.SECONDS));
        String what = "printed no priming probe line";
        try (BufferedReader lines = process.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // compile-time constants: the probe class is not loaded here
                if (line.startsWith(PrimingProbe.FAILED)) {
                    what = "failed: " + line.substring(PrimingProbe.FAILED.length()).trim();
                } else if (line.startsWith(PrimingProbe.MARK)) {
                    PrimingMeasurement measurement = PrimingMeasurement.parse(target, line);
                    for (String rest = lines.readLine(); rest != null; rest = lines.readLine()) output.addLast(rest);
                    process.waitFor();
                    if (verbose) output.forEach(System.err::println);
                    if (target.inFunctionsJar() && measurement.resources() < 1) {
                        throw failure(target, "priming", "registered no CRaC resource (is " + CRAC_COMPAT + " honoured?)", output);
                    }
                    return measurement;
                }
                output.addLast(line);
                if (output.size() > 40) output.removeFirst();
            }
        } finally {
            watchdog.cancel(false);
        }
        throw failure(target, "priming", what + " (exit " + process.waitFor() + ")", output);
    }

    private static IllegalStateException failure(Target target, JvmMode mode, String what, Deque<String> output) {
        return failure(target, mode.label, what, output);
    }

    private static IllegalStateException failure(Target target, String mode, String what, Deque<String> output) {
        return new IllegalStateException(target.label + " (" + mode + ") " + what + "; its output:\n"
                + String.join("\n", output));
    }
}
