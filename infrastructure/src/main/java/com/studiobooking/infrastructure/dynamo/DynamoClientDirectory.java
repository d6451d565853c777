package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.Ids;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;

import java.util.List;
import java.util.Optional;

/**
 * Clients of a studio, known by e-mail. The first sign-in or booking registers them exactly once:
 * the e-mail claim and the id record are written together, only if the e-mail is not claimed yet.
 */
public final class DynamoClientDirectory implements ClientDirectory {
    private final ItemTable table;

    public DynamoClientDirectory(ItemTable table) {
        this.table = table;
    }

    @Override
    public String clientIdFor(String studioId, String email) {
        var existing = table.get(Keys.studioClients(studioId), Keys.clientEmail(email));
        if (existing.isPresent()) return existing.get().get("clientId").s();
        String clientId = Ids.next("cl");
        List<Boolean> failed = table.tryTransact(List.of(
                Write.putNew(Attr.item().put(Keys.PK, Keys.studioClients(studioId)).put(Keys.SK, Keys.clientEmail(email))
                        .put("type", "CLIENT").put("clientId", clientId).put("email", email).build()),
                Write.putNew(Attr.item().put(Keys.PK, Keys.studioClients(studioId)).put(Keys.SK, Keys.clientId(clientId))
                        .put("type", "CLIENT_ID").put("clientId", clientId).put("email", email).build())));
        if (failed == null) return clientId;
        return table.get(Keys.studioClients(studioId), Keys.clientEmail(email)).orElseThrow().get("clientId").s();
    }

    @Override
    public List<ClientRecord> list(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studioClients(studioId), Keys.CLIENT_EMAIL_PREFIX)).stream()
                .map(i -> new ClientRecord(i.get("clientId").s(), i.get("email").s())).toList();
    }

    @Override
    public Optional<ClientRecord> find(String studioId, String clientId) {
        return table.get(Keys.studioClients(studioId), Keys.clientId(clientId))
                .map(i -> new ClientRecord(i.get("clientId").s(), i.get("email").s()));
    }
}
