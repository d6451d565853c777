package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;

/**
 * Staff booked a place for a client (by phone, at the desk) to be paid by card: the client gets the
 * checkout page to pay on before the hold ends, as the waitlist's "a place is yours" e-mail carries it.
 */
public final class PaymentLinkEmail {
    private PaymentLinkEmail() {}

    /** In the booking's language (else the studio's); {@code booking} holds an open checkout. */
    public static Email of(Booking booking, StudioSettings studio, String manageLink) {
        StudioFormat t = new StudioFormat(studio, booking.language());
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(t.text("staffBooked.intro", "studio", studio.name(), "what", booking.serviceName()))
                .paragraph(t.text("staffBooked.payByCard", "due", t.fullDateTime(booking.paymentDueBy())))
                .link(t.text("waitlist.payNow"), booking.card().checkoutUrl())
                .details(List.of(t.row("service", booking.serviceName()),
                        t.row("when", t.when(booking.start(), booking.end())),
                        t.row("amount", t.money(booking.price())), t.row("reference", booking.reference())));
        t.manageLink(body, manageLink, true).paragraph(studio.name());
        return body.email(List.of(booking.client().email()), List.of(), t.text("subject.payToKeep",
                "what", booking.serviceName(), "when", t.shortDateTime(booking.start())), List.of());
    }
}
