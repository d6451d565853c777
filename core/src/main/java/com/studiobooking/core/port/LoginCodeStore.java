package com.studiobooking.core.port;

import com.studiobooking.core.model.identity.LoginCode;

import java.time.Instant;
import java.util.Optional;

/** Storage of login codes and of the per-e-mail request counter. Every method is atomic. */
public interface LoginCodeStore {
    /**
     * Counts one code request for this e-mail in the window starting at {@code windowStart};
     * false when {@code max} requests were already counted in it.
     */
    boolean admitRequest(String studioId, String email, Instant windowStart, int max, Instant forgetAfter);

    /** Stores the code, replacing an earlier one for the same e-mail. */
    void save(LoginCode code);

    /**
     * Spends one attempt of the unexpired code for this e-mail, before the guess is compared, so
     * parallel guesses can never exceed the limit. Returns the code as it was, or empty when there is
     * no code, it expired or no attempts are left.
     */
    Optional<LoginCode> spendAttempt(String studioId, String email, Instant now);

    /** Deletes the code if it still has this hash; false when someone else used it first. */
    boolean consume(String studioId, String email, String codeHash);
}
