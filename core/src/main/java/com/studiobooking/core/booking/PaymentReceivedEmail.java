package com.studiobooking.core.booking;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.Html;
import com.studiobooking.core.studio.StudioSettings;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Tells an appointment's client that staff confirmed their bank transfer. */
final class PaymentReceivedEmail {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private PaymentReceivedEmail() {}

    static Email of(Booking booking, StudioSettings studio) {
        String when = WHEN.format(booking.start().atZone(ZoneId.of(studio.timezone()))) + " (" + studio.timezone() + ")";
        String subject = "Payment received: " + booking.serviceName() + " on " + when;
        String text = "Hello " + booking.client().name() + ",\n\n" + studio.name() + " received your payment (reference "
                + booking.reference() + ") for " + booking.serviceName() + " on " + when + ". Your booking is confirmed.\n";
        String html = "<p>Hello " + Html.escape(booking.client().name()) + ",</p><p>" + Html.escape(studio.name())
                + " received your payment (reference <strong>" + Html.escape(booking.reference()) + "</strong>) for "
                + Html.escape(booking.serviceName()) + " on " + Html.escape(when) + ". Your booking is confirmed.</p>";
        return Email.to(booking.client().email(), subject, text, html);
    }
}
