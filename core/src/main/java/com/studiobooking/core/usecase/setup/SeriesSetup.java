package com.studiobooking.core.usecase.setup;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.session.Series;
import com.studiobooking.core.model.session.SeriesChange;
import com.studiobooking.core.model.session.SeriesDetails;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.view.SeriesView;
import com.studiobooking.core.model.view.SessionViews;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Staff routes for recurring series: create one (every occurrence a normal session with the series id,
 * all or nothing), change or cancel "this and later" occurrences exactly as one session is changed or
 * cancelled. See docs/decisions/recurring-series.md.
 */
public final class SeriesSetup {
    private final StudioStore studios;
    private final SessionStore sessions;
    private final BookingStore bookings;
    private final SessionSetup single;
    private final Clock clock;

    public SeriesSetup(StudioStore studios, SessionStore sessions, BookingStore bookings, SessionSetup single, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.bookings = bookings;
        this.single = single;
        this.clock = clock;
    }

    /**
     * Plans and checks every occurrence, refuses when the instructor is busy on any date (naming them),
     * then creates them one by one; if one is refused meanwhile (a parallel booking of the instructor's
     * time), the ones already created are removed again, so no occurrence is left behind.
     */
    public SeriesView create(Caller caller, String studioId, SeriesDetails request) {
        caller.requireStaffOf(studioId);
        Check.required(request, "body");
        SessionDetails details = request.session();
        if (details.templateId() != null) {
            details = details.withDefaultsFrom(single.existingTemplate(studioId, Check.id(details.templateId(), "templateId")));
        }
        StudioSettings settings = studios.settingsOf(studioId);
        ZoneId zone = ZoneId.of(settings.timezone());
        Instant now = clock.instant();
        Instant firstStart = Check.dateTime(Check.required(details.start(), "start"), "start");
        List<ZonedDateTime> starts = Series.occurrences(request.repeat(), firstStart, zone, now.atZone(zone).toLocalDate());
        String seriesId = Ids.next("sr");
        List<Session> planned = new ArrayList<>();
        for (ZonedDateTime start : starts) {
            planned.add(details.startingAt(start.toOffsetDateTime().toString()).toSession(Ids.next("ss"), studioId, settings,
                    now, seriesId));
        }
        Session first = planned.get(0);
        single.checkReferences(studioId, first.instructorId(), first.locationId());
        List<LocalDate> busy = busyDates(planned, List.of(), zone);
        if (!busy.isEmpty()) throw instructorBusy(busy, "repeat");

        Series series = new Series(seriesId, studioId, request.repeat().weekdays(), starts.get(0).toLocalDate(),
                Check.date(request.repeat().until(), "repeat.until"), starts.get(0).toLocalTime(), zone.getId(),
                planned.stream().map(Session::sessionId).toList(), now);
        sessions.saveSeries(series);
        List<Session> created = new ArrayList<>();
        for (Session occurrence : planned) {
            if (!sessions.create(occurrence)) {
                undo(created, series);
                throw instructorBusy(List.of(occurrence.start().atZone(zone).toLocalDate()), "repeat");
            }
            created.add(occurrence);
        }
        created.forEach(s -> single.keepReminderInStep(s, settings));
        return SeriesView.of(series, null, null, null);
    }

    /** The series with its sessions, as staff see each (participants included). */
    public SeriesView series(Caller caller, String studioId, String seriesId) {
        caller.requireStaffOf(studioId);
        Series series = existing(studioId, seriesId);
        StudioSettings settings = studios.settingsOf(studioId);
        List<SessionViews.StaffSession> views = occurrences(series).stream()
                .map(s -> single.staffView(s, settings)).toList();
        return SeriesView.of(series, views, null, null);
    }

