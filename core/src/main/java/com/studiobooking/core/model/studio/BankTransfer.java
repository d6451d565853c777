package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

import java.math.BigInteger;
import java.util.Locale;

/** The studio's account for bank transfers and how long a client has to pay. */
public record BankTransfer(Boolean enabled, String accountName, String iban, String bankName,
                           Integer dueHours, String instructions) {

    static final BankTransfer DISABLED = new BankTransfer(false, null, null, null, 48, null);

    public boolean isEnabled() { return Boolean.TRUE.equals(enabled); }

    BankTransfer validated() {
        boolean on = Check.required(enabled, "bankTransfer.enabled");
        int due = dueHours == null ? 48 : Check.range(dueHours, "bankTransfer.dueHours", 1, 24 * 30);
        String name = Check.optionalText(accountName, "bankTransfer.accountName", 140);
        String account = iban == null ? null : normalizedIban(iban);
        if (on && name == null) throw DomainException.invalid("bankTransfer.accountName", "is required when bank transfer is enabled");
        if (on && account == null) throw DomainException.invalid("bankTransfer.iban", "is required when bank transfer is enabled");
        return new BankTransfer(on, name, account, Check.optionalText(bankName, "bankTransfer.bankName", 140), due,
                Check.optionalText(instructions, "bankTransfer.instructions", 1000));
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
