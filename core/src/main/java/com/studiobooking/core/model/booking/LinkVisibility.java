package com.studiobooking.core.model.booking;


import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;

import java.util.Optional;

/**
 * Rule 3, in one place: the online access a booking may see. Only a confirmed booking of an online
 * seat of that very session, paid or free, and only once the session has a link; for an online
 * appointment, only when it is confirmed, paid or free, and staff have set its own link. Every response
 * and e-mail that could carry the link asks here.
 */
public final class LinkVisibility {
    private LinkVisibility() {}

    public static Optional<OnlineAccess> forBooking(Booking booking, Session session) {
        if (booking.session() == null || session == null) return Optional.empty();
        boolean sameSession = booking.session().sessionId().equals(session.sessionId())
                && booking.studioId().equals(session.studioId());
        boolean entitled = booking.status() == BookingStatus.CONFIRMED && booking.paymentStatus().isSettled()
                && booking.isOnlineSeat() && session.status() == Session.Status.SCHEDULED;
        return sameSession && entitled && session.hasLink() ? Optional.of(session.onlineAccess()) : Optional.empty();
    }

    /** An online appointment's own access: only confirmed, paid or free, and once staff set the link. */
    public static Optional<OnlineAccess> forAppointment(Booking booking) {
        boolean entitled = booking.isOnlineAppointment() && booking.status() == BookingStatus.CONFIRMED
                && booking.paymentStatus().isSettled();
        return entitled && booking.onlineAccess().hasLink() ? Optional.of(booking.onlineAccess()) : Optional.empty();
    }
}
