package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.session.Series;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.session.SessionTemplate;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.studiobooking.infrastructure.table.Condition.Op;

/**
 * Sessions with their seat counters and participants (rule 1), and the instructor's time they take
 * (rule 2). A seat is taken by a conditional update of the session's counter ({@code seats < capacity})
 * in the same transaction as the booking, its participant line and any wallet debit, so the counter
 * can never pass the capacity and a pass entry or credits are never used twice.
 */
public final class DynamoSessionStore implements SessionStore {
    private final ItemTable table;

    public DynamoSessionStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public void saveTemplate(String studioId, SessionTemplate template) {
        table.write(Write.put(SessionMapper.template(studioId, template)));
    }

    @Override
    public Optional<SessionTemplate> findTemplate(String studioId, String templateId) {
        return table.get(Keys.studio(studioId), Keys.template(templateId)).map(SessionMapper::template);
    }

    @Override
    public List<SessionTemplate> listTemplates(String studioId) {
        return table.query(KeyQuery.prefix(Keys.studio(studioId), Keys.TEMPLATE_PREFIX)).stream()
                .map(SessionMapper::template).toList();
    }

    @Override
    public void removeTemplate(String studioId, String templateId) {
        table.write(Write.delete(Keys.studio(studioId), Keys.template(templateId)));
    }

    @Override
    public boolean create(Session session) {
        List<Write> writes = new ArrayList<>();
        writes.add(Write.putNew(SessionMapper.withZeroSeats(session)));
        if (session.twinOf() != null) {
            // the twin shares its original's claim: created only while the original still holds it at this time
            String original = Keys.session(session.studioId(), session.twinOf());
            writes.add(new Write.Check(original, Keys.SESSION, Condition.eq("status", "SCHEDULED")
                    .and(Condition.eq("start", session.start().toString()))
                    .and(Condition.eq("instructorId", session.instructorId()))
                    .and(Condition.is("durationMinutes", Op.EQ, session.durationMinutes()))));
            writes.add(Write.putNew(Attr.item().put(Keys.PK, original).put(Keys.SK, Keys.TWIN_PREFIX + session.sessionId())
                    .put("type", "TWIN").put("sessionId", session.sessionId()).build()));
        } else {
            writes.addAll(instructorTime(session, true));
        }
        return table.tryTransact(writes) == null;
    }

    @Override
    public List<Session> twinsOf(Session original) {
        return table.query(KeyQuery.prefix(Keys.session(original.studioId(), original.sessionId()), Keys.TWIN_PREFIX))
                .stream().map(pointer -> find(original.studioId(), pointer.get("sessionId").s()))
                .flatMap(Optional::stream).toList();
    }

    @Override
    public boolean remove(Session session) {
        List<Write> writes = new ArrayList<>();
        Condition noSeatTaken = Condition.eq("status", "SCHEDULED");
        for (SessionFormat seat : session.format().seatFormats()) {
            noSeatTaken = noSeatTaken.and(Condition.is(SessionMapper.seats(seat), Op.EQ, 0));
        }
        writes.add(Write.delete(Keys.session(session.studioId(), session.sessionId()), Keys.SESSION, noSeatTaken));
        if (session.twinOf() == null) writes.addAll(instructorTime(session, false));
        return table.tryTransact(writes) == null;
    }

    @Override
    public void saveSeries(Series series) {
        table.write(Write.put(SeriesMapper.series(series)));
    }

    @Override
    public Optional<Series> findSeries(String studioId, String seriesId) {
        return table.get(Keys.studio(studioId), Keys.series(seriesId)).map(SeriesMapper::series);
    }

    @Override
    public void removeSeries(String studioId, String seriesId) {
        table.write(Write.delete(Keys.studio(studioId), Keys.series(seriesId)));
    }

    @Override
    public Optional<Session> find(String studioId, String sessionId) {
        return table.get(Keys.session(studioId, sessionId), Keys.SESSION).map(SessionMapper::session);
    }

