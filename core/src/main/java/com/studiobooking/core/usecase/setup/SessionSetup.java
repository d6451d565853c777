package com.studiobooking.core.usecase.setup;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.mail.SessionEmails;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.session.SessionTemplate;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.model.view.SessionViews;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.usecase.book.ReminderSchedules;
import com.studiobooking.core.usecase.book.SessionBooking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Staff routes for session templates and sessions: create (from a template), change and reschedule,
 * cancel (everyone gets back what they paid), set the online access (released to paid participants,
 * rule 7), and keep the missing-link reminder in step (rule 8); a moved session moves its bookings'
 * client reminders. Also the public listing.
 */
public final class SessionSetup {
    private final StudioStore studios;
    private final SessionStore sessions;
    private final BookingStore bookings;
    private final SessionBooking seats;
    private final Scheduler scheduler;
    private final Mailer mailer;
    private final ReminderSchedules reminders;
    private final Clock clock;

    public SessionSetup(StudioStore studios, SessionStore sessions, BookingStore bookings, SessionBooking seats,
                        Scheduler scheduler, Mailer mailer, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.bookings = bookings;
        this.seats = seats;
        this.scheduler = scheduler;
        this.mailer = mailer;
        this.reminders = new ReminderSchedules(scheduler, clock);
        this.clock = clock;
    }

    // --- templates ---------------------------------------------------------------------------

    public List<SessionTemplate> templates(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return sessions.listTemplates(studioId);
    }

    public SessionTemplate template(Caller caller, String studioId, String templateId) {
        caller.requireStaffOf(studioId);
        return existingTemplate(studioId, templateId);
    }

    public SessionTemplate addTemplate(Caller caller, String studioId, SessionDetails details) {
        caller.requireStaffOf(studioId);
        SessionTemplate template = Check.required(details, "body").toTemplate(Ids.next("tp"), studios.settingsOf(studioId), clock.instant());
        checkReferences(studioId, template.instructorId(), template.locationId());
        sessions.saveTemplate(studioId, template);
        return template;
    }

    public void removeTemplate(Caller caller, String studioId, String templateId) {
        caller.requireStaffOf(studioId);
        existingTemplate(studioId, templateId);
        sessions.removeTemplate(studioId, templateId);
    }

    // --- sessions ----------------------------------------------------------------------------

    public SessionViews.StaffSession create(Caller caller, String studioId, SessionDetails details) {
        caller.requireStaffOf(studioId);
        Check.required(details, "body");
        if (details.templateId() != null) details = details.withDefaultsFrom(existingTemplate(studioId, Check.id(details.templateId(), "templateId")));
        StudioSettings settings = studios.settingsOf(studioId);
        Session session = details.toSession(Ids.next("ss"), studioId, settings, clock.instant());
        checkReferences(studioId, session.instructorId(), session.locationId());
        if (!sessions.create(session)) throw instructorBusy();
        keepReminderInStep(session, settings);
        return staffView(session, settings);
    }

    public SessionViews.StaffSession session(Caller caller, String studioId, String sessionId) {
        caller.requireStaffOf(studioId);
        return staffView(existing(studioId, sessionId), studios.settingsOf(studioId));
    }

    /** Changes details; a new start or instructor moves the instructor's time and tells every participant. */
    public SessionViews.StaffSession change(Caller caller, String studioId, String sessionId, SessionDetails details) {
        caller.requireStaffOf(studioId);
        Session before = existing(studioId, sessionId);
        if (before.status() != Session.Status.SCHEDULED) throw cancelledAlready();
        StudioSettings settings = studios.settingsOf(studioId);
        Session after = Check.required(details, "body").applyTo(before, settings, clock.instant());
        checkReferences(studioId, after.instructorId(), after.locationId());
        for (SessionFormat seat : after.format().seatFormats()) {
            if (after.capacityOf(seat) < before.seatsTaken().getOrDefault(seat, 0)) {
                throw DomainException.invalid(seat == SessionFormat.ONLINE && after.format() == SessionFormat.HYBRID
                        ? "onlineCapacity" : "capacity", "is below the " + before.seatsTaken().get(seat) + " seats already booked");
            }
        }
        boolean moved = !before.start().equals(after.start()) || before.durationMinutes() != after.durationMinutes();
        List<Booking> active = moved ? activeBookings(before) : List.of();
        List<Booking> movedBookings = active.stream().map(b -> b.rescheduled(after.start(), after.end())).toList();
        if (!sessions.update(before, after, movedBookings)) {
            throw DomainException.conflict("SESSION_CHANGED", "the instructor is busy then, or seats were booked meanwhile",
                    "start");
        }
        if (moved) {
            keepReminderInStep(after, settings);
            movedBookings.forEach(b -> reminders.moved(b, settings));
            movedBookings.stream().filter(b -> b.status().holdsPlace())
                    .forEach(b -> mailer.send(SessionEmails.rescheduled(b, before, after, settings)));
        }
        boolean raised = false;
        for (SessionFormat seat : after.format().seatFormats()) {
            if (after.capacityOf(seat) > before.capacityOf(seat)) {
                seats.fillFromWaitlist(studioId, sessionId, seat); // more seats: the line gets them first
                raised = true;
            }
        }
        return staffView(raised ? existing(studioId, sessionId) : after, settings);
    }

