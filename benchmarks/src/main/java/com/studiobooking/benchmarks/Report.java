package com.studiobooking.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** The run as a Markdown section, and that section put into docs/benchmarks.md in place of its previous version. */
final class Report {
    static final String HEADING = "## Cold start (JVM start → first response)";
    static final String BUILD = "mvn -B -q package -DskipTests";

    private Report() {}

    static String section(ColdStart.Result result) {
        List<Measurement> all = result.measurements().stream().filter(m -> !m.variant()).toList();
        ColdStart.Options options = result.options();
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        md.append("Measured ").append(result.finishedAt().atOffset(ZoneOffset.UTC).toLocalDate())
                .append(" on ").append(Machine.describe()).append(".\n");
        md.append("`java -version`: ").append(Machine.javaVersion()).append(".\n");
        md.append(options.runs()).append(" runs per target and JIT mode after ").append(options.warmups())
                .append(" warm-up round(s), targets interleaved; every run is a new JVM");
        if (!options.primingTargets().isEmpty()) {
            md.append(", and one more (C1 only) per target and run for priming, ").append(options.primingRequests())
                    .append(" warm requests each");
        }
        md.append(". Load average (1/5/15 min) ")
                .append(result.loadBefore()).append(" before, ").append(result.loadAfter()).append(" after.\n\n");
        md.append("Reproduce from the repository root:\n\n```\n").append(BUILD).append(" && ").append(options.commandLine())
                .append("\n```\n\n");

        List<JvmMode> modes = options.modes();
        md.append("| Target | Route (status) |");
        modes.forEach(mode -> md.append(' ').append(column(mode)).append(": median / p90 / min | ").append(column(mode))
                .append(": JVM→main + init + invoke + serde |"));
        md.append("\n|---|---|").append("---:|---:|".repeat(modes.size())).append('\n');
        for (Target target : options.targets()) {
            List<Measurement> mine = all.stream().filter(m -> m.target() == target).toList();
            String statuses = mine.stream().map(m -> String.valueOf(m.status())).collect(Collectors.toCollection(TreeSet::new)).toString();
            boolean stream = mine.stream().anyMatch(Measurement::stream);
            md.append("| ").append(target.label).append(" (`").append(simpleName(target.handlerClass)).append('`')
                    .append(stream ? ", stream" : "").append(") | `")
                    .append(result.events().routeKey(target)).append("` (").append(statuses, 1, statuses.length() - 1).append(") | ");
            for (JvmMode mode : modes) {
                List<Measurement> runs = mine.stream().filter(m -> m.mode() == mode).toList();
                Stats total = stats(runs, Measurement::totalMillis);
                md.append(ms(total.median())).append(" / ").append(ms(total.p90())).append(" / ").append(ms(total.min())).append(" ms | ")
                        .append(ms(stats(runs, Measurement::jvmToMainMillis).median())).append(" + ")
                        .append(ms(stats(runs, Measurement::initMillis).median())).append(" + ")
                        .append(ms(stats(runs, Measurement::invokeMillis).median())).append(" + ")
                        .append(ms(stats(runs, Measurement::serdeMillis).median())).append(" ms | ");
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }

        ratioTable(md, result);

        Jars jars = result.jars();
        md.append("\n| Jar | Size |\n|---|---:|\n")
                .append("| `functions/target/studio-booking-functions.jar` (payment-webhook, booking, admin, timed-jobs) | ")
                .append(mb(jars.functions())).append(" |\n")
                .append("| `functions/target/studio-booking-functions-no-stripe.jar` (auth, catalogue, link-release) | ")
                .append(mb(jars.noStripe())).append(" |\n");
        if (jars.variant() != null) {
            md.append("| variant: `").append(jars.variant().getFileName()).append("` (see below) | ").append(mb(jars.variant())).append(" |\n");
        }
        md.append("| `benchmarks/target/floor.jar` | ").append(mb(jars.floor())).append(" |\n")
                .append("| `benchmarks/target/floor-stream.jar` | ").append(mb(jars.floorStream())).append(" |\n")
                .append("| `benchmarks/target/floor-powertools.jar` | ").append(mb(jars.floorPowertools())).append(" |\n\n");

        if (jars.variant() != null) variantTable(md, result);
        if (!result.primings().isEmpty()) primingTable(md, result);

        if (options.targets().containsAll(List.of(Target.FLOOR, Target.FLOOR_POWERTOOLS))) {
            md.append("**Powertools logging** (`powertools-logging-log4j` ").append(powertoolsVersion(jars.floorPowertools()))
                    .append(", SLF4J over log4j2, one JSON line per request) over the floor, medians: ");
            for (JvmMode mode : modes) {
                md.append(signed(median(all, Target.FLOOR_POWERTOOLS, mode) - median(all, Target.FLOOR, mode)))
                        .append(" ms with ").append(mode.label).append(", ");
            }
            md.append(String.format(Locale.ROOT, "%+.1f MiB of jar.%n%n",
                    Jars.megabytes(jars.floorPowertools()) - Jars.megabytes(jars.floor())));
        }

        md.append("How to read it:\n\n")
                .append("- **median / p90 / min** is wall time measured by the runner, from just before it starts the child ")
                .append("process to the moment it reads the child's result line: process start, JVM boot, handler init, the ")
                .append("first invocation, and the response serialized.\n")
                .append("- The parts are medians from the child's own clock: **init** = loading the handler class and its no-arg ")
                .append("constructor (`Wiring.production()` for ours), **invoke** = the first `handleRequest`, **serde** = reading the ")
                .append("event file and, for a typed `RequestHandler`, reading the event and writing the response with ")
                .append("`aws-lambda-java-serialization`, as the Lambda Java runtime does (its API Gateway event serializers; for a ")
                .append("plain JSON map, its Jackson factory). A `RequestStreamHandler` (marked *stream*; every function of ours) is handed the ")
                .append("event's bytes and writes its response JSON itself, as the runtime does for it: no serializer runs, so its ")
                .append("serde is just reading the file and its own parsing lands in invoke; its status is read from the written ")
                .append("`statusCode` after the clock stops (a timed job's answer counts as 200 unless it carries an `error`). ")
                .append("**JVM→main** is the rest (process start, JVM boot, loading the probe). Lazily built clients (SES, ")
                .append("EventBridge Scheduler, Stripe's) land in invoke, as they would in Lambda.\n")
                .append("- **C1 only** is `-XX:+TieredCompilation -XX:TieredStopAtLevel=1`, the `JAVA_TOOL_OPTIONS` of every ")
                .append("function in template.yaml; **default JIT** is the plain JVM.\n")
                .append("- **floor** is a bare handler doing one DynamoDB GetItem with an SDK v2 client built as production builds it ")
                .append("(URL connection client, explicit region and credentials): the least any handler of ours can cost, and ")
                .append("the reference of the issue's \"≤ 1.2× the floor\". It is a typed `RequestHandler`, so the runtime's event ")
                .append("serializer is part of it. **floor-stream** is the same GetItem as a `RequestStreamHandler`: it reads ")
                .append("`pathParameters.studioId` with jackson-core's streaming parser (no databind) and writes a minimal API ")
                .append("Gateway response, so its jar is floor.jar plus jackson-core and no event serializer runs: the floor of ")
                .append("a stream handler. The ratio table gives every target's median over both floors' medians. ")
                .append("**floor-powertools** is the floor plus one log line through Powertools logging.\n")
                .append("- **Priming** stands in locally for SnapStart: in one fresh JVM per target and run (C1 only, ")
                .append("`AWS_LAMBDA_INITIALIZATION_TYPE=snap-start`), **init** constructs the handler; **priming** runs the CRaC ")
                .append("hooks as Lambda does around a snapshot, every registered resource's `beforeCheckpoint` (in reverse order of ")
                .append("registration) then `afterRestore` (in order) — for our handlers, `Priming`; then the **first invoke after ")
                .append("priming** (the first real request) and the **warm** requests of the same route, each its own event (a new ")
                .append("e-mail address for auth, a new link for link-release, a freshly signed Stripe event for payment-webhook), ")
                .append("each timed from handing over the event to the response written, serde included. Every request must ")
                .append("answer 2xx or the run fails. The hooks reach the probe as they reach Lambda's runtime: `org.crac` finds ")
                .append("its implementation through `-Dorg.crac.Core.Compat` (Lambda: `com.amazonaws.services.lambda.crac`; here ")
                .append("the probe's own `probe.crac`); without it, on a JVM without CRaC, `org.crac` drops registrations and its ")
                .append("global context refuses `beforeCheckpoint`. No snapshot is taken: the hooks run in place, so class ")
                .append("loading and JIT state carry over from init to the first request exactly, and what a restore costs in AWS ")
                .append("(paging the snapshot in, re-seeding, reconnecting) is not measured. The floors (no CRaC resources) are ")
                .append("run as a reference. Only link-release's first request finds the missing-link reminder (put back in moto ")
                .append("before each JVM) and deletes it; its warm requests find it gone.\n")
                .append("- What each route does: the demo studio (owner, staff member, location, a 60-minute service with weekly ")
                .append("hours, an online session, one appointment tomorrow) is seeded through the project's own use cases. ")
                .append("auth e-mails a sign-in code; admin lists staff; catalogue reads the public profile; catalogue-slots ")
                .append("lists a week of slots of the service; booking lists a week of bookings (staff token); link-release ")
                .append("sets a new link on the session every run (and deletes its missing-link reminder, put back in moto before each run); payment-webhook takes ")
                .append("a freshly signed Stripe `checkout.session.expired` for the demo booking (a new event id every run, ")
                .append("its signature checked by stripe-java and its body read with Jackson, recorded once; the booking is paid at the studio, so it stays); ")
                .append("timed-jobs runs a missing-link reminder for a session that does not exist (it reads, finds nothing ")
                .append("and answers `done=false`; status 200 means it answered without an error).\n")
                .append("- Not Lambda: no Firecracker micro-VM, no runtime API, no SnapStart snapshot or restore (template.yaml enables ")
                .append("SnapStart, which replaces most of init with a snapshot restore in AWS), 2 local cores instead of a ")
                .append("1024 MB function's CPU share, the code package is already on local disk (Lambda fetches and unpacks it first), ")
                .append("and the token and Stripe secrets are literals (in AWS the first use also builds an SSM or Secrets Manager ")
                .append("client and fetches them). DynamoDB, SES v2 and EventBridge Scheduler are moto ").append(LocalAws.motoVersion())
                .append(" in server mode on loopback, one endpoint for every client, one request applied at a time: every ")
                .append("AWS call is a local HTTP request to a Python emulator, so AWS calls cost other times than in AWS (and ")
                .append("than against DynamoDB Local, used before 2026-11-30). Read back from moto: ")
                .append(result.emailsSent()).append(" e-mails accepted for ").append(result.authInvocations())
                .append(" auth requests (cold and primed); the session's missing-link reminder, put back before each link-release ")
                .append("JVM, was deleted by ").append(result.remindersRemoved()).append(" of ").append(result.linkReleaseInvocations())
                .append(" link-release JVMs (cold and primed).\n")
                .append("- Absolute times are noisy and machine-bound: compare rows within one run, not across runs or machines.\n")
                .append("- Sample events: ").append(options.targets().stream().map(t -> t.label + " ← " + result.events().source(t))
                        .distinct().collect(Collectors.joining("; "))).append(".\n");
        return md.toString();
    }

    /** The targets measured from both jars: medians side by side. */
    private static void variantTable(StringBuilder md, ColdStart.Result result) {
        List<Measurement> measured = result.measurements();
        md.append("**Variant jar** `").append(result.jars().variant().getFileName())
                .append("` against the shipped functions jar, same run, interleaved (medians of wall time; Δ = variant − shipped):\n\n")
                .append("| Target |");
        List<JvmMode> modes = result.options().modes();
        modes.forEach(mode -> md.append(' ').append(column(mode)).append(": shipped / variant / Δ |"));
        md.append("\n|---|").append("---:|".repeat(modes.size())).append('\n');
        for (Target target : result.options().targets()) {
            if (!result.options().measuresVariant(target)) continue;
            md.append("| ").append(target.label).append(" | ");
            for (JvmMode mode : modes) {
                double shipped = median(measured.stream().filter(m -> !m.variant()).toList(), target, mode);
                double variant = median(measured.stream().filter(Measurement::variant).toList(), target, mode);
                md.append(ms(shipped)).append(" / ").append(ms(variant)).append(" / ").append(signed(variant - shipped)).append(" ms | ");
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }
        md.append('\n');
    }

    /**
     * Every target's median wall time over the floors' (same run, same JIT mode): the "≤ 1.2× the floor" is the
     * ratio to {@code floor}; the one to {@code floor-stream} is what is left once the event serializer is gone.
     */
    private static void ratioTable(StringBuilder md, ColdStart.Result result) {
        List<Target> floors = List.of(Target.FLOOR, Target.FLOOR_STREAM).stream()
                .filter(result.options().targets()::contains).toList();
        if (floors.isEmpty()) return;
        List<Measurement> all = result.measurements().stream().filter(m -> !m.variant()).toList();
        List<JvmMode> modes = result.options().modes();
        md.append("\nRatio of medians to the floors (goal: ≤ 1.2× `floor`):\n\n| Target |");
        for (JvmMode mode : modes) floors.forEach(floor -> md.append(' ').append(column(mode)).append(": × ").append(floor.label).append(" |"));
        md.append("\n|---|").append("---:|".repeat(modes.size() * floors.size())).append('\n');
        for (Target target : result.options().targets()) {
            if (floors.contains(target)) continue;
            md.append("| ").append(target.label).append(" |");
            for (JvmMode mode : modes) {
                for (Target floor : floors) {
                    double ratio = median(all, target, mode) / median(all, floor, mode);
                    md.append(' ').append(times(ratio)).append(floor == Target.FLOOR && ratio <= 1.2 ? " ✓" : "").append(" |");
                }
            }
            md.append('\n');
        }
    }

    /** Per target, medians over the runs of the priming JVMs' figures (C1 only). */
    private static void primingTable(StringBuilder md, ColdStart.Result result) {
        List<PrimingMeasurement> primings = result.primings();
        int requests = result.options().primingRequests();
        md.append("**Priming** (a local proxy for SnapStart; C1 only; medians over ").append(result.options().runs())
                .append(" run(s), one JVM each; warm = the ").append(requests)
                .append(" requests after the first; goal: first invoke after priming ≤ 2× warm p50):\n\n")
                .append("| Target | CRaC resources | Init | Priming | First invoke after priming | Warm p50 / p90 | First / warm p50 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Target target : result.options().primingTargets()) {
            List<PrimingMeasurement> mine = primings.stream().filter(p -> p.target() == target).toList();
            if (mine.isEmpty()) continue;
            double first = Stats.of(mine.stream().map(PrimingMeasurement::firstMillis).toList()).median();
            double p50 = Stats.of(mine.stream().map(p -> p.warm().median()).toList()).median();
            double p90 = Stats.of(mine.stream().map(p -> p.warm().p90()).toList()).median();
            double ratio = Stats.of(mine.stream().map(PrimingMeasurement::firstOverWarmMedian).toList()).median();
            md.append("| ").append(target.label).append(target.isFloor() ? " (reference)" : "")
                    .append(mine.get(0).stream() ? ", stream" : "").append(" | ")
                    .append(mine.get(0).resources()).append(" | ")
                    .append(ms(Stats.of(mine.stream().map(PrimingMeasurement::initMillis).toList()).median())).append(" ms | ")
                    .append(oneDecimal(Stats.of(mine.stream().map(PrimingMeasurement::primingMillis).toList()).median())).append(" ms | ")
                    .append(oneDecimal(first)).append(" ms | ")
                    .append(oneDecimal(p50)).append(" / ").append(oneDecimal(p90)).append(" ms | ")
                    .append(times(ratio)).append(target.isFloor() ? "" : ratio <= 2.0 ? " ✓" : " ✗").append(" |\n");
        }
        md.append('\n');
    }

    /** Writes {@code section} into {@code file}, replacing the previous version of it and keeping other sections. */
    static void write(Path file, String section) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, replaceSection(document, section), StandardCharsets.UTF_8);
    }

