package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;


/** Tells an appointment's client that staff confirmed their bank transfer. */
public final class PaymentReceivedEmail {
    private PaymentReceivedEmail() {}

    /** In the booking's language (else the studio's). */
    public static Email of(Booking booking, StudioSettings studio, String manageLink) {
        StudioFormat t = new StudioFormat(studio, booking.language());
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(t.text("appointment.paymentReceived", "studio", studio.name()))
                .details(List.of(t.row("service", booking.serviceName()),
                        t.row("when", t.when(booking.start(), booking.end())),
                        t.row("amount", t.money(booking.price())), t.row("reference", booking.reference())));
        BookingEmails.onlineLinkNote(t, body, booking);
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(), t.text("subject.paymentReceived",
                "what", booking.serviceName(), "when", t.shortDateTime(booking.start())), List.of());
    }
}
