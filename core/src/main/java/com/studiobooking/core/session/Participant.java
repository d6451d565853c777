package com.studiobooking.core.session;

import com.studiobooking.core.booking.BookingStatus;
import com.studiobooking.core.booking.Client;
import com.studiobooking.core.booking.PaymentStatus;
import com.studiobooking.core.studio.PaymentMethod;

/**
 * A booking as the session's participant list shows it. {@code linkSentVersion} is the last link
 * version e-mailed to this participant (0: none), so each change reaches each of them once.
 */
public record Participant(String bookingId, Client client, SessionFormat format, PaymentMethod paymentMethod,
                          BookingStatus status, PaymentStatus paymentStatus, int linkSentVersion) {
}
