package com.studiobooking.core.port;

import com.studiobooking.core.model.identity.Caller;

import java.time.Instant;
import java.util.Optional;

/** Signs and verifies the bearer tokens that carry a {@link Caller}, its token version included. */
public interface TokenService {
    String issue(Caller caller, Instant expiresAt);

    /** The caller of a token whose signature, issuer and expiry check out; empty otherwise. */
    Optional<Caller> verify(String token);
}
