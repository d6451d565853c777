package com.studiobooking.infrastructure.dynamo;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB Local running in this JVM, shared by all tests; each caller gets a fresh table of the
 * production shape ({@link StudioTable}), so tests never see each other's data.
 */
public final class LocalDynamo {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

    private LocalDynamo() {}

    public static synchronized DynamoDbClient client() {
        if (client == null) client = DynamoDBEmbedded.create().dynamoDbClient();
        return client;
    }

    /** Creates a new, empty table and returns its name. */
    public static String freshTable() {
        String name = "studio-booking-test-" + TABLES.incrementAndGet();
        client().createTable(StudioTable.createRequest(name));
        return name;
    }
}
