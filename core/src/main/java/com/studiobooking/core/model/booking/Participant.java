package com.studiobooking.core.model.booking;

import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;

/**
 * A booking as the session's participant list shows it. {@code attendance} is what staff marked (null:
 * nothing yet). {@code linkSentVersion} is the last link version e-mailed to this participant (0: none),
 * so each change reaches each of them once. {@code waitlistTicket} orders a WAITLISTED participant in the
 * line of its format (null for everyone else).
 */
public record Participant(String bookingId, Client client, SessionFormat format, PaymentMethod paymentMethod,
                          BookingStatus status, PaymentStatus paymentStatus, Attendance.Status attendance,
                          int linkSentVersion, Integer waitlistTicket) {

    /** Still waiting in the line of {@code seat}. */
    public boolean waitsFor(SessionFormat seat) {
        return status == BookingStatus.WAITLISTED && format == seat && waitlistTicket != null;
    }
}
