package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.model.wallet.Wallet;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.port.WalletStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/**
 * Pass types in the studio's configuration; each client's credits, passes and history in the
 * client's own partition, read with one Query. Every change writes its history line in the same
 * transaction; the seat transactions of sessions use {@link #useEntry}, {@link #spendCredits} and
 * the returns below.
 */
public final class DynamoWalletStore implements WalletStore {
    private final ItemTable table;

    public DynamoWalletStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public void savePassType(String studioId, PassType t) {
        table.write(Write.put(item()
                .put(Keys.PK, Keys.studio(studioId)).put(Keys.SK, Keys.passType(t.passTypeId())).put("type", "PASS_TYPE")
                .put("passTypeId", t.passTypeId()).put("name", t.name()).put("entries", t.entries())
                .put("validDays", t.validDays()).put("price", AppointmentMapper.money(t.price())).put("createdAt", t.createdAt())
                .build()));
    }

    @Override
    public Optional<PassType> findPassType(String studioId, String passTypeId) {
        return table.get(Keys.studio(studioId), Keys.passType(passTypeId)).map(DynamoWalletStore::passType);
    }

    @Override
    public List<PassType> listPassTypes(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.PASS_TYPE_PREFIX)).stream().map(DynamoWalletStore::passType).toList();
    }

    @Override
    public void saveCreditPack(String studioId, CreditPack pack) {
        table.write(Write.put(item()
                .put(Keys.PK, Keys.studio(studioId)).put(Keys.SK, Keys.creditPack(pack.packId())).put("type", "CREDIT_PACK")
                .put("packId", pack.packId()).put("name", pack.name()).put("credits", pack.credits())
                .put("price", AppointmentMapper.money(pack.price())).put("createdAt", pack.createdAt())
                .build()));
    }

    @Override
    public Optional<CreditPack> findCreditPack(String studioId, String packId) {
        return table.get(Keys.studio(studioId), Keys.creditPack(packId)).map(DynamoWalletStore::creditPack);
    }

    @Override
    public List<CreditPack> listCreditPacks(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.CREDIT_PACK_PREFIX)).stream().map(DynamoWalletStore::creditPack).toList();
    }

    @Override
    public void issuePass(String studioId, Pass pass, WalletEntry entry) {
        table.transact(List.of(putPass(studioId, pass), history(studioId, pass.clientId(), entry)),
                failed -> DomainException.conflict("PASS_EXISTS", "a pass with this id exists", null));
    }

    @Override
    public void grantCredits(String studioId, String clientId, int credits, WalletEntry entry) {
        table.transact(List.of(addCredits(studioId, clientId, credits), history(studioId, clientId, entry)),
                failed -> DomainException.conflict("WALLET_CHANGED", "the wallet changed meanwhile; try again", null));
    }

    @Override
    public Wallet wallet(String studioId, String clientId) {
        int credits = 0;
        List<Pass> passes = new ArrayList<>();
        List<WalletEntry> history = new ArrayList<>();
        for (Map<String, AttributeValue> i : table.query(KeyQuery.partition(Keys.client(studioId, clientId)))) {
            switch (i.get("type").s()) {
                case "CREDITS" -> credits = integer(i, "credits");
                case "PASS" -> passes.add(new Pass(str(i, "passId"), str(i, "clientId"), str(i, "passTypeId"),
                        str(i, "name"), integer(i, "entries"), integer(i, "entriesLeft"), instant(i, "validFrom"),
                        instant(i, "validUntil")));
                case "HISTORY" -> history.add(new WalletEntry(instant(i, "at"), WalletEntry.Kind.valueOf(str(i, "kind")),
                        integer(i, "credits"), integer(i, "entries"), str(i, "passId"), str(i, "bookingId"),
                        str(i, "description")));
                default -> { }
            }
        }
        history.sort(Comparator.comparing(WalletEntry::at).reversed());
        passes.sort(Comparator.comparing(Pass::validUntil));
        return new Wallet(clientId, credits, passes, history);
    }

    static Write putPass(String studioId, Pass pass) {
        return Write.putNew(item().put(Keys.PK, Keys.client(studioId, pass.clientId()))
                .put(Keys.SK, Keys.PASS_PREFIX + pass.passId()).put("type", "PASS")
                .put("passId", pass.passId()).put("clientId", pass.clientId()).put("passTypeId", pass.passTypeId())
                .put("name", pass.name()).put("entries", pass.entries()).put("entriesLeft", pass.entriesLeft())
                .put("validFrom", pass.validFrom()).put("validUntil", pass.validUntil())
                .putAll(Map.of("validUntilEpoch", n(pass.validUntil().getEpochSecond()))).build());
    }

    /** Uses one entry of a pass that is still valid at {@code at}; fails the transaction otherwise. */
    static Write useEntry(String studioId, String clientId, String passId, java.time.Instant at) {
        return Write.change(Keys.client(studioId, clientId), Keys.PASS_PREFIX + passId, Update.create().add("entriesLeft", -1),
                Condition.is("entriesLeft", Condition.Op.GE, 1)
                        .and(Condition.is("validUntilEpoch", Condition.Op.GT, at.getEpochSecond())));
    }

    static Write returnEntry(String studioId, String clientId, String passId) {
        return Write.change(Keys.client(studioId, clientId), Keys.PASS_PREFIX + passId, Update.create().add("entriesLeft", 1),
                Condition.exists(Keys.PK));
    }

    /** Spends credits only if the balance covers them. */
    static Write spendCredits(String studioId, String clientId, int credits) {
        return Write.change(Keys.client(studioId, clientId), Keys.CREDITS, Update.create().add("credits", -credits),
                Condition.is("credits", Condition.Op.GE, credits));
    }

    static Write addCredits(String studioId, String clientId, int credits) {
        return Write.change(Keys.client(studioId, clientId), Keys.CREDITS,
                Update.create().set("type", "CREDITS").add("credits", credits), Condition.always());
    }

    static Write history(String studioId, String clientId, WalletEntry e) {
        return Write.putNew(item()
                .put(Keys.PK, Keys.client(studioId, clientId))
                .put(Keys.SK, Keys.HISTORY_PREFIX + String.format("%015d", e.at().toEpochMilli()) + "#" + Ids.random(6))
                .put("type", "HISTORY").put("at", e.at()).put("kind", e.kind().name()).put("credits", e.credits())
                .put("entries", e.entries()).put("passId", e.passId()).put("bookingId", e.bookingId())
                .put("description", e.description())
                .build());
    }

    static CreditPack creditPack(Map<String, AttributeValue> i) {
        return new CreditPack(str(i, "packId"), str(i, "name"), integer(i, "credits"),
                AppointmentMapper.money(map(i, "price")), instant(i, "createdAt"));
    }

    static PassType passType(Map<String, AttributeValue> i) {
        return new PassType(str(i, "passTypeId"), str(i, "name"), integer(i, "entries"), integer(i, "validDays"),
                AppointmentMapper.money(map(i, "price")), instant(i, "createdAt"));
    }
}
