package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which bookings may move, until when, and what a move does to the booking (docs/decisions/reschedule.md). */
class MoveRulesTest {
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final CancellationPolicy POLICY = new CancellationPolicy("Free up to 12 hours before.", 12,
            CancellationPolicy.Refund.REFUND);

    private static Booking appointment(PaymentMethod method, BookingStatus status, PaymentStatus paid, Instant dueBy) {
        return new Booking("bk1", "st1", Booking.Kind.APPOINTMENT, "sv1", "Massage", "sf1", "Ioana", "lc1", START,
                START.plus(Duration.ofHours(1)), 0, 15, new Client("Maria", "maria@example.com", null), "cl1", method,
                status, paid, new Money(25000L, "RON"), "SB-1", dueBy, null, null, null, START.minus(Duration.ofDays(7)),
                null, null, null, null, null, 0, null, 0, 3);
    }

    private static Booking confirmed() {
        return appointment(PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null);
    }

    @Test
    void a_held_place_moves_until_it_starts_but_not_once_cancelled_started_or_with_an_open_checkout() {
        Instant before = START.minusSeconds(1);
        assertThatCode(() -> MoveRules.checkMovable(confirmed(), START, before)).doesNotThrowAnyException();
        assertThatCode(() -> MoveRules.checkMovable(appointment(PaymentMethod.BANK_TRANSFER,
                BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, START), START, before)).doesNotThrowAnyException();

        assertCode(() -> MoveRules.checkMovable(confirmed(), START, START), ErrorKind.CONFLICT, "BOOKING_STARTED");
        assertCode(() -> MoveRules.checkMovable(confirmed().cancelled(new Cancellation(before, Cancellation.By.CLIENT,
                false)), START, before), ErrorKind.CONFLICT, "BOOKING_CANCELLED");
        assertCode(() -> MoveRules.checkMovable(appointment(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT,
                PaymentStatus.UNPAID, START), START, before), ErrorKind.CONFLICT, "CHECKOUT_OPEN");
    }

    @Test
    void a_client_moves_only_before_the_cut_off_and_is_told_the_policy_staff_until_the_start() {
        Instant cutoff = START.minus(Duration.ofHours(12));
        assertThatCode(() -> MoveRules.checkCutoff(START, POLICY, Cancellation.By.CLIENT, cutoff)).doesNotThrowAnyException();

        DomainException late = catchDomain(() -> MoveRules.checkCutoff(START, POLICY, Cancellation.By.CLIENT,
                cutoff.plusSeconds(1)));
        assertThat(late.kind()).isEqualTo(ErrorKind.POLICY);
        assertThat(late.code()).isEqualTo("RESCHEDULE_CUTOFF_PASSED");
        assertThat(late.details()).containsEntry("policy", "Free up to 12 hours before.").containsEntry("cutoffHours", 12);
        assertThatCode(() -> MoveRules.checkCutoff(START, POLICY, Cancellation.By.STAFF, START.minusSeconds(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void an_unpaid_place_keeps_its_due_time_but_never_past_the_new_start() {
        Instant due = START.minus(Duration.ofDays(2));
        Booking awaiting = appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, due);
        assertThat(MoveRules.dueBy(awaiting, START.plus(Duration.ofDays(3)))).isEqualTo(due);
        assertThat(MoveRules.dueBy(awaiting, due.minus(Duration.ofHours(1)))).isEqualTo(due.minus(Duration.ofHours(1)));
        assertThat(MoveRules.dueBy(confirmed(), START.minus(Duration.ofDays(5)))).isNull();
    }

    @Test
    void a_move_keeps_payment_and_reference_and_raises_version_and_calendar_sequence() {
        Booking booking = appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, START);
        Instant later = START.plus(Duration.ofHours(3));
        Booking moved = booking.moved(new Booking.Move("Massage", "sf1", "Ioana", "lc2", later,
                later.plus(Duration.ofHours(1)), 0, 15, null, START));

        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.locationId()).isEqualTo("lc2");
        assertThat(moved.paymentMethod()).isEqualTo(booking.paymentMethod());
        assertThat(moved.paymentStatus()).isEqualTo(booking.paymentStatus());
        assertThat(moved.reference()).isEqualTo(booking.reference());
        assertThat(moved.previousVersion()).isEqualTo(booking.version());
        assertThat(moved.calendarSequence()).isEqualTo(booking.calendarSequence() + 1);
        assertThat(moved.cancelled(new Cancellation(START, Cancellation.By.CLIENT, false)).calendarSequence())
                .isEqualTo(moved.calendarSequence() + 1);
        assertThatThrownBy(() -> moved.cancelled(new Cancellation(START, Cancellation.By.CLIENT, false))
                .moved(new Booking.Move("Massage", "sf1", "Ioana", "lc2", later, later, 0, 0, null, null)))
                .isInstanceOf(DomainException.class);
    }

    private static void assertCode(Runnable call, ErrorKind kind, String code) {
        DomainException refused = catchDomain(call);
        assertThat(refused.kind()).isEqualTo(kind);
        assertThat(refused.code()).isEqualTo(code);
    }

    private static DomainException catchDomain(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
