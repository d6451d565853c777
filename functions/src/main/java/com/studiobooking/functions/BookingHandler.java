package com.studiobooking.functions;

import com.studiobooking.core.mail.CalendarInvite;
import com.studiobooking.core.model.view.BookingsCsv;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.core.usecase.wallets.Purchases;
import com.studiobooking.core.usecase.wallets.Wallets;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/**
 * The booking function: create, view (also as an .ics file), cancel and reschedule bookings; staff list them by date and export
 * them as CSV; clients see theirs and their wallet, and buy passes and credits by card.
 */
public final class BookingHandler extends HttpFunction {
    private final Routes routes;

    public BookingHandler() {
        this(Wiring.production());
        Priming.register(Priming.booking(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public BookingHandler(Wiring wiring) {
        Bookings bookings = wiring.bookings();
        Authentication auth = wiring.authentication();
        Wallets wallets = wiring.wallets();
        Purchases purchases = wiring.purchases();
        routes = new Routes(wiring::requestEnded)
                .on("POST /studios/{studioId}/bookings", r -> Response.created(bookings.book(r.path("studioId"),
                        r.body(Bookings.BookingRequest.class), r.header("idempotency-key"),
                        auth.caller(r.bearerToken()))))
                .on("GET /studios/{studioId}/bookings", r -> Response.ok(Map.of("bookings",
                        bookings.list(auth.caller(r.bearerToken()), r.path("studioId"), r.query("from"), r.query("to")))))
                .on("GET /studios/{studioId}/bookings/export", r -> {
                    BookingsCsv.File file = wiring.bookingExport().bookings(auth.caller(r.bearerToken()), r.path("studioId"),
                            r.query("from"), r.query("to"), r.query("lang"));
                    return Response.download(BookingsCsv.CONTENT_TYPE, file.name(), file.text());
                })
                .on("GET /bookings/{bookingId}", r -> Response.ok(bookings.view(r.path("bookingId"), r.bearerToken())))
                .on("GET /bookings/{bookingId}/calendar.ics", r -> {
                    CalendarInvite invite = bookings.calendar(r.path("bookingId"), r.bearerToken());
                    return Response.download("text/calendar; charset=UTF-8; method=PUBLISH", "booking.ics", invite.text());
                })
                .on("POST /bookings/{bookingId}/cancel", r -> Response.ok(bookings.cancel(r.path("bookingId"), r.bearerToken())))
                .on("GET /me/bookings", r -> Response.ok(Map.of("bookings", bookings.mine(auth.caller(r.bearerToken())))))
                .on("GET /me/wallet", r -> Response.ok(wallets.mine(auth.caller(r.bearerToken()))))
                .on("POST /studios/{studioId}/purchases", r -> Response.created(purchases.buy(auth.caller(r.bearerToken()),
                        r.path("studioId"), r.body(Purchases.PurchaseRequest.class), r.header("idempotency-key"))))
                .on("POST /bookings/{bookingId}/reschedule", r -> Response.ok(bookings.reschedule(r.path("bookingId"),
                        r.body(Bookings.RescheduleRequest.class), r.bearerToken())));
    }

    @Override
    protected Routes routes() {
        return routes;
    }
}
