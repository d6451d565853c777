package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Changes to some attributes of one item, the subset of DynamoDB's update expressions the stores use:
 * {@code SET a = :v}, {@code ADD n :delta} (a missing number counts as 0) and {@code REMOVE a}.
 * Immutable; each method returns a new update.
 */
public record Update(Map<String, AttributeValue> sets, Map<String, Long> adds, Set<String> removes) {

    public Update {
        sets = Map.copyOf(sets);
        adds = Map.copyOf(adds);
        removes = Set.copyOf(removes);
    }

    public static Update create() {
        return new Update(Map.of(), Map.of(), Set.of());
    }

    public Update set(String attribute, AttributeValue value) {
        Map<String, AttributeValue> next = new LinkedHashMap<>(sets);
        next.put(attribute, value);
        return new Update(next, adds, removes);
    }

    public Update set(String attribute, String value) {
        return set(attribute, AttributeValue.fromS(value));
    }

    public Update set(String attribute, long value) {
        return set(attribute, AttributeValue.fromN(Long.toString(value)));
    }

    /** Adds {@code delta} (may be negative) to a number; a missing one counts as 0. */
    public Update add(String attribute, long delta) {
        Map<String, Long> next = new LinkedHashMap<>(adds);
        next.put(attribute, delta);
        return new Update(sets, next, removes);
    }

    public Update remove(String attribute) {
        Set<String> next = new LinkedHashSet<>(removes);
        next.add(attribute);
        return new Update(sets, adds, next);
    }

    /** The item after the update; {@code before} is the empty map when the item does not exist yet. */
    public Map<String, AttributeValue> applyTo(Map<String, AttributeValue> before, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> after = new HashMap<>(before);
        after.putAll(key);
        after.putAll(sets);
        adds.forEach((attribute, delta) -> {
            AttributeValue old = after.get(attribute);
            if (old != null && old.type() != AttributeValue.Type.N) {
                throw new TableException("ADD needs a number in " + attribute + ", found " + old.type());
            }
            BigDecimal base = old == null ? BigDecimal.ZERO : new BigDecimal(old.n());
            after.put(attribute, AttributeValue.fromN(base.add(BigDecimal.valueOf(delta)).toPlainString()));
        });
        removes.forEach(after::remove);
        return after;
    }
}
