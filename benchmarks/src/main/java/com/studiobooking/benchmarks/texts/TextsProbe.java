package com.studiobooking.benchmarks.texts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.studiobooking.core.text.Texts;

/**
 * One e-mail line in Romanian, as a cold JVM first writes it: a plural ("20 de ore"), a date and a time
 * in the studio's zone. {@code jdk}: our bundles ({@link Texts}, named placeholders, our CLDR plural rule)
 * with java.time; {@code icu}: ICU4J's MessageFormat with its plural rules and date format. Run as whole
 * processes, one against the other (docs/benchmarks.md, "Message formatting"):
 * {@code farm-bench -n 20 -- java -cp benchmarks/target/benchmarks.jar com.studiobooking.benchmarks.texts.TextsProbe jdk
 * --vs 'java -cp benchmarks/target/benchmarks.jar com.studiobooking.benchmarks.texts.TextsProbe icu'}.
 */
public final class TextsProbe {
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");

    private TextsProbe() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "jdk";
        long began = System.nanoTime();
        String line = mode.equals("icu") ? icu() : jdk();
        long micros = (System.nanoTime() - began) / 1_000;
        System.out.println(mode + " " + micros + " µs: " + line);
    }

    static String jdk() {
        Texts ro = Texts.of("mail", "ro");
        Locale locale = Locale.forLanguageTag("ro");
        var at = START.atZone(ZoneId.of("Europe/Bucharest"));
        String date = DateTimeFormatter.ofPattern(ro.text("format.date"), locale).format(at);
        String time = DateTimeFormatter.ofPattern(ro.text("format.time"), locale).format(at);
        return ro.text("cutoff.after", "cutoff", ro.plural("cutoff.hours", 20)) + " " + date + ", " + time;
    }

    static String icu() {
        ULocale ro = new ULocale("ro");
        MessageFormat cutoff = new MessageFormat("Anularea a venit după termenul-limită de "
                + "{count, plural, one {# oră} few {# ore} other {# de ore}} înainte de începere.", ro);
        TimeZone zone = TimeZone.getTimeZone("Europe/Bucharest");
        SimpleDateFormat date = new SimpleDateFormat("EEEE, d MMMM yyyy", ro);
        SimpleDateFormat time = new SimpleDateFormat("HH:mm", ro);
        date.setTimeZone(zone);
        time.setTimeZone(zone);
        Date at = Date.from(START);
        return cutoff.format(Map.of("count", 20)) + " " + date.format(at) + ", " + time.format(at);
    }
}
