package com.studiobooking.core.model.booking;

import com.studiobooking.core.model.studio.BookingLinks;

import java.util.function.Supplier;

/**
 * The one place a booking's "manage my booking" link is made: the booking page of the widget with the
 * booking's access token in the URL fragment ({@code …?studio=<s>&booking=<b>#access=<token>}). The
 * token opens that one booking only ({@code GET /bookings/{id}} with it as a bearer token), so the link
 * goes only to the booking's own client: in the e-mails about it, and as the card checkout's way back.
 *
 * <p>The access key is asked for at the first link, not when the links are built: a function that builds
 * use cases sending these e-mails but never sends one (catalogue) does not read the signing secret at init.
 */
public final class ManageLinks {
    private final BookingLinks links;
    private final Supplier<BookingAccess> access;

    public ManageLinks(BookingLinks links, Supplier<BookingAccess> access) {
        this.links = links;
        this.access = access;
    }

    /** Where the client sees, changes or cancels the booking and adds it to their calendar. */
    public String manage(Booking booking) {
        return links.booking(booking.studioId(), booking.bookingId(), null, access.get().tokenFor(booking.bookingId()));
    }

    /** Where the card checkout sends the client back: the same page, told it was paid ({@code paid=1}) or not. */
    public String afterCheckout(Booking booking, boolean paid) {
        return links.booking(booking.studioId(), booking.bookingId(), paid ? "paid=1" : "cancelled=1",
                access.get().tokenFor(booking.bookingId()));
    }
}
