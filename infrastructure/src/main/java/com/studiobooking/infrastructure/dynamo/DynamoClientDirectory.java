package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.auth.ClientDirectory;
import com.studiobooking.core.common.Ids;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Clients keyed by e-mail within a studio; the first sign-in registers them, exactly once. */
public final class DynamoClientDirectory implements ClientDirectory {
    private final Table table;

    public DynamoClientDirectory(DynamoDbClient client, String tableName) {
        this.table = new Table(client, tableName);
    }

    @Override
    public String clientIdFor(String studioId, String email) {
        var existing = table.get(Keys.studioClients(studioId), Keys.clientEmail(email));
        if (existing.isPresent()) return existing.get().get("clientId").s();
        String clientId = Ids.next("cl");
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(Attr.item()
                            .put(Keys.PK, Keys.studioClients(studioId)).put(Keys.SK, Keys.clientEmail(email))
                            .put("type", "CLIENT").put("clientId", clientId).put("email", email).build())
                    .conditionExpression("attribute_not_exists(PK)"));
            return clientId;
        } catch (ConditionalCheckFailedException registeredInParallel) {
            return table.get(Keys.studioClients(studioId), Keys.clientEmail(email)).orElseThrow().get("clientId").s();
        }
    }
}
