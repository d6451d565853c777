package com.studiobooking.core.booking;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.studio.Location;
import com.studiobooking.core.studio.Staff;
import com.studiobooking.core.studio.StudioSettings;

import java.util.List;

/** The e-mails a booking sends: to the client and to the practitioner, each with a calendar invite. */
public final class BookingEmails {
    private BookingEmails() {}

    /** A new appointment: confirmation to the client, notification to the practitioner. */
    public static List<Email> booked(Booking booking, StudioSettings studio, Staff practitioner, Location location,
                                     String bookingPageLink) {
        throw new UnsupportedOperationException("being written");
    }

    /** A cancelled appointment: to the client and to the practitioner, each with a cancelling invite. */
    public static List<Email> cancelled(Booking booking, StudioSettings studio, Staff practitioner, Location location) {
        throw new UnsupportedOperationException("being written");
    }
}