    @Override
    public List<Session> listStartingIn(String studioId, TimeRange range) {
        return table.query(KeyQuery.between(Keys.studioSessions(studioId), Keys.time(range.start()),
                        Keys.time(range.end().minusSeconds(1)) + "~").onIndex(Keys.GSI1)).stream()
                .map(SessionMapper::session).toList();
    }

    @Override
    public boolean update(Session before, Session after, List<Booking> bookingsMoved) {
        List<Write> writes = new ArrayList<>();
        writes.add(updateDetails(after));
        boolean moved = !before.start().equals(after.start()) || before.durationMinutes() != after.durationMinutes()
                || !before.instructorId().equals(after.instructorId());
        if (moved && after.twinOf() == null) {
            String holder = holder(before);
            List<Instant> oldUnits = StaffTime.units(before.time());
            List<Instant> newUnits = StaffTime.units(after.time());
            boolean sameStaff = before.instructorId().equals(after.instructorId());
            Set<Instant> kept = sameStaff ? new HashSet<>(oldUnits) : Set.of();
            kept.retainAll(newUnits);
            writes.add(Write.delete(Keys.studioCalendar(before.studioId()), StaffTime.calendarKey(before.start(), holder)));
            writes.add(Write.putNew(StaffTime.calendarEntry(after.studioId(), after.start(), holder, after.instructorId(),
                    after.time())));
            writes.addAll(StaffTime.free(before.studioId(), before.instructorId(),
                    oldUnits.stream().filter(u -> !kept.contains(u)).toList(), holder));
            writes.addAll(StaffTime.claim(after.studioId(), after.instructorId(),
                    newUnits.stream().filter(u -> !kept.contains(u)).toList(), holder, after.time()));
        }
        if (table.tryTransact(writes) != null) return false;
        // only the times move: a payment or cancellation written meanwhile is kept
        for (Booking booking : bookingsMoved) {
            table.write(Write.change(Keys.booking(booking.bookingId()), Keys.BOOKING, Update.create()
                    .set("start", booking.start().toString()).set("end", booking.end().toString())
                    .set(Keys.GSI1SK, Keys.time(booking.start()) + "#" + booking.bookingId()).add("version", 1)
                    .add("calendarSequence", 1),
                    Condition.exists(Keys.PK)));
        }
        return true;
    }

    @Override
    public boolean cancel(Session cancelled) {
        List<Write> writes = new ArrayList<>();
        writes.add(Write.change(Keys.session(cancelled.studioId(), cancelled.sessionId()), Keys.SESSION,
                Update.create().set("status", "CANCELLED"), Condition.eq("status", "SCHEDULED")));
        if (cancelled.twinOf() == null) writes.addAll(instructorTime(cancelled, false));
        return table.tryTransact(writes) == null;
    }

    @Override
    public List<Participant> participants(String studioId, String sessionId) {
        return table.query(KeyQuery.prefix(Keys.session(studioId, sessionId), Keys.PARTICIPANT_PREFIX)).stream()
                .map(SessionMapper::participant).toList();
    }

    @Override
    public SeatResult reserveSeat(Booking booking, WalletDebit debit, BookingStore.IdempotencyKey key) {
        Session session = find(booking.studioId(), booking.session().sessionId()).orElse(null);
        if (session == null) return new SeatResult.SessionNotBookable();
        List<Write> writes = new ArrayList<>();
        if (key != null) writes.add(Write.putNew(DynamoBookingStore.idempotency(booking, key)));
        int seatWrite = writes.size();
        writes.add(takeSeat(session, booking.session().format()));
        writes.add(Write.putNew(BookingMapper.booking(booking)));
        writes.add(Write.putNew(SessionMapper.participant(booking)));
        writes.add(Write.putNew(DynamoBookingStore.clientPointer(booking)));
        int walletWrite = writes.size();
        if (debit != null) {
            writes.add(debit.passId() != null
                    ? DynamoWalletStore.useEntry(booking.studioId(), debit.clientId(), debit.passId(), booking.createdAt())
                    : DynamoWalletStore.spendCredits(booking.studioId(), debit.clientId(), debit.credits()));
            writes.add(DynamoWalletStore.history(booking.studioId(), debit.clientId(), debit.entry()));
        }
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return new SeatResult.Reserved(booking);
        if (key != null && failed.get(0)) {
            return table.get(Keys.studioIdempotency(booking.studioId()), key.key())
                    .map(i -> (SeatResult) new SeatResult.Repeated(i.get("bookingId").s(), i.get("fingerprint").s()))
                    .orElseThrow();
        }
        if (debit != null && failed.get(walletWrite)) return new SeatResult.WalletRefused();
        if (failed.get(seatWrite)) {
            boolean scheduled = find(session.studioId(), session.sessionId())
                    .map(s -> s.status() == Session.Status.SCHEDULED).orElse(false);
            return scheduled ? new SeatResult.Full() : new SeatResult.SessionNotBookable();
        }
        throw new IllegalStateException("a seat transaction failed on a write that cannot clash");
    }