    /** Staff cancel the session: every participant gets back what they paid and is told (rule 9), except what a no-show forfeits. */
    public SessionViews.StaffSession cancel(Caller caller, String studioId, String sessionId) {
        caller.requireStaffOf(studioId);
        Session session = existing(studioId, sessionId);
        if (!sessions.cancel(session)) throw cancelledAlready();
        Session cancelled = existing(studioId, sessionId);
        seats.cancelAllOf(cancelled);
        scheduler.cancel(TimedJobs.missingLinkName(sessionId));
        return staffView(existing(studioId, sessionId), studios.settingsOf(studioId));
    }

    /**
     * Sets (or clears) the link, instructions and password. A different access is a new version,
     * e-mailed once to every paid online participant; the missing-link reminder follows the link.
     */
    public SessionViews.StaffSession setOnlineAccess(Caller caller, String studioId, String sessionId, OnlineAccess access) {
        caller.requireStaffOf(studioId);
        Session before = existing(studioId, sessionId);
        if (before.status() != Session.Status.SCHEDULED) throw cancelledAlready();
        if (!before.format().hasOnlineSeats()) throw DomainException.invalid("link", "this session has no online seats");
        OnlineAccess valid = Check.required(access, "body").validated();
        if (valid.link() == null && (valid.instructions() != null || valid.password() != null)) {
            throw DomainException.invalid("link", "is required with instructions or a password");
        }
        boolean changed = !Objects.equals(valid, before.onlineAccess());
        Session after = changed && valid.hasLink()
                ? withAccess(before, valid, before.linkVersion() + 1)
                : withAccess(before, valid, before.linkVersion());
        if (changed) sessions.update(before, after, List.of());
        StudioSettings settings = studios.settingsOf(studioId);
        keepReminderInStep(after, settings);
        if (changed && after.hasLink()) seats.releaseLink(after, before.hasLink());
        return staffView(after, settings);
    }

    /**
     * Who waits for a seat of the session, in order: per format, the 1-based position each client has
     * now (the same number their booking shows them).
     */
    public List<SessionViews.WaitlistEntry> waitlist(Caller caller, String studioId, String sessionId) {
        caller.requireStaffOf(studioId);
        Session session = existing(studioId, sessionId);
        return SessionViews.waitlist(session, sessions.participants(studioId, sessionId));
    }

    /** Published sessions between two dates (studio zone) with seats left; never any online access. */
    public List<SessionViews.PublicSession> published(String studioId, String from, String to) {
        StudioSettings settings = studios.settingsOf(studioId);
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate first = Check.date(from, "from");
        LocalDate last = Check.date(to, "to");
        if (last.isBefore(first)) throw DomainException.invalid("to", "must not be before from");
        if (ChronoUnit.DAYS.between(first, last) > 92) throw DomainException.invalid("to", "must be at most 92 days after from");
        Map<String, String> names = studios.listStaff(studioId).stream().collect(Collectors.toMap(Staff::staffId, Staff::name));
        return sessions.listStartingIn(studioId, new TimeRange(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant())).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .map(s -> SessionViews.publicView(s, zone, names.get(s.instructorId())))
                .toList();
    }

    /** Rule 8: an upcoming online session without a link has a reminder; with a link, none. */
    private void keepReminderInStep(Session session, StudioSettings settings) {
        String name = TimedJobs.missingLinkName(session.sessionId());
        if (session.format().hasOnlineSeats() && !session.hasLink() && session.status() == Session.Status.SCHEDULED) {
            scheduler.schedule(TimedJobs.missingLink(session.studioId(), session.sessionId(), session.start(),
                    settings.missingLinkReminderHours(), clock.instant(), settings.timezone()));
        } else {
            scheduler.cancel(name);
        }
    }

    private List<Booking> activeBookings(Session session) {
        List<Booking> active = new ArrayList<>();
        for (Participant p : sessions.participants(session.studioId(), session.sessionId())) {
            if (p.status().isActive()) bookings.find(p.bookingId()).filter(b -> b.status().isActive()).ifPresent(active::add);
        }
        return active;
    }

    private SessionViews.StaffSession staffView(Session session, StudioSettings settings) {
        return SessionViews.staffView(session, ZoneId.of(settings.timezone()),
                sessions.participants(session.studioId(), session.sessionId()));
    }

    private void checkReferences(String studioId, String instructorId, String locationId) {
        if (studios.findStaff(studioId, instructorId).isEmpty()) {
            throw DomainException.invalid("instructorId", "is not a staff member of this studio");
        }
        if (locationId != null && studios.findLocation(studioId, locationId).isEmpty()) {
            throw DomainException.invalid("locationId", "is not a location of this studio");
        }
    }

    private static Session withAccess(Session s, OnlineAccess access, int version) {
        return new Session(s.sessionId(), s.studioId(), s.templateId(), s.name(), s.description(), s.start(),
                s.durationMinutes(), s.format(), s.capacity(), s.onlineCapacity(), s.instructorId(), s.locationId(),
                s.price(), s.creditPrice(), s.paymentMethods(), access, version, s.status(), s.seatsTaken(), s.createdAt(),
                s.seriesId(), s.twinOf());
    }

    private Session existing(String studioId, String sessionId) {
        return sessions.find(studioId, sessionId).orElseThrow(() -> DomainException.notFound("session"));
    }

    private SessionTemplate existingTemplate(String studioId, String templateId) {
        return sessions.findTemplate(studioId, templateId).orElseThrow(() -> DomainException.notFound("session template"));
    }


    private static DomainException instructorBusy() {
        return DomainException.conflict("INSTRUCTOR_BUSY", "the instructor is already booked at that time", "start");
    }

    private static DomainException cancelledAlready() {
        return DomainException.conflict("SESSION_CANCELLED", "the session is cancelled", null);
    }

}
