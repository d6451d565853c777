package com.studiobooking.functions;

import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.setup.SessionSetup;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.functions.http.Request;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

/**
 * The link-release function (rule 7): staff set or change a session's or an online appointment's online
 * access, or confirm a bank transfer; either way the paid participants receive the link, each once. It is also where staff
 * act on one booking after the fact: mark a refund paid out, mark attendance. Those are the same kind
 * of write (a versioned change of one booking and its participant line, staff token only) and need
 * no grant this function lacks.
 */
public final class LinkReleaseHandler extends HttpFunction {
    private final Routes routes;
    private final Authentication auth;

    public LinkReleaseHandler() {
        this(Wiring.production());
        Priming.register(Priming.linkRelease(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public LinkReleaseHandler(Wiring wiring) {
        SessionSetup sessions = wiring.sessionSetup();
        Bookings bookings = wiring.bookings();
        auth = wiring.authentication();
        routes = new Routes(wiring::requestEnded)
                .on("PUT /studios/{studioId}/sessions/{sessionId}/online-access", r -> Response.ok(sessions.setOnlineAccess(
                        staff(r), r.path("studioId"), r.path("sessionId"), r.body(OnlineAccess.class))))
                .on("POST /studios/{studioId}/bookings/{bookingId}/confirm-payment", r -> Response.ok(
                        bookings.confirmPayment(staff(r), r.path("studioId"), r.path("bookingId"))))
                .on("POST /studios/{studioId}/bookings/{bookingId}/mark-refunded", r -> Response.ok(
                        bookings.markRefunded(staff(r), r.path("studioId"), r.path("bookingId"))))
                .on("POST /studios/{studioId}/bookings/{bookingId}/attendance", r -> Response.ok(
                        bookings.markAttendance(staff(r), r.path("studioId"), r.path("bookingId"),
                                r.body(Bookings.AttendanceRequest.class))))
                .on("PUT /studios/{studioId}/bookings/{bookingId}/online-access", r -> Response.ok(bookings.setOnlineAccess(
                        staff(r), r.path("studioId"), r.path("bookingId"), r.body(OnlineAccess.class))));
    }

    @Override
    protected Routes routes() {
        return routes;
    }

    private Caller staff(Request request) {
        return auth.caller(request.bearerToken()).requireStaffOf(request.path("studioId"));
    }
}
