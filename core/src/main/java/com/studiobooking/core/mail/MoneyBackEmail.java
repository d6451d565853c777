package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;


/**
 * Tells a client their money is coming back outside a cancellation they made: a payment that arrived
 * after their place was released or cancelled, and a bank refund the studio has paid out.
 */
public final class MoneyBackEmail {
    public enum Why {
        /** The card payment came too late to keep the place: refunded to the card. */
        LATE_CARD_PAYMENT_REFUNDED,
        /** The bank transfer came for a cancelled or released place: the studio will transfer it back. */
        LATE_TRANSFER_TO_BE_RETURNED,
        /** Staff marked a refund owed by bank transfer as paid out. */
        TRANSFER_RETURNED
    }

    private MoneyBackEmail() {}

    /** In the booking's language (else the studio's). */
    public static Email of(Booking booking, StudioSettings studio, Why why, String manageLink) {
        StudioFormat t = new StudioFormat(studio, booking.language());
        String what = switch (why) {
            case LATE_CARD_PAYMENT_REFUNDED -> t.text("moneyBack.lateCard");
            case LATE_TRANSFER_TO_BE_RETURNED -> t.text("moneyBack.lateTransfer", "studio", studio.name());
            case TRANSFER_RETURNED -> t.text("moneyBack.transferReturned", "studio", studio.name());
        };
        MailBody body = t.body()
                .paragraph(t.text("hello", "name", booking.client().name()))
                .paragraph(what)
                .details(List.of(t.row("booking", booking.serviceName()),
                        t.row("when", t.when(booking.start(), booking.end())),
                        t.row("amount", t.money(booking.price())), t.row("reference", booking.reference())));
        t.manageLink(body, manageLink, false).paragraph(studio.name());
        String subject = t.text(why == Why.LATE_TRANSFER_TO_BE_RETURNED ? "subject.refundOnItsWay" : "subject.refunded",
                "what", booking.serviceName(), "when", t.shortDateTime(booking.start()));
        return body.email(List.of(booking.client().email()), List.of(), subject, List.of());
    }
}
