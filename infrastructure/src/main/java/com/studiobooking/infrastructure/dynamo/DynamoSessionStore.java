package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.appointment.TimeRange;
import com.studiobooking.core.booking.Booking;
import com.studiobooking.core.booking.BookingStore;
import com.studiobooking.core.session.Participant;
import com.studiobooking.core.session.Session;
import com.studiobooking.core.session.SessionFormat;
import com.studiobooking.core.session.SessionStore;
import com.studiobooking.core.session.SessionTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.dynamo.Attr.s;

/**
 * Sessions with their seat counters and participants (rule 1), and the instructor's time they take
 * (rule 2). A seat is taken by a conditional update of the session's counter ({@code seats < capacity})
 * in the same transaction as the booking, its participant line and any wallet debit, so the counter
 * can never pass the capacity and a pass entry or credits are never used twice.
 */
public final class DynamoSessionStore implements SessionStore {
    private final Table table;

    public DynamoSessionStore(DynamoDbClient client, String tableName) {
        this.table = new Table(client, tableName);
    }

    @Override
    public void saveTemplate(String studioId, SessionTemplate template) {
        table.client().putItem(b -> b.tableName(table.name()).item(SessionMapper.template(studioId, template)));
    }

    @Override
    public Optional<SessionTemplate> findTemplate(String studioId, String templateId) {
        return table.get(Keys.studio(studioId), Keys.template(templateId)).map(SessionMapper::template);
    }

    @Override
    public List<SessionTemplate> listTemplates(String studioId) {
        return table.queryPrefix(Keys.studio(studioId), Keys.TEMPLATE_PREFIX).stream().map(SessionMapper::template).toList();
    }

    @Override
    public void removeTemplate(String studioId, String templateId) {
        table.client().deleteItem(b -> b.tableName(table.name()).key(Table.key(Keys.studio(studioId), Keys.template(templateId))));
    }

