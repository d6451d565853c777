package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;

import static com.studiobooking.core.mail.MailBody.row;

/** Tells an appointment's client that staff confirmed their bank transfer. */
public final class PaymentReceivedEmail {
    private PaymentReceivedEmail() {}

    public static Email of(Booking booking, StudioSettings studio) {
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
