package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition on one item, the subset of DynamoDB's condition expressions the stores use. It is
 * written once, as data; {@link DynamoItemTable} renders it as a {@code ConditionExpression} and
 * {@link SqliteItemTable} evaluates it with {@link #holdsFor}, with DynamoDB's documented meaning:
 * numbers compare as numbers, strings by their UTF-8 bytes, values of different types are never
 * equal, and a comparison with a missing attribute is false except for {@code <>}, which is true.
 */
public sealed interface Condition {

    /** No condition: the write always applies. */
    record Always() implements Condition { }

    /** {@code attribute_exists(attribute)}. */
    record Exists(String attribute) implements Condition { }

    /** {@code attribute_not_exists(attribute)}. */
    record Missing(String attribute) implements Condition { }

    /** {@code attribute <op> :value}. */
    record Compare(String attribute, Op op, AttributeValue value) implements Condition { }

    /** {@code attribute <op> other}: two attributes of the same item. */
    record CompareAttributes(String attribute, Op op, String other) implements Condition { }

    record All(List<Condition> parts) implements Condition { }

    record Any(List<Condition> parts) implements Condition { }

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    Condition ALWAYS = new Always();

    static Condition always() { return ALWAYS; }

    static Condition exists(String attribute) { return new Exists(attribute); }

    static Condition missing(String attribute) { return new Missing(attribute); }

    static Condition is(String attribute, Op op, AttributeValue value) { return new Compare(attribute, op, value); }

    static Condition eq(String attribute, String value) { return is(attribute, Op.EQ, AttributeValue.fromS(value)); }

    static Condition ne(String attribute, String value) { return is(attribute, Op.NE, AttributeValue.fromS(value)); }

    static Condition is(String attribute, Op op, long value) {
        return is(attribute, op, AttributeValue.fromN(Long.toString(value)));
    }

    static Condition compare(String attribute, Op op, String otherAttribute) {
        return new CompareAttributes(attribute, op, otherAttribute);
    }

    static Condition anyOf(Condition... parts) { return new Any(List.of(parts)); }

    /** Both this and {@code other}; {@link Always} drops out. */
    default Condition and(Condition other) {
        if (this instanceof Always) return other;
        if (other instanceof Always) return this;
        List<Condition> parts = new ArrayList<>();
        for (Condition c : List.of(this, other)) {
            if (c instanceof All all) parts.addAll(all.parts());
            else parts.add(c);
        }
        return new All(List.copyOf(parts));
    }

    /** Whether the condition holds for {@code item}; an absent item is the empty map. */
    default boolean holdsFor(Map<String, AttributeValue> item) {
        if (this instanceof Exists e) return item.containsKey(e.attribute());
        if (this instanceof Missing m) return !item.containsKey(m.attribute());
        if (this instanceof Compare c) return Values.compare(item.get(c.attribute()), c.op(), c.value());
        if (this instanceof CompareAttributes c) return Values.compare(item.get(c.attribute()), c.op(), item.get(c.other()));
        if (this instanceof All all) return all.parts().stream().allMatch(p -> p.holdsFor(item));
        if (this instanceof Any any) return any.parts().stream().anyMatch(p -> p.holdsFor(item));
        return true;
    }
}
