package com.studiobooking.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.studiobooking.core.model.studio.PaymentMethod;

/**
 * The e-mail bundles: every text in every language (with the plural forms each language needs), the
 * same placeholders in each, and no text that no code asks for.
 */
class MailBundleTest {
    private static final Map<String, Set<String>> CATEGORIES = Map.of(
            "en", Set.of("one", "other"), "ro", Set.of("one", "few", "other"), "id", Set.of("other"));
    private static final Set<String> PLURAL_CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Every string literal of the code; row("name") asks for "row.name". */
    private static final Pattern LITERAL = Pattern.compile("(\\brow\\(\\s*)?\"([a-zA-Z][a-zA-Z_.]*)\"");

    @Test
    void the_languages_we_write_are_those_with_an_e_mail_bundle() {
        assertThat(Languages.supported()).extracting(Languages.Language::code).containsExactly("en", "id", "ro");
        assertThat(Languages.supported()).extracting(Languages.Language::name)
                .containsExactly("English", "Bahasa Indonesia", "Română");
    }

    @Test
    void every_text_exists_in_every_language_with_the_plural_forms_it_needs() {
        Map<String, Set<String>> english = families(Texts.read("mail", "en"));
        for (String language : CATEGORIES.keySet()) {
            Map<String, String> bundle = Texts.read("mail", language);
            Map<String, Set<String>> families = families(bundle);
            assertThat(families.keySet()).as("texts of mail_%s", language).isEqualTo(english.keySet());
            for (Map.Entry<String, Set<String>> family : english.entrySet()) {
                if (family.getValue().isEmpty()) {
                    assertThat(families.get(family.getKey())).as("%s in %s", family.getKey(), language).isEmpty();
                } else {
                    assertThat(families.get(family.getKey())).as("plural forms of %s in %s", family.getKey(), language)
                            .isEqualTo(CATEGORIES.get(language));
                }
            }
        }
    }

    @Test
    void every_language_has_the_same_placeholders_as_english() {
        Map<String, String> english = Texts.read("mail", "en");
        for (String language : List.of("ro", "id")) {
            Map<String, String> bundle = Texts.read("mail", language);
            bundle.forEach((key, text) -> {
                if (key.startsWith("money.")) return;
                String family = family(key);
                Set<String> expected = english.entrySet().stream().filter(e -> family(e.getKey()).equals(family))
                        .map(e -> placeholders(e.getValue())).findFirst().orElseThrow();
                assertThat(placeholders(text)).as("placeholders of %s in %s", key, language).isEqualTo(expected);
            });
        }
    }

    @Test
    void romanian_uses_comma_below_diacritics() {
        assertThat(String.join("\n", Texts.read("mail", "ro").values())).doesNotContain("ş", "ţ", "Ş", "Ţ");
    }

    @Test
    void no_text_is_left_that_nothing_asks_for() {
        Set<String> asked = askedFor();
        Set<String> unused = new TreeSet<>();
        for (String family : families(Texts.read("mail", "en")).keySet()) {
            if (!asked.contains(family) && !dynamic(family)) unused.add(family);
        }
        assertThat(unused).as("texts no code asks for").isEmpty();
    }

    /** Keys made from parts in the code, each checked against what the parts can be. */
    private static boolean dynamic(String key) {
        if (key.equals("language.name")) return true;
        if (key.startsWith("money.")) {
            String code = key.substring("money.".length());
            return code.equals("any") || Currency.getAvailableCurrencies().stream()
                    .anyMatch(c -> c.getCurrencyCode().equals(code));
        }
        if (key.startsWith("payment.")) {
            String rest = key.substring("payment.".length());
            return Arrays.stream(PaymentMethod.values()).anyMatch(m -> rest.equals(m.name()));
        }
        return key.matches("bank\\.pleaseTransfer(\\.due)?(\\.reference)?")
                || key.matches("released\\.(transfer|card)(\\.due)?");
    }

    private static Set<String> askedFor() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) keys.add(m.group(1) != null ? "row." + m.group(2) : m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.removeIf(k -> k.endsWith("."));
        return keys;
    }

    /**
     * Each text's key without its plural category, with the categories it has (none: not a plural).
     * How a language writes one currency ({@code money.RON} = "{amount} lei") is its own business: those
     * keys are left out; {@code money.any} is not.
     */
    private static Map<String, Set<String>> families(Map<String, String> bundle) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("money.") && !key.equals("money.any")) continue;
            String family = family(key);
            Set<String> categories = out.computeIfAbsent(family, k -> new TreeSet<>());
            if (!family.equals(key)) categories.add(key.substring(family.length() + 1));
        }
        return out;
    }

    private static String family(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && PLURAL_CATEGORIES.contains(key.substring(dot + 1)) ? key.substring(0, dot) : key;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
