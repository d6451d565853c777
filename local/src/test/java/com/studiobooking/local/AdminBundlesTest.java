package com.studiobooking.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.text.Languages;
import com.studiobooking.core.text.Plural;

/**
 * The admin page's bundles ({@code web/admin/i18n/<language>.json}) against each other and against the
 * page's code: every key in every language with the plural forms the language needs, the same
 * placeholders everywhere, no key nothing uses, a label for every API value the page shows (so none
 * reaches the screen raw) and for every error code the server sends, Romanian with comma-below ș ț, and
 * no English left in the other languages.
 *
 * <p>The page uses keys as {@code t('key')}, {@code plural('key', n)} and {@code data-i18n…="key"}, and
 * composes only the families below from API values; a new bundle file is picked up without changing
 * this test, and needs the plural forms the server's rule gives its language ({@code core/…/text/Plural}).
 */
class AdminBundlesTest {
    private static final String ENGLISH = "en";
    private static final Set<String> CLDR_CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");
    private static final Pattern LITERAL_KEY = Pattern.compile("(?<![.\\w])(?:t|plural)\\(\\s*'([^']+)'");
    private static final Pattern PLURAL_KEY = Pattern.compile("(?<![.\\w])plural\\(\\s*'([^']+)'");
    private static final Pattern ANY_CALL = Pattern.compile("(?<![.\\w])(?:t|plural)\\(");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-placeholder|-aria-label)?=\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern THROWN_CODE = Pattern.compile(
            "(?:(?:conflict|policy)\\(\\s*|ErrorKind\\.[A-Z_]+,\\s*|error\\(\\s*\\d+\\s*,\\s*)\"([A-Z][A-Z_]+)\"");
    private static final Pattern DOCUMENTED_CODE = Pattern.compile("(?m)^\\s+code: ([A-Z][A-Z_]+)\\s*$");
    /** The one key composed from data in admin.js: label(family, value) → family.VALUE. */
    private static final String LABEL_CALL = "t(`${family}.${value}`)";
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "your", "you", "is", "was",
            "were", "with", "for", "please", "this", "that", "not", "will", "has", "have", "been", "from", "on", "at", "in",
            "it", "by", "or", "no", "yes", "here", "there", "again", "sign", "save", "add", "cancel", "payment", "session",
            "booking", "staff", "settings", "price", "name", "time", "day", "hours", "minutes", "their", "they", "money",
            "back", "who", "what", "when", "where", "all", "new", "open", "show", "choose", "enter", "remove", "change",
            "can", "as", "if", "be", "do", "paid", "free", "owner", "confirm", "refund", "location", "service");
    /** Words that read the same in the other languages (names, loanwords). */
    private static final Set<String> SAME_EVERYWHERE = Set.of("e-mail", "online", "studio", "format", "status", "iban",
            "bank", "bio", "stripe", "instructor", "client", "https", "url", "min", "studio booking");

    private static Path admin;
    private static Map<String, Map<String, String>> bundles;
    private static Set<String> literalKeys;
    private static Set<String> pluralKeys;

    @BeforeAll
    static void read() throws IOException {
        admin = RepoRoot.resolve("web/admin");
        ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(admin.resolve("i18n"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = strict.readTree(Files.readString(file));
                Map<String, String> bundle = new LinkedHashMap<>();
                json.fields().forEachRemaining(e -> {
                    assertThat(e.getValue().isTextual()).as(file + ": " + e.getKey() + " is a text").isTrue();
                    bundle.put(e.getKey(), e.getValue().asText());
                });
                bundles.put(file.getFileName().toString().replace(".json", ""), bundle);
            }
        }
        String code = scripts();
        String html = Files.readString(admin.resolve("index.html"));
        literalKeys = new TreeSet<>();
        LITERAL_KEY.matcher(code).results().forEach(m -> literalKeys.add(m.group(1)));
        HTML_KEY.matcher(html).results().forEach(m -> literalKeys.add(m.group(1)));
        pluralKeys = new TreeSet<>();
        PLURAL_KEY.matcher(code).results().forEach(m -> pluralKeys.add(m.group(1)));
    }

    @Test
    void every_language_the_server_writes_in_has_an_admin_bundle() {
        assertThat(bundles).containsKeys("en", "ro", "id");
        assertThat(bundles.keySet()).containsAll(Languages.supported().stream().map(Languages.Language::code).toList());
    }

    @Test
    void every_key_is_in_every_language_with_the_plural_forms_the_language_needs() {
        Set<String> english = singular(bundles.get(ENGLISH));
        List<String> problems = new ArrayList<>();
        bundles.forEach((language, bundle) -> {
            Set<String> keys = singular(bundle);
            for (String key : english) if (!keys.contains(key)) problems.add(language + ": no " + key);
            for (String key : keys) {
                if (!english.contains(key) && !key.startsWith("money.")) problems.add(language + ": " + key + " is not in en.json");
            }
            Set<String> needed = pluralCategories(language);
            for (String base : pluralKeys) {
                Set<String> forms = bundle.keySet().stream().filter(k -> k.startsWith(base + "."))
                        .map(k -> k.substring(base.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
                if (!forms.containsAll(needed)) problems.add(language + ": " + base + " has " + forms + ", needs " + needed);
                if (!CLDR_CATEGORIES.containsAll(forms)) problems.add(language + ": " + base + " has forms outside CLDR " + forms);
                if (!needed.containsAll(forms)) {
                    problems.add(language + ": " + base + " has forms the language never uses: " + forms);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_key_the_page_uses_exists_and_every_key_is_used_by_the_page_or_names_an_api_value() throws IOException {
        Map<String, String> english = bundles.get(ENGLISH);
        Set<String> present = singular(english);
        List<String> problems = new ArrayList<>();
        for (String key : literalKeys) {
            if (!present.contains(key)) problems.add("the page uses " + key + " but en.json has no such key");
        }
        for (String key : present) {
            if (pluralKeys.contains(key) && !english.containsKey(key + ".other")) problems.add(key + " is a plural without .other");
        }
        Map<String, Set<String>> families = families();
        for (String key : present) {
            if (literalKeys.contains(key) || pluralKeys.contains(key)) continue;
            int dot = key.indexOf('.');
            Set<String> values = families.get(key.substring(0, dot));
            if (values == null || !values.contains(key.substring(dot + 1))) problems.add(key + " is used by nothing");
        }
        assertThat(problems).isEmpty();
        try (Stream<Path> files = Files.list(admin)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.endsWith("language.js")).sorted().toList()) {
                String code = withoutComments(Files.readString(file));
                assertThat(ANY_CALL.matcher(code.replace(LABEL_CALL, "")).results().count())
                        .as("every t( and plural( call of " + file.getFileName() + " names its key as a literal (but label's family.VALUE)")
                        .isEqualTo(LITERAL_KEY.matcher(code).results().count());
            }
        }
    }

    @Test
    void every_api_value_the_page_shows_and_every_error_code_the_server_sends_has_a_label() throws IOException {
        Set<String> english = bundles.get(ENGLISH).keySet();
        Set<String> thrown = thrownCodes();
        List<String> missing = new ArrayList<>();
        families().forEach((family, values) -> {
            if (family.equals("money")) return;
            Set<String> required = family.equals("error") ? thrown : values;
            for (String value : required) if (!english.contains(family + "." + value)) missing.add(family + "." + value);
        });
        assertThat(missing).isEmpty();
        for (Map<String, String> bundle : bundles.values()) assertThat(bundle).containsKeys("error.other", "money.any");
    }

    @Test
    void placeholders_are_the_same_in_every_language() {
        Map<String, String> english = bundles.get(ENGLISH);
        List<String> problems = new ArrayList<>();
        bundles.forEach((language, bundle) -> bundle.forEach((key, text) -> {
            String base = pluralBase(key);
            String reference = base.equals(key) ? english.get(key) : english.get(base + ".other");
            if (reference == null) return; // money.<currency>: checked below
            if (!placeholders(text).equals(placeholders(reference))) {
                problems.add(language + ": " + key + " has " + placeholders(text) + ", en has " + placeholders(reference));
            }
        }));
        for (Map<String, String> bundle : bundles.values()) {
            bundle.forEach((key, text) -> {
                if (key.startsWith("money.")) assertThat(placeholders(text)).as(key).isSubsetOf("amount", "currency").contains("amount");
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void money_patterns_name_real_currencies() {
        for (Map<String, String> bundle : bundles.values()) {
            for (String key : bundle.keySet()) {
                if (key.startsWith("money.") && !key.equals("money.any")) {
                    assertThat(Currency.getInstance(key.substring("money.".length()))).as(key).isNotNull();
                }
            }
        }
    }

    @Test
    void romanian_uses_comma_below_letters() {
        bundles.get("ro").forEach((key, text) -> assertThat(text).as(key).doesNotContainPattern("[şţŞŢ]"));
    }

    @Test
    void romanian_and_indonesian_read_as_themselves_not_as_english() {
        List<String> english = new ArrayList<>();
        bundles.forEach((language, bundle) -> {
            if (language.equals(ENGLISH)) return;
            bundle.forEach((key, text) -> {
                String words = PLACEHOLDER.matcher(text.replace("Studio Booking", " ")).replaceAll(" ").toLowerCase(Locale.ROOT);
                if (words.isBlank() || SAME_EVERYWHERE.contains(words.strip())) return;
                for (String word : words.split("[^\\p{L}]+")) {
                    if (ENGLISH_WORDS.contains(word) && !SAME_EVERYWHERE.contains(word)) {
                        english.add(language + ": " + key + " = " + text);
                        break;
                    }
                }
            });
        });
        assertThat(english).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** The admin page's scripts without comments. */
    private static String scripts() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(admin)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                all.append(withoutComments(Files.readString(file))).append('\n');
            }
        }
        return all.toString();
    }

    private static String withoutComments(String script) {
        return script.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//\\s.*$", "");
    }

    /**
     * The key families admin.js composes from API values (see its header), each with the values that
     * exist: the enums of core, and the error codes the server throws or documents plus the page's own.
     */
    private static Map<String, Set<String>> families() throws IOException {
        Map<String, Set<String>> families = new TreeMap<>();
        families.put("format", names(SessionFormat.values()));
        families.put("payment", names(PaymentMethod.values()));
        Set<String> statuses = new TreeSet<>(names(BookingStatus.values()));
        statuses.addAll(names(Session.Status.values()));
        families.put("status", statuses);
        families.put("paymentStatus", names(PaymentStatus.values()));
        families.put("role", names(StaffRole.values()));
        families.put("refund", names(CancellationPolicy.Refund.values()));
        families.put("kind", names(Booking.Kind.values()));
        families.put("attendance", names(Attendance.Status.values()));
        families.put("cancelledBy", names(Cancellation.By.values()));
        Set<String> codes = new TreeSet<>(thrownCodes());
        DOCUMENTED_CODE.matcher(Files.readString(RepoRoot.resolve("docs/openapi.yaml"))).results().forEach(m -> codes.add(m.group(1)));
        codes.add("NETWORK"); // web/shared/http.js: the API cannot be reached
        codes.add("other"); // shared/i18n.js: any other code
        families.put("error", codes);
        families.put("money", Set.of("any"));
        return families;
    }

    /** Every error code the server sends (DomainException factories and constructors, the router's INTERNAL). */
    private static Set<String> thrownCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String module : List.of("core", "infrastructure", "functions")) {
            try (Stream<Path> files = Files.walk(RepoRoot.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    THROWN_CODE.matcher(Files.readString(file)).results().forEach(m -> codes.add(m.group(1)));
                }
            }
        }
        assertThat(codes).as("codes found in the sources").contains("VALIDATION_FAILED", "NOT_FOUND", "CAPACITY_REACHED", "INTERNAL");
        return codes;
    }

    /** The CLDR categories the language's whole numbers fall in, by the server's rule (core/…/text/Plural). */
    private static Set<String> pluralCategories(String language) {
        return java.util.stream.LongStream.rangeClosed(0, 1000).mapToObj(n -> Plural.category(language, n))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The keys with plural forms folded into their base ("spots.count.few" → "spots.count"). */
    private static Set<String> singular(Map<String, String> bundle) {
        return bundle.keySet().stream().map(AdminBundlesTest::pluralBase).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String pluralBase(String key) {
        for (String base : pluralKeys) {
            if (key.startsWith(base + ".") && CLDR_CATEGORIES.contains(key.substring(base.length() + 1))) return base;
        }
        return key;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
