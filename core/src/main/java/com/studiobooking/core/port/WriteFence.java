package com.studiobooking.core.port;

import com.studiobooking.core.model.identity.Caller;

/**
 * Makes a request's writes depend on the staff token it came with (the token version is a fencing
 * token). Checking the token when the request starts is not enough: a removal or role change could
 * complete between that check and the request's write. Once a staff caller is confirmed, the store
 * therefore refuses the request's writes with {@code TOKEN_REVOKED} if, when they are applied, the staff
 * member is gone or their token version or role moved on. The fence guards the request's writes up to
 * its first applied one: a request whose first write landed before the removal finishes the operation
 * it began (so a cancelled session still refunds everyone), one whose first write would land after it
 * changes nothing.
 */
public interface WriteFence {
    /** Fences nothing: for use cases run outside a request (seeding, tests). */
    WriteFence NONE = staff -> { };

    /** Fences the writes of the request now running on {@code staff}'s token. */
    void hold(Caller staff);
}
