package com.studiobooking.core.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Input checks that name the field and the reason (rule 10). Each returns the checked value. */
public final class Check {
    /**
     * Dates a studio books, plans and looks back on lie in these years. Beyond them a date is a typo or
     * an attack (year 0000, +99999): zone rules, week arithmetic and stored keys are then off the map.
     * The booking rules narrow it further (minimum notice, days ahead).
     */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
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

    /** An ISO date such as 2026-12-01, in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    public static LocalDate date(String value, String field) {
        String text = text(value, field, 10);
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw DomainException.invalid(field, "must be a date like 2026-12-01");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) throw outsideTheYears(field);
        return date;
    }

    /**
     * An ISO date-time with offset such as 2026-12-01T09:00:00+02:00, as an instant, in the years
     * {@value #FIRST_YEAR} to {@value #LAST_YEAR} (UTC).
     */
    public static Instant dateTime(String value, String field) {
        String text = text(value, field, 40);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw DomainException.invalid(field, "must be a date-time with offset like 2026-12-01T09:00:00+02:00");
        }
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(AFTER_LAST_INSTANT)) throw outsideTheYears(field);
        return instant;
    }

    private static DomainException outsideTheYears(String field) {
        return DomainException.invalid(field, "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    /** An {@code Idempotency-Key} header as every create route takes it: 1–100 letters, digits or . _ : - */
    public static String idempotencyKey(String key) {
        if (key.isBlank() || key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw DomainException.invalid("Idempotency-Key", "must be 1–100 letters, digits or . _ : -");
        }
        return key;
    }

    public static String id(String value, String field) {
        String id = text(value, field, Ids.MAX_LENGTH);
        if (!Ids.wellFormed(id)) throw DomainException.invalid(field, "is not a valid id");
        return id;
    }
}
