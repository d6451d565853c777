package com.studiobooking.core.model.wallet;

import com.studiobooking.core.common.Money;

/** What staff send: a pass type, a credit pack, or a client's wallet change. Each route reads its fields. */
public final class WalletChange {
    private WalletChange() {}

    public record PassTypeDetails(String name, Integer entries, Integer validDays, Money price) {
    }

    public record CreditPackDetails(String name, Integer credits, Money price) {
    }

    /** Issue a pass of a type to a client (sold at the desk or given). */
    public record IssuePass(String passTypeId, String note) {
    }

    /** Give credits: a pack's, or a number of them. */
    public record GrantCredits(String packId, Integer credits, String note) {
    }

    public record NewClient(String email) {
    }
}