    @Override
    public boolean releaseSeat(Booking cancelled, WalletReturn returned) {
        List<Write> writes = new ArrayList<>();
        writes.add(DynamoBookingStore.replaceIfUnchanged(cancelled));
        writes.add(participantStatus(cancelled));
        String counter = SessionMapper.seats(cancelled.session().format());
        writes.add(Write.change(Keys.session(cancelled.studioId(), cancelled.session().sessionId()), Keys.SESSION,
                Update.create().add(counter, -1), Condition.is(counter, Op.GE, 1)));
        if (returned != null) {
            writes.add(returned.passId() != null
                    ? DynamoWalletStore.returnEntry(cancelled.studioId(), returned.clientId(), returned.passId())
                    : DynamoWalletStore.addCredits(cancelled.studioId(), returned.clientId(), returned.credits()));
            writes.add(DynamoWalletStore.history(cancelled.studioId(), returned.clientId(), returned.entry()));
        }
        return table.tryTransact(writes) == null;
    }

    @Override
    public BookingStore.MoveOutcome moveSeat(Booking before, Booking after, Session target) {
        String counter = SessionMapper.seats(before.session().format());
        List<Write> writes = new ArrayList<>();
        writes.add(DynamoBookingStore.replaceIfUnchanged(after));
        writes.add(takeSeat(target, after.session().format()));
        // the seat freed in the session the booking leaves (the waitlist's promotion follows in SessionBooking)
        writes.add(Write.change(Keys.session(before.studioId(), before.session().sessionId()), Keys.SESSION,
                Update.create().add(counter, -1), Condition.is(counter, Op.GE, 1)));
        writes.add(Write.delete(Keys.session(before.studioId(), before.session().sessionId()),
                Keys.PARTICIPANT_PREFIX + before.bookingId(), Condition.exists(Keys.PK)));
        writes.add(Write.putNew(SessionMapper.participant(after)));
        if (!before.start().equals(after.start())) {
            writes.add(Write.delete(Keys.client(before.studioId(), before.clientId()),
                    DynamoBookingStore.clientPointerKey(before)));
            writes.add(Write.putNew(DynamoBookingStore.clientPointer(after)));
        }
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return BookingStore.MoveOutcome.MOVED;
        if (failed.get(0)) return BookingStore.MoveOutcome.CHANGED;
        if (failed.get(1)) {
            boolean scheduled = find(target.studioId(), target.sessionId())
                    .map(s -> s.status() == Session.Status.SCHEDULED).orElse(false);
            return scheduled ? BookingStore.MoveOutcome.TAKEN : BookingStore.MoveOutcome.NOT_BOOKABLE;
        }
        throw new IllegalStateException("a seat move failed on a write that cannot clash");
    }

    @Override
    public boolean saveBooking(Booking changed) {
        return table.tryTransact(List.of(DynamoBookingStore.replaceIfUnchanged(changed), participantStatus(changed))) == null;
    }

