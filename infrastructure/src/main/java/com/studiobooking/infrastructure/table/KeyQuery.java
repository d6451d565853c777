package com.studiobooking.infrastructure.table;

/**
 * The items of one partition of the table or of an index, in sort-key order, optionally only those
 * whose sort key starts with a prefix or lies between two keys (inclusive).
 *
 * @param index null for the table itself
 */
public record KeyQuery(String index, String partition, String prefix, String from, String to) {

    public static KeyQuery partition(String pk) {
        return new KeyQuery(null, pk, null, null, null);
    }

    public static KeyQuery prefix(String pk, String prefix) {
        return new KeyQuery(null, pk, prefix, null, null);
    }

    public static KeyQuery between(String pk, String from, String to) {
        return new KeyQuery(null, pk, null, from, to);
    }

    public KeyQuery onIndex(String indexName) {
        return new KeyQuery(indexName, partition, prefix, from, to);
    }
}
