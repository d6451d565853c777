package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders conditions, updates and key conditions as DynamoDB expression strings. Every attribute name
 * becomes a {@code #nN} placeholder and every value a {@code :vN} one, so reserved words ({@code status},
 * {@code name}, {@code ttl}) never clash.
 */
final class DynamoExpressions {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    String name(String attribute) {
        return names.computeIfAbsent(attribute, a -> "#n" + names.size());
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** Null for {@link Condition.Always}. */
    String condition(Condition condition) {
        if (condition instanceof Condition.Always) return null;
        return render(condition);
    }

    private String render(Condition c) {
        if (c instanceof Condition.Exists e) return "attribute_exists(" + name(e.attribute()) + ")";
        if (c instanceof Condition.Missing m) return "attribute_not_exists(" + name(m.attribute()) + ")";
        if (c instanceof Condition.Compare cmp) {
            return name(cmp.attribute()) + " " + cmp.op().symbol + " " + value(cmp.value());
        }
        if (c instanceof Condition.CompareAttributes cmp) {
            return name(cmp.attribute()) + " " + cmp.op().symbol + " " + name(cmp.other());
        }
        if (c instanceof Condition.All all) return join(all.parts(), " AND ");
        if (c instanceof Condition.Any any) return join(any.parts(), " OR ");
        throw new IllegalArgumentException("a condition inside a condition cannot be Always");
    }

    private String join(List<Condition> parts, String operator) {
        StringJoiner joined = new StringJoiner(operator, "(", ")");
        parts.forEach(p -> joined.add(render(p)));
        return joined.toString();
    }

    String update(Update update) {
        StringBuilder expression = new StringBuilder();
        StringJoiner set = new StringJoiner(", ", "SET ", " ").setEmptyValue("");
        update.sets().forEach((attribute, v) -> set.add(name(attribute) + " = " + value(v)));
        StringJoiner add = new StringJoiner(", ", "ADD ", " ").setEmptyValue("");
        update.adds().forEach((attribute, delta) ->
                add.add(name(attribute) + " " + value(AttributeValue.fromN(Long.toString(delta)))));
        StringJoiner remove = new StringJoiner(", ", "REMOVE ", " ").setEmptyValue("");
        update.removes().forEach(attribute -> remove.add(name(attribute)));
        expression.append(set).append(add).append(remove);
        if (expression.length() == 0) throw new IllegalArgumentException("an update needs at least one change");
        return expression.toString().trim();
    }

    String keyCondition(String partitionKey, String sortKey, KeyQuery query) {
        String expression = name(partitionKey) + " = " + value(AttributeValue.fromS(query.partition()));
        if (query.prefix() != null) {
            expression += " AND begins_with(" + name(sortKey) + ", " + value(AttributeValue.fromS(query.prefix())) + ")";
        } else if (query.from() != null) {
            expression += " AND " + name(sortKey) + " BETWEEN " + value(AttributeValue.fromS(query.from()))
                    + " AND " + value(AttributeValue.fromS(query.to()));
        }
        return expression;
    }

    /** Null when no name was used, as DynamoDB refuses empty maps. */
    Map<String, String> names() {
        if (names.isEmpty()) return null;
        Map<String, String> byPlaceholder = new HashMap<>();
        names.forEach((attribute, placeholder) -> byPlaceholder.put(placeholder, attribute));
        return byPlaceholder;
    }

    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
