package com.studiobooking.core.mail;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.StudioSettings;

import java.util.List;

import static com.studiobooking.core.mail.MailBody.row;

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

    public static Email of(Booking booking, StudioSettings studio, Why why) {
        StudioFormat format = new StudioFormat(studio);
        String what = switch (why) {
            case LATE_CARD_PAYMENT_REFUNDED -> "Your payment arrived after we could keep your place, so the booking "
                    + "stays cancelled. We have refunded the full amount to your card; it usually shows within 5–10 days.";
            case LATE_TRANSFER_TO_BE_RETURNED -> "Your bank transfer arrived after the booking was cancelled. "
                    + studio.name() + " will transfer the full amount back to you.";
            case TRANSFER_RETURNED -> studio.name() + " has transferred your payment back to you.";
        };
        MailBody body = new MailBody()
                .paragraph("Hello " + booking.client().name() + ",")
                .paragraph(what)
                .details(List.of(row("Booking", booking.serviceName()),
                        row("When", format.when(booking.start(), booking.end())),
                        row("Amount", StudioFormat.money(booking.price())), row("Reference", booking.reference())))
                .paragraph(studio.name());
        String subject = (why == MoneyBackEmail.Why.LATE_TRANSFER_TO_BE_RETURNED ? "Refund on its way: " : "Refunded: ")
                + booking.serviceName() + " on " + format.shortDateTime(booking.start());
        return body.email(List.of(booking.client().email()), List.of(), subject, List.of());
    }
}
