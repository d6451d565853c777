package com.studiobooking.infrastructure.table;

/**
 * A request the table refuses as malformed (DynamoDB's ValidationException): a key too long, an item
 * too large, two writes to one item in a transaction. A programming or input-validation error, never
 * an expected outcome.
 */
public final class TableException extends RuntimeException {
    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
