package com.studiobooking.infrastructure.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers for hand-written item mapping: absent values are left out of the item. */
final class Attr {
    private Attr() {}

    static AttributeValue s(String value) { return AttributeValue.fromS(value); }

    static AttributeValue n(long value) { return AttributeValue.fromN(Long.toString(value)); }

    /** A map builder that skips nulls, so optional fields simply do not appear in the item. */
    static final class Item {
        private final Map<String, AttributeValue> values = new HashMap<>();

        Item put(String name, String value) {
            if (value != null) values.put(name, s(value));
            return this;
        }

        Item put(String name, Integer value) {
            if (value != null) values.put(name, n(value));
            return this;
        }

        Item put(String name, Boolean value) {
            if (value != null) values.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Item put(String name, Instant value) {
            if (value != null) values.put(name, s(value.toString()));
            return this;
        }

        Item put(String name, Map<String, AttributeValue> value) {
            if (value != null) values.put(name, AttributeValue.fromM(value));
            return this;
        }

        Item putStrings(String name, List<String> value) {
            if (value != null) values.put(name, AttributeValue.fromL(value.stream().map(Attr::s).toList()));
            return this;
        }

        Item putIntegers(String name, List<Integer> value) {
            if (value != null) values.put(name, AttributeValue.fromL(value.stream().map(i -> n(i)).toList()));
            return this;
        }

        Item putAll(Map<String, AttributeValue> other) {
            values.putAll(other);
            return this;
        }

        Map<String, AttributeValue> build() { return values; }
    }

    static Item item() { return new Item(); }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Integer integer(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Integer.valueOf(v.n());
    }

    static Boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.bool();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? null : v.m();
    }

    static List<Integer> integers(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? null : v.l().stream().map(a -> Integer.valueOf(a.n())).toList();
    }

    static <T> List<T> strings(Map<String, AttributeValue> item, String name, Function<String, T> parse) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? null : v.l().stream().map(AttributeValue::s).map(parse).toList();
    }
}
