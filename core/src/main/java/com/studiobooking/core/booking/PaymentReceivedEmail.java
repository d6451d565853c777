package com.studiobooking.core.booking;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.MailBody;
import com.studiobooking.core.mail.StudioFormat;
import com.studiobooking.core.studio.StudioSettings;

import java.util.List;

import static com.studiobooking.core.mail.MailBody.row;

/** Tells an appointment's client that staff confirmed their bank transfer. */
final class PaymentReceivedEmail {
    private PaymentReceivedEmail() {}

    static Email of(Booking booking, StudioSettings studio) {
        StudioFormat format = new StudioFormat(studio);
        MailBody body = new MailBody()
                .paragraph("Hello " + booking.client().name() + ",")
                .paragraph(studio.name() + " received your payment. Your booking is confirmed.")
                .details(List.of(row("Service", booking.serviceName()),
                        row("When", format.when(booking.start(), booking.end())),
                        row("Amount", StudioFormat.money(booking.price())), row("Reference", booking.reference())))
                .paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(),
                "Payment received: " + booking.serviceName() + " on " + format.shortDateTime(booking.start()), List.of());
    }
}
