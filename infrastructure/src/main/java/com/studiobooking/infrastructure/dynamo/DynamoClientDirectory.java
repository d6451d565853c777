package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients of a studio, known by e-mail. The first sign-in or booking registers them exactly once:
 * the e-mail claim and the id record are written together, only if the e-mail is not claimed yet.
 * The id record also keeps the name and phone of the client's latest booking and a count of their
 * bookings (one update after each booking is stored), so the list is one query of the id records.
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
    public void booked(String studioId, String clientId, Client details) {
        Update update = Update.create().set("name", details.name()).add("bookings", 1);
        update = details.phone() == null ? update.remove("phone") : update.set("phone", details.phone());
        table.write(Write.change(Keys.studioClients(studioId), Keys.clientId(clientId), update, Condition.exists(Keys.PK)));
    }

    @Override
    public List<ClientRecord> list(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studioClients(studioId), Keys.CLIENT_ID_PREFIX)).stream()
                .map(DynamoClientDirectory::record)
                .sorted(Comparator.comparing((ClientRecord c) -> c.name() == null ? c.email() : c.name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public Optional<ClientRecord> find(String studioId, String clientId) {
        return table.get(Keys.studioClients(studioId), Keys.clientId(clientId)).map(DynamoClientDirectory::record);
    }

    private static ClientRecord record(Map<String, AttributeValue> i) {
        return new ClientRecord(i.get("clientId").s(), i.get("email").s(), text(i, "name"), text(i, "phone"),
                i.containsKey("bookings") ? Integer.parseInt(i.get("bookings").n()) : 0);
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        return v == null ? null : v.s();
    }
}
