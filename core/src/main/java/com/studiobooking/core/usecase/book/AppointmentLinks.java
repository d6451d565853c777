package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.mail.AppointmentLinkEmails;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.StudioStore;

import java.util.Optional;

/**
 * An online appointment's own link (rules 3, 7, 8): staff set it on the booking with a version-conditioned
 * write, a different access being the next link version; the link goes to the client as soon as the booking
 * is confirmed and paid (or free), whichever comes last, the staff request or the payment. The store's
 * "link version sent" marker is claimed before the e-mail goes, so the two racing send one e-mail per version.
 */
public final class AppointmentLinks {
    private static final int ATTEMPTS = 8;

    private final StudioStore studios;
    private final BookingStore bookings;
    private final Mailer mailer;
    private final ReminderSchedules reminders;
    private final ManageLinks manageLinks;

    AppointmentLinks(StudioStore studios, BookingStore bookings, Mailer mailer, ReminderSchedules reminders,
                     ManageLinks manageLinks) {
        this.studios = studios;
        this.bookings = bookings;
        this.mailer = mailer;
        this.reminders = reminders;
        this.manageLinks = manageLinks;
    }

    /**
     * The owner, or the practitioner of the booking, sets its link, instructions and password. The same access
     * again writes nothing and sends nothing; a booking of another studio is not found.
     */
    Booking set(Caller caller, String studioId, String bookingId, OnlineAccess access) {
        caller.requireStaffOf(studioId);
        OnlineAccess valid = Check.required(access, "body").validated();
        Check.required(valid.link(), "link");
        for (int i = 0; i < ATTEMPTS; i++) {
            Booking before = bookings.find(Check.id(bookingId, "bookingId"))
                    .filter(b -> b.studioId().equals(studioId)).orElseThrow(() -> DomainException.notFound("booking"));
            if (caller.role() != Role.OWNER && !caller.subject().equals(before.staffId())) {
                throw DomainException.forbidden("only the owner or the booking's practitioner sets its link");
            }
            if (!before.isOnlineAppointment()) {
                throw DomainException.invalid("link", "this booking is not an appointment of an online service");
            }
            if (!before.status().isActive()) {
                throw DomainException.conflict("BOOKING_CANCELLED", "a cancelled booking gets no link", null);
            }
            if (valid.equals(before.onlineAccess())) return before;
            Booking after = before.withOnlineAccess(valid);
            if (!bookings.save(after)) continue;
            StudioSettings settings = studios.settingsOf(studioId);
            reminders.linkMissing(after, settings);
            // "the link has changed" only to a client who could see the one before
            release(after, settings, LinkVisibility.forAppointment(before).isPresent());
            return after;
        }
        throw DomainException.conflict("BOOKING_BUSY", "the booking is changing right now; please try again", null);
    }

    /**
     * After a write of the booking (link set, payment confirmed, place taken again): if rule 3 lets it see its
     * link, and this link version has not gone out yet, it is e-mailed now. True when this call sent it.
     */
    boolean release(Booking written, StudioSettings settings, boolean changed) {
        Optional<OnlineAccess> access = LinkVisibility.forAppointment(written);
        if (access.isEmpty() || !bookings.markLinkSent(written.bookingId(), written.linkVersion())) return false;
        mailer.send(AppointmentLinkEmails.linkReleased(written, settings, changed,
                manageLinks.manage(written)));
        return true;
    }
}
