package com.studiobooking.core.booking;

import com.studiobooking.core.appointment.TimeRange;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.studio.PaymentMethod;

import java.time.Duration;
import java.time.Instant;

/**
 * A client's place: an appointment with a practitioner (or, later, a seat in a session), its
 * status and payment status. {@code reference} is the short code a client quotes on a transfer.
 */
public record Booking(String bookingId, String studioId, Kind kind, String serviceId, String serviceName,
                      String staffId, String staffName, String locationId, Instant start, Instant end,
                      int bufferBeforeMinutes, int bufferAfterMinutes, Client client, String clientId,
                      PaymentMethod paymentMethod, BookingStatus status, PaymentStatus paymentStatus, Money price,
                      String reference, Instant paymentDueBy, Cancellation cancellation, String notes,
                      Instant createdAt) {

    public enum Kind { APPOINTMENT, SESSION }

    /** The practitioner's time this booking takes: the appointment widened by its buffers. */
    public TimeRange reservedTime() {
        return new TimeRange(start.minus(Duration.ofMinutes(bufferBeforeMinutes)), end.plus(Duration.ofMinutes(bufferAfterMinutes)));
    }

    public Booking cancelled(Cancellation how) {
        if (!status.isActive()) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        return new Booking(bookingId, studioId, kind, serviceId, serviceName, staffId, staffName, locationId, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, client, clientId, paymentMethod, BookingStatus.CANCELLED,
                paymentStatus, price, reference, paymentDueBy, how, notes, createdAt);
    }
}
