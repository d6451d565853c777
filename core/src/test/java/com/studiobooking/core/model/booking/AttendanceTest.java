package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Marking attendance, and what a forfeited no-show keeps (docs/decisions/attendance.md). */
class AttendanceTest {
    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z");
    private static final Instant BEFORE = START.minusSeconds(60);
    private static final Instant AFTER = START.plusSeconds(600);

    private static Booking seat(PaymentMethod method, BookingStatus status, PaymentStatus paid) {
        return new Booking("bk1", "st1", Booking.Kind.SESSION, null, "Vinyasa", "sf1", "Ioana", "lc1", START,
                START.plusSeconds(3600), 0, 0, new Client("Maria", "maria@example.com", null), "cl1", method, status, paid,
                new Money(5000L, "RON"), "SB-1", null, null, null, null, BEFORE.minusSeconds(86400),
                new Booking.SessionSeat("ss1", SessionFormat.IN_PERSON), null, null, null, null, 0, null, 0, 4);
    }

    @Test
    void staff_mark_a_confirmed_booking_once_it_started_and_a_new_mark_replaces_the_old() {
        Booking paid = seat(PaymentMethod.PASS, BookingStatus.CONFIRMED, PaymentStatus.PAID);

        Booking noShow = paid.attended(Attendance.Status.NO_SHOW, START, true);
        assertThat(noShow.attendance()).isEqualTo(new Attendance(Attendance.Status.NO_SHOW, START, true));
        assertThat(noShow.version()).isEqualTo(5);
        assertThat(noShow.previousVersion()).isEqualTo(paid.version());
        assertThat(noShow.forfeitsPayment()).isTrue();

        Booking attended = noShow.attended(Attendance.Status.ATTENDED, AFTER, true);
        assertThat(attended.attendance()).isEqualTo(new Attendance(Attendance.Status.ATTENDED, AFTER, false));
        assertThat(attended.forfeitsPayment()).isFalse();
        assertThat(attended.version()).isEqualTo(6);
    }

    @Test
    void the_same_mark_again_is_the_same_booking_and_nothing_is_written() {
        Booking noShow = seat(PaymentMethod.PASS, BookingStatus.CONFIRMED, PaymentStatus.PAID)
                .attended(Attendance.Status.NO_SHOW, START, true);

        assertThat(noShow.attended(Attendance.Status.NO_SHOW, AFTER, true)).isSameAs(noShow);
        // the same mark under another policy is a new mark: the policy of the time of marking counts
        assertThat(noShow.attended(Attendance.Status.NO_SHOW, AFTER, false).forfeitsPayment()).isFalse();
    }

    @Test
    void only_a_no_show_under_a_forfeiting_policy_forfeits() {
        Booking paid = seat(PaymentMethod.CREDITS, BookingStatus.CONFIRMED, PaymentStatus.PAID);

        assertThat(paid.attended(Attendance.Status.NO_SHOW, AFTER, false).forfeitsPayment()).isFalse();
        assertThat(paid.attended(Attendance.Status.ATTENDED, AFTER, true).forfeitsPayment()).isFalse();
        assertThat(paid.forfeitsPayment()).isFalse();
    }

    @Test
    void marking_is_refused_before_the_start_and_for_bookings_that_are_not_confirmed() {
        assertRefused(() -> seat(PaymentMethod.PASS, BookingStatus.CONFIRMED, PaymentStatus.PAID)
                .attended(Attendance.Status.ATTENDED, BEFORE, false), "BOOKING_NOT_STARTED");
        assertRefused(() -> seat(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID)
                .attended(Attendance.Status.ATTENDED, AFTER, false), "BOOKING_NOT_CONFIRMED");
        assertRefused(() -> seat(PaymentMethod.PASS, BookingStatus.CANCELLED, PaymentStatus.REFUNDED)
                .attended(Attendance.Status.NO_SHOW, AFTER, false), "BOOKING_CANCELLED");
    }

    @Test
    void a_forfeited_no_show_keeps_its_card_or_transfer_payment_whoever_cancels_it() {
        for (PaymentMethod method : new PaymentMethod[]{PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER}) {
            Booking paid = seat(method, BookingStatus.CONFIRMED, PaymentStatus.PAID);
            assertThat(MoneyRules.afterCancel(paid.attended(Attendance.Status.NO_SHOW, AFTER, true), false))
                    .as(method.name()).isEqualTo(PaymentStatus.PAID);
            assertThat(MoneyRules.afterCancel(paid.attended(Attendance.Status.NO_SHOW, AFTER, false), false))
                    .as(method.name()).isIn(PaymentStatus.REFUND_PENDING, PaymentStatus.REFUND_DUE);
            assertThat(MoneyRules.afterCancel(paid.attended(Attendance.Status.ATTENDED, AFTER, true), false))
                    .as(method.name()).isIn(PaymentStatus.REFUND_PENDING, PaymentStatus.REFUND_DUE);
        }
    }

    private static void assertRefused(Runnable mark, String code) {
        assertThatThrownBy(mark::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
