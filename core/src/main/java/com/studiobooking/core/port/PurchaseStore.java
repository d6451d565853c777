package com.studiobooking.core.port;

import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.wallet.Purchase;
import com.studiobooking.core.model.wallet.WalletEntry;

import java.util.Optional;

/** Card purchases of passes and credit packs; completing one and filling the wallet is one transaction. */
public interface PurchaseStore {
    /** Writes a new purchase; false (and nothing written) when one with its id exists. */
    boolean create(Purchase purchase);

    Optional<Purchase> find(String purchaseId);

    /** Records the checkout of a purchase still awaiting payment. */
    void attachCheckout(Purchase withCheckout);

    /** AWAITING_PAYMENT → PAID together with the pass; false when it was no longer awaiting payment. */
    boolean completeWithPass(Purchase paid, Pass pass, WalletEntry entry);

    /** AWAITING_PAYMENT → PAID together with the credits; false when it was no longer awaiting payment. */
    boolean completeWithCredits(Purchase paid, int credits, WalletEntry entry);

    /** AWAITING_PAYMENT → EXPIRED; false otherwise. */
    boolean expire(Purchase expired);
}
