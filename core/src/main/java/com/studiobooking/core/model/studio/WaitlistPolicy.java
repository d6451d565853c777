package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/**
 * Whether clients may join the waitlist of a full session, and until when: the line closes
 * {@code closesMinutesBefore} the start. Off for a new studio: the owner turns it on.
 */
public record WaitlistPolicy(Boolean enabled, Integer closesMinutesBefore) {
    /** The latest the line may close: a week before the start. */
    public static final int MOST_MINUTES_BEFORE = 7 * 24 * 60;

    /** A new studio's, and a studio's whose settings were stored before waitlists existed. */
    public static final WaitlistPolicy DEFAULT = new WaitlistPolicy(false, 60);

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    /** Enabled is required; the closing time defaults to 60 minutes before the start. */
    WaitlistPolicy validated() {
        boolean on = Check.required(enabled, "waitlist.enabled");
        int minutes = Check.range(closesMinutesBefore == null ? DEFAULT.closesMinutesBefore : closesMinutesBefore,
                "waitlist.closesMinutesBefore", 0, MOST_MINUTES_BEFORE);
        return new WaitlistPolicy(on, minutes);
    }
}
