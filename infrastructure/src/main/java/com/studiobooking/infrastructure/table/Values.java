package com.studiobooking.infrastructure.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Comparison of attribute values as DynamoDB defines it. */
final class Values {
    private Values() {}

    /** {@code left <op> right}; a missing left or right side makes every operator false but {@code <>}. */
    static boolean compare(AttributeValue left, Condition.Op op, AttributeValue right) {
        if (left == null || right == null || left.type() != right.type()) return op == Condition.Op.NE;
        if (op == Condition.Op.EQ) return equal(left, right);
        if (op == Condition.Op.NE) return !equal(left, right);
        int order;
        switch (left.type()) {
            case N -> order = new BigDecimal(left.n()).compareTo(new BigDecimal(right.n()));
            case S -> order = Arrays.compareUnsigned(left.s().getBytes(StandardCharsets.UTF_8),
                    right.s().getBytes(StandardCharsets.UTF_8));
            case B -> order = Arrays.compareUnsigned(left.b().asByteArrayUnsafe(), right.b().asByteArrayUnsafe());
            default -> {
                return false;
            }
        }
        return switch (op) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static boolean equal(AttributeValue left, AttributeValue right) {
        if (left.type() == AttributeValue.Type.N) return new BigDecimal(left.n()).compareTo(new BigDecimal(right.n())) == 0;
        return left.equals(right);
    }
}
