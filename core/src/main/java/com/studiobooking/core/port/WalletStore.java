package com.studiobooking.core.port;

import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.model.wallet.Wallet;
import com.studiobooking.core.model.wallet.WalletEntry;

import java.util.List;
import java.util.Optional;

/** Pass types, and each client's passes, credits and history. Every change writes its history line atomically. */
public interface WalletStore {
    void savePassType(String studioId, PassType passType);

    Optional<PassType> findPassType(String studioId, String passTypeId);

    List<PassType> listPassTypes(String studioId);

    void saveCreditPack(String studioId, CreditPack pack);

    Optional<CreditPack> findCreditPack(String studioId, String packId);

    List<CreditPack> listCreditPacks(String studioId);

    void issuePass(String studioId, Pass pass, WalletEntry entry);

    void grantCredits(String studioId, String clientId, int credits, WalletEntry entry);

    Wallet wallet(String studioId, String clientId);
}
