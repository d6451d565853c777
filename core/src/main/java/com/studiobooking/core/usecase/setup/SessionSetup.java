package com.studiobooking.core.usecase.setup;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.mail.SessionEmails;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.ManageLinks;
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
    private final ManageLinks manageLinks;
    private final Clock clock;

    public SessionSetup(StudioStore studios, SessionStore sessions, BookingStore bookings, SessionBooking seats,
                        Scheduler scheduler, Mailer mailer, ManageLinks manageLinks, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.bookings = bookings;
        this.seats = seats;
        this.scheduler = scheduler;
        this.mailer = mailer;
        this.reminders = new ReminderSchedules(scheduler, clock);
        this.manageLinks = manageLinks;
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
        if (details.twinOf() != null) details = asTwin(studioId, details, ZoneId.of(settings.timezone()));
        Session session = details.toSession(Ids.next("ss"), studioId, settings, clock.instant());
        checkReferences(studioId, session.instructorId(), session.locationId());
        if (!sessions.create(session)) {
            throw session.twinOf() == null ? instructorBusy() : DomainException.conflict("SESSION_CHANGED",
                    "the session to twin was moved or cancelled meanwhile", "twinOf");
        }
        keepReminderInStep(session, settings);
        return staffView(session, settings);
    }

    /**
     * Zenamu's twin tip: an ONLINE session beside an in-person one, same instructor, same time. What the
     * request leaves out is taken from the original; what contradicts it is refused naming the field.
     */
    private SessionDetails asTwin(String studioId, SessionDetails details, ZoneId zone) {
        Session original = sessions.find(studioId, Check.id(details.twinOf(), "twinOf"))
                .orElseThrow(() -> DomainException.invalid("twinOf", "is not a session of this studio"));
        if (original.format() == SessionFormat.HYBRID) {
            throw DomainException.invalid("twinOf", "is a HYBRID session, which already has its own online seats");
        }
        if (original.format() != SessionFormat.IN_PERSON) throw DomainException.invalid("twinOf", "is not an in-person session");
        if (original.status() != Session.Status.SCHEDULED) throw DomainException.invalid("twinOf", "is cancelled");
        SessionDetails twin = details.withDefaultsFromOriginal(original, original.start().atZone(zone).toOffsetDateTime().toString());
        if (twin.format() != SessionFormat.ONLINE) throw DomainException.invalid("format", "must be ONLINE for a twin");
        if (!Check.dateTime(twin.start(), "start").equals(original.start())) {
            throw DomainException.invalid("start", "must be the start of the session it twins ("
                    + original.start().atZone(zone).toOffsetDateTime() + ")");
        }
        if (twin.durationMinutes().intValue() != original.durationMinutes()) {
            throw DomainException.invalid("durationMinutes", "must be the duration of the session it twins ("
                    + original.durationMinutes() + ")");
        }
        if (!original.instructorId().equals(twin.instructorId())) {
            throw DomainException.invalid("instructorId", "must be the instructor of the session it twins");
        }
        return twin;
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
        if (before.twinOf() != null) {
            String field = !before.start().equals(after.start()) ? "start"
                    : before.durationMinutes() != after.durationMinutes() ? "durationMinutes"
                    : !before.instructorId().equals(after.instructorId()) ? "instructorId" : null;
            if (field != null) throw DomainException.invalid(field, "follows the in-person session this one twins; change that session");
        }
        checkSeatsFit(before, after);
        if (!apply(before, after, settings)) {
            throw DomainException.conflict("SESSION_CHANGED", "the instructor is busy then, or seats were booked meanwhile",
                    "start");
        }
        return staffView(raisesCapacity(before, after) ? existing(studioId, sessionId) : after, settings);
    }

    /** Whether a change adds seats to some format (the waitlist took them: the session is read again). */
    private static boolean raisesCapacity(Session before, Session after) {
        return after.format().seatFormats().stream().anyMatch(seat -> after.capacityOf(seat) > before.capacityOf(seat));
    }

    /** A new capacity must still hold the seats already booked. */
    void checkSeatsFit(Session before, Session after) {
        for (SessionFormat seat : after.format().seatFormats()) {
            if (after.capacityOf(seat) < before.seatsTaken().getOrDefault(seat, 0)) {
                throw DomainException.invalid(seat == SessionFormat.ONLINE && after.format() == SessionFormat.HYBRID
                        ? "onlineCapacity" : "capacity", "is below the " + before.seatsTaken().get(seat) + " seats already booked");
            }
        }
    }

    /**
     * Writes a checked change: a new start or duration moves the bookings, their reminders and the
     * missing-link reminder, and e-mails every participant; the online twins of a moved session move
     * with it. False when the store refused it (the instructor is busy then, or seats were booked meanwhile).
     */
    boolean apply(Session before, Session after, StudioSettings settings) {
        boolean moved = !before.start().equals(after.start()) || before.durationMinutes() != after.durationMinutes();
        List<Booking> active = moved ? activeBookings(before) : List.of();
        List<Booking> movedBookings = active.stream().map(b -> b.rescheduled(after.start(), after.end())).toList();
        if (!sessions.update(before, after, movedBookings)) return false;
        if (moved) {
            keepReminderInStep(after, settings);
            movedBookings.forEach(b -> reminders.moved(b, settings));
            movedBookings.stream().filter(b -> b.status().holdsPlace())
                    .forEach(b -> mailer.send(SessionEmails.rescheduled(b, before, after, settings,
                            manageLinks.manage(b))));
        }
        if (moved || !before.instructorId().equals(after.instructorId())) {
            for (Session twin : sessions.twinsOf(after)) {
                if (twin.status() == Session.Status.SCHEDULED) apply(twin, following(twin, after), settings);
            }
        }
        for (SessionFormat seat : after.format().seatFormats()) {
            if (after.capacityOf(seat) > before.capacityOf(seat)) {
                seats.fillFromWaitlist(after.studioId(), after.sessionId(), seat); // more seats: the line gets them first
            }
        }
        return true;
    }

    /** Staff cancel the session: every participant gets back what they paid and is told (rule 9), except what a no-show forfeits. */
    public SessionViews.StaffSession cancel(Caller caller, String studioId, String sessionId) {
        caller.requireStaffOf(studioId);
        Session session = existing(studioId, sessionId);
        if (!cancelSession(session)) throw cancelledAlready();
        return staffView(existing(studioId, sessionId), studios.settingsOf(studioId));
    }

    /** Cancels one session as staff do, and its online twins with it; false if it was cancelled already. */
    boolean cancelSession(Session session) {
        if (!sessions.cancel(session)) return false;
        Session cancelled = existing(session.studioId(), session.sessionId());
        seats.cancelAllOf(cancelled);
        scheduler.cancel(TimedJobs.missingLinkName(session.sessionId()));
        for (Session twin : sessions.twinsOf(session)) {
            if (twin.status() == Session.Status.SCHEDULED) cancelSession(twin);
        }
        return true;
    }

    /** The twin at its original's new time, with its instructor. */
    private static Session following(Session twin, Session original) {
        return new Session(twin.sessionId(), twin.studioId(), twin.templateId(), twin.name(), twin.description(),
                original.start(), original.durationMinutes(), twin.format(), twin.capacity(), twin.onlineCapacity(),
                original.instructorId(), twin.locationId(), twin.price(), twin.creditPrice(), twin.paymentMethods(),
                twin.onlineAccess(), twin.linkVersion(), twin.status(), twin.seatsTaken(), twin.createdAt(),
                twin.seriesId(), twin.twinOf());
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
        // one read of the settings and of the participants serves the release and the answer, unless a release
        // marked someone's link as sent: then the answer reads them again
        List<Participant> participants = sessions.participants(studioId, sessionId);
        int sent = changed && after.hasLink() ? seats.releaseLink(after, before.hasLink(), settings, participants) : 0;
        return SessionViews.staffView(after, ZoneId.of(settings.timezone()),
                sent == 0 ? participants : sessions.participants(studioId, sessionId));
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

    /**
     * Published sessions between two dates (studio zone) with seats left; never any online access. With
     * {@code cancelled} "true" the cancelled ones too (no seats left), so a calendar can show them struck through.
     */
    public List<SessionViews.PublicSession> published(String studioId, String from, String to, String cancelled) {
        StudioSettings settings = studios.settingsOf(studioId);
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate first = Check.date(from, "from");
        LocalDate last = Check.date(to, "to");
        if (cancelled != null && !cancelled.equals("true") && !cancelled.equals("false")) {
            throw DomainException.invalid("cancelled", "must be true or false");
        }
        boolean withCancelled = "true".equals(cancelled);
        if (last.isBefore(first)) throw DomainException.invalid("to", "must not be before from");
        if (ChronoUnit.DAYS.between(first, last) > 92) throw DomainException.invalid("to", "must be at most 92 days after from");
        Map<String, String> names = studios.listStaff(studioId).stream().collect(Collectors.toMap(Staff::staffId, Staff::name));
        return sessions.listStartingIn(studioId, new TimeRange(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant())).stream()
                .filter(s -> withCancelled || s.status() == Session.Status.SCHEDULED)
                .map(s -> SessionViews.publicView(s, zone, names.get(s.instructorId())))
                .toList();
    }

    /** Rule 8: an upcoming online session without a link has a reminder; with a link, none. */
    void keepReminderInStep(Session session, StudioSettings settings) {
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

    SessionViews.StaffSession staffView(Session session, StudioSettings settings) {
        return SessionViews.staffView(session, ZoneId.of(settings.timezone()),
                sessions.participants(session.studioId(), session.sessionId()));
    }

    void checkReferences(String studioId, String instructorId, String locationId) {
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

    Session existing(String studioId, String sessionId) {
        return sessions.find(studioId, sessionId).orElseThrow(() -> DomainException.notFound("session"));
    }

    SessionTemplate existingTemplate(String studioId, String templateId) {
        return sessions.findTemplate(studioId, templateId).orElseThrow(() -> DomainException.notFound("session template"));
    }


    private static DomainException instructorBusy() {
        return DomainException.conflict("INSTRUCTOR_BUSY", "the instructor is already booked at that time", "start");
    }

    private static DomainException cancelledAlready() {
        return DomainException.conflict("SESSION_CANCELLED", "the session is cancelled", null);
    }

}