    @Override
    public BookingStore.Reinstatement reinstate(Booking paid) {
        Session session = find(paid.studioId(), paid.session().sessionId()).orElse(null);
        if (session == null) return BookingStore.Reinstatement.TAKEN;
        List<Boolean> failed = table.tryTransact(List.of(
                DynamoBookingStore.replaceIfUnchanged(paid),
                takeSeat(session, paid.session().format()),
                participantStatus(paid)));
        if (failed == null) return BookingStore.Reinstatement.REINSTATED;
        return failed.get(0) ? BookingStore.Reinstatement.CHANGED : BookingStore.Reinstatement.TAKEN;
    }

    @Override
    public boolean markReminderSent(String studioId, String sessionId, Instant start) {
        return table.write(Write.change(Keys.session(studioId, sessionId), Keys.SESSION,
                Update.create().set("reminderSentFor", start.toString()),
                Condition.exists(Keys.PK).and(Condition.anyOf(Condition.missing("reminderSentFor"),
                        Condition.ne("reminderSentFor", start.toString())))));
    }

    @Override
    public boolean markLinkSent(String studioId, String sessionId, String bookingId, int linkVersion) {
        return table.write(Write.change(Keys.session(studioId, sessionId), Keys.PARTICIPANT_PREFIX + bookingId,
                Update.create().set("linkSentVersion", linkVersion),
                Condition.exists(Keys.PK).and(Condition.anyOf(Condition.missing("linkSentVersion"),
                        Condition.is("linkSentVersion", Op.LT, linkVersion)))));
    }

    @Override
    public boolean markDigestSent(String studioId, String instructorId, java.time.LocalDate day) {
        return table.write(Write.putNew(Attr.item().put(Keys.PK, Keys.studioDigests(studioId))
                .put(Keys.SK, Keys.digestSent(day, instructorId)).put("type", "DIGEST_SENT")
                .putAll(Map.of(Keys.TTL, Attr.n(day.plusDays(3).toEpochDay() * 86_400L)))
                .build()));
    }

    /**
     * One more seat of the format, only while the session is scheduled, the seat is below its capacity
     * and nobody waits for it (a seat that frees up while someone waits is theirs).
     */
    private Write takeSeat(Session session, SessionFormat seat) {
        String counter = SessionMapper.seats(seat);
        return Write.change(Keys.session(session.studioId(), session.sessionId()), Keys.SESSION,
                Update.create().add(counter, 1),
                Condition.eq("status", "SCHEDULED")
                        .and(Condition.compare(counter, Op.LT, SessionMapper.capacityAttribute(session, seat)))
                        .and(nobodyWaits(seat)));
    }

    private static Condition nobodyWaits(SessionFormat seat) {
        String waiting = SessionMapper.waiting(seat);
        return Condition.anyOf(Condition.missing(waiting), Condition.is(waiting, Op.LE, 0));
    }

