package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How sessions appear in the API: publicly (never with online access) and to staff. */
public final class SessionViews {
    private SessionViews() {}

    /** A session in the public listing: seats left, never the link. */
    public record PublicSession(String sessionId, String name, String description, OffsetDateTime start,
                                OffsetDateTime end, int durationMinutes, SessionFormat format, String instructorId,
                                String instructorName, String locationId, Money price, Integer creditPrice,
                                List<PaymentMethod> paymentMethods, int spotsLeft, Map<SessionFormat, Integer> spotsLeftByFormat,
                                Session.Status status, String seriesId, String twinOf) {
    }

    /** A session as its studio's staff see it: with its online access and participants. */
    public record StaffSession(String sessionId, String templateId, String name, String description, OffsetDateTime start,
                               OffsetDateTime end, int durationMinutes, SessionFormat format, int capacity,
                               Integer onlineCapacity, String instructorId, String locationId, Money price,
                               Integer creditPrice, List<PaymentMethod> paymentMethods, OnlineAccess onlineAccess,
                               int linkVersion, Session.Status status, Map<SessionFormat, Integer> spotsLeftByFormat,
                               Instant createdAt, List<Participant> participants, String seriesId, String twinOf) {
    }

    /** One client waiting for a seat: their place in the line of their format, and how they will pay. */
    public record WaitlistEntry(SessionFormat format, int position, String bookingId, Client client,
                                PaymentMethod paymentMethod) {
    }

    /** The lines of a session's formats, each in ticket order, numbered from 1. */
    public static List<WaitlistEntry> waitlist(Session s, List<Participant> participants) {
        List<WaitlistEntry> entries = new ArrayList<>();
        for (SessionFormat seat : s.format().seatFormats()) {
            List<Participant> line = participants.stream().filter(p -> p.waitsFor(seat))
                    .sorted(Comparator.comparing(Participant::waitlistTicket)).toList();
            for (int i = 0; i < line.size(); i++) {
                Participant p = line.get(i);
                entries.add(new WaitlistEntry(seat, i + 1, p.bookingId(), p.client(), p.paymentMethod()));
            }
        }
        return entries;
    }

    public static PublicSession publicView(Session s, ZoneId zone, String instructorName) {
        Map<SessionFormat, Integer> left = spotsLeft(s);
        return new PublicSession(s.sessionId(), s.name(), s.description(), s.start().atZone(zone).toOffsetDateTime(),
                s.end().atZone(zone).toOffsetDateTime(), s.durationMinutes(), s.format(), s.instructorId(), instructorName,
                s.locationId(), s.price(), s.creditPrice(), s.paymentMethods(),
                left.values().stream().mapToInt(Integer::intValue).sum(), left, s.status(), s.seriesId(), s.twinOf());
    }

    public static StaffSession staffView(Session s, ZoneId zone, List<Participant> participants) {
        return new StaffSession(s.sessionId(), s.templateId(), s.name(), s.description(),
                s.start().atZone(zone).toOffsetDateTime(), s.end().atZone(zone).toOffsetDateTime(), s.durationMinutes(),
                s.format(), s.capacity(), s.onlineCapacity(), s.instructorId(), s.locationId(), s.price(), s.creditPrice(),
                s.paymentMethods(), s.onlineAccess(), s.linkVersion(), s.status(), spotsLeft(s), s.createdAt(), participants,
                s.seriesId(), s.twinOf());
    }

    private static Map<SessionFormat, Integer> spotsLeft(Session s) {
        Map<SessionFormat, Integer> left = new LinkedHashMap<>();
        for (SessionFormat seat : s.format().seatFormats()) {
            left.put(seat, s.status() == Session.Status.CANCELLED ? 0 : s.spotsLeft(seat));
        }
        return left;
    }
}
