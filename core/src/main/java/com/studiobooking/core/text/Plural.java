package com.studiobooking.core.text;

/**
 * CLDR plural categories of whole numbers for the languages we write in
 * (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
 * English {@code one} (1) and {@code other}; Romanian {@code one} (1), {@code few} (0, 2–19 and any
 * number ending in 01–19) and {@code other} (20 de locuri); Indonesian {@code other} only. A language
 * not listed here gets English's rule; one with other categories (e.g. Polish) adds a line here.
 */
public final class Plural {
    private Plural() {}

    public static String category(String language, long n) {
        long abs = Math.abs(n);
        return switch (language) {
            case "id", "ja", "ko", "zh", "th", "vi", "ms" -> "other";
            case "ro" -> abs == 1 ? "one" : abs == 0 || (abs % 100 >= 1 && abs % 100 <= 19) ? "few" : "other";
            default -> abs == 1 ? "one" : "other";
        };
    }
}
