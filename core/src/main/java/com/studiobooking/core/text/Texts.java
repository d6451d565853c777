package com.studiobooking.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one surface ({@code mail}, {@code widget}) in one language, read from the UTF-8 bundle
 * {@code com/studiobooking/core/text/<surface>_<language>.properties}, English for any key it lacks.
 * Texts have named placeholders ({@code "Hello {name},"}); a plural text has one key per CLDR category
 * the language uses ({@code cutoff.hours.one}, {@code .few}, {@code .other}; see {@link Plural}).
 *
 * <p>Placeholders are filled by name, not by {@link java.text.MessageFormat}, whose quoting rules turn
 * every apostrophe of "client's" or "dell'" into a trap for translators.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();

    private final String surface;
    private final String language;
    private final Map<String, String> texts;

    private Texts(String surface, String language, Map<String, String> texts) {
        this.surface = surface;
        this.language = language;
        this.texts = texts;
    }

    /** The bundle of {@code surface} in {@code language} (a code of {@link Languages}), with English beneath it. */
    public static Texts of(String surface, String language) {
        return LOADED.computeIfAbsent(surface + "_" + language, k -> load(surface, language));
    }

    private static Texts load(String surface, String language) {
        Map<String, String> merged = new LinkedHashMap<>(read(surface, Languages.ENGLISH));
        if (!language.equals(Languages.ENGLISH)) merged.putAll(read(surface, language));
        return new Texts(surface, language, Collections.unmodifiableMap(merged));
    }

    /** The bundle file's own entries, in file order of keys; empty when there is no such file. */
    static Map<String, String> read(String surface, String language) {
        String name = surface + "_" + language + ".properties";
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) return Map.of();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle " + name, e);
        }
    }

    public String language() {
        return language;
    }

    /** Every text of the bundle (English where this language has none), e.g. for a page to show. */
    public Map<String, String> all() {
        return texts;
    }

    /** The text of {@code key}, its placeholders filled from name/value pairs: {@code text("hello", "name", "Ana")}. */
    public String text(String key, Object... namesAndValues) {
        String text = texts.get(key);
        if (text == null) throw new IllegalArgumentException("no text " + key + " in the " + surface + " bundle");
        return fill(text, namesAndValues);
    }

    /** The plural form of {@code key} for {@code count}; {@code {count}} is filled in too. */
    public String plural(String key, long count, Object... namesAndValues) {
        String text = texts.get(key + "." + Plural.category(language, count));
        if (text == null) text = texts.get(key + ".other");
        if (text == null) throw new IllegalArgumentException("no text " + key + ".other in the " + surface + " bundle");
        Object[] withCount = new Object[namesAndValues.length + 2];
        System.arraycopy(namesAndValues, 0, withCount, 0, namesAndValues.length);
        withCount[namesAndValues.length] = "count";
        withCount[namesAndValues.length + 1] = count;
        return fill(text, withCount);
    }

    private static String fill(String text, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values come in pairs");
        if (namesAndValues.length == 0) return text;
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }
}
