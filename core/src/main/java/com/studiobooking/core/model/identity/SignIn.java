package com.studiobooking.core.model.identity;

import java.time.Instant;

/** The result of exchanging a login code: a bearer token and who it speaks for. */
public record SignIn(String token, Role role, Instant expiresAt) {
}