    static String replaceSection(String document, String section) {
        int start = document.indexOf(HEADING);
        if (start < 0) {
            return document + (document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        int next = document.indexOf("\n## ", start + HEADING.length());
        return document.substring(0, start) + section + (next < 0 ? "" : "\n" + document.substring(next + 1));
    }

    private static double median(List<Measurement> all, Target target, JvmMode mode) {
        return stats(all.stream().filter(m -> m.target() == target && m.mode() == mode).toList(), Measurement::totalMillis).median();
    }

    private static Stats stats(List<Measurement> runs, ToDoubleFunction<Measurement> value) {
        return Stats.of(runs.stream().map(m -> value.applyAsDouble(m)).toList());
    }

    private static String ms(double millis) {
        return String.valueOf(Math.round(millis));
    }

    /** A JIT mode's label at the start of a column heading. */
    private static String column(JvmMode mode) {
        return Character.toUpperCase(mode.label.charAt(0)) + mode.label.substring(1);
    }

    private static String oneDecimal(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String signed(double millis) {
        return (millis >= 0 ? "+" : "") + Math.round(millis);
    }

    private static String mb(Path jar) {
        return String.format(Locale.ROOT, "%.1f MiB", Jars.megabytes(jar));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String powertoolsVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getEntry("META-INF/maven/software.amazon.lambda/powertools-logging-log4j/pom.properties");
            if (entry == null) return "?";
            Properties properties = new Properties();
            properties.load(file.getInputStream(entry));
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
