package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.studiobooking.core.model.booking.MoneyRules.Arrival.CONFIRM;
import static com.studiobooking.core.model.booking.MoneyRules.Arrival.FINISH_REFUND;
import static com.studiobooking.core.model.booking.MoneyRules.Arrival.GIVE_BACK;
import static com.studiobooking.core.model.booking.MoneyRules.Arrival.NOTHING;
import static com.studiobooking.core.model.booking.MoneyRules.Arrival.TAKE_PLACE_AGAIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The state machine's decisions, state by state (docs/decisions/booking-state-machine.md). */
class MoneyRulesTest {
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");
    private static final Instant BEFORE = START.minusSeconds(3600);
    private static final Instant AFTER = START.plusSeconds(60);

    private static Booking booking(PaymentMethod method, BookingStatus status, PaymentStatus paid, Cancellation.By cancelledBy,
                                   String paymentId) {
        return new Booking("bk1", "st1", Booking.Kind.APPOINTMENT, "sv1", "Massage", "sf1", "Ioana", "lc1", START,
                START.plusSeconds(3600), 0, 0, new Client("Maria", "maria@example.com", null), "cl1", method, status, paid,
                new Money(25000L, "RON"), "SB-1", START, cancelledBy == null ? null : new Cancellation(BEFORE, cancelledBy, false),
                null, null, BEFORE, null, null, paymentId == null ? null : new Booking.CardPayment("cs1", null, paymentId), null, null, 0, null, 0, 3);
    }

    @Test
    void a_card_payment_confirms_a_held_booking_before_the_start_and_is_given_back_after_it() {
        Booking held = booking(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null, null);
        assertThat(MoneyRules.onCardPaid(held, "pi_1", BEFORE)).isEqualTo(CONFIRM);
        assertThat(MoneyRules.onCardPaid(held, "pi_1", AFTER)).isEqualTo(GIVE_BACK);
    }

    @Test
    void a_late_payment_takes_back_a_place_only_the_system_released_and_only_before_the_start() {
        Booking released = booking(PaymentMethod.CARD, BookingStatus.CANCELLED, PaymentStatus.UNPAID, Cancellation.By.SYSTEM, null);
        Booking cancelledByClient = booking(PaymentMethod.CARD, BookingStatus.CANCELLED, PaymentStatus.UNPAID,
                Cancellation.By.CLIENT, null);
        assertThat(MoneyRules.onCardPaid(released, "pi_1", BEFORE)).isEqualTo(TAKE_PLACE_AGAIN);
        assertThat(MoneyRules.onCardPaid(released, "pi_1", AFTER)).isEqualTo(GIVE_BACK);
        assertThat(MoneyRules.onCardPaid(cancelledByClient, "pi_1", BEFORE)).isEqualTo(GIVE_BACK);
    }

    @Test
    void a_repeated_payment_changes_nothing_except_finishing_its_pending_refund() {
        Booking paid = booking(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, "pi_1");
        Booking pending = booking(PaymentMethod.CARD, BookingStatus.CANCELLED, PaymentStatus.REFUND_PENDING,
                Cancellation.By.CLIENT, "pi_1");
        Booking refunded = booking(PaymentMethod.CARD, BookingStatus.CANCELLED, PaymentStatus.REFUNDED, Cancellation.By.CLIENT, "pi_1");
        assertThat(MoneyRules.onCardPaid(paid, "pi_1", BEFORE)).isEqualTo(NOTHING);
        assertThat(MoneyRules.onCardPaid(pending, "pi_1", BEFORE)).isEqualTo(FINISH_REFUND);
        assertThat(MoneyRules.onCardPaid(refunded, "pi_1", BEFORE)).isEqualTo(NOTHING);
    }

    @Test
    void a_transfer_confirms_an_awaiting_booking_even_after_the_start_and_is_owed_back_when_cancelled() {
        Booking awaiting = booking(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null, null);
        Booking cancelled = booking(PaymentMethod.BANK_TRANSFER, BookingStatus.CANCELLED, PaymentStatus.UNPAID,
                Cancellation.By.CLIENT, null);
        Booking paid = booking(PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null);
        assertThat(MoneyRules.onTransferArrived(awaiting, AFTER)).isEqualTo(CONFIRM);
        assertThat(MoneyRules.onTransferArrived(cancelled, BEFORE)).isEqualTo(GIVE_BACK);
        assertThat(MoneyRules.onTransferArrived(paid, BEFORE)).isEqualTo(NOTHING);
        assertThat(MoneyRules.onTransferArrived(booking(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT,
                PaymentStatus.UNPAID, null, null), BEFORE)).isEqualTo(NOTHING);
    }

    @Test
    void a_cancellation_refunds_a_card_owes_a_transfer_and_keeps_what_the_policy_keeps() {
        assertThat(MoneyRules.afterCancel(booking(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, "pi_1"), false))
                .isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(MoneyRules.afterCancel(booking(PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null),
                false)).isEqualTo(PaymentStatus.REFUND_DUE);
        assertThat(MoneyRules.afterCancel(booking(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, "pi_1"), true))
                .isEqualTo(PaymentStatus.PAID);
        assertThat(MoneyRules.afterCancel(booking(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null, null),
                false)).isEqualTo(PaymentStatus.UNPAID);
        assertThat(MoneyRules.afterCancel(booking(PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null,
                null), false)).isEqualTo(PaymentStatus.UNPAID);
    }
}
