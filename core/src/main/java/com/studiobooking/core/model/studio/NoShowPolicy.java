package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/**
 * What a no-show costs the client. With {@code forfeit}, a booking staff mark NO_SHOW keeps the credits,
 * pass entry or payment it used: nothing is given back for it later, not even when the session is
 * cancelled. Without it, marking changes nothing about money (docs/decisions/attendance.md).
 */
public record NoShowPolicy(Boolean forfeit) {
    /** A new studio's policy: a no-show costs nothing more than the cancellation policy says. */
    public static final NoShowPolicy DEFAULT = new NoShowPolicy(false);

    public boolean forfeits() {
        return Boolean.TRUE.equals(forfeit);
    }

    NoShowPolicy validated() {
        return new NoShowPolicy(Check.required(forfeit, "noShowPolicy.forfeit"));
    }
}
