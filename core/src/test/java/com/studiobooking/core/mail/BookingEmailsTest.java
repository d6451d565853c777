package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.StudioSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingEmailsTest {
    private static final StudioSettings STUDIO = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "en")
            .changedBy(new StudioSettings(null, null, null, null, null,
                    new BankTransfer(true, "Lotus SRL", "RO49AAAA1B31007593840000", "ING Bank", 48, null),
                    null, null, null, null));
    private static final Staff IOANA = new Staff("sf1", "Ioana", "ioana@example.com", StaffRole.STAFF, null,
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Location MAIN_ROOM = new Location("loc1", "Main room", "Str. Lalelelor 3", false, null,
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Client MARIA = new Client("Maria Popescu", "maria@example.com", "+40 722 000 111");
    private static final String PAGE = "https://lotus.example/book?studio=st1&booking=bk1#access=ba_token";

    /** A 60-minute massage with Ioana on Tue 1 Dec 2026 at 09:00 in Bucharest (07:00Z). */
    private static Booking massage(Client client, PaymentMethod method, BookingStatus status, PaymentStatus paid,
                                   String notes) {
        return new Booking("bk1", "st1", Booking.Kind.APPOINTMENT, "sv1", "Massage", "sf1", "Ioana", "loc1",
                Instant.parse("2026-12-01T07:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"), 0, 15, client, null,
                method, status, paid, new Money(25000L, "RON"), "LY-7K3Q",
                method == PaymentMethod.BANK_TRANSFER ? Instant.parse("2026-11-25T10:00:00Z") : null, null, notes, null,
                Instant.parse("2026-11-23T10:00:00Z"), null, null, null, null, null, 0, null, 0, Booking.NEW);
    }

    private static Booking awaitingTransfer() {
        return massage(MARIA, PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                "Lower back, please");
    }

    private static Booking confirmed(PaymentMethod method) {
        return massage(MARIA, method, BookingStatus.CONFIRMED,
                method == PaymentMethod.FREE ? PaymentStatus.NOT_REQUIRED : PaymentStatus.UNPAID, null);
    }

    private static Email toClient(List<Email> emails) {
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).to()).containsExactly("maria@example.com");
        return emails.get(0);
    }

    private static Email toPractitioner(List<Email> emails) {
        assertThat(emails.get(1).to()).containsExactly("ioana@example.com");
        return emails.get(1);
    }

    private static List<String> invite(Email email) {
        Email.Attachment ics = email.attachments().get(0);
        return Arrays.asList(new String(ics.content(), StandardCharsets.UTF_8).replace("\r\n ", "").split("\r\n"));
    }

    private static String everything(Email email) {
        return email.subject() + email.text() + email.html() + String.join("\n", invite(email));
    }

    @Test
    void the_client_is_told_whom_to_pay_how_much_by_when_and_with_which_reference() {
        Email email = toClient(BookingEmails.booked(awaitingTransfer(), STUDIO, IOANA, MAIN_ROOM, PAGE));

        assertThat(email.subject()).isEqualTo("Booked: Massage with Ioana on Tue 1 Dec 09:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                Your appointment at Lotus Yoga is reserved for you. It is confirmed once your bank transfer arrives.

                Service: Massage
                When: Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)
                Duration: 60 min
                With: Ioana
                Where: Main room, Str. Lalelelor 3
                Price: 250.00 RON
                Payment: bank transfer, awaiting payment by Wed 25 Nov 2026, 12:00 (Europe/Bucharest)
                Reference: LY-7K3Q

                Please transfer 250.00 RON by Wed 25 Nov 2026, 12:00 (Europe/Bucharest), quoting the reference LY-7K3Q:

                Account name: Lotus SRL
                IBAN: RO49AAAA1B31007593840000
                Bank: ING Bank
                Amount: 250.00 RON
                Reference: LY-7K3Q
                Pay by: Wed 25 Nov 2026, 12:00 (Europe/Bucharest)

                Cancellation policy (cut-off 12 hours before the start):
                You can cancel free of charge up to 12 hours before the start.

                Manage your booking (change, cancel, add to calendar): https://lotus.example/book?studio=st1&booking=bk1#access=ba_token

                Lotus Yoga
                """);
        assertThat(email.html()).contains(
                "<tr><th align=\"left\" valign=\"top\">IBAN</th><td>RO49AAAA1B31007593840000</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Amount</th><td>250.00 RON</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Reference</th><td>LY-7K3Q</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Pay by</th><td>Wed 25 Nov 2026, 12:00 (Europe/Bucharest)</td></tr>",
                "<p>Manage your booking (change, cancel, add to calendar): <a href=\"https://lotus.example/book?studio=st1&amp;booking=bk1#access=ba_token\">"
                        + "https://lotus.example/book?studio=st1&amp;booking=bk1#access=ba_token</a></p>");
    }

    @Test
    void no_e_mail_shows_an_online_location_s_link() {
        Location zoom = new Location("loc2", "Zoom room", "https://zoom.us/j/123?pwd=s3cret", true,
                "password s3cret", Instant.parse("2026-01-01T00:00:00Z"));
        Booking booking = awaitingTransfer();
        List<Email> emails = new java.util.ArrayList<>(BookingEmails.booked(booking, STUDIO, IOANA, zoom, null));
        emails.addAll(BookingEmails.cancelled(booking.cancelled(
                new Cancellation(Instant.parse("2026-11-24T08:00:00Z"), Cancellation.By.CLIENT, false)), STUDIO, IOANA, zoom, null));

        for (Email email : emails) {
            assertThat(everything(email)).doesNotContainIgnoringCase("token").doesNotContain("s3cret")
                    .doesNotContain("zoom.us").doesNotContain("http://").doesNotContain("https://");
        }
        assertThat(toClient(emails.subList(0, 2)).text()).contains("Where: online");
        assertThat(invite(emails.get(0))).contains("LOCATION:Online");
    }

    @Test
    void free_and_pay_at_the_studio_say_so_and_show_no_bank_details() {
        Email free = toClient(BookingEmails.booked(confirmed(PaymentMethod.FREE), STUDIO, IOANA, MAIN_ROOM, null));
        Email atStudio = toClient(BookingEmails.booked(confirmed(PaymentMethod.PAY_AT_STUDIO), STUDIO, IOANA, MAIN_ROOM, null));

        assertThat(free.text()).contains("is booked.", "Payment: free\n").doesNotContain("Price:", "IBAN", "transfer");
        assertThat(atStudio.text()).contains("is booked.", "Price: 250.00 RON\nPayment: pay at the studio\n")
                .doesNotContain("IBAN", "transfer");
        assertThat(free.text()).doesNotContain("Manage your booking");
    }

    @Test
    void the_practitioner_gets_the_client_s_contact_details_and_notes() {
        Email email = toPractitioner(BookingEmails.booked(awaitingTransfer(), STUDIO, IOANA, MAIN_ROOM, PAGE));

        assertThat(email.subject()).isEqualTo("New booking: Maria Popescu, Massage on Tue 1 Dec 09:00");
        assertThat(email.text()).isEqualTo("""
                Maria Popescu booked Massage with you.

                Client: Maria Popescu
                E-mail: maria@example.com
                Phone: +40 722 000 111

                Service: Massage
                When: Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)
                Duration: 60 min
                Where: Main room, Str. Lalelelor 3
                Price: 250.00 RON
                Payment: bank transfer, awaiting payment by Wed 25 Nov 2026, 12:00 (Europe/Bucharest)
                Reference: LY-7K3Q

                Notes from the client:
                Lower back, please
                """);
        assertThat(email.text()).doesNotContain(PAGE);
        assertThat(invite(email)).contains("SUMMARY:Massage: Maria Popescu",
                "DESCRIPTION:Client: Maria Popescu\\nE-mail: maria@example.com\\nPhone: +40 722 000 111"
                        + "\\nNotes: Lower back\\, please\\nReference: LY-7K3Q");

        Booking quiet = massage(new Client("Dan", "dan@example.com", null), PaymentMethod.PAY_AT_STUDIO,
                BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null);
        assertThat(toPractitioner(BookingEmails.booked(quiet, STUDIO, IOANA, MAIN_ROOM, PAGE)).text())
                .contains("Client: Dan\nE-mail: dan@example.com\n\n").doesNotContain("Phone", "Notes");
    }

    @Test
    void what_a_client_typed_is_escaped_in_html() {
        Client script = new Client("<script>alert(1)</script>", "eve@example.com", null);
        Booking booking = massage(script, PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED, PaymentStatus.UNPAID,
                "Tom & \"Jerry\" <b>");
        List<Email> emails = BookingEmails.booked(booking, STUDIO, IOANA, MAIN_ROOM, "https://lotus.example/book?a=1&b=2");

        assertThat(emails.get(0).to()).containsExactly("eve@example.com");
        assertThat(emails.get(0).html()).contains("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;,</p>",
                "<a href=\"https://lotus.example/book?a=1&amp;b=2\">").doesNotContain("<script>");
        assertThat(toPractitioner(emails).html()).contains(
                        "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>",
                        "Notes from the client:<br>\nTom &amp; &quot;Jerry&quot; &lt;b&gt;")
                .doesNotContain("<script>").doesNotContain("<b>");
        assertThat(toPractitioner(emails).subject()).isEqualTo("New booking: <script>alert(1)</script>, Massage on Tue 1 Dec 09:00");
    }

    @Test
    void a_link_that_is_not_a_web_address_is_shown_but_not_made_clickable() {
        Email email = toClient(BookingEmails.booked(confirmed(PaymentMethod.FREE), STUDIO, IOANA, MAIN_ROOM,
                "javascript:alert(1)"));
        assertThat(email.html()).contains("<p>Manage your booking (change, cancel, add to calendar): javascript:alert(1)</p>").doesNotContain("href");
    }

    @Test
    void both_e_mails_carry_the_same_invite_event_at_the_studio_s_wall_clock_time() {
        List<Email> emails = BookingEmails.booked(awaitingTransfer(), STUDIO, IOANA, MAIN_ROOM, PAGE);

        for (Email email : emails) {
            assertThat(email.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("invite.ics");
                assertThat(a.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
            });
            assertThat(invite(email)).contains("METHOD:REQUEST", "UID:bk1@studio-booking", "SEQUENCE:0",
                    "STATUS:CONFIRMED", "DTSTAMP:20261123T100000Z", "DTSTART;TZID=Europe/Bucharest:20261201T090000",
                    "DTEND;TZID=Europe/Bucharest:20261201T100000", "LOCATION:Main room\\, Str. Lalelelor 3",
                    "ORGANIZER;CN=Lotus Yoga:mailto:ioana@example.com",
                    "ATTENDEE;CN=Maria Popescu;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:maria@example.com");
        }
        assertThat(invite(toClient(emails))).contains("SUMMARY:Massage with Ioana",
                "DESCRIPTION:Massage with Ioana at Lotus Yoga.\\nReference: LY-7K3Q");
        // the same booking gives the same bytes: nothing reads the clock
        assertThat(BookingEmails.booked(awaitingTransfer(), STUDIO, IOANA, MAIN_ROOM, PAGE).get(0).attachments().get(0).content())
                .isEqualTo(emails.get(0).attachments().get(0).content());
    }

    @Test
    void a_client_s_late_cancellation_says_who_and_that_it_was_after_the_cut_off() {
        Booking cancelled = awaitingTransfer().cancelled(
                new Cancellation(Instant.parse("2026-11-30T20:00:00Z"), Cancellation.By.CLIENT, true));
        List<Email> emails = BookingEmails.cancelled(cancelled, STUDIO, IOANA, MAIN_ROOM, null);

        Email client = toClient(emails);
        assertThat(client.subject()).isEqualTo("Cancelled: Massage with Ioana on Tue 1 Dec 09:00");
        assertThat(client.text()).isEqualTo("""
                Hello Maria Popescu,

                You cancelled your appointment at Lotus Yoga. This was after the cancellation cut-off of 12 hours before the start.

                Service: Massage
                When: Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)
                With: Ioana
                Where: Main room, Str. Lalelelor 3
                Reference: LY-7K3Q
                Cancelled: Mon 30 Nov 2026, 22:00 (Europe/Bucharest)

                Nothing is due: please do not make the bank transfer.

                Cancellation policy:
                You can cancel free of charge up to 12 hours before the start.

                Lotus Yoga
                """);
        Email practitioner = toPractitioner(emails);
        assertThat(practitioner.subject()).isEqualTo("Cancelled: Maria Popescu, Massage on Tue 1 Dec 09:00");
        assertThat(practitioner.text()).startsWith(
                "Maria Popescu cancelled their appointment. This was after the cancellation cut-off of 12 hours before the start.\n\n"
                        + "Client: Maria Popescu\nE-mail: maria@example.com\nPhone: +40 722 000 111\n");
    }

    @Test
    void a_cancellation_by_the_studio_before_the_cut_off_says_so() {
        Booking cancelled = confirmed(PaymentMethod.PAY_AT_STUDIO).cancelled(
                new Cancellation(Instant.parse("2026-11-24T08:00:00Z"), Cancellation.By.STAFF, false));
        List<Email> emails = BookingEmails.cancelled(cancelled, STUDIO, IOANA, MAIN_ROOM, null);

        assertThat(toClient(emails).text()).contains(
                "Lotus Yoga cancelled your appointment. This was before the cancellation cut-off of 12 hours before the start.")
                .doesNotContain("bank transfer");
        assertThat(toPractitioner(emails).text()).startsWith("The studio cancelled Maria Popescu's appointment. This was before");
    }

    @Test
    void the_cancelling_invite_replaces_the_booked_one_in_the_calendar() {
        Booking booking = awaitingTransfer();
        List<Email> booked = BookingEmails.booked(booking, STUDIO, IOANA, MAIN_ROOM, PAGE);
        List<Email> cancelled = BookingEmails.cancelled(booking.cancelled(
                new Cancellation(Instant.parse("2026-11-30T20:00:00Z"), Cancellation.By.CLIENT, true)), STUDIO, IOANA, MAIN_ROOM, null);

        for (int i = 0; i < 2; i++) {
            assertThat(cancelled.get(i).attachments().get(0).filename()).isEqualTo("invite.ics");
            assertThat(cancelled.get(i).attachments().get(0).contentType()).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
            assertThat(invite(cancelled.get(i))).contains("METHOD:CANCEL", "STATUS:CANCELLED", "UID:bk1@studio-booking",
                    "SEQUENCE:1", "DTSTAMP:20261130T200000Z", "DTSTART;TZID=Europe/Bucharest:20261201T090000");
            assertThat(sequence(invite(cancelled.get(i)))).isGreaterThan(sequence(invite(booked.get(i))));
            assertThat(uid(invite(cancelled.get(i)))).isEqualTo(uid(invite(booked.get(i))));
        }
    }

    @Test
    void a_moved_appointment_tells_client_and_practitioner_the_old_and_new_time_with_an_updated_invite() {
        Booking booking = awaitingTransfer();
        List<Email> booked = BookingEmails.booked(booking, STUDIO, IOANA, MAIN_ROOM, PAGE);
        Booking moved = booking.moved(new Booking.Move("Massage", "sf1", "Ioana", "loc1",
                Instant.parse("2026-12-01T07:30:00Z"), Instant.parse("2026-12-01T08:30:00Z"), 0, 15, null,
                booking.paymentDueBy()));
        List<Email> emails = BookingEmails.moved(booking, moved, STUDIO, IOANA, MAIN_ROOM,
                Instant.parse("2026-11-26T12:00:00Z"), null);

        Email client = toClient(emails);
        assertThat(client.subject()).isEqualTo("Moved: Massage with Ioana on Tue 1 Dec 09:30");
        assertThat(client.text()).contains("Your appointment at Lotus Yoga is moved to the new time below.",
                "New time: Tue 1 Dec 2026, 09:30–10:30 (Europe/Bucharest)",
                "Was: Tue 1 Dec 2026, 09:00–10:00 (Europe/Bucharest)", "Reference: LY-7K3Q", "RO49AAAA1B31007593840000");
        assertThat(toPractitioner(emails).subject()).isEqualTo("Moved: Maria Popescu, Massage on Tue 1 Dec 09:30");
        assertThat(toPractitioner(emails).text()).startsWith("Maria Popescu moved their appointment for Massage to a new time.");
        for (int i = 0; i < 2; i++) {
            assertThat(invite(emails.get(i))).contains("METHOD:REQUEST", "STATUS:CONFIRMED", "UID:bk1@studio-booking",
                    "SEQUENCE:1", "DTSTAMP:20261126T120000Z", "DTSTART;TZID=Europe/Bucharest:20261201T093000");
            assertThat(sequence(invite(emails.get(i)))).isGreaterThan(sequence(invite(booked.get(i))));
        }

        // moved twice, then cancelled: every invite of the UID carries a higher SEQUENCE than the one before
        Booking again = moved.moved(new Booking.Move("Massage", "sf1", "Ioana", "loc1",
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), 0, 15, null, null));
        Email second = toClient(BookingEmails.moved(moved, again, STUDIO, IOANA, MAIN_ROOM, Instant.parse("2026-11-27T12:00:00Z"), null));
        Email cancel = toClient(BookingEmails.cancelled(again.cancelled(new Cancellation(
                Instant.parse("2026-11-28T12:00:00Z"), Cancellation.By.CLIENT, false)), STUDIO, IOANA, MAIN_ROOM, null));
        assertThat(sequence(invite(second))).isEqualTo(2);
        assertThat(sequence(invite(cancel))).isEqualTo(3);
    }

    @Test
    void cancelled_e_mails_need_a_cancelled_booking() {
        assertThatThrownBy(() -> BookingEmails.cancelled(awaitingTransfer(), STUDIO, IOANA, MAIN_ROOM, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void e_mails_follow_the_studio_s_language_and_fall_back_to_english() {
        StudioSettings romanian = STUDIO.changedBy(new StudioSettings(null, null, null, "ro", null, null, null, null, null, null));
        StudioSettings klingon = STUDIO.changedBy(new StudioSettings(null, null, null, "tlh", null, null, null, null, null, null));

        assertThat(toClient(BookingEmails.booked(awaitingTransfer(), romanian, IOANA, MAIN_ROOM, null)).subject())
                .isEqualTo("Rezervare confirmată: Massage cu Ioana, marți, 1 decembrie, 09:00");
        assertThat(toClient(BookingEmails.booked(awaitingTransfer(), klingon, IOANA, MAIN_ROOM, null)).subject())
                .isEqualTo("Booked: Massage with Ioana on Tue 1 Dec 09:00");
    }

    @Test
    void times_are_in_the_studio_s_zone() {
        StudioSettings newYork = STUDIO.changedBy(new StudioSettings(null, "America/New_York", null, null, null, null,
                null, null, null, null));
        Email email = toClient(BookingEmails.booked(awaitingTransfer(), newYork, IOANA, MAIN_ROOM, null));

        assertThat(email.subject()).isEqualTo("Booked: Massage with Ioana on Tue 1 Dec 02:00");
        assertThat(email.text()).contains("When: Tue 1 Dec 2026, 02:00–03:00 (America/New_York)",
                "Pay by: Wed 25 Nov 2026, 05:00 (America/New_York)");
        assertThat(invite(email)).contains("DTSTART;TZID=America/New_York:20261201T020000");
    }

    @Test
    void a_service_without_a_fixed_place_has_no_where() {
        Email email = toClient(BookingEmails.booked(confirmed(PaymentMethod.FREE), STUDIO, IOANA, null, null));
        assertThat(email.text()).doesNotContain("Where");
        assertThat(invite(email)).noneMatch(line -> line.startsWith("LOCATION"));
    }

    @Test
    void amounts_use_the_currency_s_minor_units() {
        StudioFormat english = new StudioFormat(STUDIO, "en");
        assertThat(english.money(new Money(25000L, "RON"))).isEqualTo("250.00 RON");
        assertThat(english.money(new Money(5L, "EUR"))).isEqualTo("0.05 EUR");
        assertThat(english.money(new Money(5000L, "JPY"))).isEqualTo("5,000 JPY");
        assertThat(english.money(new Money(1500L, "BHD"))).isEqualTo("1.500 BHD");
    }

    @Test
    void a_subject_never_holds_a_line_break() {
        Booking booking = massage(new Client("Eve\r\nBcc: all@example.com", "eve@example.com", null),
                PaymentMethod.FREE, BookingStatus.CONFIRMED, PaymentStatus.NOT_REQUIRED, null);
        for (Email email : BookingEmails.booked(booking, STUDIO, IOANA, MAIN_ROOM, null)) {
            assertThat(email.subject()).doesNotContain("\r", "\n");
        }
    }

    private static int sequence(List<String> ics) {
        return ics.stream().filter(l -> l.startsWith("SEQUENCE:")).map(l -> Integer.parseInt(l.substring(9)))
                .findFirst().orElseThrow();
    }

    private static String uid(List<String> ics) {
        return ics.stream().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    }
}
