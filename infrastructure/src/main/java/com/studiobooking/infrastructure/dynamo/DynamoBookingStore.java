package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.TimeRange;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.studiobooking.infrastructure.dynamo.Attr.n;
import static com.studiobooking.infrastructure.table.Condition.Op;

/**
 * Bookings, and the guarantee that a practitioner is never double-booked: an appointment claims
 * every {@value Keys#TIME_UNIT_MINUTES}-minute unit of its time widened by its buffers
 * ({@link StaffTime}), each as an item that must not exist yet, in the same transaction as the
 * booking. Two bookings whose widened times overlap in any way, whatever their lengths, claim a
 * common unit, so the table lets exactly one of them through.
 */
public final class DynamoBookingStore implements BookingStore {
    /** After the start no reminder goes out, so its marker is not needed for long. */
    private static final Duration REMINDER_MARK_KEPT = Duration.ofDays(1);
    /** DynamoDB's limit on the items of one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final ItemTable table;

    public DynamoBookingStore(ItemTable table) {
        this.table = table;
    }

    @Override
    public Reservation reserveAppointment(Booking booking, IdempotencyKey key) {
        List<Write> writes = new ArrayList<>();
        if (key != null) writes.add(Write.putNew(idempotency(booking, key)));
        writes.add(Write.putNew(BookingMapper.booking(booking)));
        writes.add(Write.putNew(clientPointer(booking)));
        TimeRange reserved = booking.reservedTime();
        writes.add(Write.putNew(StaffTime.calendarEntry(booking.studioId(), booking.start(), booking.bookingId(),
                booking.staffId(), reserved)));
        writes.addAll(StaffTime.claim(booking.studioId(), booking.staffId(), StaffTime.units(reserved),
                booking.bookingId(), reserved));
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return new Reservation.Reserved(booking);
        if (key != null && failed.get(0)) return findRepeat(booking.studioId(), key.key()).orElseThrow();
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
        List<Write> writes = new ArrayList<>();
        writes.add(replaceIfUnchanged(cancelled));
        writes.add(Write.delete(Keys.studioCalendar(cancelled.studioId()),
                StaffTime.calendarKey(cancelled.start(), cancelled.bookingId())));
        writes.addAll(StaffTime.free(cancelled.studioId(), cancelled.staffId(),
                StaffTime.units(cancelled.reservedTime()), cancelled.bookingId()));
        return table.tryTransact(writes) == null;
    }

    @Override
    public boolean save(Booking changed) {
        return table.write(replaceIfUnchanged(changed));
    }

    @Override
    public Reinstatement reinstateAppointment(Booking paid) {
        List<Write> writes = new ArrayList<>();
        writes.add(replaceIfUnchanged(paid));
        TimeRange reserved = paid.reservedTime();
        writes.add(Write.putNew(StaffTime.calendarEntry(paid.studioId(), paid.start(), paid.bookingId(), paid.staffId(), reserved)));
        writes.addAll(StaffTime.claim(paid.studioId(), paid.staffId(), StaffTime.units(reserved), paid.bookingId(), reserved));
        List<Boolean> failed = table.tryTransact(writes);
        if (failed == null) return Reinstatement.REINSTATED;
        return failed.get(0) ? Reinstatement.CHANGED : Reinstatement.TAKEN;
    }

    /**
     * Claims the units only the new time touches and frees those only the old one touched (a unit both touch
     * stays claimed by the booking: a transaction cannot write one item twice), moves the calendar entry and
     * the client's pointer, and replaces the booking at its version. A long appointment moved to a disjoint
     * time can pass DynamoDB's 100 items per transaction: then what only releases the old time (its calendar
     * entry, the client's old pointer, the old units) is written right after the commit, conditional on the
     * holder. The new time is held by then, so no one can be double-booked; a crash in between leaves stale
     * claims that expire with their TTL (the old time refuses bookings with 409 until then).
     */
    @Override
    public MoveOutcome moveAppointment(Booking before, Booking after) {
        TimeRange oldTime = before.reservedTime();
        TimeRange newTime = after.reservedTime();
        boolean sameStaff = before.staffId().equals(after.staffId());
        List<Instant> oldUnits = StaffTime.units(oldTime);
        List<Instant> newUnits = StaffTime.units(newTime);
        java.util.Set<Instant> kept = new java.util.HashSet<>(sameStaff ? oldUnits : List.of());
        kept.retainAll(newUnits);

        List<Write> takes = new ArrayList<>();
        takes.add(replaceIfUnchanged(after));
        takes.add(Write.putNew(StaffTime.calendarEntry(after.studioId(), after.start(), after.bookingId(), after.staffId(),
                newTime)));
        List<Write> releases = new ArrayList<>();
        releases.add(Write.delete(Keys.studioCalendar(before.studioId()), StaffTime.calendarKey(before.start(), before.bookingId())));
        if (!before.start().equals(after.start())) {
            takes.add(Write.putNew(clientPointer(after)));
            releases.add(Write.delete(Keys.client(before.studioId(), before.clientId()), clientPointerKey(before)));
        }
        takes.addAll(StaffTime.claim(after.studioId(), after.staffId(),
                newUnits.stream().filter(u -> !kept.contains(u)).toList(), after.bookingId(), newTime));
        releases.addAll(StaffTime.free(before.studioId(), before.staffId(),
                oldUnits.stream().filter(u -> !kept.contains(u)).toList(), before.bookingId()));
        int inside = Math.min(releases.size(), Math.max(0, MAX_TRANSACTION_ITEMS - takes.size()));
        List<Write> writes = new ArrayList<>(takes);
        writes.addAll(releases.subList(0, inside));
        List<Boolean> failed = table.tryTransact(writes);
        if (failed != null) return failed.get(0) ? MoveOutcome.CHANGED : MoveOutcome.TAKEN;
        for (Write release : releases.subList(inside, releases.size())) table.write(release);
        return MoveOutcome.MOVED;
    }

