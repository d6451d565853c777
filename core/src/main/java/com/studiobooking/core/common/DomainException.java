package com.studiobooking.core.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the domain refuses: bad input, missing rights, an unknown record, a conflict or a policy.
 * Carries a stable {@code code} for clients and, for bad input, the offending {@code field}.
 */
public class DomainException extends RuntimeException {
    private final ErrorKind kind;
    private final String code;
    private final String field;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public DomainException(ErrorKind kind, String code, String message, String field) {
        this(kind, code, message, field, null);
    }

    /** A refusal caused by a failure the operator should see (e.g. the payment provider); the cause is logged. */
    public DomainException(ErrorKind kind, String code, String message, String field, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static DomainException invalid(String field, String reason) {
        return new DomainException(ErrorKind.VALIDATION, "VALIDATION_FAILED", reason, field);
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorKind.NOT_FOUND, "NOT_FOUND", what + " not found", null);
    }

    public static DomainException conflict(String code, String message, String field) {
        return new DomainException(ErrorKind.CONFLICT, code, message, field);
    }

    /** A well-formed request the studio's rules refuse (422). */
    public static DomainException policy(String code, String message, String field) {
        return new DomainException(ErrorKind.POLICY, code, message, field);
    }

    public static DomainException unauthenticated(String message) {
        return new DomainException(ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED", message, null);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorKind.FORBIDDEN, "FORBIDDEN", message, null);
    }

    /**
     * Adds a fact the client needs beside code, message and field (e.g. the cancellation policy a late
     * reschedule broke); it appears in the error body under {@code name}.
     */
    public DomainException with(String name, Object value) {
        if (value != null) details.put(name, value);
        return this;
    }

    /** The facts added with {@link #with}, in the order added. */
    public Map<String, Object> details() { return Map.copyOf(details); }

    public ErrorKind kind() { return kind; }
    public String code() { return code; }
    public String field() { return field; }
}
