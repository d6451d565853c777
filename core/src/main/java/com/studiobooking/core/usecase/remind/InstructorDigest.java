package com.studiobooking.core.usecase.remind;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.mail.InstructorEmails;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.studio.InstructorNotices;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instructors' daily digest, when the studio's daily schedule fires: each instructor with at least one
 * scheduled class in the 24 hours from today's digest hour (the studio's zone) gets one e-mail listing them
 * with who booked. Each instructor's e-mail of a day is claimed (a marker per day and instructor) before it
 * goes, so a schedule that fires twice on one day sends nothing more. Nothing is sent unless the studio still
 * wants digests.
 */
public final class InstructorDigest {
    private final StudioStore studios;
    private final SessionStore sessions;
    private final Mailer mailer;
    private final Clock clock;

    public InstructorDigest(StudioStore studios, SessionStore sessions, Mailer mailer, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** True when at least one instructor was e-mailed. */
    public boolean send(String studioId) {
        Optional<Studio> studio = studios.findStudio(studioId);
        if (studio.isEmpty()) return false;
        StudioSettings settings = studio.get().settings();
        InstructorNotices notices = settings.instructorNotices();
        if (notices == null || notices.mode() != InstructorNotices.Mode.DAILY_DIGEST) return false;
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate day = clock.instant().atZone(zone).toLocalDate();
        Instant from = day.atTime(notices.digestHour(), 0).atZone(zone).toInstant();
        Map<String, List<Session>> byInstructor = new LinkedHashMap<>();
        sessions.listStartingIn(studioId, new TimeRange(from, from.plus(Duration.ofHours(24)))).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .sorted(Comparator.comparing(Session::start).thenComparing(Session::sessionId))
                .forEach(s -> byInstructor.computeIfAbsent(s.instructorId(), k -> new ArrayList<>()).add(s));
        if (byInstructor.isEmpty()) return false;
        int sent = 0;
        for (Staff instructor : studios.listStaff(studioId)) {
            List<Session> classes = byInstructor.get(instructor.staffId());
            if (classes == null || instructor.email() == null || instructor.email().isBlank()) continue;
            List<InstructorEmails.ClassOfTheDay> listed = classes.stream().map(s -> new InstructorEmails.ClassOfTheDay(s,
                    sessions.participants(studioId, s.sessionId()).stream().filter(p -> p.status().isActive())
                            .map(p -> p.client().name()).sorted().toList())).toList();
            if (!sessions.markDigestSent(studioId, instructor.staffId(), day)) continue;
            mailer.send(InstructorEmails.digest(instructor, listed, settings, from));
            sent++;
        }
        return sent > 0;
    }
}
