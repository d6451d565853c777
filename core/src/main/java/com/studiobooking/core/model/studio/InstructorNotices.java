package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/**
 * How instructors hear about bookings of their classes: not at all, an e-mail per booking (as
 * practitioners get for appointments), or one daily digest at {@code digestHour} (the studio's time)
 * of the classes they teach in the next day.
 */
public record InstructorNotices(Mode mode, Integer digestHour) {
    public enum Mode { NONE, PER_BOOKING, DAILY_DIGEST }

    /** A studio's whose settings were stored before instructor notices existed. */
    public static final InstructorNotices DEFAULT = new InstructorNotices(Mode.NONE, 7);

    /** Mode is required; the digest hour defaults to 7 (in the studio's zone), 0 to 23. */
    InstructorNotices validated() {
        Mode checked = Check.required(mode, "instructorNotices.mode");
        int hour = Check.range(digestHour == null ? DEFAULT.digestHour : digestHour, "instructorNotices.digestHour", 0, 23);
        return new InstructorNotices(checked, hour);
    }
}
