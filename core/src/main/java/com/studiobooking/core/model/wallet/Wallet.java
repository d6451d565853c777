package com.studiobooking.core.model.wallet;

import java.util.List;

/** A client's credits, passes and history. */
public record Wallet(String clientId, int credits, List<Pass> passes, List<WalletEntry> history) {
}