    /** A marker item beside the booking, put only if absent; kept until a day after the start. */
    @Override
    public boolean markReminderSent(String bookingId, int hoursBefore, Instant start) {
        return table.write(Write.putNew(Attr.item().put(Keys.PK, Keys.booking(bookingId))
                .put(Keys.SK, Keys.reminderSent(hoursBefore, start)).put("type", "REMINDER_SENT")
                .putAll(Map.of(Keys.TTL, n(start.plus(REMINDER_MARK_KEPT).getEpochSecond())))
                .build()));
    }

    @Override
    public boolean markLinkSent(String bookingId, int linkVersion) {
        return table.write(Write.putNew(Attr.item().put(Keys.PK, Keys.booking(bookingId))
                .put(Keys.SK, Keys.linkSent(linkVersion)).put("type", "LINK_SENT").build()));
    }

    @Override
    public boolean markLinkReminderSent(String bookingId, Instant start) {
        return table.write(Write.putNew(Attr.item().put(Keys.PK, Keys.booking(bookingId))
                .put(Keys.SK, Keys.linkReminderSent(start)).put("type", "LINK_REMINDER_SENT")
                .putAll(Map.of(Keys.TTL, n(start.plus(REMINDER_MARK_KEPT).getEpochSecond())))
                .build()));
    }

    @Override
    public List<Booking> bookingsOfClient(String studioId, String clientId) {
        return table.query(KeyQuery.prefix(Keys.client(studioId, clientId), Keys.BOOKING_POINTER_PREFIX)).stream()
                .map(pointer -> find(pointer.get("bookingId").s()))
                .flatMap(Optional::stream)
                .distinct() // a moved booking's old pointer outlives the move only if its clean-up was cut short
                .sorted(Comparator.comparing(Booking::start).reversed())
                .toList();
    }

    @Override
    public List<BusyTime> busyTime(String studioId, TimeRange range) {
        return table.query(KeyQuery.between(Keys.studioCalendar(studioId), Keys.time(range.start()),
                        Keys.time(range.end()) + "~")).stream()
                .map(i -> new BusyTime(i.get("staffId").s(), new TimeRange(
                        Instant.ofEpochSecond(Long.parseLong(i.get("busyFrom").n())),
                        Instant.ofEpochSecond(Long.parseLong(i.get("busyUntil").n())))))
                .filter(busy -> busy.time().overlaps(range))
                .toList();
    }

    @Override
    public List<Booking> bookingsStartingIn(String studioId, TimeRange range) {
        return table.query(KeyQuery.between(Keys.studioBookings(studioId), Keys.time(range.start()),
                        Keys.time(range.end().minusSeconds(1)) + "~").onIndex(Keys.GSI1)).stream()
                .map(BookingMapper::booking).toList();
    }

    /**
     * Replaces the booking item only while it is still at the version {@code changed} was derived from.
     * Bookings stored before versions were kept count as version 0.
     */
    static Write replaceIfUnchanged(Booking changed) {
        int previous = changed.previousVersion();
        Condition unchanged = previous == 0
                ? Condition.anyOf(Condition.missing("version"), Condition.is("version", Op.EQ, 0))
                : Condition.is("version", Op.EQ, previous);
        return Write.put(BookingMapper.booking(changed), Condition.exists(Keys.PK).and(unchanged));
    }

    static Map<String, AttributeValue> idempotency(Booking booking, IdempotencyKey key) {
        return Attr.item().put(Keys.PK, Keys.studioIdempotency(booking.studioId())).put(Keys.SK, key.key())
                .put("type", "IDEMPOTENCY").put("bookingId", booking.bookingId()).put("fingerprint", key.requestFingerprint())
                .putAll(Map.of(Keys.TTL, n(key.forgetAfter().getEpochSecond())))
                .build();
    }

    /** Lists a booking under its client, for "my bookings". */
    static Map<String, AttributeValue> clientPointer(Booking booking) {
        return Attr.item().put(Keys.PK, Keys.client(booking.studioId(), booking.clientId()))
                .put(Keys.SK, clientPointerKey(booking))
                .put("type", "CLIENT_BOOKING").put("bookingId", booking.bookingId())
                .build();
    }

    static String clientPointerKey(Booking booking) {
        return Keys.BOOKING_POINTER_PREFIX + Keys.time(booking.start()) + "#" + booking.bookingId();
    }
}
