package com.studiobooking.infrastructure.table;

import java.util.Map;

/**
 * The key schema of the single table: partition and sort key, the global secondary indexes (each
 * projecting every attribute) and the expiry attribute. Every key attribute is a string. template.yaml
 * declares the same table for AWS; a contract test keeps the two equal.
 */
public record TableShape(String partitionKey, String sortKey, Map<String, Index> indexes, String ttlAttribute) {
    public static final String PK = "PK";
    public static final String SK = "SK";

    /** The table of Studio Booking. */
    public static final TableShape STUDIO_BOOKING = new TableShape(PK, SK,
            Map.of("GSI1", new Index("GSI1PK", "GSI1SK")), "ttl");

    public record Index(String partitionKey, String sortKey) { }

    public TableShape {
        indexes = Map.copyOf(indexes);
    }
}
