package com.studiobooking.core.model.booking;

import java.time.Instant;

/**
 * What staff recorded about a confirmed booking once it started: the client came, or did not.
 * {@code forfeit}: a no-show marked while the studio's no-show policy forfeits, so whatever the booking
 * used (credits, a pass entry, a payment) is never given back, not even when the session is cancelled
 * later. It is decided when staff mark, so a later change of the policy does not reach back
 * (docs/decisions/attendance.md).
 */
public record Attendance(Status status, Instant markedAt, boolean forfeit) {
    public enum Status { ATTENDED, NO_SHOW }

    public boolean forfeitsPayment() {
        return status == Status.NO_SHOW && forfeit;
    }
}
