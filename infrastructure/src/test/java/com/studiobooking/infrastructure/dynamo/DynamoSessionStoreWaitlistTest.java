package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist's writes on the session item (both engines): tickets in order, joining only while full
 * or others wait and while the line has room, one place per client, normal seats refused while anyone
 * waits, and a promotion that takes a free seat and one waiting off in the same transaction.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoSessionStoreWaitlistTest {
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Parameter
    TestTables.Engine engine;

    private ItemTable table;
    private DynamoSessionStore sessions;
    private Session session;

    @BeforeEach
    void setUp() {
        table = engine.fresh();
        sessions = new DynamoSessionStore(table);
        session = new Session("ss_1", "st_1", null, "Vinyasa", null, START, 60, SessionFormat.IN_PERSON, 1, null,
                "sf_1", null, new Money(5000L, "RON"), null, List.of(PaymentMethod.PAY_AT_STUDIO), null, 0,
                Session.Status.SCHEDULED, Map.of(), NOW, null, null);
        assertThat(sessions.create(session)).isTrue();
    }

    @Test
    void joins_take_tickets_in_order_only_while_full_and_while_the_line_has_room() {
        assertThat(sessions.joinWaitlist(waiting("bk_0", "c0"), null, 2)).as("seats left, nobody waits")
                .isInstanceOf(SessionStore.WaitResult.SeatsLeft.class);
        assertThat(sessions.reserveSeat(seat("bk_h", "holder"), null, null)).isInstanceOf(SessionStore.SeatResult.Reserved.class);

        SessionStore.WaitResult first = sessions.joinWaitlist(waiting("bk_1", "c1"), null, 2);
        SessionStore.WaitResult again = sessions.joinWaitlist(waiting("bk_1b", "c1"), null, 2);
        SessionStore.WaitResult second = sessions.joinWaitlist(waiting("bk_2", "c2"), null, 2);
        SessionStore.WaitResult third = sessions.joinWaitlist(waiting("bk_3", "c3"), null, 2);

        assertThat(((SessionStore.WaitResult.Joined) first).booking().waitlistTicket()).isEqualTo(1);
        assertThat(again).isInstanceOf(SessionStore.WaitResult.AlreadyWaiting.class);
        assertThat(((SessionStore.WaitResult.Joined) second).booking().waitlistTicket()).isEqualTo(2);
        assertThat(third).as("the line is full at 2").isInstanceOf(SessionStore.WaitResult.LineFull.class);
        assertThat(sessions.participants("st_1", "ss_1")).filteredOn(p -> p.waitsFor(SessionFormat.IN_PERSON))
                .extracting(p -> p.bookingId() + "#" + p.waitlistTicket()).containsExactlyInAnyOrder("bk_1#1", "bk_2#2");
    }

    @Test
    void a_seat_freed_while_someone_waits_is_refused_to_new_bookings_and_given_by_a_promotion_once() {
        Booking holder = seat("bk_h", "holder");
        sessions.reserveSeat(holder, null, null);
        Booking first = ((SessionStore.WaitResult.Joined) sessions.joinWaitlist(waiting("bk_1", "c1"), null, 100)).booking();
        assertThat(sessions.promote(confirmed(first), null)).as("no free seat yet").isEqualTo(SessionStore.Promotion.NO_SEAT);

        assertThat(sessions.releaseSeat(holder.cancelled(new Cancellation(NOW, Cancellation.By.CLIENT, false)), null)).isTrue();
        assertThat(sessions.reserveSeat(seat("bk_r", "rival"), null, null)).as("the freed seat is the line's")
                .isInstanceOf(SessionStore.SeatResult.Full.class);
        assertThat(sessions.joinWaitlist(waiting("bk_2", "c2"), null, 100)).as("joining behind someone waiting")
                .isInstanceOf(SessionStore.WaitResult.Joined.class);

        assertThat(sessions.promote(confirmed(first), null)).isEqualTo(SessionStore.Promotion.PROMOTED);
        assertThat(sessions.promote(confirmed(first), null)).isEqualTo(SessionStore.Promotion.CHANGED);
        assertThat(sessions.find("st_1", "ss_1").orElseThrow().seatsTaken()).containsEntry(SessionFormat.IN_PERSON, 1);
        Map<String, ?> item = table.get(Keys.session("st_1", "ss_1"), Keys.SESSION).orElseThrow();
        assertThat(item.get("waiting_IN_PERSON").toString()).contains("1");
        assertThat(table.get(Keys.session("st_1", "ss_1"), Keys.waiting("c1"))).as("the marker went with the promotion").isEmpty();
    }

    @Test
    void leaving_the_line_frees_the_clients_place_in_it_and_the_line_empties() {
        sessions.reserveSeat(seat("bk_h", "holder"), null, null);
        Booking first = ((SessionStore.WaitResult.Joined) sessions.joinWaitlist(waiting("bk_1", "c1"), null, 100)).booking();

        assertThat(sessions.leaveWaitlist(first.cancelled(new Cancellation(NOW, Cancellation.By.CLIENT, false)))).isTrue();

        assertThat(sessions.participants("st_1", "ss_1")).noneMatch(p -> p.waitsFor(SessionFormat.IN_PERSON));
        SessionStore.WaitResult back = sessions.joinWaitlist(waiting("bk_1c", "c1"), null, 100);
        assertThat(((SessionStore.WaitResult.Joined) back).booking().waitlistTicket()).as("tickets never repeat").isEqualTo(2);
    }

    private Booking confirmed(Booking waiting) {
        return waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null, null);
    }

    private Booking waiting(String bookingId, String clientId) {
        return seat(bookingId, clientId).inLine();
    }

    private Booking seat(String bookingId, String clientId) {
        return new Booking(bookingId, "st_1", Booking.Kind.SESSION, null, "Vinyasa", "sf_1", "Ioana", null, START,
                START.plusSeconds(3600), 0, 0, new Client("Client", clientId + "@example.com", null), clientId,
                PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED, PaymentStatus.UNPAID, new Money(5000L, "RON"),
                "SB-1", null, null, null, null, NOW, new Booking.SessionSeat("ss_1", SessionFormat.IN_PERSON), null, null,
                null, null, 0, null, 0, Booking.NEW);
    }
}