    /**
     * Changes every occurrence on or after {@code from} that is scheduled and not started, as
     * {@code PUT …/sessions/{id}} changes one. All are checked first (fields, seats taken, the
     * instructor's time, naming the date); then each is written. One refused while writing (a booking or
     * an appointment taken in parallel) stops the change there: the ones before it stay changed, and the
     * refusal names its date so staff can repeat the change from that date.
     */
    public SeriesView change(Caller caller, String studioId, String seriesId, SeriesChange change) {
        caller.requireStaffOf(studioId);
        Check.required(change, "body");
        LocalDate from = Check.date(Check.required(change.from(), "from"), "from");
        LocalTime newTime = change.newStartTime();
        Series series = existing(studioId, seriesId);
        StudioSettings settings = studios.settingsOf(studioId);
        ZoneId zone = ZoneId.of(settings.timezone());
        Instant now = clock.instant();
        List<Session> befores = upcoming(series, from, zone);
        List<Session> afters = new ArrayList<>();
        for (Session before : befores) {
            String start = newTime == null ? null
                    : ZonedDateTime.of(before.start().atZone(zone).toLocalDate(), newTime, zone).toOffsetDateTime().toString();
            Session after = change.forOccurrence(start).applyTo(before, settings, now);
            try {
                single.checkSeatsFit(before, after);
            } catch (DomainException e) {
                throw DomainException.invalid(e.field(), e.getMessage() + " on " + before.start().atZone(zone).toLocalDate());
            }
            afters.add(after);
        }
        if (!afters.isEmpty()) single.checkReferences(studioId, afters.get(0).instructorId(), afters.get(0).locationId());
        List<LocalDate> busy = busyDates(afters, befores, zone);
        if (!busy.isEmpty()) throw instructorBusy(busy, change.movingField());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < befores.size(); i++) {
            if (!single.apply(befores.get(i), afters.get(i), settings)) {
                throw DomainException.conflict("SESSION_CHANGED", "the session on "
                        + befores.get(i).start().atZone(zone).toLocalDate() + " could not be changed: the instructor is busy "
                        + "then, or seats were booked meanwhile; the " + changed.size() + " sessions before it were changed",
                        change.movingField());
            }
            changed.add(befores.get(i).sessionId());
        }
        return SeriesView.of(series, null, changed, null);
    }

    /**
     * Cancels every occurrence on or after {@code from} that is scheduled and not started, as
     * {@code POST …/sessions/{id}/cancel} cancels one (refunds, credits and entries back, e-mails).
     * Cancelling again cancels nothing more.
     */
    public SeriesView cancel(Caller caller, String studioId, String seriesId, LocalDateRequest request) {
        caller.requireStaffOf(studioId);
        LocalDate from = Check.date(Check.required(Check.required(request, "body").from(), "from"), "from");
        Series series = existing(studioId, seriesId);
        ZoneId zone = ZoneId.of(studios.settingsOf(studioId).timezone());
        List<String> cancelled = new ArrayList<>();
        for (Session session : upcoming(series, from, zone)) {
            if (single.cancelSession(session)) cancelled.add(session.sessionId());
        }
        return SeriesView.of(series, null, null, cancelled);
    }

    /** The body of a cancellation: the first date it applies to. */
    public record LocalDateRequest(String from) {
    }

    /** The occurrences on or after {@code from} (studio zone) that are scheduled and not started. */
    private List<Session> upcoming(Series series, LocalDate from, ZoneId zone) {
        Instant now = clock.instant();
        return occurrences(series).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED && s.start().isAfter(now))
                .filter(s -> !s.start().atZone(zone).toLocalDate().isBefore(from))
                .toList();
    }

    private List<Session> occurrences(Series series) {
        return series.sessionIds().stream().map(id -> sessions.find(series.studioId(), id)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Session::start)).toList();
    }

    /**
     * The dates on which the instructor's calendar already holds time that a session would need, read
     * in one query over the whole span. {@code own} are the sessions as they are now (a change): the time
     * each holds itself is not a clash for it.
     */
    private List<LocalDate> busyDates(List<Session> placed, List<Session> own, ZoneId zone) {
        if (placed.isEmpty()) return List.of();
        Instant first = placed.stream().map(Session::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = placed.stream().map(Session::end).max(Comparator.naturalOrder()).orElseThrow();
        List<BookingStore.BusyTime> busy = bookings.busyTime(placed.get(0).studioId(),
                new TimeRange(first.minus(Duration.ofDays(1)), last));
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Session s = placed.get(i);
            Session itself = own.isEmpty() ? null : own.get(i);
            boolean clash = busy.stream().anyMatch(b -> b.staffId().equals(s.instructorId()) && b.time().overlaps(s.time())
                    && !(itself != null && b.staffId().equals(itself.instructorId()) && b.time().equals(itself.time())));
            if (clash) dates.add(s.start().atZone(zone).toLocalDate());
        }
        return dates;
    }

    /** Removes the occurrences created before one was refused; one booked meanwhile is cancelled as staff cancel it. */
    private void undo(List<Session> created, Series series) {
        for (Session session : created) {
            if (!sessions.remove(session)) {
                sessions.find(session.studioId(), session.sessionId()).ifPresent(single::cancelSession);
            }
        }
        sessions.removeSeries(series.studioId(), series.seriesId());
    }

    private Series existing(String studioId, String seriesId) {
        return sessions.findSeries(studioId, Check.id(seriesId, "seriesId")).orElseThrow(() -> DomainException.notFound("series"));
    }

    private static DomainException instructorBusy(List<LocalDate> dates, String field) {
        return DomainException.conflict("INSTRUCTOR_BUSY", "the instructor is already booked at that time on "
                + dates.stream().map(LocalDate::toString).collect(Collectors.joining(", ")), field);
    }
}