    @Override
    public WaitResult joinWaitlist(Booking waiting, BookingStore.IdempotencyKey key, int longestLine) {
        SessionFormat seat = waiting.session().format();
        String pk = Keys.session(waiting.studioId(), waiting.session().sessionId());
        String counter = SessionMapper.lastTicket(seat);
        String inLine = SessionMapper.waiting(seat);
        String seats = SessionMapper.seats(seat);
        // each attempt takes the next ticket only if no one took it since it was read: tickets are 1, 2, 3… in commit order
        for (int attempt = 0; attempt < longestLine * 4; attempt++) {
            Map<String, AttributeValue> item = table.get(pk, Keys.SESSION).orElse(null);
            if (item == null) return new WaitResult.SessionNotBookable();
            Session session = SessionMapper.session(item);
            Integer last = Attr.integer(item, counter);
            int ticket = (last == null ? 0 : last) + 1;
            Booking entry = waiting.withWaitlistTicket(ticket);
            Condition sameTicket = last == null ? Condition.missing(counter) : Condition.is(counter, Op.EQ, last);
            Condition fullOrWaited = Condition.anyOf(
                    Condition.compare(seats, Op.GE, SessionMapper.capacityAttribute(session, seat)),
                    Condition.is(inLine, Op.GT, 0));
            Condition roomInLine = Condition.anyOf(Condition.missing(inLine), Condition.is(inLine, Op.LT, longestLine));
            List<Write> writes = new ArrayList<>();
            if (key != null) writes.add(Write.putNew(DynamoBookingStore.idempotency(entry, key)));
            int sessionWrite = writes.size();
            writes.add(Write.change(pk, Keys.SESSION, Update.create().set(counter, ticket).add(inLine, 1),
                    Condition.eq("status", "SCHEDULED").and(sameTicket).and(fullOrWaited).and(roomInLine)));
            int markerWrite = writes.size();
            writes.add(Write.putNew(waitingMarker(entry)));
            writes.add(Write.putNew(BookingMapper.booking(entry)));
            writes.add(Write.putNew(SessionMapper.participant(entry)));
            writes.add(Write.putNew(DynamoBookingStore.clientPointer(entry)));
            List<Boolean> failed = table.tryTransact(writes);
            if (failed == null) return new WaitResult.Joined(entry);
            if (key != null && failed.get(0)) {
                return table.get(Keys.studioIdempotency(entry.studioId()), key.key())
                        .map(i -> (WaitResult) new WaitResult.Repeated(i.get("bookingId").s(), i.get("fingerprint").s()))
                        .orElseThrow();
            }
            if (failed.get(markerWrite)) return new WaitResult.AlreadyWaiting();
            if (!failed.get(sessionWrite)) throw new IllegalStateException("a waitlist transaction failed on a write that cannot clash");
            Map<String, AttributeValue> now = table.get(pk, Keys.SESSION).orElse(Map.of());
            if (!now.isEmpty() && !Condition.eq("status", "SCHEDULED").holdsFor(now)) return new WaitResult.SessionNotBookable();
            if (!now.isEmpty() && sameTicketAs(now, counter, last)) {
                if (!fullOrWaited.holdsFor(now)) return new WaitResult.SeatsLeft();
                if (!roomInLine.holdsFor(now)) return new WaitResult.LineFull();
            }
            // another client took this ticket first: read the line again and take the next one
        }
        throw new IllegalStateException("the waitlist of " + pk + " stayed contended");
    }

    private static boolean sameTicketAs(Map<String, AttributeValue> item, String counter, Integer last) {
        Integer now = Attr.integer(item, counter);
        return java.util.Objects.equals(now, last);
    }

    @Override
    public Promotion promote(Booking promoted, WalletDebit debit) {
        SessionFormat seat = promoted.session().format();
        Session session = find(promoted.studioId(), promoted.session().sessionId()).orElse(null);
        if (session == null) return Promotion.NO_SEAT;
        String counter = SessionMapper.seats(seat);
        String inLine = SessionMapper.waiting(seat);
        List<Write> writes = new ArrayList<>();
        writes.add(DynamoBookingStore.replaceIfUnchanged(promoted));
        writes.add(participantStatus(promoted));
        int seatWrite = writes.size();
        writes.add(Write.change(Keys.session(promoted.studioId(), promoted.session().sessionId()), Keys.SESSION,
                Update.create().add(counter, 1).add(inLine, -1),
                Condition.eq("status", "SCHEDULED")
                        .and(Condition.compare(counter, Op.LT, SessionMapper.capacityAttribute(session, seat)))
                        .and(Condition.is(inLine, Op.GE, 1))));
        writes.add(Write.delete(Keys.session(promoted.studioId(), promoted.session().sessionId()),
                Keys.waiting(clientKey(promoted))));
        int walletWrite = writes.size();
        if (debit != null) {
            writes.add(debit.passId() != null
                    ? DynamoWalletStore.useEntry(promoted.studioId(), debit.clientId(), debit.passId(), debit.entry().at())
                    : DynamoWalletStore.spendCredits(promoted.studioId(), debit.clientId(), debit.credits()));
            writes.add(DynamoWalletStore.history(promoted.studioId(), debit.clientId(), debit.entry()));
        }
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return Promotion.PROMOTED;
        if (failed.get(0)) return Promotion.CHANGED;
        if (debit != null && failed.get(walletWrite)) return Promotion.WALLET_REFUSED;
        if (failed.get(seatWrite)) return Promotion.NO_SEAT;
        throw new IllegalStateException("a promotion failed on a write that cannot clash");
    }

