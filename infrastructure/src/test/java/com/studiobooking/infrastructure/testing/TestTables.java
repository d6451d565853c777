package com.studiobooking.infrastructure.testing;

import com.studiobooking.infrastructure.dynamo.StudioTable;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.MemoryItemTable;
import com.studiobooking.infrastructure.table.SqliteItemTable;
import com.studiobooking.infrastructure.table.TableShape;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty tables of the production shape for tests, on each engine: DynamoDB's API served by
 * moto ({@link MotoServer}, the adapter production runs), the local runtime's SQLite engine, or the
 * in-memory engine of SnapStart's rehearsal. Each
 * call gives a table of its own, so tests never see each other's data.
 */
public final class TestTables {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient motoClient;

    private TestTables() {}

    /** The engines the shared contract suite runs against. */
    public enum Engine {
        MOTO, SQLITE, MEMORY;

        public ItemTable fresh() {
            return switch (this) {
                case MOTO -> onMoto();
                case SQLITE -> onSqlite();
                case MEMORY -> new MemoryItemTable(TableShape.STUDIO_BOOKING);
            };
        }

        /** SQLite and memory follow DynamoDB's documentation where moto does not (MotoFidelityTest). */
        public boolean followsDynamoDbDocs() {
            return this != MOTO;
        }
    }

    /** A new table in moto, through the production adapter. */
    public static ItemTable onMoto() {
        return new DynamoItemTable(motoClient(), freshMotoTable());
    }

    /** A new in-memory table on the SQLite engine. */
    public static ItemTable onSqlite() {
        return SqliteItemTable.inMemory(TableShape.STUDIO_BOOKING);
    }

    /** Creates a new, empty table in moto and returns its name. */
    public static String freshMotoTable() {
        String name = "studio-booking-test-" + TABLES.incrementAndGet();
        motoClient().createTable(StudioTable.createRequest(name));
        return name;
    }

    /** A DynamoDB client of the shared moto server, built as production builds its clients. */
    public static synchronized DynamoDbClient motoClient() {
        if (motoClient == null) {
            motoClient = DynamoDbClient.builder()
                    .endpointOverride(MotoServer.shared().endpoint())
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return motoClient;
    }
}
