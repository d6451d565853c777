package com.studiobooking.core.booking;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.MailBody;
import com.studiobooking.core.mail.StudioFormat;
import com.studiobooking.core.studio.StudioSettings;

import java.util.List;

import static com.studiobooking.core.mail.MailBody.row;

/** Tells a client whose card payment came after their held appointment was released that it is refunded. */
final class RefundedAfterReleaseEmail {
    private RefundedAfterReleaseEmail() {}

    static Email of(Booking booking, StudioSettings studio) {
        StudioFormat format = new StudioFormat(studio);
        MailBody body = new MailBody()
                .paragraph("Hello " + booking.client().name() + ",")
                .paragraph("Your payment arrived after the time we could hold your place, and the place was taken "
                        + "meanwhile. We have refunded the full amount to your card; it usually shows within 5–10 days.")
                .details(List.of(row("Service", booking.serviceName()),
                        row("When", format.when(booking.start(), booking.end())),
                        row("Refunded", StudioFormat.money(booking.price())), row("Reference", booking.reference())))
                .paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(),
                "Refunded: " + booking.serviceName() + " on " + format.shortDateTime(booking.start()), List.of());
    }
}
