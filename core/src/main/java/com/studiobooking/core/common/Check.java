package com.studiobooking.core.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Input checks that name the field and the reason (rule 10). Each returns the checked value. */
public final class Check {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern HEX_COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private Check() {}

    public static <T> T required(T value, String field) {
        if (value == null) throw DomainException.invalid(field, "is required");
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        required(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) throw DomainException.invalid(field, "must not be blank");
        if (trimmed.length() > maxLength) throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        return trimmed;
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) return null;
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** E-mail addresses are compared and stored lower-cased. */
    public static String email(String value, String field) {
        String email = text(value, field, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) throw DomainException.invalid(field, "must be an e-mail address");
        return email;
    }

    public static String timezone(String value, String field) {
        String zone = text(value, field, 64);
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw DomainException.invalid(field, "must be an IANA time zone such as Europe/Bucharest");
        }
    }

    public static String currency(String value, String field) {
        String code = text(value, field, 3);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be an ISO 4217 currency code such as RON");
        }
    }

    public static String locale(String value, String field) {
        String tag = text(value, field, 35);
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) throw DomainException.invalid(field, "must name a language, such as ro or en-GB");
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw DomainException.invalid(field, "must be a BCP 47 language tag such as ro or en-GB");
        }
    }

    public static String hexColor(String value, String field) {
        if (value == null) return null;
        if (!HEX_COLOR.matcher(value).matches()) throw DomainException.invalid(field, "must be a colour like #7c3aed");
        return value.toLowerCase(Locale.ROOT);
    }

    public static String httpsUrl(String value, String field) {
        if (value == null) return null;
        String url = text(value, field, 2048);
        if (!url.startsWith("https://") && !url.startsWith("http://")) throw DomainException.invalid(field, "must be an http(s) URL");
        return url;
    }

    public static int range(Integer value, String field, int min, int max) {
        required(value, field);
        if (value < min || value > max) throw DomainException.invalid(field, "must be between " + min + " and " + max);
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(T value, String field) {
        required(value, field);
        if (value.isEmpty()) throw DomainException.invalid(field, "must not be empty");
        return value;
    }

    /** An ISO date such as 2026-12-01. */
    public static java.time.LocalDate date(String value, String field) {
        try {
            return java.time.LocalDate.parse(text(value, field, 10));
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date like 2026-12-01");
        }
    }

    /** An ISO date-time with offset such as 2026-12-01T09:00:00+02:00, as an instant. */
    public static java.time.Instant dateTime(String value, String field) {
        try {
            return java.time.OffsetDateTime.parse(text(value, field, 40)).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date-time with offset like 2026-12-01T09:00:00+02:00");
        }
    }

    public static String id(String value, String field) {
        String id = text(value, field, Ids.MAX_LENGTH);
        if (!Ids.wellFormed(id)) throw DomainException.invalid(field, "is not a valid id");
        return id;
    }
}
