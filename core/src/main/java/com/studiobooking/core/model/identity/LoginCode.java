package com.studiobooking.core.model.identity;

import java.time.Instant;

/** A one-time login code as stored: only its keyed hash, an expiry and the attempts left. */
public record LoginCode(String studioId, String email, String codeHash, Instant expiresAt, int attemptsLeft) {
}