    @Override
    public boolean leaveWaitlist(Booking cancelled) {
        String pk = Keys.session(cancelled.studioId(), cancelled.session().sessionId());
        String inLine = SessionMapper.waiting(cancelled.session().format());
        return table.tryTransact(List.of(
                DynamoBookingStore.replaceIfUnchanged(cancelled),
                participantStatus(cancelled),
                Write.change(pk, Keys.SESSION, Update.create().add(inLine, -1), Condition.is(inLine, Op.GE, 1)),
                Write.delete(pk, Keys.waiting(clientKey(cancelled))))) == null;
    }

    /** The marker that keeps one place in a session's line per client (a guest is known by the client id of their e-mail). */
    private static Map<String, AttributeValue> waitingMarker(Booking entry) {
        return Attr.item()
                .put(Keys.PK, Keys.session(entry.studioId(), entry.session().sessionId()))
                .put(Keys.SK, Keys.waiting(clientKey(entry))).put("type", "WAITING")
                .put("bookingId", entry.bookingId())
                .build();
    }

    private static String clientKey(Booking booking) {
        return booking.clientId() != null ? booking.clientId()
                : booking.client().email().toLowerCase(java.util.Locale.ROOT);
    }

    /** Replaces the details, keeping the counters; the new capacities must still hold the seats taken. */
    private Write updateDetails(Session after) {
        Map<String, AttributeValue> item = SessionMapper.details(after);
        Update update = Update.create();
        for (String attribute : List.of("templateId", "name", "description", "start", "durationMinutes", "capacity",
                "onlineCapacity", "instructorId", "locationId", "price", "creditPrice", "paymentMethods", "onlineAccess",
                "linkVersion", Keys.GSI1SK)) {
            update = item.containsKey(attribute) ? update.set(attribute, item.get(attribute)) : update.remove(attribute);
        }
        Condition condition = Condition.exists(Keys.PK).and(Condition.eq("status", "SCHEDULED"));
        for (SessionFormat seat : after.format().seatFormats()) {
            condition = condition.and(Condition.is(SessionMapper.seats(seat), Op.LE, after.capacityOf(seat)));
        }
        return Write.change(Keys.session(after.studioId(), after.sessionId()), Keys.SESSION, update, condition);
    }

    /** The participant line follows its booking: status, payment status and attendance. */
    private Write participantStatus(Booking booking) {
        Update update = Update.create().set("status", booking.status().name())
                .set("paymentStatus", booking.paymentStatus().name());
        update = booking.attendance() == null ? update.remove("attendance")
                : update.set("attendance", booking.attendance().status().name());
        return Write.change(Keys.session(booking.studioId(), booking.session().sessionId()),
                Keys.PARTICIPANT_PREFIX + booking.bookingId(), update, Condition.exists(Keys.PK));
    }

    /** The calendar entry and time claims of the instructor: taken ({@code claim}) or freed. */
    private List<Write> instructorTime(Session session, boolean claim) {
        String holder = holder(session);
        List<Write> writes = new ArrayList<>();
        List<Instant> units = StaffTime.units(session.time());
        if (claim) {
            writes.add(Write.putNew(StaffTime.calendarEntry(session.studioId(), session.start(), holder,
                    session.instructorId(), session.time())));
            writes.addAll(StaffTime.claim(session.studioId(), session.instructorId(), units, holder, session.time()));
        } else {
            writes.add(Write.delete(Keys.studioCalendar(session.studioId()), StaffTime.calendarKey(session.start(), holder)));
            writes.addAll(StaffTime.free(session.studioId(), session.instructorId(), units, holder));
        }
        return writes;
    }

    private static String holder(Session session) {
        return "session:" + session.sessionId();
    }
}
