package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The studio's account for bank transfers and how long a client has to pay. {@code minHoursBeforeStart}
 * is the least time between booking and the start for which a transfer is offered at all (default 24):
 * closer to the start a transfer could not arrive in time, so the client pays another way.
 */
public record BankTransfer(Boolean enabled, String accountName, String iban, String bankName,
                           Integer dueHours, String instructions, Integer minHoursBeforeStart) {

    public static final int DEFAULT_MIN_HOURS_BEFORE_START = 24;
    static final BankTransfer DISABLED = new BankTransfer(false, null, null, null, 48, null, DEFAULT_MIN_HOURS_BEFORE_START);

    /** Without the least lead time: the default applies. */
    public BankTransfer(Boolean enabled, String accountName, String iban, String bankName, Integer dueHours, String instructions) {
        this(enabled, accountName, iban, bankName, dueHours, instructions, null);
    }

    public boolean isEnabled() { return Boolean.TRUE.equals(enabled); }

    /** The least hours between booking and start for a transfer (settings stored before it existed: the default). */
    public int leadHours() {
        return minHoursBeforeStart == null ? DEFAULT_MIN_HOURS_BEFORE_START : minHoursBeforeStart;
    }

    /** Whether a transfer booked now for something starting at {@code start} leaves real time to pay. */
    public boolean leavesTimeToPay(Instant now, Instant start) {
        return !now.plus(Duration.ofHours(leadHours())).isAfter(start);
    }

    /** The refusal of a transfer too close to the start (422, naming {@code paymentMethod} and the hours). */
    public static DomainException tooLate(BankTransfer bank) {
        return DomainException.policy("BANK_TRANSFER_TOO_LATE", "bank transfer is offered until " + bank.leadHours()
                + " hours before the start; pay another way", "paymentMethod").with("minHoursBeforeStart", bank.leadHours());
    }

    /** When a transfer booked now must have arrived: {@code dueHours} from now, never after the start. */
    public Instant dueBy(Instant now, Instant start) {
        Instant due = now.plus(Duration.ofHours(dueHours == null ? 48 : dueHours));
        return due.isBefore(start) ? due : start;
    }

    BankTransfer validated() {
        boolean on = Check.required(enabled, "bankTransfer.enabled");
        int due = dueHours == null ? 48 : Check.range(dueHours, "bankTransfer.dueHours", 1, 24 * 30);
        String name = Check.optionalText(accountName, "bankTransfer.accountName", 140);
        String account = iban == null ? null : normalizedIban(iban);
        if (on && name == null) throw DomainException.invalid("bankTransfer.accountName", "is required when bank transfer is enabled");
        if (on && account == null) throw DomainException.invalid("bankTransfer.iban", "is required when bank transfer is enabled");
        int lead = minHoursBeforeStart == null ? DEFAULT_MIN_HOURS_BEFORE_START
                : Check.range(minHoursBeforeStart, "bankTransfer.minHoursBeforeStart", 0, 24 * 30);
        return new BankTransfer(on, name, account, Check.optionalText(bankName, "bankTransfer.bankName", 140), due,
                Check.optionalText(instructions, "bankTransfer.instructions", 1000), lead);
    }

    /** ISO 13616: country, check digits, mod-97 of the rearranged number equals 1. */
    static String normalizedIban(String raw) {
        String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            throw DomainException.invalid("bankTransfer.iban", "must be an IBAN such as RO49AAAA1B31007593840000");
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) digits.append(Character.getNumericValue(c));
        if (!new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).equals(BigInteger.ONE)) {
            throw DomainException.invalid("bankTransfer.iban", "has a wrong check digit");
        }
        return iban;
    }
}
