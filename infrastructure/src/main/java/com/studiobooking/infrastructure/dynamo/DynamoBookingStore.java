package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.appointment.TimeRange;
import com.studiobooking.core.booking.Booking;
import com.studiobooking.core.booking.BookingStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.dynamo.Attr.s;

/**
 * Bookings, and the guarantee that a practitioner is never double-booked. A practitioner's time is
 * cut into {@value Keys#TIME_UNIT_MINUTES}-minute units; an appointment claims every unit of its
 * time widened by its buffers, each as an item that must not exist yet, in the same transaction as
 * the booking. Two bookings whose widened times overlap in any way, whatever their lengths, claim a
 * common unit, so DynamoDB lets exactly one of them through. Service lengths, buffers and working
 * hours are whole units (validated in core), so units match the times exactly.
 */
public final class DynamoBookingStore implements BookingStore {
    private static final Duration UNIT = Duration.ofMinutes(Keys.TIME_UNIT_MINUTES);
    private static final Duration KEEP_AFTER_END = Duration.ofDays(7);

    private final Table table;

    public DynamoBookingStore(DynamoDbClient client, String tableName) {
        this.table = new Table(client, tableName);
    }

    @Override
    public Reservation reserveAppointment(Booking booking, IdempotencyKey key) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (key != null) writes.add(table.putNew(idempotency(booking, key)));
        writes.add(table.putNew(BookingMapper.booking(booking)));
        writes.add(table.putNew(calendarEntry(booking)));
        writes.addAll(timeClaims(booking));
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return new Reservation.Reserved(booking);
        if (key != null && failed.get(0)) {
            return findRepeat(booking.studioId(), key.key()).orElseThrow();
        }
        return new Reservation.TimeTaken();
    }

    @Override
    public Optional<Reservation.Repeated> findRepeat(String studioId, String idempotencyKey) {
        return table.get(Keys.studioIdempotency(studioId), idempotencyKey)
                .map(i -> new Reservation.Repeated(i.get("bookingId").s(), i.get("fingerprint").s()));
    }

    @Override
    public Optional<Booking> find(String bookingId) {
        return table.get(Keys.booking(bookingId), Keys.BOOKING).map(BookingMapper::booking);
    }

    @Override
    public boolean cancel(Booking cancelled) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(BookingMapper.booking(cancelled))
                .conditionExpression("#status <> :cancelled")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":cancelled", s("CANCELLED")))).build());
        writes.add(table.delete(Keys.studioCalendar(cancelled.studioId()), calendarKey(cancelled)));
        for (Instant unit : units(cancelled.reservedTime())) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table.name())
                    .key(Table.key(Keys.staffTime(cancelled.studioId(), cancelled.staffId()), Keys.time(unit)))
                    .conditionExpression("bookingId = :id")
                    .expressionAttributeValues(Map.of(":id", s(cancelled.bookingId())))).build());
        }
        return table.tryTransact(writes) == null;
    }

    @Override
    public List<BusyTime> busyTime(String studioId, TimeRange range) {
        return table.queryBetween(null, Keys.PK, Keys.studioCalendar(studioId), Keys.SK,
                        Keys.time(range.start()), Keys.time(range.end()) + "~").stream()
                .map(i -> new BusyTime(i.get("staffId").s(), new TimeRange(
                        Instant.ofEpochSecond(Long.parseLong(i.get("busyFrom").n())),
                        Instant.ofEpochSecond(Long.parseLong(i.get("busyUntil").n())))))
                .filter(busy -> busy.time().overlaps(range))
                .toList();
    }

    @Override
    public List<Booking> bookingsStartingIn(String studioId, TimeRange range) {
        return table.queryBetween(StudioTable.GSI1, Keys.GSI1PK, Keys.studioBookings(studioId), Keys.GSI1SK,
                        Keys.time(range.start()), Keys.time(range.end().minusSeconds(1)) + "~").stream()
                .map(BookingMapper::booking).toList();
    }

    private Map<String, AttributeValue> idempotency(Booking booking, IdempotencyKey key) {
        return Attr.item().put(Keys.PK, Keys.studioIdempotency(booking.studioId())).put(Keys.SK, key.key())
                .put("type", "IDEMPOTENCY").put("bookingId", booking.bookingId()).put("fingerprint", key.requestFingerprint())
                .putAll(Map.of(Keys.TTL, n(key.forgetAfter().getEpochSecond())))
                .build();
    }

    /** The appointment in the studio's calendar, read by slot lookup: one Query for all staff. */
    private Map<String, AttributeValue> calendarEntry(Booking booking) {
        TimeRange reserved = booking.reservedTime();
        return Attr.item().put(Keys.PK, Keys.studioCalendar(booking.studioId())).put(Keys.SK, calendarKey(booking))
                .put("type", "CALENDAR").put("bookingId", booking.bookingId()).put("staffId", booking.staffId())
                .putAll(Map.of("busyFrom", n(reserved.start().getEpochSecond()), "busyUntil", n(reserved.end().getEpochSecond()),
                        Keys.TTL, n(reserved.end().plus(KEEP_AFTER_END).getEpochSecond())))
                .build();
    }

    private static String calendarKey(Booking booking) {
        return Keys.time(booking.start()) + "#" + booking.bookingId();
    }

    private List<TransactWriteItem> timeClaims(Booking booking) {
        TimeRange reserved = booking.reservedTime();
        long ttl = reserved.end().plus(KEEP_AFTER_END).getEpochSecond();
        List<TransactWriteItem> claims = new ArrayList<>();
        for (Instant unit : units(reserved)) {
            claims.add(table.putNew(Attr.item()
                    .put(Keys.PK, Keys.staffTime(booking.studioId(), booking.staffId())).put(Keys.SK, Keys.time(unit))
                    .put("type", "STAFF_TIME").put("bookingId", booking.bookingId())
                    .putAll(Map.of(Keys.TTL, n(ttl))).build()));
        }
        return claims;
    }

    /** The starts of every unit the range touches. */
    static List<Instant> units(TimeRange range) {
        long unit = UNIT.getSeconds();
        long first = Math.floorDiv(range.start().getEpochSecond(), unit) * unit;
        List<Instant> units = new ArrayList<>();
        for (long t = first; t < range.end().getEpochSecond(); t += unit) units.add(Instant.ofEpochSecond(t));
        return units;
    }
}
