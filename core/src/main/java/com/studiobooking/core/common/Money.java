package com.studiobooking.core.common;

/** An amount in minor units (bani, cents) of an ISO 4217 currency. */
public record Money(Long amount, String currency) {
    public Money validated(String field, String studioCurrency) {
        Check.required(amount, field + ".amount");
        if (amount < 0) throw DomainException.invalid(field + ".amount", "must not be negative");
        String code = Check.currency(currency, field + ".currency");
        if (!code.equals(studioCurrency)) {
            throw DomainException.invalid(field + ".currency", "must be the studio's currency " + studioCurrency);
        }
        return new Money(amount, code);
    }

    public boolean costsNothing() {
        return amount == 0;
    }
}
