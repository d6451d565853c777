package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.view.SessionViews;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A WAITLISTED booking holds nothing and is owed nothing (docs/decisions/waitlist.md): no seat, no link
 * (rule 3), no payment to take, and a promotion starts only from the line.
 */
class WaitlistEntryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");

    @Test
    void a_waiting_booking_holds_no_place_but_can_still_be_cancelled() {
        assertThat(BookingStatus.WAITLISTED.holdsPlace()).isFalse();
        assertThat(BookingStatus.WAITLISTED.isActive()).isTrue();
        assertThat(BookingStatus.CONFIRMED.holdsPlace()).isTrue();
        assertThat(BookingStatus.AWAITING_PAYMENT.holdsPlace()).isTrue();
        assertThat(BookingStatus.CANCELLED.holdsPlace()).isFalse();
        assertThat(waiting(PaymentMethod.CREDITS).cancelled(new Cancellation(NOW, Cancellation.By.CLIENT, false)).status())
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void joining_the_line_drops_the_wallet_use_the_due_time_and_any_payment() {
        Booking card = booking(PaymentMethod.CARD, PaymentStatus.UNPAID, Instant.parse("2026-11-23T09:30:00Z"),
                new Booking.WalletUse("ps_1", 0)).inLine();
        Booking free = booking(PaymentMethod.FREE, PaymentStatus.NOT_REQUIRED, null, null).inLine();

        assertThat(card.status()).isEqualTo(BookingStatus.WAITLISTED);
        assertThat(card.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(card.paymentDueBy()).isNull();
        assertThat(card.walletUse()).isNull();
        assertThat(card.version()).as("not stored yet").isEqualTo(Booking.NEW);
        assertThat(free.paymentStatus()).isEqualTo(PaymentStatus.NOT_REQUIRED);
    }

    @Test
    void a_waiting_booking_never_sees_the_link_and_a_transfer_for_it_confirms_nothing() {
        Booking waiting = booking(PaymentMethod.FREE, PaymentStatus.NOT_REQUIRED, null, null).inLine();
        Booking transfer = booking(PaymentMethod.BANK_TRANSFER, PaymentStatus.UNPAID, null, null).inLine();

        assertThat(LinkVisibility.forBooking(waiting, onlineSession())).isEmpty();
        assertThat(MoneyRules.onTransferArrived(transfer, NOW)).isEqualTo(MoneyRules.Arrival.NOTHING);
        assertThat(MoneyRules.afterCancel(transfer, false)).isEqualTo(PaymentStatus.UNPAID);
    }

    @Test
    void only_a_waiting_booking_is_promoted_and_the_promotion_is_a_new_version() {
        Booking waiting = waiting(PaymentMethod.PASS).withWaitlistTicket(4);
        Booking promoted = waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.PAID, null,
                new Booking.WalletUse("ps_1", 0));

        assertThat(promoted.version()).isEqualTo(waiting.version() + 1);
        assertThat(promoted.waitlistTicket()).isEqualTo(4);
        assertThatThrownBy(() -> promoted.promoted(BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_staff_view_numbers_each_formats_line_in_ticket_order() {
        Client c = new Client("Client", "c@example.com", null);
        List<Participant> participants = List.of(
                new Participant("bk_c", c, SessionFormat.ONLINE, PaymentMethod.CARD, BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, 0, 7),
                new Participant("bk_a", c, SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, 0, 5),
                new Participant("bk_x", c, SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.CANCELLED, PaymentStatus.UNPAID, null, 0, 1),
                new Participant("bk_b", c, SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, 0, 2),
                new Participant("bk_h", c, SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, 0, null));

        assertThat(SessionViews.waitlist(hybrid(), participants))
                .extracting(e -> e.format() + " " + e.position() + " " + e.bookingId())
                .containsExactly("IN_PERSON 1 bk_b", "IN_PERSON 2 bk_a", "ONLINE 1 bk_c");
    }

    private static Booking waiting(PaymentMethod method) {
        return booking(method, PaymentStatus.UNPAID, null, null).inLine();
    }

    private static Booking booking(PaymentMethod method, PaymentStatus paid, Instant due, Booking.WalletUse use) {
        return new Booking("bk_1", "st_1", Booking.Kind.SESSION, null, "Vinyasa", "sf_1", "Ioana", null, START,
                START.plusSeconds(3600), 0, 0, new Client("Client", "c@example.com", null), "cl_1", method,
                BookingStatus.CONFIRMED, paid, new Money(5000L, "RON"), "SB-1", due, null, null, null, NOW,
                new Booking.SessionSeat("ss_1", SessionFormat.ONLINE), use, null, null, null, 0, null, 0, Booking.NEW);
    }

    private static Session onlineSession() {
        return new Session("ss_1", "st_1", null, "Vinyasa", null, START, 60, SessionFormat.ONLINE, 10, null, "sf_1", null,
                null, null, List.of(PaymentMethod.FREE), new OnlineAccess("https://meet.example/r", null, null), 1,
                Session.Status.SCHEDULED, Map.of(), NOW, null, null);
    }

    private static Session hybrid() {
        return new Session("ss_1", "st_1", null, "Vinyasa", null, START, 60, SessionFormat.HYBRID, 10, 5, "sf_1", null,
                null, null, List.of(PaymentMethod.CARD), null, 0, Session.Status.SCHEDULED, Map.of(), NOW, null, null);
    }
}