    @Override
    public boolean create(Session session) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(table.putNew(SessionMapper.withZeroSeats(session)));
        writes.addAll(instructorTime(session, true));
        return table.tryTransact(writes) == null;
    }

    @Override
    public Optional<Session> find(String studioId, String sessionId) {
        return table.get(Keys.session(studioId, sessionId), Keys.SESSION).map(SessionMapper::session);
    }

    @Override
    public List<Session> listStartingIn(String studioId, TimeRange range) {
        return table.queryBetween(StudioTable.GSI1, Keys.GSI1PK, Keys.studioSessions(studioId), Keys.GSI1SK,
                        Keys.time(range.start()), Keys.time(range.end().minusSeconds(1)) + "~").stream()
                .map(SessionMapper::session).toList();
    }

    @Override
    public boolean update(Session before, Session after, List<Booking> bookingsMoved) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(updateDetails(after));
        boolean moved = !before.start().equals(after.start()) || before.durationMinutes() != after.durationMinutes()
                || !before.instructorId().equals(after.instructorId());
        if (moved) {
            String holder = holder(before);
            List<Instant> oldUnits = StaffTime.units(before.time());
            List<Instant> newUnits = StaffTime.units(after.time());
            boolean sameStaff = before.instructorId().equals(after.instructorId());
            Set<Instant> kept = sameStaff ? new HashSet<>(oldUnits) : Set.of();
            kept.retainAll(newUnits);
            writes.add(table.delete(Keys.studioCalendar(before.studioId()), StaffTime.calendarKey(before.start(), holder)));
            writes.add(table.putNew(StaffTime.calendarEntry(after.studioId(), after.start(), holder, after.instructorId(),
                    after.time())));
            writes.addAll(StaffTime.free(table, before.studioId(), before.instructorId(),
                    oldUnits.stream().filter(u -> !kept.contains(u)).toList(), holder));
            writes.addAll(StaffTime.claim(table, after.studioId(), after.instructorId(),
                    newUnits.stream().filter(u -> !kept.contains(u)).toList(), holder, after.time()));
        }
        if (table.tryTransact(writes) != null) return false;
        for (Booking booking : bookingsMoved) {
            table.client().putItem(b -> b.tableName(table.name()).item(BookingMapper.booking(booking)));
        }
        return true;
    }

    @Override
    public boolean cancel(Session cancelled) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(Table.key(Keys.session(cancelled.studioId(), cancelled.sessionId()), Keys.SESSION))
                .updateExpression("SET #status = :cancelled")
                .conditionExpression("#status = :scheduled")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":cancelled", s("CANCELLED"), ":scheduled", s("SCHEDULED")))).build());
        writes.addAll(instructorTime(cancelled, false));
        return table.tryTransact(writes) == null;
    }

    @Override
    public List<Participant> participants(String studioId, String sessionId) {
        return table.queryPrefix(Keys.session(studioId, sessionId), Keys.PARTICIPANT_PREFIX).stream()
                .map(SessionMapper::participant).toList();
    }

    @Override
    public SeatResult reserveSeat(Booking booking, WalletDebit debit, BookingStore.IdempotencyKey key) {
        Session session = find(booking.studioId(), booking.session().sessionId()).orElse(null);
        if (session == null) return new SeatResult.SessionNotBookable();
        List<TransactWriteItem> writes = new ArrayList<>();
        if (key != null) writes.add(table.putNew(DynamoBookingStore.idempotency(booking, key)));
        int seatWrite = writes.size();
        writes.add(takeSeat(session, booking.session().format()));
        writes.add(table.putNew(BookingMapper.booking(booking)));
        writes.add(table.putNew(SessionMapper.participant(booking)));
        writes.add(table.putNew(DynamoBookingStore.clientPointer(booking)));
        int walletWrite = writes.size();
        if (debit != null) {
            writes.add(debit.passId() != null
                    ? DynamoWalletStore.useEntry(table, booking.studioId(), debit.clientId(), debit.passId(), booking.createdAt())
                    : DynamoWalletStore.spendCredits(table, booking.studioId(), debit.clientId(), debit.credits()));
            writes.add(DynamoWalletStore.history(table, booking.studioId(), debit.clientId(), debit.entry()));
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
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(DynamoBookingStore.replaceIfStatus(table, cancelled, "#status <> :s", "CANCELLED"));
        writes.add(participantStatus(cancelled));
        String counter = SessionMapper.seats(cancelled.session().format());
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(Table.key(Keys.session(cancelled.studioId(), cancelled.session().sessionId()), Keys.SESSION))
                .updateExpression("SET #seats = #seats - :one")
                .conditionExpression("#seats >= :one")
                .expressionAttributeNames(Map.of("#seats", counter))
                .expressionAttributeValues(Map.of(":one", n(1)))).build());
        if (returned != null) {
            writes.add(returned.passId() != null
                    ? DynamoWalletStore.returnEntry(table, cancelled.studioId(), returned.clientId(), returned.passId())
                    : DynamoWalletStore.addCredits(table, cancelled.studioId(), returned.clientId(), returned.credits()));
            writes.add(DynamoWalletStore.history(table, cancelled.studioId(), returned.clientId(), returned.entry()));
        }
        return table.tryTransact(writes) == null;
    }

    @Override
    public boolean confirmPayment(Booking paid) {
        return table.tryTransact(List.of(
                DynamoBookingStore.replaceIfStatus(table, paid, "#status = :s", "AWAITING_PAYMENT"),
                participantStatus(paid))) == null;
    }

    @Override
    public boolean reinstate(Booking paid) {
        Session session = find(paid.studioId(), paid.session().sessionId()).orElse(null);
        if (session == null) return false;
        return table.tryTransact(List.of(
                DynamoBookingStore.replaceIfStatus(table, paid, "#status = :s", "CANCELLED"),
                takeSeat(session, paid.session().format()),
                participantStatus(paid))) == null;
    }

    @Override
    public boolean markReminderSent(String studioId, String sessionId, Instant start) {
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(Table.key(Keys.session(studioId, sessionId), Keys.SESSION))
                    .updateExpression("SET reminderSentFor = :start")
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(reminderSentFor) OR reminderSentFor <> :start)")
                    .expressionAttributeValues(Map.of(":start", s(start.toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadySent) {
            return false;
        }
    }

    @Override
    public boolean markLinkSent(String studioId, String sessionId, String bookingId, int linkVersion) {
        try {
            table.client().updateItem(b -> b.tableName(table.name())
                    .key(Table.key(Keys.session(studioId, sessionId), Keys.PARTICIPANT_PREFIX + bookingId))
                    .updateExpression("SET linkSentVersion = :v")
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(linkSentVersion) OR linkSentVersion < :v)")
                    .expressionAttributeValues(Map.of(":v", n(linkVersion))));
            return true;
        } catch (ConditionalCheckFailedException alreadySent) {
            return false;
        }
    }

    /** One more seat of the format, only while the session is scheduled and the seat is below its capacity. */
    private TransactWriteItem takeSeat(Session session, SessionFormat seat) {
        return TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(Table.key(Keys.session(session.studioId(), session.sessionId()), Keys.SESSION))
                .updateExpression("SET #seats = #seats + :one")
                .conditionExpression("#status = :scheduled AND #seats < #capacity")
                .expressionAttributeNames(Map.of("#seats", SessionMapper.seats(seat), "#status", "status",
                        "#capacity", SessionMapper.capacityAttribute(session, seat)))
                .expressionAttributeValues(Map.of(":one", n(1), ":scheduled", s("SCHEDULED")))).build();
    }

    /** Replaces the details, keeping the counters; the new capacities must still hold the seats taken. */
    private TransactWriteItem updateDetails(Session after) {
        Map<String, AttributeValue> item = SessionMapper.details(after);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        StringBuilder remove = new StringBuilder();
        int i = 0;
        for (String attribute : List.of("templateId", "name", "description", "start", "durationMinutes", "capacity",
                "onlineCapacity", "instructorId", "locationId", "price", "creditPrice", "paymentMethods", "onlineAccess",
                "linkVersion", Keys.GSI1SK)) {
            names.put("#a" + i, attribute);
            if (item.containsKey(attribute)) {
                if (set.length() > 4) set.append(", ");
                set.append("#a").append(i).append(" = :v").append(i);
                values.put(":v" + i, item.get(attribute));
            } else {
                remove.append(remove.length() == 0 ? " REMOVE " : ", ").append("#a").append(i);
            }
            i++;
        }
        StringBuilder condition = new StringBuilder("attribute_exists(PK) AND #status = :scheduled");
        names.put("#status", "status");
        values.put(":scheduled", s("SCHEDULED"));
        for (SessionFormat seat : after.format().seatFormats()) {
            String counter = "#" + SessionMapper.seats(seat);
            names.put(counter, SessionMapper.seats(seat));
            values.put(":cap" + seat.ordinal(), n(after.capacityOf(seat)));
            condition.append(" AND ").append(counter).append(" <= :cap").append(seat.ordinal());
        }
        String update = set + remove.toString();
        return TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(Table.key(Keys.session(after.studioId(), after.sessionId()), Keys.SESSION))
                .updateExpression(update).conditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private TransactWriteItem participantStatus(Booking booking) {
        return TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(Table.key(Keys.session(booking.studioId(), booking.session().sessionId()),
                        Keys.PARTICIPANT_PREFIX + booking.bookingId()))
                .updateExpression("SET #status = :status, paymentStatus = :paid")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(booking.status().name()),
                        ":paid", s(booking.paymentStatus().name())))).build();
    }

    /** The calendar entry and time claims of the instructor: taken ({@code claim}) or freed. */
    private List<TransactWriteItem> instructorTime(Session session, boolean claim) {
        String holder = holder(session);
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Instant> units = StaffTime.units(session.time());
        if (claim) {
            writes.add(table.putNew(StaffTime.calendarEntry(session.studioId(), session.start(), holder,
                    session.instructorId(), session.time())));
            writes.addAll(StaffTime.claim(table, session.studioId(), session.instructorId(), units, holder, session.time()));
        } else {
            writes.add(table.delete(Keys.studioCalendar(session.studioId()), StaffTime.calendarKey(session.start(), holder)));
            writes.addAll(StaffTime.free(table, session.studioId(), session.instructorId(), units, holder));
        }
        return writes;
    }

    private static String holder(Session session) {
        return "session:" + session.sessionId();
    }
}
