package com.studiobooking.core.booking;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.Html;
import com.studiobooking.core.studio.StudioSettings;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Tells a client whose card payment came after their held appointment was released that it is refunded. */
final class RefundedAfterReleaseEmail {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private RefundedAfterReleaseEmail() {}

    static Email of(Booking booking, StudioSettings studio) {
        String when = WHEN.format(booking.start().atZone(ZoneId.of(studio.timezone())));
        String subject = "Refunded: " + booking.serviceName() + " on " + when;
        String text = "Hello " + booking.client().name() + ",\n\nyour payment for " + booking.serviceName() + " on " + when
                + " arrived after the time we could hold your place, and the place was taken meanwhile. "
                + "We have refunded the full amount to your card; it usually shows within 5–10 days.\n\n" + studio.name() + "\n";
        String html = "<p>Hello " + Html.escape(booking.client().name()) + ",</p><p>your payment for "
                + Html.escape(booking.serviceName()) + " on " + Html.escape(when)
                + " arrived after the time we could hold your place, and the place was taken meanwhile. "
                + "We have refunded the full amount to your card; it usually shows within 5–10 days.</p><p>"
                + Html.escape(studio.name()) + "</p>";
        return Email.to(booking.client().email(), subject, text, html);
    }
}
