package com.studiobooking.benchmarks;

import com.studiobooking.benchmarks.slots.SlotLookupBenchmark;
import com.studiobooking.benchmarks.slots.SlotScenario;
import com.studiobooking.core.model.slots.SlotFinder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar slots [JMH options]}: {@link SlotLookupBenchmark} through JMH
 * with the defaults below (a JMH option given on the command line replaces its default), then the results as a
 * Markdown table, with the slots each case returns and the load average before and after.
 * <p>JMH runs from this jar rather than a jar of its own: the runner already is the module's one command line,
 * and JMH's forks start from the same jar.
 */
public final class SlotBenchmarks {
    /** One fork, 3 × 1 s warm-up, 5 × 1 s measured, average time in µs; a failing benchmark fails the run. */
    static final Map<String, String> DEFAULTS = defaults();
    private static final Set<String> INFORMATION_ONLY = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

    private SlotBenchmarks() {}

    public static void main(String[] args) throws Exception {
        List<String> jmh = arguments(args);
        if (Arrays.stream(args).anyMatch(INFORMATION_ONLY::contains)) {
            org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
            return;
        }
        System.err.println("JMH arguments: " + String.join(" ", jmh));
        String loadBefore = Machine.loadAverage();
        Collection<RunResult> results = new Runner(new CommandLineOptions(jmh.toArray(String[]::new))).run();
        String loadAfter = Machine.loadAverage();
        System.out.println();
        System.out.println(table(results, String.join(" ", jmh), loadBefore, loadAfter));
    }

    /** The slot benchmark, the defaults the caller did not set, then the caller's arguments. */
    static List<String> arguments(String... args) {
        List<String> given = Arrays.asList(args);
        List<String> jmh = new ArrayList<>();
        jmh.add(SlotLookupBenchmark.class.getName());
        DEFAULTS.forEach((option, value) -> {
            if (!given.contains(option)) jmh.addAll(List.of(option, value));
        });
        jmh.addAll(given);
        return jmh;
    }

    static String table(Collection<RunResult> results, String arguments, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" on ").append(Machine.describe()).append(".\n");
        md.append("`java -version`: ").append(Machine.javaVersion()).append(".\n");
        md.append("JMH arguments: `").append(arguments).append("`. Load average (1/5/15 min) ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n");
        md.append("| Lookup | Appointments | Slots returned | Time per lookup (± 99.9% CI) |\n|---|---:|---:|---:|\n");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparingInt(r -> Integer.parseInt(r.getParams().getParam("appointments"))));
        for (RunResult result : sorted) {
            String method = result.getParams().getBenchmark().substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
            int appointments = Integer.parseInt(result.getParams().getParam("appointments"));
            var score = result.getPrimaryResult();
            md.append("| ").append(lookup(method)).append(" | ").append(String.format(Locale.ROOT, "%,d", appointments))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", slotsReturned(method, appointments)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f ± %.1f %s", score.getScore(), score.getScoreError(),
                            score.getScoreUnit()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String lookup(String method) {
        return switch (method) {
            case "anyStaff" -> "any staff (3 staff)";
            case "oneStaff" -> "one staff member";
            default -> method;
        };
    }

    /** What the benchmarked call returns, computed once more outside JMH. */
    static int slotsReturned(String method, int appointments) {
        SlotScenario scenario = SlotScenario.of(appointments);
        return switch (method) {
            case "anyStaff" -> SlotFinder.find(scenario.query(), scenario.staff(), true).size();
            case "oneStaff" -> SlotFinder.find(scenario.query(), scenario.oneStaff(), false).size();
            default -> -1;
        };
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("-f", "1");
        defaults.put("-wi", "3");
        defaults.put("-i", "5");
        defaults.put("-w", "1s");
        defaults.put("-r", "1s");
        defaults.put("-tu", "us");
        defaults.put("-bm", "avgt");
        defaults.put("-foe", "true");
        return Collections.unmodifiableMap(defaults);
    }
}
