package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import static com.studiobooking.core.mail.MailBody.row;

/**
 * How a studio's e-mails write what they share: dates in the studio's time zone (named in every
 * full date) and locale (English when the JDK has no day and month names for its language),
 * amounts as {@code 250.00 RON} whatever the locale, as a bank form expects them, how a booking is
 * paid, the bank transfer details and the cancellation policy. The wording is English.
 */
public final class StudioFormat {
    private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("EEE MMM", Locale.ROOT);
    private static final LocalDate A_TUESDAY_IN_DECEMBER = LocalDate.of(2026, 12, 1);

    private final StudioSettings studio;
    private final ZoneId zone;
    private final DateTimeFormatter shortFormat;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timeFormat;

    public StudioFormat(StudioSettings studio) {
        this.studio = studio;
        this.zone = ZoneId.of(studio.timezone());
        Locale locale = dateLocale(studio.locale());
        this.shortFormat = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
        this.dateFormat = DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
        this.timeFormat = DateTimeFormatter.ofPattern("HH:mm", locale);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code Tue 1 Dec 09:00}, as subjects use it. */
    public String shortDateTime(Instant instant) {
        return shortFormat.format(instant.atZone(zone));
    }

    /** {@code Tue 1 Dec 2026, 09:00 (Europe/Bucharest)}; null for null. */
    public String fullDateTime(Instant instant) {
        if (instant == null) return null;
        ZonedDateTime at = instant.atZone(zone);
        return dateFormat.format(at) + ", " + timeFormat.format(at) + " (" + zone.getId() + ")";
    }

    /** {@code Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)}, both dates when it runs past midnight. */
    public String when(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        String until = start.toLocalDate().equals(end.toLocalDate())
                ? timeFormat.format(end)
                : dateFormat.format(end) + ", " + timeFormat.format(end);
        return dateFormat.format(start) + ", " + timeFormat.format(start) + "–" + until + " (" + zone.getId() + ")";
    }

    public static String duration(Instant start, Instant end) {
        return Duration.between(start, end).toMinutes() + " min";
    }

    /** {@code 250.00 RON}, in the currency's minor units; null when there is no amount. */
    public static String money(Money money) {
        if (money == null || money.amount() == null) return null;
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    /**
     * The studio's locale for dates, or English when the JDK has no day and month names for it (it
     * then gives the root locale's). Compared by name rather than looked up in
     * {@code Locale.getAvailableLocales()}, which costs some 50 ms on a cold start.
     */
    public static Locale dateLocale(String languageTag) {
        if (languageTag == null) return Locale.ENGLISH;
        Locale locale = Locale.forLanguageTag(languageTag);
        String names = NAMES.withLocale(locale).format(A_TUESDAY_IN_DECEMBER);
        return names.equals(NAMES.format(A_TUESDAY_IN_DECEMBER)) ? Locale.ENGLISH : locale;
    }

    /**
     * The room and its address, or "online"; null without a location. An online location's address
     * and notes are never shown: a meeting link is online access (rule 3).
     */
    public static String where(Location location) {
        if (location == null) return null;
        if (location.online()) return "online";
        return location.address() == null || location.address().isBlank()
                ? location.name()
                : location.name() + ", " + location.address();
    }

    /**
     * How a booking is paid. {@code awaitingPaymentBy} is the due time of a booking still waiting for
     * its money, or null.
     */
    public String payment(PaymentMethod method, boolean paid, Instant awaitingPaymentBy) {
        return switch (method) {
            case FREE -> "free";
            case PAY_AT_STUDIO -> "pay at the studio";
            case BANK_TRANSFER -> paid ? "bank transfer, received"
                    : awaitingPaymentBy != null
                    ? "bank transfer, awaiting payment by " + fullDateTime(awaitingPaymentBy)
                    : "bank transfer, not yet received";
            case CARD -> paid ? "paid by card" : "card, not yet paid";
            case CREDITS -> "credits";
            case PASS -> "pass";
        };
    }

    /** {@code 12 hours}: the cancellation cut-off before the start. */
    public String cutoff() {
        int hours = studio.cancellationPolicy().cutoffHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    /** {@code " This was after the cancellation cut-off of 12 hours before the start."}; empty without a policy. */
    public String cutoffSentence(boolean late) {
        if (studio.cancellationPolicy() == null) return "";
        return " This was " + (late ? "after" : "before") + " the cancellation cut-off of " + cutoff()
                + " before the start.";
    }

    /** The policy as a booking confirmation states it, or null when the studio has none. */
    public String cancellationPolicy() {
        CancellationPolicy policy = studio.cancellationPolicy();
        return policy == null ? null
                : "Cancellation policy (cut-off " + cutoff() + " before the start):\n" + policy.text();
    }

    /** Whom to pay, how much, by when and with which reference, with the studio's own instructions. */
    public void bankTransfer(MailBody body, Money amount, String reference, Instant dueBy) {
        BankTransfer bank = studio.bankTransfer();
        String price = money(amount);
        String due = fullDateTime(dueBy);
        body.paragraph("Please transfer " + price + (due == null ? "" : " by " + due)
                + (reference == null ? "" : ", quoting the reference " + reference) + ":");
        body.details(List.of(
                row("Account name", bank == null ? null : bank.accountName()),
                row("IBAN", bank == null ? null : bank.iban()),
                row("Bank", bank == null ? null : bank.bankName()),
                row("Amount", price),
                row("Reference", reference),
                row("Pay by", due)));
        if (bank != null && bank.instructions() != null) body.paragraph(bank.instructions());
    }
}
