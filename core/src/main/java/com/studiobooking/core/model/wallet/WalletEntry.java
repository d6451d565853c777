package com.studiobooking.core.model.wallet;

import java.time.Instant;

/**
 * One line of a client's wallet history: what changed, by how much, and why.
 *
 * @param credits change of the credit balance (negative when spent); 0 for pass entries
 * @param entries change of a pass's entries (negative when used); 0 for credits
 */
public record WalletEntry(Instant at, Kind kind, int credits, int entries, String passId, String bookingId,
                          String description) {
    public enum Kind { CREDITS_GRANTED, CREDITS_SPENT, CREDITS_RETURNED, PASS_ISSUED, PASS_ENTRY_USED, PASS_ENTRY_RETURNED }
}
