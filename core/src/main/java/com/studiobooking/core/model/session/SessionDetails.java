package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What staff send for a session or a session template. On create, a template fills what the request
 * leaves out; on update, absent fields are kept.
 */
public record SessionDetails(String templateId, String name, String description, String start, Integer durationMinutes,
                             Integer capacity, Integer onlineCapacity, String instructorId, SessionFormat format,
                             String locationId, Money price, Integer creditPrice, List<PaymentMethod> paymentMethods,
                             OnlineAccess onlineAccess, String twinOf) {

    /** Without {@code twinOf}: a session that is nobody's twin. */
    public SessionDetails(String templateId, String name, String description, String start, Integer durationMinutes,
                          Integer capacity, Integer onlineCapacity, String instructorId, SessionFormat format,
                          String locationId, Money price, Integer creditPrice, List<PaymentMethod> paymentMethods,
                          OnlineAccess onlineAccess) {
        this(templateId, name, description, start, durationMinutes, capacity, onlineCapacity, instructorId, format,
                locationId, price, creditPrice, paymentMethods, onlineAccess, null);
    }

    /**
     * A move must claim and free the instructor's time in one transaction (100 items): 2 × 48 units + 3, and
     * the staff token check a staff request's writes carry (docs/decisions/staff-tokens.md).
     */
    static final int MAX_MINUTES = 240;

    public SessionDetails withDefaultsFrom(SessionTemplate t) {
        return new SessionDetails(templateId, pick(name, t.name()), pick(description, t.description()), start,
                pick(durationMinutes, t.durationMinutes()), pick(capacity, t.capacity()),
                pick(onlineCapacity, t.onlineCapacity()), pick(instructorId, t.instructorId()), pick(format, t.format()),
                pick(locationId, t.locationId()), pick(price, t.price()), pick(creditPrice, t.creditPrice()),
                pick(paymentMethods, t.paymentMethods()), onlineAccess, twinOf);
    }

    /** The same details starting at another time (an occurrence of a series). */
    public SessionDetails startingAt(String otherStart) {
        return new SessionDetails(templateId, name, description, otherStart, durationMinutes, capacity, onlineCapacity,
                instructorId, format, locationId, price, creditPrice, paymentMethods, onlineAccess, twinOf);
    }

    /**
     * An online twin takes what the request leaves out from the in-person session it twins (its payment
     * methods without paying at the studio: an online seat is paid in advance).
     */
    public SessionDetails withDefaultsFromOriginal(Session original, String originalStart) {
        return new SessionDetails(templateId, pick(name, original.name()), pick(description, original.description()),
                pick(start, originalStart), pick(durationMinutes, original.durationMinutes()),
                pick(capacity, original.capacity()), onlineCapacity, pick(instructorId, original.instructorId()),
                pick(format, SessionFormat.ONLINE), locationId, pick(price, original.price()),
                pick(creditPrice, original.creditPrice()), pick(paymentMethods, inAdvance(original.paymentMethods())), onlineAccess, twinOf);
    }

    /** The methods an online seat can be paid with: all but paying at the studio. */
    private static List<PaymentMethod> inAdvance(List<PaymentMethod> methods) {
        return methods.stream().filter(m -> m != PaymentMethod.PAY_AT_STUDIO).toList();
    }

    /** A new session; {@code sessionId}, counters and times are set here. */
    public Session toSession(String sessionId, String studioId, StudioSettings studio, Instant now) {
        return toSession(sessionId, studioId, studio, now, null);
    }

    /** A new session, an occurrence of {@code seriesId} when that is not null; {@code twinOf} is taken as sent. */
    public Session toSession(String sessionId, String studioId, StudioSettings studio, Instant now, String seriesId) {
        Instant startsAt = Check.dateTime(Check.required(start, "start"), "start");
        if (!startsAt.isAfter(now)) throw DomainException.invalid("start", "must be in the future");
        Session draft = new Session(sessionId, studioId, templateId, name, description, startsAt,
                Check.required(durationMinutes, "durationMinutes"), Check.required(format, "format"),
                Check.required(capacity, "capacity"), onlineCapacity, instructorId, locationId, price, creditPrice,
                paymentMethods, onlineAccess == null ? OnlineAccess.NONE : onlineAccess.validated(), 0,
                Session.Status.SCHEDULED, Map.of(), now, seriesId, twinOf);
        Session valid = validated(draft, studio);
        return valid.hasLink() ? withLinkVersion(valid, 1) : valid;
    }

    /** The session changed by this request (format and online access are changed elsewhere). */
    public Session applyTo(Session s, StudioSettings studio, Instant now) {
        if (format != null && format != s.format()) throw DomainException.invalid("format", "cannot be changed; cancel and create a new session");
        if (onlineAccess != null) throw DomainException.invalid("onlineAccess", "is changed with PUT …/online-access");
        if (twinOf != null) throw DomainException.invalid("twinOf", "is set when the twin is created");
        Instant startsAt = start == null ? s.start() : Check.dateTime(start, "start");
        if (start != null && !startsAt.isAfter(now)) throw DomainException.invalid("start", "must be in the future");
        return validated(new Session(s.sessionId(), s.studioId(), s.templateId(), pick(name, s.name()),
                pick(description, s.description()), startsAt, pick(durationMinutes, s.durationMinutes()), s.format(),
                pick(capacity, s.capacity()), pick(onlineCapacity, s.onlineCapacity()), pick(instructorId, s.instructorId()),
                pick(locationId, s.locationId()), pick(price, s.price()), pick(creditPrice, s.creditPrice()),
                pick(paymentMethods, s.paymentMethods()), s.onlineAccess(), s.linkVersion(), s.status(), s.seatsTaken(),
                s.createdAt(), s.seriesId(), s.twinOf()), studio);
    }

    public SessionTemplate toTemplate(String templateId, StudioSettings studio, Instant now) {
        Session shape = validated(new Session("template", "template", null, name, description, now,
                Check.required(durationMinutes, "durationMinutes"), Check.required(format, "format"),
                Check.required(capacity, "capacity"), onlineCapacity, instructorId, locationId, price, creditPrice,
                paymentMethods, OnlineAccess.NONE, 0, Session.Status.SCHEDULED, Map.of(), now, null, null), studio);
        if (start != null) throw DomainException.invalid("start", "is set per session, not on a template");
        if (twinOf != null) throw DomainException.invalid("twinOf", "is set per session, not on a template");
        return new SessionTemplate(templateId, shape.name(), shape.description(), shape.durationMinutes(), shape.capacity(),
                shape.onlineCapacity(), shape.instructorId(), shape.locationId(), shape.format(), shape.price(),
                shape.creditPrice(), shape.paymentMethods(), now);
    }

    private static Session validated(Session s, StudioSettings studio) {
        int duration = Check.range(s.durationMinutes(), "durationMinutes", 5, MAX_MINUTES);
        if (duration % 5 != 0) throw DomainException.invalid("durationMinutes", "must be a multiple of 5");
        int seats = Check.range(s.capacity(), "capacity", 1, 10_000);
        Integer online = s.onlineCapacity();
        if (s.format() == SessionFormat.HYBRID) {
            online = Check.range(Check.required(online, "onlineCapacity"), "onlineCapacity", 1, 10_000);
        } else if (online != null) {
            throw DomainException.invalid("onlineCapacity", "is only for HYBRID sessions (ONLINE sessions use capacity)");
        }
        Money price = s.price() == null ? null : s.price().validated("price", studio.currency());
        Integer credits = s.creditPrice() == null ? null : Check.range(s.creditPrice(), "creditPrice", 1, 1000);
        List<PaymentMethod> methods = methods(s.paymentMethods(), price, credits, studio);
        // rule 4: an online seat is paid in advance, or free (a free booking counts as paid for rule 3)
        if (s.format().hasOnlineSeats() && methods.stream().noneMatch(m -> m.isPrepayment() || m == PaymentMethod.FREE)) {
            throw DomainException.policy("ONLINE_NEEDS_PREPAYMENT",
                    "online sessions need a prepayment method (card, bank transfer, credits or passes) or to be free",
                    "paymentMethods");
        }
        if (s.format() != SessionFormat.ONLINE) Check.id(s.locationId(), "locationId");
        return new Session(s.sessionId(), s.studioId(), s.templateId(), Check.text(s.name(), "name", 120),
                Check.optionalText(s.description(), "description", 4000), s.start(), duration, s.format(), seats, online,
                Check.id(s.instructorId(), "instructorId"), s.locationId() == null ? null : Check.id(s.locationId(), "locationId"),
                price, credits, methods, s.onlineAccess(), s.linkVersion(), s.status(), s.seatsTaken(), s.createdAt(),
                s.seriesId(), s.twinOf());
    }

    private static List<PaymentMethod> methods(List<PaymentMethod> requested, Money price, Integer credits,
                                               StudioSettings studio) {
        boolean free = (price == null || price.costsNothing()) && credits == null;
        if (requested == null || requested.isEmpty()) {
            if (free) return List.of(PaymentMethod.FREE);
            throw DomainException.invalid("paymentMethods", "is required for a session with a price");
        }
        List<PaymentMethod> methods = List.copyOf(new LinkedHashSet<>(requested));
        for (int i = 0; i < methods.size(); i++) {
            PaymentMethod m = methods.get(i);
            String field = "paymentMethods[" + i + "]";
            switch (m) {
                case FREE -> {
                    if (!free) throw DomainException.invalid(field, "FREE is only for sessions without a price");
                }
                case CREDITS -> {
                    if (credits == null) throw DomainException.invalid("creditPrice", "is required to accept CREDITS");
                }
                case CARD, BANK_TRANSFER, PAY_AT_STUDIO -> {
                    if (price == null || price.costsNothing()) throw DomainException.invalid("price", "is required to accept " + m);
                }
                case PASS -> { }
            }
            if (m != PaymentMethod.FREE && !studio.accepts(m)) {
                throw DomainException.invalid(field, m + " is not enabled in the studio's settings");
            }
        }
        return methods;
    }

    static Session withLinkVersion(Session s, int version) {
        return new Session(s.sessionId(), s.studioId(), s.templateId(), s.name(), s.description(), s.start(),
                s.durationMinutes(), s.format(), s.capacity(), s.onlineCapacity(), s.instructorId(), s.locationId(),
                s.price(), s.creditPrice(), s.paymentMethods(), s.onlineAccess(), version, s.status(), s.seatsTaken(),
                s.createdAt(), s.seriesId(), s.twinOf());
    }


    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
