package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.wallet.Purchase;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.port.PurchaseStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** Card purchases; completing one writes the purchase's new state and the wallet change in one transaction. */
public final class DynamoPurchaseStore implements PurchaseStore {
    private final ItemTable table;

    public DynamoPurchaseStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public boolean create(Purchase purchase) {
        return table.write(Write.putNew(item(purchase)));
    }

    @Override
    public Optional<Purchase> find(String purchaseId) {
        return table.get(Keys.purchase(purchaseId), Keys.PURCHASE).map(DynamoPurchaseStore::purchase);
    }

    @Override
    public void attachCheckout(Purchase withCheckout) {
        table.write(replaceIfAwaiting(withCheckout));
    }

    @Override
    public boolean completeWithPass(Purchase paid, Pass pass, WalletEntry entry) {
        return table.tryTransact(List.of(replaceIfAwaiting(paid), DynamoWalletStore.putPass(paid.studioId(), pass),
                DynamoWalletStore.history(paid.studioId(), paid.clientId(), entry))) == null;
    }

    @Override
    public boolean completeWithCredits(Purchase paid, int credits, WalletEntry entry) {
        return table.tryTransact(List.of(replaceIfAwaiting(paid),
                DynamoWalletStore.addCredits(paid.studioId(), paid.clientId(), credits),
                DynamoWalletStore.history(paid.studioId(), paid.clientId(), entry))) == null;
    }

    @Override
    public boolean expire(Purchase expired) {
        return table.write(replaceIfAwaiting(expired));
    }

    private static Write replaceIfAwaiting(Purchase purchase) {
        return Write.put(item(purchase), Condition.eq("status", "AWAITING_PAYMENT"));
    }

    private static Map<String, AttributeValue> item(Purchase p) {
        return Attr.item()
                .put(Keys.PK, Keys.purchase(p.purchaseId())).put(Keys.SK, Keys.PURCHASE).put("type", "PURCHASE")
                .put("purchaseId", p.purchaseId()).put("studioId", p.studioId()).put("clientId", p.clientId())
                .put("clientEmail", p.clientEmail()).put("kind", p.kind().name()).put("itemId", p.itemId())
                .put("name", p.name()).put("price", AppointmentMapper.money(p.price())).put("status", p.status().name())
                .put("checkoutId", p.checkoutId()).put("checkoutUrl", p.checkoutUrl()).put("expiresAt", p.expiresAt())
                .put("paymentId", p.paymentId()).put("createdAt", p.createdAt())
                .build();
    }

    private static Purchase purchase(Map<String, AttributeValue> i) {
        return new Purchase(str(i, "purchaseId"), str(i, "studioId"), str(i, "clientId"), str(i, "clientEmail"),
                Purchase.Kind.valueOf(str(i, "kind")), str(i, "itemId"), str(i, "name"),
                AppointmentMapper.money(map(i, "price")), Purchase.Status.valueOf(str(i, "status")), str(i, "checkoutId"),
                str(i, "checkoutUrl"), instant(i, "expiresAt"), str(i, "paymentId"), instant(i, "createdAt"));
    }
}
