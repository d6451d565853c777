package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.text.Languages;
import com.studiobooking.core.text.Texts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a studio's e-mails write what they share, in one language (the client's choice, else the studio's
 * locale): the words from the {@code mail} bundle, dates in the studio's time zone (named in every full
 * date) with the language's day and month names and clock (24-hour in ro and id), amounts as people write
 * them (250.00 RON, 50,00 lei, Rp 150.000), how a booking is paid, the bank transfer details and the
 * cancellation policy.
 */
public final class StudioFormat {
    /** Currencies whose minor units nobody writes (ISO gives IDR two decimals; Indonesians write none). */
    private static final Set<String> NO_MINOR_UNITS = Set.of("IDR");

    private final StudioSettings studio;
    private final Texts texts;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter shortFormat;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timeFormat;

    /** In the studio's own language: what staff read. */
    public StudioFormat(StudioSettings studio) {
        this(studio, null);
    }

    /** In {@code language} (a client's choice), or the studio's when null. */
    public StudioFormat(StudioSettings studio, String language) {
        this.studio = studio;
        this.texts = Texts.of("mail", language != null ? Languages.forTag(language) : Languages.forTag(studio.locale()));
        this.locale = Locale.forLanguageTag(texts.language());
        this.zone = ZoneId.of(studio.timezone());
        this.shortFormat = DateTimeFormatter.ofPattern(texts.text("format.shortDateTime"), locale);
        this.dateFormat = DateTimeFormatter.ofPattern(texts.text("format.date"), locale);
        this.timeFormat = DateTimeFormatter.ofPattern(texts.text("format.time"), locale);
    }

    /** The e-mail's words. */
    public Texts texts() {
        return texts;
    }

    public String text(String key, Object... namesAndValues) {
        return texts.text(key, namesAndValues);
    }

    public String plural(String key, long count, Object... namesAndValues) {
        return texts.plural(key, count, namesAndValues);
    }

    public String language() {
        return texts.language();
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code Tue 1 Dec, 09:00} (en), {@code mar. 1 dec., 09:00} (ro): as subjects use it. */
    public String shortDateTime(Instant instant) {
        return shortFormat.format(instant.atZone(zone));
    }

    /** {@code Tue 1 Dec 2026, 09:00 (Europe/Bucharest)}; null for null. */
    public String fullDateTime(Instant instant) {
        if (instant == null) return null;
        ZonedDateTime at = instant.atZone(zone);
        return text("format.dateTime", "date", dateFormat.format(at), "time", timeFormat.format(at), "zone", zone.getId());
    }

    /** {@code Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)}, both dates when it runs past midnight. */
    public String when(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return text("format.when", "date", dateFormat.format(start), "from", timeFormat.format(start),
                    "to", timeFormat.format(end), "zone", zone.getId());
        }
        return text("format.whenOvernight", "date", dateFormat.format(start), "from", timeFormat.format(start),
                "endDate", dateFormat.format(end), "to", timeFormat.format(end), "zone", zone.getId());
    }

    /** {@code 60 min}. */
    public String duration(Instant start, Instant end) {
        return plural("format.minutes", Duration.between(start, end).toMinutes());
    }

    /**
     * {@code 250.00 RON} (en), {@code 1.250,00 lei} (ro), {@code Rp 150.000} (id): the language's digits
     * and the bundle's {@code money.<currency>} pattern (else {@code money.any}); null without an amount.
     */
    public String money(Money money) {
        if (money == null || money.amount() == null) return null;
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        int shown = NO_MINOR_UNITS.contains(money.currency()) ? 0 : digits;
        DecimalFormat number = new DecimalFormat(shown == 0 ? "#,##0" : "#,##0." + "0".repeat(shown),
                DecimalFormatSymbols.getInstance(locale));
        String amount = number.format(BigDecimal.valueOf(money.amount(), digits));
        String pattern = texts.all().getOrDefault("money." + money.currency(), texts.text("money.any"));
        return pattern.replace("{amount}", amount).replace("{currency}", money.currency());
    }

    /**
     * The room and its address, or "online"; null without a location. An online location's address
     * and notes are never shown: a meeting link is online access (rule 3).
     */
    public String where(Location location) {
        if (location == null) return null;
        if (location.online()) return text("where.online");
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
            case BANK_TRANSFER -> paid ? text("payment.BANK_TRANSFER.received")
                    : awaitingPaymentBy != null
                    ? text("payment.BANK_TRANSFER.awaiting", "due", fullDateTime(awaitingPaymentBy))
                    : text("payment.BANK_TRANSFER.notReceived");
            case CARD -> paid ? text("payment.CARD.paid") : text("payment.CARD.unpaid");
            case FREE, PAY_AT_STUDIO, CREDITS, PASS -> text("payment." + method.name());
        };
    }

    /** {@code 12 hours}: the cancellation cut-off before the start. */
    public String cutoff() {
        return plural("cutoff.hours", studio.cancellationPolicy().cutoffHours());
    }

    /** {@code " This was after the cancellation cut-off of 12 hours before the start."}; empty without a policy. */
    public String cutoffSentence(boolean late) {
        if (studio.cancellationPolicy() == null) return "";
        return " " + text(late ? "cutoff.after" : "cutoff.before", "cutoff", cutoff());
    }

    /** The policy as a booking confirmation states it, or null when the studio has none. */
    public String cancellationPolicy() {
        CancellationPolicy policy = studio.cancellationPolicy();
        return policy == null ? null : text("policy.withCutoff", "cutoff", cutoff(), "policy", policy.text());
    }

    /** The policy's own words under a heading, or null when the studio has none. */
    public String cancellationPolicyText() {
        CancellationPolicy policy = studio.cancellationPolicy();
        return policy == null ? null : text("policy.plain", "policy", policy.text());
    }

    /** Whom to pay, how much, by when and with which reference, with the studio's own instructions. */
    public void bankTransfer(MailBody body, Money amount, String reference, Instant dueBy) {
        BankTransfer bank = studio.bankTransfer();
        String price = money(amount);
        String due = fullDateTime(dueBy);
        String key = "bank.pleaseTransfer" + (due == null ? "" : ".due") + (reference == null ? "" : ".reference");
        body.paragraph(text(key, "amount", price, "due", due, "reference", reference));
        body.details(List.of(
                row("accountName", bank == null ? null : bank.accountName()),
                row("iban", bank == null ? null : bank.iban()),
                row("bank", bank == null ? null : bank.bankName()),
                row("amount", price),
                row("reference", reference),
                row("payBy", due)));
        if (bank != null && bank.instructions() != null) body.paragraph(bank.instructions());
    }

    /** A details row labelled from the bundle ({@code row.<name>}). */
    public MailBody.Row row(String name, String value) {
        return MailBody.row(text("row." + name), value);
    }

    /** A new body in this language (its HTML says so). */
    public MailBody body() {
        return new MailBody(language());
    }

    /**
     * The "manage your booking" link of an e-mail to the booking's client ({@code manageLink}, which carries
     * the booking's access token in its fragment), labelled for a booking still on ({@code ongoing}: change,
     * cancel, add to the calendar) or one that ended (see it). Nothing when there is no link.
     */
    MailBody manageLink(MailBody body, String manageLink, boolean ongoing) {
        if (manageLink == null || manageLink.isBlank()) return body;
        return body.link(text(ongoing ? "manage.link" : "manage.see"), manageLink.strip());
    }
}
