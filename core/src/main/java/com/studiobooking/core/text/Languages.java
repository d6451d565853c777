package com.studiobooking.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.studiobooking.core.common.DomainException;

/**
 * The languages we write in: those with an e-mail bundle ({@code mail_<code>.properties}), each named
 * in itself by its bundle's {@code language.name}. Adding a language is adding its bundles; nothing
 * here lists them.
 */
public final class Languages {
    public static final String ENGLISH = "en";

    /** A language we write in: its code and its name in that language (Română, Bahasa Indonesia). */
    public record Language(String code, String name) {
    }

    private static volatile List<Language> supported;

    private Languages() {}

    /** Every language with an e-mail bundle, English first. */
    public static List<Language> supported() {
        List<Language> known = supported;
        if (known == null) {
            List<Language> found = new ArrayList<>();
            found.add(new Language(ENGLISH, Texts.read("mail", ENGLISH).get("language.name")));
            for (String code : Locale.getISOLanguages()) {
                if (code.equals(ENGLISH) || Texts.class.getResource("mail_" + code + ".properties") == null) continue;
                found.add(new Language(code, Texts.read("mail", code).get("language.name")));
            }
            supported = known = List.copyOf(found);
        }
        return known;
    }

    public static boolean isSupported(String code) {
        return code != null && supported().stream().anyMatch(l -> l.code().equals(code));
    }

    /**
     * The language to write in for a language tag (a studio's locale such as {@code ro-RO}, a client's
     * choice): its language if we write it, else English.
     */
    public static String forTag(String tag) {
        if (tag == null || tag.isBlank()) return ENGLISH;
        String code = Locale.forLanguageTag(tag.strip()).getLanguage();
        return isSupported(code) ? code : ENGLISH;
    }

    /** A client's chosen language: null when none; one we write in, or 400 naming {@code field}. */
    public static String choice(String value, String field) {
        if (value == null) return null;
        String code = Locale.forLanguageTag(value.strip()).getLanguage();
        if (!isSupported(code)) {
            throw DomainException.invalid(field, "must be one of " + String.join(", ",
                    supported().stream().map(Language::code).toList()));
        }
        return code;
    }
}
