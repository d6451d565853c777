package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.auth.ClientDirectory;
import com.studiobooking.core.common.Ids;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.function.Supplier;

/** Clients keyed by e-mail within a studio; the first sign-in registers them, exactly once. */
public final class DynamoClientDirectory implements ClientDirectory {
    private final Supplier<DynamoDbClient> client;
    private final String tableName;

    public DynamoClientDirectory(DynamoDbClient client, String tableName) {
        this(() -> client, tableName);
    }

    /** The client is asked for on first use, so wiring this directory costs nothing at start. */
    public DynamoClientDirectory(Supplier<DynamoDbClient> client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public String clientIdFor(String studioId, String email) {
        Table table = new Table(client.get(), tableName);
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
