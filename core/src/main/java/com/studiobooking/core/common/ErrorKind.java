package com.studiobooking.core.common;

/** How a refused request is classified; the HTTP layer maps each kind to one status. */
public enum ErrorKind {
    VALIDATION,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    POLICY,
    RATE_LIMITED
}
