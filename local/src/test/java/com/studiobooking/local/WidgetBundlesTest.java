package com.studiobooking.local;

import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.text.Plural;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking widget's message bundles ({@code core/…/text/widget_<lang>.properties}) against each
 * other and against the widget's code ({@code web/widget/*.js}, {@code index.html} and the shared
 * {@code web/shared/i18n.js}): the same keys in every language with the plural forms each language
 * needs, the same placeholders, no key nothing uses, no key used that English lacks.
 *
 * <p>The code names a key as the first argument of {@code t(}, {@code plural(}, {@code named(},
 * {@code has(} or {@code lookup(}, or in a {@code data-i18n="…"} attribute. A template literal with a
 * {@code ${…}} names a whole family ({@code t(`format.${session.format}`)} reads {@code format.*});
 * {@link #families} says which values each family stands for, so a family holds exactly the labels of
 * real enum values, error codes, error fields and currencies.
 */
class WidgetBundlesTest {
    private static final Pattern BUNDLE = Pattern.compile("widget_([a-z]{2,3})\\.properties");
    private static final Set<String> ALL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");
    private static final String TEXTS = "core/src/main/resources/com/studiobooking/core/text";
    private static final Pattern KEY_USE = Pattern.compile("\\b(?:t|plural|named|has|lookup)\\(\\s*(['`])([^'`$]*)(\\$\\{)?");
    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Words that give away an English sentence left in a Romanian or Indonesian text ("are" is Romanian too). */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "your", "you", "please", "and", "with", "of", "to",
            "is", "this", "for", "book", "free", "times", "left", "sign", "cancel", "payment", "pay");

    private static Path root;
    /** Every language with a widget bundle, English first: a new bundle is checked with no change here. */
    private static List<String> languages;
    /** The CLDR plural categories each language uses (core's Plural; Intl.PluralRules picks among them in the page). */
    private static Map<String, Set<String>> pluralForms;
    private static Map<String, Map<String, String>> bundles;
    private static Set<String> usedKeys;
    private static Set<String> usedFamilies;
    private static Map<String, Set<String>> families;

    @BeforeAll
    static void read() throws IOException {
        root = RepoRoot.find();
        languages = new ArrayList<>(List.of("en"));
        try (Stream<Path> files = Files.list(root.resolve(TEXTS))) {
            files.map(f -> BUNDLE.matcher(f.getFileName().toString())).filter(Matcher::matches).map(m -> m.group(1))
                    .filter(code -> !code.equals("en")).sorted().forEach(languages::add);
        }
        assertThat(languages).contains("ro", "id");
        pluralForms = new LinkedHashMap<>();
        bundles = new LinkedHashMap<>();
        for (String language : languages) {
            bundles.put(language, bundle(language));
            pluralForms.put(language, LongStream.rangeClosed(0, 1000).mapToObj(n -> Plural.category(language, n))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        usedKeys = new TreeSet<>();
        usedFamilies = new TreeSet<>();
        List<Path> code = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("web/widget"))) {
            files.filter(f -> f.toString().endsWith(".js")).sorted().forEach(code::add);
        }
        code.add(root.resolve("web/shared/i18n.js"));
        for (Path file : code) {
            Matcher m = KEY_USE.matcher(withoutComments(Files.readString(file)));
            while (m.find()) {
                if (m.group(3) == null) usedKeys.add(m.group(2));
                else if (!m.group(2).isEmpty()) usedFamilies.add(m.group(2)); // `${key}.${category}`: the plural machinery
            }
        }
        Matcher m = DATA_I18N.matcher(Files.readString(root.resolve("web/widget/index.html")));
        while (m.find()) usedKeys.add(m.group(1));

        Set<String> methods = names(PaymentMethod.values());
        families = Map.ofEntries(
                Map.entry("paymentMethod.", methods),
                Map.entry("payOption.", methods),
                Map.entry("hint.signIn.", Set.of("PASS", "CREDITS")),
                Map.entry("bookingStatus.", names(BookingStatus.values())),
                Map.entry("paymentStatus.", names(PaymentStatus.values())),
                Map.entry("format.", names(SessionFormat.values())),
                Map.entry("walletEntry.", names(WalletEntry.Kind.values())),
                Map.entry("bookingView.cancelled.", names(Cancellation.By.values())),
                Map.entry("money.", currencies()),
                Map.entry("error.", errorCodes()),
                Map.entry("invalid.", errorFields()));
    }

    @Test
    void every_english_key_is_in_every_language_with_the_plural_forms_the_language_needs() {
        Map<String, Set<String>> english = byBase(bundles.get("en"));
        List<String> problems = new ArrayList<>();
        for (String language : languages) {
            Map<String, Set<String>> own = byBase(bundles.get(language));
            for (var entry : english.entrySet()) {
                String base = entry.getKey();
                boolean plural = !entry.getValue().isEmpty();
                Set<String> expected = plural ? pluralForms.get(language) : Set.of();
                if (!own.containsKey(base)) problems.add(language + ": no " + base + (plural ? ".*" : ""));
                else if (!own.get(base).equals(expected)) {
                    problems.add(language + ": " + base + " has forms " + own.get(base) + ", needs " + expected);
                }
            }
            for (String base : own.keySet()) {
                if (!english.containsKey(base)) problems.add(language + ": " + base + " is not in English");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_text_has_the_placeholders_of_its_english_text() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> english = placeholdersByBase(bundles.get("en"));
        for (String language : languages) {
            bundles.get(language).forEach((key, text) -> {
                Set<String> expected = english.get(base(key));
                Set<String> actual = placeholders(text);
                if (expected != null && !actual.equals(expected)) {
                    problems.add(language + ": " + key + " has " + actual + ", English has " + expected);
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_key_the_widget_reads_is_in_english_and_every_key_of_the_bundles_is_read() {
        Map<String, String> english = bundles.get("en");
        Set<String> bases = byBase(english).keySet();
        assertThat(usedKeys).as("keys the widget reads (t, plural, named, data-i18n)").isNotEmpty();
        assertThat(usedKeys.stream().filter(key -> !bases.contains(key)).toList())
                .as("keys the widget reads that widget_en.properties lacks").isEmpty();
        assertThat(usedFamilies).as("key families composed in the code, each documented in families")
                .isSubsetOf(families.keySet());
        List<String> unused = bases.stream()
                .filter(key -> !usedKeys.contains(key))
                .filter(key -> usedFamilies.stream().noneMatch(key::startsWith))
                .toList();
        assertThat(unused).as("keys nothing reads").isEmpty();
    }

    @Test
    void every_key_of_a_family_names_a_real_value_and_enum_families_name_them_all() {
        Set<String> bases = byBase(bundles.get("en")).keySet();
        List<String> problems = new ArrayList<>();
        families.forEach((family, values) -> {
            for (String key : bases) {
                if (key.startsWith(family) && !values.contains(key.substring(family.length()))) {
                    problems.add(key + ": " + key.substring(family.length()) + " is no value of " + family + "*");
                }
            }
        });
        for (String family : List.of("paymentMethod.", "payOption.", "bookingStatus.", "paymentStatus.", "format.",
                "walletEntry.", "bookingView.cancelled.")) {
            for (String value : families.get(family)) {
                if (!bases.contains(family + value)) problems.add("no " + family + value);
            }
        }
        for (String key : List.of("money.any", "error.other", "error.NETWORK")) {
            if (!bases.contains(key)) problems.add("no " + key);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_english_texts_of_the_page_are_the_english_bundle() throws IOException {
        String html = Files.readString(root.resolve("web/widget/index.html"));
        Matcher m = Pattern.compile("data-i18n=\"([^\"]+)\"[^>]*>([^<]*)<").matcher(html);
        List<String> problems = new ArrayList<>();
        while (m.find()) {
            String text = m.group(2).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            String english = bundles.get("en").get(m.group(1));
            if (!text.equals(english)) problems.add(m.group(1) + ": page has \"" + text + "\", bundle \"" + english + "\"");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_other_languages_read_as_written_there() {
        List<String> problems = new ArrayList<>();
        for (String language : languages.subList(1, languages.size())) {
            bundles.get(language).forEach((key, text) -> {
                if (key.equals("page.footer")) return; // "Studio Booking" is a name
                for (String word : PLACEHOLDER.matcher(text).replaceAll(" ").toLowerCase().split("[^\\p{L}]+")) {
                    if (ENGLISH_WORDS.contains(word)) problems.add(language + ": " + key + " reads English: " + text);
                }
            });
        }
        bundles.get("ro").forEach((key, text) -> {
            if (text.matches(".*[şţŞŢ].*")) problems.add("ro: " + key + " has a cedilla (ş ţ) instead of a comma below (ș ț)");
            // 20 de locuri, 25 de credite: the "other" form of a counted noun takes "de"
            if (isPluralForm(key) && key.endsWith(".other") && !text.matches(".*\\{(count|change)} de .*")) {
                problems.add("ro: " + key + " lacks the \"de\" of 20 de …: " + text);
            }
        });
        assertThat(bundles.get("ro").values()).as("Romanian with its diacritics").anyMatch(text -> text.contains("ș"))
                .anyMatch(text -> text.contains("ț"));
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** A bundle in file order; a line continuation or a key given twice is refused, as they hide mistakes. */
    private static Map<String, String> bundle(String language) throws IOException {
        Path file = root.resolve(TEXTS).resolve("widget_" + language + ".properties");
        Map<String, String> texts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
            assertThat(trimmed).as(file + ": one text per line").doesNotEndWith("\\");
            int equals = trimmed.indexOf('=');
            assertThat(equals).as(file + ": key=text: " + trimmed).isPositive();
            String key = trimmed.substring(0, equals).strip();
            assertThat(texts).as(file + ": " + key + " given twice").doesNotContainKey(key);
            texts.put(key, trimmed.substring(equals + 1).strip());
        }
        return texts;
    }

    /** Keys without their plural category, each with the categories it has (none for a plain text). */
    private static Map<String, Set<String>> byBase(Map<String, String> bundle) {
        Set<String> pluralBases = bundle.keySet().stream().filter(WidgetBundlesTest::isPluralForm)
                .map(WidgetBundlesTest::base).collect(Collectors.toSet());
        Map<String, Set<String>> bases = new LinkedHashMap<>();
        for (String key : bundle.keySet()) {
            String base = pluralBases.contains(stripForm(key)) && isForm(key) ? stripForm(key) : key;
            Set<String> forms = bases.computeIfAbsent(base, b -> new TreeSet<>());
            if (!base.equals(key)) forms.add(key.substring(base.length() + 1));
        }
        return bases;
    }

    /** A plural form is key.one/.few/.other of a base that has more than "other" somewhere, or .other alone in id. */
    private static boolean isPluralForm(String key) {
        if (!isForm(key)) return false;
        String base = stripForm(key);
        // "error.other" is the generic error, not a plural: plural bases are the English ones with .one
        return bundles.get("en").containsKey(base + ".one");
    }

    private static boolean isForm(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && ALL_FORMS.contains(key.substring(dot + 1));
    }

    private static String stripForm(String key) {
        return key.substring(0, key.lastIndexOf('.'));
    }

    private static String base(String key) {
        return isPluralForm(key) ? stripForm(key) : key;
    }

    private static Map<String, Set<String>> placeholdersByBase(Map<String, String> bundle) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        bundle.forEach((key, text) -> result.computeIfAbsent(base(key), b -> new TreeSet<>()).addAll(placeholders(text)));
        return result;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> currencies() {
        Set<String> codes = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toCollection(TreeSet::new));
        codes.add("any");
        return codes;
    }

    /**
     * The error codes the API answers with: those the Java code throws or writes, those docs/openapi.yaml
     * documents, and the widget's own: NETWORK (the API cannot be reached) and other (any code not listed).
     */
    private static Set<String> errorCodes() throws IOException {
        Set<String> codes = new TreeSet<>(Set.of("NETWORK", "other"));
        Pattern thrown = Pattern.compile("(?:conflict|policy|error)\\(\\s*(?:\\d+\\s*,\\s*)?\"([A-Z][A-Z_]+)\""
                + "|new DomainException\\(\\s*ErrorKind\\.\\w+\\s*,\\s*\"([A-Z][A-Z_]+)\"");
        for (String source : javaSources()) {
            Matcher m = thrown.matcher(source);
            while (m.find()) codes.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher documented = Pattern.compile("(?m)^\\s*code: ([A-Z][A-Z_]+)\\s*$")
                .matcher(Files.readString(root.resolve("docs/openapi.yaml")));
        while (documented.find()) codes.add(documented.group(1));
        return codes;
    }

    /** The fields an error can name: the quoted field names of the Java code's input checks. */
    private static Set<String> errorFields() throws IOException {
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)*)\"").matcher(String.join("\n", javaSources()));
        while (m.find()) fields.add(m.group(1));
        return fields;
    }

    private static List<String> javaSources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String module : List.of("core", "functions", "infrastructure", "local")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) sources.add(Files.readString(file));
            }
        }
        return sources;
    }
}
