package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client reminder: what, when (zone named), where, the reference; the link only as rule 3 grants it. */
class ClientReminderEmailTest {
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final StudioSettings STUDIO = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "en");
    private static final Location ROOM = new Location("loc1", "Main room", "Str. Lalelelor 3", false, null, LONG_AGO);
    private static final Client MARIA = new Client("Maria Popescu", "maria@example.com", null);
    private static final OnlineAccess SECRET = new OnlineAccess("https://meet.example/secret-room", "Door code 4321",
            "pw-9876");
    private static final Session VINYASA = new Session("ss1", "st1", null, "Vinyasa", null,
            Instant.parse("2026-12-01T16:00:00Z"), 60, SessionFormat.HYBRID, 10, 20, "sf1", "loc1",
            new Money(5000L, "RON"), 1, List.of(PaymentMethod.CARD, PaymentMethod.PAY_AT_STUDIO), SECRET, 1,
            Session.Status.SCHEDULED, Map.of(), LONG_AGO, null, null);

    private static Booking seat(SessionFormat format, PaymentMethod method, BookingStatus status, PaymentStatus paid,
                                String language) {
        return new Booking("bk1", "st1", Booking.Kind.SESSION, null, "Vinyasa", "sf1", "Ioana", "loc1",
                VINYASA.start(), VINYASA.end(), 0, 0, MARIA, null, method, status, paid, new Money(5000L, "RON"),
                "SB-7K3QX2MA", null, null, null, language, LONG_AGO, new Booking.SessionSeat("ss1", format), null, null, null, null, 0, null, 0,
                Booking.NEW);
    }

    @Test
    void a_seat_in_the_studio_is_reminded_of_what_when_where_and_its_reference() {
        Email email = ClientReminderEmail.ofSeat(seat(SessionFormat.IN_PERSON, PaymentMethod.PAY_AT_STUDIO,
                BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null), VINYASA, STUDIO, ROOM, Optional.empty(), null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Reminder: Vinyasa with Ioana on Tue 1 Dec 18:00");
        assertThat(email.text()).contains("Hello Maria Popescu,",
                "This is a reminder of your place in Vinyasa at Lotus Yoga.",
                "When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)", "Instructor: Ioana",
                "Where: Main room, Str. Lalelelor 3", "Payment: pay at the studio", "Reference: SB-7K3QX2MA",
                "If you can no longer come, please let Lotus Yoga know");
        assertThat(email.text()).doesNotContain("link", SECRET.link());
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void a_paid_online_seat_gets_the_link_that_was_granted_and_otherwise_hears_it_will_follow() {
        Booking paid = seat(SessionFormat.ONLINE, PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null);

        Email withLink = ClientReminderEmail.ofSeat(paid, VINYASA, STUDIO, null, Optional.of(SECRET), null);
        assertThat(withLink.text()).contains("Where: online", "You'll join online:", "Link: " + SECRET.link(),
                "Password: pw-9876", "Door code 4321");
        assertThat(withLink.html()).contains("<a href=\"" + SECRET.link() + "\">");

        Email notGranted = ClientReminderEmail.ofSeat(paid, VINYASA, STUDIO, null, Optional.empty(), null);
        assertThat(notGranted.text()).contains("The link will follow by e-mail before the session.")
                .doesNotContain(SECRET.link(), "pw-9876", "Door code");
    }

    @Test
    void a_link_handed_in_for_a_booking_rule_3_does_not_entitle_is_not_shown() {
        Booking unpaid = seat(SessionFormat.ONLINE, PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT,
                PaymentStatus.UNPAID, null);
        Booking inTheRoom = seat(SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID,
                null);

        for (Booking booking : List.of(unpaid, inTheRoom)) {
            Email email = ClientReminderEmail.ofSeat(booking, VINYASA, STUDIO, ROOM, Optional.of(SECRET), null);
            assertThat(email.subject() + email.text() + email.html()).doesNotContain(SECRET.link(), "pw-9876", "Door code");
        }
    }

    @Test
    void an_appointment_is_reminded_in_the_client_s_language() {
        Booking massage = new Booking("bk2", "st1", Booking.Kind.APPOINTMENT, "sv1", "Thai massage", "sf1", "Ioana",
                "loc1", Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"), 0, 15, MARIA, null,
                PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED, PaymentStatus.PAID, new Money(25000L, "RON"),
                "SB-AB12CD34", null, null, null, "ro", LONG_AGO, null, null, null, null, null, 0, null, 0, Booking.NEW);

        Email email = ClientReminderEmail.ofAppointment(massage, STUDIO, ROOM, null);

        assertThat(email.subject()).isEqualTo("Memento: Thai massage cu Ioana, marți, 1 decembrie, 10:00");
        assertThat(email.text()).contains("Acesta este un memento pentru programarea dumneavoastră la Lotus Yoga.",
                "Când: marți, 1 decembrie 2026, 10:00–11:00 (Europe/Bucharest)", "Unde: Main room, Str. Lalelelor 3",
                "Referință: SB-AB12CD34");
    }

    @Test
    void a_booking_of_another_session_is_refused() {
        Booking other = new Booking("bk1", "st1", Booking.Kind.SESSION, null, "Yin", "sf1", "Ioana", null,
                VINYASA.start(), VINYASA.end(), 0, 0, MARIA, null, PaymentMethod.CARD, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, new Money(5000L, "RON"), "SB-1", null, null, null, null, LONG_AGO,
                new Booking.SessionSeat("ss2", SessionFormat.ONLINE), null, null, null, null, 0, null, 0, Booking.NEW);

        assertThatThrownBy(() -> ClientReminderEmail.ofSeat(other, VINYASA, STUDIO, null, Optional.of(SECRET), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
