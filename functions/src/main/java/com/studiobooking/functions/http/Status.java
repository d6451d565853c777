package com.studiobooking.functions.http;

import com.studiobooking.core.common.ErrorKind;

/** The HTTP status of each kind of refusal. */
final class Status {
    private Status() {}

    static int of(ErrorKind kind) {
        return switch (kind) {
            case VALIDATION -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case POLICY -> 422;
            case RATE_LIMITED -> 429;
        };
    }
}
