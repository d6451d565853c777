package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.session.SessionTemplate;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.booking.Participant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.EnumMap;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** Session, participant and session-template items. Seat counters are top-level numbers ({@link #seats}). */
final class SessionMapper {
    private SessionMapper() {}

    /** The counter attribute of one seat format, changed only by conditional updates. */
    static String seats(SessionFormat seat) {
        return "seats_" + seat.name();
    }

    /** How many wait for a seat of the format now: no normal booking takes a seat while it is above 0. */
    static String waiting(SessionFormat seat) {
        return "waiting_" + seat.name();
    }

    /** The last waitlist ticket the format's line gave out. */
    static String lastTicket(SessionFormat seat) {
        return "waitlistNext_" + seat.name();
    }

    /** The capacity attribute a seat format is checked against. */
    static String capacityAttribute(Session session, SessionFormat seat) {
        return session.format() == SessionFormat.HYBRID && seat == SessionFormat.ONLINE ? "onlineCapacity" : "capacity";
    }

    /** The session without its counters (they are never overwritten by a put of the details). */
    static Map<String, AttributeValue> details(Session s) {
        return item()
                .put(Keys.PK, Keys.session(s.studioId(), s.sessionId())).put(Keys.SK, Keys.SESSION).put("type", "SESSION")
                .put(Keys.GSI1PK, Keys.studioSessions(s.studioId())).put(Keys.GSI1SK, Keys.time(s.start()) + "#" + s.sessionId())
                .put("sessionId", s.sessionId()).put("studioId", s.studioId()).put("templateId", s.templateId())
                .put("name", s.name()).put("description", s.description()).put("start", s.start())
                .put("durationMinutes", s.durationMinutes()).put("format", s.format().name())
                .put("capacity", s.capacity()).put("onlineCapacity", s.onlineCapacity())
                .put("instructorId", s.instructorId()).put("locationId", s.locationId())
                .put("price", s.price() == null ? null : AppointmentMapper.money(s.price()))
                .put("creditPrice", s.creditPrice())
                .putStrings("paymentMethods", s.paymentMethods().stream().map(Enum::name).toList())
                .put("onlineAccess", OnlineAccessMapper.item(s.onlineAccess()))
                .put("linkVersion", s.linkVersion()).put("status", s.status().name()).put("createdAt", s.createdAt())
                .put("seriesId", s.seriesId()).put("twinOf", s.twinOf())
                .build();
    }

    static Map<String, AttributeValue> withZeroSeats(Session s) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(details(s));
        for (SessionFormat seat : s.format().seatFormats()) item.put(seats(seat), Attr.n(0));
        return item;
    }

    static Session session(Map<String, AttributeValue> i) {
        SessionFormat format = SessionFormat.valueOf(str(i, "format"));
        Map<SessionFormat, Integer> taken = new EnumMap<>(SessionFormat.class);
        for (SessionFormat seat : format.seatFormats()) {
            Integer count = integer(i, seats(seat));
            taken.put(seat, count == null ? 0 : count);
        }
        Map<String, AttributeValue> price = map(i, "price");
        return new Session(str(i, "sessionId"), str(i, "studioId"), str(i, "templateId"), str(i, "name"),
                str(i, "description"), instant(i, "start"), integer(i, "durationMinutes"), format, integer(i, "capacity"),
                integer(i, "onlineCapacity"), str(i, "instructorId"), str(i, "locationId"),
                price == null ? null : AppointmentMapper.money(price), integer(i, "creditPrice"),
                Attr.strings(i, "paymentMethods", PaymentMethod::valueOf),
                OnlineAccessMapper.access(map(i, "onlineAccess")),
                integer(i, "linkVersion"), Session.Status.valueOf(str(i, "status")), taken, instant(i, "createdAt"),
                str(i, "seriesId"), str(i, "twinOf"));
    }

    static Map<String, AttributeValue> participant(Booking b) {
        return item()
                .put(Keys.PK, Keys.session(b.studioId(), b.session().sessionId()))
                .put(Keys.SK, Keys.PARTICIPANT_PREFIX + b.bookingId()).put("type", "PARTICIPANT")
                .put("bookingId", b.bookingId())
                .put("client", item().put("name", b.client().name()).put("email", b.client().email())
                        .put("phone", b.client().phone()).build())
                .put("format", b.session().format().name()).put("paymentMethod", b.paymentMethod().name())
                .put("status", b.status().name()).put("paymentStatus", b.paymentStatus().name())
                .put("waitlistTicket", b.waitlistTicket())
                .build();
    }

    static Participant participant(Map<String, AttributeValue> i) {
        Map<String, AttributeValue> c = map(i, "client");
        Integer sent = integer(i, "linkSentVersion");
        String attendance = str(i, "attendance");
        return new Participant(str(i, "bookingId"), new Client(str(c, "name"), str(c, "email"), str(c, "phone")),
                SessionFormat.valueOf(str(i, "format")), PaymentMethod.valueOf(str(i, "paymentMethod")),
                BookingStatus.valueOf(str(i, "status")), PaymentStatus.valueOf(str(i, "paymentStatus")),
                attendance == null ? null : Attendance.Status.valueOf(attendance), sent == null ? 0 : sent,
                integer(i, "waitlistTicket"));
    }

    static Map<String, AttributeValue> template(String studioId, SessionTemplate t) {
        return item()
                .put(Keys.PK, Keys.studio(studioId)).put(Keys.SK, Keys.template(t.templateId())).put("type", "TEMPLATE")
                .put("templateId", t.templateId()).put("name", t.name()).put("description", t.description())
                .put("durationMinutes", t.durationMinutes()).put("capacity", t.capacity())
                .put("onlineCapacity", t.onlineCapacity()).put("instructorId", t.instructorId())
                .put("locationId", t.locationId()).put("format", t.format().name())
                .put("price", t.price() == null ? null : AppointmentMapper.money(t.price()))
                .put("creditPrice", t.creditPrice())
                .putStrings("paymentMethods", t.paymentMethods().stream().map(Enum::name).toList())
                .put("createdAt", t.createdAt())
                .build();
    }

    static SessionTemplate template(Map<String, AttributeValue> i) {
        Map<String, AttributeValue> price = map(i, "price");
        return new SessionTemplate(str(i, "templateId"), str(i, "name"), str(i, "description"),
                integer(i, "durationMinutes"), integer(i, "capacity"), integer(i, "onlineCapacity"),
                str(i, "instructorId"), str(i, "locationId"), SessionFormat.valueOf(str(i, "format")),
                price == null ? null : AppointmentMapper.money(price), integer(i, "creditPrice"),
                Attr.strings(i, "paymentMethods", PaymentMethod::valueOf), instant(i, "createdAt"));
    }
}
