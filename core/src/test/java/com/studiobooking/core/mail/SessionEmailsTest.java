package com.studiobooking.core.mail;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.booking.Restitution;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.StudioSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionEmailsTest {
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final StudioSettings STUDIO = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "en")
            .changedBy(new StudioSettings(null, null, null, null, null,
                    new BankTransfer(true, "Lotus SRL", "RO49AAAA1B31007593840000", "ING Bank", 48, null),
                    null, null, null, null));
    private static final Staff IOANA = new Staff("sf1", "Ioana", "ioana@example.com", StaffRole.STAFF, null, LONG_AGO);
    private static final Staff ANA = new Staff("sf0", "Ana Pop", "ana@example.com", StaffRole.OWNER, null, LONG_AGO);
    private static final Location MAIN_ROOM = new Location("loc1", "Main room", "Str. Lalelelor 3", false, null, LONG_AGO);
    private static final Client MARIA = new Client("Maria Popescu", "maria@example.com", null);
    private static final String ADMIN = "https://lotus.example/admin/sessions/ss1";

    private static final String LINK = "https://meet.example/secret-room";
    private static final String INSTRUCTIONS = "Door code 4321";
    private static final String PASSWORD = "pw-9876";
    private static final OnlineAccess SECRET = new OnlineAccess(LINK, INSTRUCTIONS, PASSWORD);

    /** Vinyasa with Ioana, Tue 1 Dec 2026 18:00–19:00 in Bucharest, in the room and online; it has a link. */
    private static final Session VINYASA = session("Vinyasa", Instant.parse("2026-12-01T16:00:00Z"));

    private static Session session(String name, Instant start) {
        return new Session("ss1", "st1", null, name, "Flowing practice", start, 60, SessionFormat.HYBRID, 10, 20,
                "sf1", "loc1", new Money(5000L, "RON"), 1,
                List.of(PaymentMethod.CARD, PaymentMethod.CREDITS, PaymentMethod.PASS, PaymentMethod.BANK_TRANSFER),
                SECRET, 1, Session.Status.SCHEDULED, Map.of(), LONG_AGO, null, null);
    }

    private static Booking booking(Client client, SessionFormat seat, PaymentMethod method, BookingStatus status,
                                   PaymentStatus paid, Booking.WalletUse walletUse) {
        return new Booking("bk1", "st1", Booking.Kind.SESSION, "ss1", "Vinyasa", "sf1", "Ioana", "loc1",
                VINYASA.start(), VINYASA.end(), 0, 0, client, null, method, status, paid, new Money(5000L, "RON"),
                "LY-7K3Q", method == PaymentMethod.BANK_TRANSFER ? Instant.parse("2026-11-25T10:00:00Z") : null, null,
                null, null, Instant.parse("2026-11-23T10:00:00Z"), new Booking.SessionSeat("ss1", seat), walletUse, null, null, null, 0, null, 0,
                Booking.NEW);
    }

    private static Booking online(PaymentMethod method, BookingStatus status, PaymentStatus paid) {
        return booking(MARIA, SessionFormat.ONLINE, method, status, paid, null);
    }

    private static Booking onlineAwaitingTransfer() {
        return online(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID);
    }

    private static Booking onlinePaidByCard() {
        return online(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID);
    }

    private static Booking onlineTransferReceived() {
        return online(PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED, PaymentStatus.PAID);
    }

    private static Booking inPersonPaidByCard() {
        return booking(MARIA, SessionFormat.IN_PERSON, PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID,
                null);
    }

    private static Booking cancelledBy(Booking booking, Cancellation.By by, boolean late, PaymentStatus afterwards) {
        return booking.cancelled(new Cancellation(Instant.parse("2026-11-30T20:00:00Z"), by, late), afterwards);
    }

    private static List<String> invite(Email email) {
        assertThat(email.attachments()).singleElement()
                .satisfies(a -> assertThat(a.filename()).isEqualTo("invite.ics"));
        return Arrays.asList(ics(email.attachments().get(0)).replace("\r\n ", "").split("\r\n"));
    }

    private static String ics(Email.Attachment attachment) {
        return new String(attachment.content(), StandardCharsets.UTF_8);
    }

    private static int sequence(Email email) {
        return invite(email).stream().filter(l -> l.startsWith("SEQUENCE:"))
                .map(l -> Integer.parseInt(l.substring("SEQUENCE:".length()))).findFirst().orElseThrow();
    }

    private static String uid(Email email) {
        return invite(email).stream().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    }

    // --- booked ---------------------------------------------------------------------------------------------

    @Test
    void an_online_seat_awaiting_a_bank_transfer_gets_the_bank_details_and_no_link() {
        Email email = SessionEmails.booked(onlineAwaitingTransfer(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.cc()).isEmpty();
        assertThat(email.subject()).isEqualTo("Booked: Vinyasa with Ioana on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                Your place in Vinyasa at Lotus Yoga is reserved for you. It is confirmed once your bank transfer arrives.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Duration: 60 min
                Instructor: Ioana
                Where: online
                Price: 50.00 RON
                Payment: bank transfer, awaiting payment by Wed 25 Nov 2026, 12:00 (Europe/Bucharest)
                Reference: LY-7K3Q

                You'll join online. The link is sent once your payment is confirmed.

                Please transfer 50.00 RON by Wed 25 Nov 2026, 12:00 (Europe/Bucharest), quoting the reference LY-7K3Q:

                Account name: Lotus SRL
                IBAN: RO49AAAA1B31007593840000
                Bank: ING Bank
                Amount: 50.00 RON
                Reference: LY-7K3Q
                Pay by: Wed 25 Nov 2026, 12:00 (Europe/Bucharest)

                Cancellation policy (cut-off 12 hours before the start):
                You can cancel free of charge up to 12 hours before the start.

                Lotus Yoga
                """);
        assertThat(email.html()).contains(
                "<tr><th align=\"left\" valign=\"top\">Account name</th><td>Lotus SRL</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">IBAN</th><td>RO49AAAA1B31007593840000</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Bank</th><td>ING Bank</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Amount</th><td>50.00 RON</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Reference</th><td>LY-7K3Q</td></tr>",
                "<tr><th align=\"left\" valign=\"top\">Pay by</th><td>Wed 25 Nov 2026, 12:00 (Europe/Bucharest)</td></tr>",
                "<p>You&#39;ll join online. The link is sent once your payment is confirmed.</p>");
    }

    @Test
    void an_online_seat_with_granted_access_gets_link_instructions_and_password_in_mail_and_invite() {
        Email email = SessionEmails.booked(onlinePaidByCard(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.of(SECRET), null);

        assertThat(email.text()).contains("""
                Price: 50.00 RON
                Payment: paid by card
                Reference: LY-7K3Q

                You'll join online:

                Link: https://meet.example/secret-room

                Password: pw-9876

                Instructions:
                Door code 4321

                Cancellation policy""").doesNotContain("IBAN", "will follow", "once your payment");
        assertThat(email.html()).contains(
                "<p>Link: <a href=\"https://meet.example/secret-room\">https://meet.example/secret-room</a></p>",
                "<tr><th align=\"left\" valign=\"top\">Password</th><td>pw-9876</td></tr>",
                "<p>Instructions:<br>\nDoor code 4321</p>");
        assertThat(invite(email)).contains("METHOD:REQUEST", "LOCATION:https://meet.example/secret-room",
                "DESCRIPTION:Vinyasa with Ioana at Lotus Yoga.\\nReference: LY-7K3Q"
                        + "\\nJoin: https://meet.example/secret-room\\nPassword: pw-9876\\nDoor code 4321");
    }

    @Test
    void a_paid_online_seat_without_access_is_told_the_link_will_follow() {
        Email email = SessionEmails.booked(onlinePaidByCard(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);

        assertThat(email.text()).contains("Where: online\n",
                "\n\nYou'll join online. The link will follow by e-mail before the session.\n\n");
        assertThat(invite(email)).contains("LOCATION:Online",
                "DESCRIPTION:Vinyasa with Ioana at Lotus Yoga.\\nReference: LY-7K3Q");
    }

    @Test
    void a_free_online_seat_without_access_is_told_the_link_will_follow_and_shows_no_price() {
        Booking free = online(PaymentMethod.FREE, BookingStatus.CONFIRMED, PaymentStatus.NOT_REQUIRED);
        Email email = SessionEmails.booked(free, VINYASA, STUDIO, IOANA, null, Optional.empty(), null);

        assertThat(email.text()).contains("Payment: free\n", "The link will follow by e-mail before the session.")
                .doesNotContain("Price", "IBAN");
    }

    @Test
    void a_seat_in_the_studio_gets_the_room_and_the_payment_but_nothing_about_joining_online() {
        Email email = SessionEmails.booked(inPersonPaidByCard(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.of(SECRET), null);

        assertThat(email.subject()).isEqualTo("Booked: Vinyasa with Ioana on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                Your place in Vinyasa at Lotus Yoga is booked.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Duration: 60 min
                Instructor: Ioana
                Where: Main room, Str. Lalelelor 3
                Price: 50.00 RON
                Payment: paid by card
                Reference: LY-7K3Q

                Cancellation policy (cut-off 12 hours before the start):
                You can cancel free of charge up to 12 hours before the start.

                Lotus Yoga
                """);
        assertThat(invite(email)).contains("LOCATION:Main room\\, Str. Lalelelor 3");
        assertThat(ics(email.attachments().get(0))).doesNotContain(LINK, PASSWORD, INSTRUCTIONS);
    }

    @Test
    void credits_and_pass_entries_show_what_was_used_instead_of_a_price() {
        Booking credits = booking(MARIA, SessionFormat.IN_PERSON, PaymentMethod.CREDITS, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, new Booking.WalletUse(null, 2));
        Booking pass = booking(MARIA, SessionFormat.IN_PERSON, PaymentMethod.PASS, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, new Booking.WalletUse("ps1", 0));

        assertThat(SessionEmails.booked(credits, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null).text())
                .contains("Payment: 2 credits\n").doesNotContain("Price");
        assertThat(SessionEmails.booked(pass, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null).text())
                .contains("Payment: pass entry\n").doesNotContain("Price");
    }

    @Test
    void the_booked_invite_is_a_request_at_the_studio_s_wall_clock_time() {
        Email email = SessionEmails.booked(onlineAwaitingTransfer(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);

        assertThat(email.attachments().get(0).contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(invite(email)).contains("METHOD:REQUEST", "UID:bk1@studio-booking", "SEQUENCE:0",
                "STATUS:CONFIRMED", "DTSTAMP:20261123T100000Z", "DTSTART;TZID=Europe/Bucharest:20261201T180000",
                "DTEND;TZID=Europe/Bucharest:20261201T190000", "SUMMARY:Vinyasa with Ioana", "LOCATION:Online",
                "ATTENDEE;CN=Maria Popescu;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:maria@example.com");
    }

    @Test
    void a_card_payment_s_confirmation_carries_the_invite_the_booked_e_mail_would_have_and_otherwise_none() {
        Booking paid = inPersonPaidByCard();
        Email withInvite = SessionEmails.paymentConfirmed(paid, VINYASA, STUDIO, MAIN_ROOM, Optional.empty(), true, null);
        Email booked = SessionEmails.booked(paid, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);

        assertThat(uid(withInvite)).isEqualTo(uid(booked)).isEqualTo("UID:bk1@studio-booking");
        assertThat(sequence(withInvite)).isZero();
        assertThat(invite(withInvite)).contains("METHOD:REQUEST", "DTSTAMP:20261123T100000Z");
        assertThat(invite(withInvite)).isEqualTo(invite(booked));
        assertThat(SessionEmails.paymentConfirmed(paid, VINYASA, STUDIO, MAIN_ROOM, Optional.empty(), false, null)
                .attachments()).isEmpty();
    }

    // --- rule 3 ---------------------------------------------------------------------------------------------

    @Test
    void no_e_mail_built_without_granted_access_carries_the_session_s_link_instructions_or_password() {
        assertThat(VINYASA.onlineAccess()).isEqualTo(SECRET);
        List<Email> emails = new ArrayList<>();
        for (Booking b : List.of(onlineAwaitingTransfer(), onlinePaidByCard(), onlineTransferReceived(),
                inPersonPaidByCard(), online(PaymentMethod.FREE, BookingStatus.CONFIRMED, PaymentStatus.NOT_REQUIRED))) {
            emails.add(SessionEmails.booked(b, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null));
            emails.add(SessionEmails.paymentConfirmed(b, VINYASA, STUDIO, null, Optional.empty(), false, null));
            for (Restitution restitution : Restitution.values()) {
                for (boolean sessionCancelled : new boolean[]{false, true}) {
                    emails.add(SessionEmails.cancelled(cancelledBy(b, Cancellation.By.CLIENT, false, b.paymentStatus()),
                            VINYASA, STUDIO, restitution, sessionCancelled, null));
                }
            }
            emails.add(SessionEmails.rescheduled(b, VINYASA,
                    session("Vinyasa", Instant.parse("2026-12-02T16:00:00Z")), STUDIO, null));
            emails.add(SessionEmails.released(b, VINYASA, STUDIO, null));
        }
        emails.add(SessionEmails.missingLinkReminder(VINYASA, STUDIO, IOANA, ANA, 3, ADMIN));

        assertThat(emails).hasSize(5 * (2 + Restitution.values().length * 2 + 2) + 1);
        for (Email email : emails) {
            assertThat(List.of(email.subject(), email.text(), email.html())).allSatisfy(part ->
                    assertThat(part).doesNotContain(LINK, "secret-room", INSTRUCTIONS, PASSWORD));
            for (Email.Attachment attachment : email.attachments()) {
                String raw = new String(attachment.content(), StandardCharsets.UTF_8);
                assertThat(List.of(raw, raw.replace("\r\n ", ""))).allSatisfy(ics ->
                        assertThat(ics).doesNotContain(LINK, "secret-room", INSTRUCTIONS, PASSWORD));
            }
        }
    }

    @Test
    void access_handed_in_for_a_booking_that_has_not_paid_is_still_not_shown() {
        List<Email> emails = List.of(
                SessionEmails.booked(onlineAwaitingTransfer(), VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.of(SECRET), null),
                SessionEmails.paymentConfirmed(onlineAwaitingTransfer(), VINYASA, STUDIO, null, Optional.of(SECRET), false, null),
                SessionEmails.booked(online(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID),
                        VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.of(SECRET), null));

        for (Email email : emails) {
            String all = email.subject() + email.text() + email.html()
                    + (email.attachments().isEmpty() ? "" : ics(email.attachments().get(0)));
            assertThat(all).doesNotContain(LINK, INSTRUCTIONS, PASSWORD);
        }
        assertThat(emails.get(0).text()).contains("The link is sent once your payment is confirmed.");
        assertThatThrownBy(() -> SessionEmails.linkReleased(onlineAwaitingTransfer(), VINYASA, STUDIO, SECRET, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionEmails.linkReleased(inPersonPaidByCard(), VINYASA, STUDIO, SECRET, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_booking_of_another_session_is_refused() {
        Session other = new Session("ss2", "st1", null, "Yin", null, VINYASA.start(), 60, SessionFormat.ONLINE, 10,
                null, "sf1", null, null, null, List.of(PaymentMethod.CARD), SECRET, 1, Session.Status.SCHEDULED,
                Map.of(), LONG_AGO, null, null);
        assertThatThrownBy(() -> SessionEmails.linkReleased(onlinePaidByCard(), other, STUDIO, SECRET, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- payment confirmed ------------------------------------------------------------------------------

    @Test
    void a_confirmed_transfer_for_an_online_seat_brings_the_link_when_there_is_one() {
        Email email = SessionEmails.paymentConfirmed(onlineTransferReceived(), VINYASA, STUDIO, null, Optional.of(SECRET), false, null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Payment received: Vinyasa on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                We received your payment for Vinyasa. Your place is confirmed.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Instructor: Ioana
                Where: online
                Payment: bank transfer, received
                Reference: LY-7K3Q

                You'll join online:

                Link: https://meet.example/secret-room

                Password: pw-9876

                Instructions:
                Door code 4321

                Lotus Yoga
                """);
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void a_confirmed_payment_without_a_link_yet_says_it_will_follow() {
        Email email = SessionEmails.paymentConfirmed(onlineTransferReceived(), VINYASA, STUDIO, null, Optional.empty(), false, null);

        assertThat(email.text()).contains(
                "\n\nYou'll join online. The link will follow by e-mail before the session.\n\nLotus Yoga\n");
    }

    @Test
    void a_confirmed_payment_for_a_seat_in_the_studio_just_confirms() {
        Booking transfer = booking(MARIA, SessionFormat.IN_PERSON, PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, null);
        Email email = SessionEmails.paymentConfirmed(transfer, VINYASA, STUDIO, null, Optional.empty(), false, null);

        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                We received your payment for Vinyasa. Your place is confirmed.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Instructor: Ioana
                Payment: bank transfer, received
                Reference: LY-7K3Q

                Lotus Yoga
                """);
    }

    // --- link released --------------------------------------------------------------------------------------

    @Test
    void the_first_link_is_sent_as_your_link() {
        Email email = SessionEmails.linkReleased(onlinePaidByCard(), VINYASA, STUDIO, SECRET, false, null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Your link for Vinyasa on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                Here is how to join Vinyasa online:

                Link: https://meet.example/secret-room

                Password: pw-9876

                Instructions:
                Door code 4321

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Instructor: Ioana
                Reference: LY-7K3Q

                Lotus Yoga
                """);
        assertThat(email.html()).contains(
                "<p>Link: <a href=\"https://meet.example/secret-room\">https://meet.example/secret-room</a></p>");
    }

    @Test
    void a_changed_link_is_sent_as_a_new_link() {
        OnlineAccess moved = new OnlineAccess("https://meet.example/other-room", null, null);
        Email email = SessionEmails.linkReleased(onlinePaidByCard(), VINYASA, STUDIO, moved, true, null);

        assertThat(email.subject()).isEqualTo("New link for Vinyasa on Tue 1 Dec 18:00");
        assertThat(email.text()).contains("The link for Vinyasa has changed. Please use this one:\n\n"
                        + "Link: https://meet.example/other-room\n\nSession: Vinyasa\n")
                .doesNotContain("Password", "Instructions");
    }

    // --- cancelled ------------------------------------------------------------------------------------------

    @Test
    void each_restitution_says_what_the_client_gets_back() {
        Map<Restitution, String> expected = Map.of(
                Restitution.NONE, "Under the cancellation policy nothing is given back for a cancellation after the"
                        + " cut-off of 12 hours before the start.",
                Restitution.NOTHING_PAID, "No payment was taken for this booking, so nothing is owed."
                        + " Please do not make the bank transfer.",
                Restitution.CARD_REFUND, "Your payment of 50.00 RON is refunded to your card. It usually shows on your"
                        + " statement within 5–10 days.",
                Restitution.CREDITS_RETURNED, "2 credits are back in your account.",
                Restitution.PASS_ENTRY_RETURNED, "The entry is back on your pass.",
                Restitution.REFUND_DUE, "Lotus Yoga will transfer 50.00 RON back to you.",
                Restitution.NO_SHOW_FORFEITED, "This booking was marked as a no-show, so under Lotus Yoga's no-show"
                        + " policy nothing is given back.");
        Booking booking = booking(MARIA, SessionFormat.ONLINE, PaymentMethod.BANK_TRANSFER, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, new Booking.WalletUse(null, 2));
        Booking cancelled = cancelledBy(booking, Cancellation.By.CLIENT, false, PaymentStatus.PAID);

        assertThat(expected).hasSize(Restitution.values().length);
        expected.forEach((restitution, sentence) ->
                assertThat(SessionEmails.cancelled(cancelled, VINYASA, STUDIO, restitution, false, null).text())
                        .contains("\n\n" + sentence + "\n\n"));
    }

    @Test
    void restitution_wording_fits_the_booking() {
        Booking card = cancelledBy(onlinePaidByCard(), Cancellation.By.CLIENT, false, PaymentStatus.REFUNDED);
        Booking oneCredit = cancelledBy(booking(MARIA, SessionFormat.ONLINE, PaymentMethod.CREDITS,
                BookingStatus.CONFIRMED, PaymentStatus.PAID, new Booking.WalletUse(null, 1)),
                Cancellation.By.CLIENT, false, PaymentStatus.PAID);

        assertThat(SessionEmails.cancelled(card, VINYASA, STUDIO, Restitution.NOTHING_PAID, false, null).text())
                .contains("No payment was taken for this booking, so nothing is owed.\n").doesNotContain("transfer");
        assertThat(SessionEmails.cancelled(oneCredit, VINYASA, STUDIO, Restitution.CREDITS_RETURNED, false, null).text())
                .contains("\n1 credit is back in your account.\n");
    }

    @Test
    void a_client_s_late_cancellation_says_so_and_gives_the_policy() {
        Booking cancelled = cancelledBy(onlinePaidByCard(), Cancellation.By.CLIENT, true, PaymentStatus.PAID);
        Email email = SessionEmails.cancelled(cancelled, VINYASA, STUDIO, Restitution.NONE, false, null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Cancelled: Vinyasa with Ioana on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                You cancelled your booking for Vinyasa. This was after the cancellation cut-off of 12 hours before the start.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Instructor: Ioana
                Reference: LY-7K3Q
                Cancelled: Mon 30 Nov 2026, 22:00 (Europe/Bucharest)

                Under the cancellation policy nothing is given back for a cancellation after the cut-off of 12 hours before the start.

                Cancellation policy:
                You can cancel free of charge up to 12 hours before the start.

                Lotus Yoga
                """);
    }

    @Test
    void when_the_studio_cancels_the_session_the_client_is_told_so_and_refunded() {
        Booking cancelled = cancelledBy(onlinePaidByCard(), Cancellation.By.STAFF, true, PaymentStatus.REFUNDED);
        Email email = SessionEmails.cancelled(cancelled, VINYASA, STUDIO, Restitution.CARD_REFUND, true, null);

        assertThat(email.text()).startsWith("""
                Hello Maria Popescu,

                Lotus Yoga cancelled the session Vinyasa, so your booking is cancelled.

                """).contains("Your payment of 50.00 RON is refunded to your card.")
                .doesNotContain("cut-off", "Cancellation policy");

        Email onlyThisBooking = SessionEmails.cancelled(cancelled, VINYASA, STUDIO, Restitution.CARD_REFUND, false, null);
        assertThat(onlyThisBooking.text()).contains("\n\nLotus Yoga cancelled your booking for Vinyasa.\n\n")
                .doesNotContain("the session");
    }

    @Test
    void the_cancel_invite_replaces_the_booked_one() {
        Booking booking = onlinePaidByCard();
        Email booked = SessionEmails.booked(booking, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);
        Email cancelled = SessionEmails.cancelled(cancelledBy(booking, Cancellation.By.CLIENT, false,
                PaymentStatus.REFUNDED), VINYASA, STUDIO, Restitution.CARD_REFUND, false, null);

        assertThat(cancelled.attachments().get(0).contentType()).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
        assertThat(invite(cancelled)).contains("METHOD:CANCEL", "STATUS:CANCELLED", "DTSTAMP:20261130T200000Z",
                "DTSTART;TZID=Europe/Bucharest:20261201T180000");
        assertThat(uid(cancelled)).isEqualTo(uid(booked)).isEqualTo("UID:bk1@studio-booking");
        assertThat(sequence(cancelled)).isGreaterThan(sequence(booked));
    }

    @Test
    void cancelled_e_mails_need_a_cancelled_booking() {
        assertThatThrownBy(() -> SessionEmails.cancelled(onlinePaidByCard(), VINYASA, STUDIO, Restitution.NONE, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- rescheduled ----------------------------------------------------------------------------------------

    @Test
    void a_moved_session_gives_the_old_and_the_new_time_and_updates_the_invite() {
        Session moved = session("Vinyasa", Instant.parse("2026-12-02T17:30:00Z"));
        Booking booking = onlinePaidByCard();
        Email booked = SessionEmails.booked(booking, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);
        Email email = SessionEmails.rescheduled(booking.rescheduled(moved.start(), moved.end()), VINYASA, moved, STUDIO, null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("New time: Vinyasa with Ioana on Wed 2 Dec 19:30");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                Lotus Yoga moved Vinyasa to a new time. Your place is kept.

                Session: Vinyasa
                New time: Wed 2 Dec 2026, 19:30–20:30 (Europe/Bucharest)
                Was: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Instructor: Ioana
                Reference: LY-7K3Q

                If the new time does not suit you, please contact Lotus Yoga.

                Lotus Yoga
                """);
        assertThat(invite(email)).contains("METHOD:REQUEST", "STATUS:CONFIRMED",
                "DTSTART;TZID=Europe/Bucharest:20261202T193000", "DTEND;TZID=Europe/Bucharest:20261202T203000");
        assertThat(uid(email)).isEqualTo(uid(booked));
        assertThat(sequence(email)).isGreaterThan(sequence(booked));

        Email cancelledAfterwards = SessionEmails.cancelled(cancelledBy(booking.rescheduled(moved.start(), moved.end()),
                Cancellation.By.CLIENT, false, PaymentStatus.REFUNDED), moved, STUDIO, Restitution.CARD_REFUND, false, null);
        assertThat(sequence(cancelledAfterwards)).isGreaterThan(sequence(email));
    }

    @Test
    void a_seat_the_client_moved_gives_both_times_an_updated_invite_and_the_link_only_when_paid() {
        Session thursday = new Session("ss2", "st1", null, "Vinyasa", "Flowing practice",
                Instant.parse("2026-12-03T16:00:00Z"), 60, SessionFormat.HYBRID, 10, 20, "sf1", "loc1",
                new Money(5000L, "RON"), 1, VINYASA.paymentMethods(), SECRET, 1, Session.Status.SCHEDULED, Map.of(),
                LONG_AGO, null, null);
        Booking paid = onlinePaidByCard();
        Email booked = SessionEmails.booked(paid, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);
        Booking moved = movedTo(paid, thursday);

        Email email = SessionEmails.moved(moved, VINYASA, thursday, STUDIO, IOANA, MAIN_ROOM, Optional.of(SECRET),
                Instant.parse("2026-11-26T12:00:00Z"), null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Moved: Vinyasa with Ioana on Thu 3 Dec 18:00");
        assertThat(email.text()).contains("Your place is moved to Vinyasa at Lotus Yoga, at the new time below.",
                "New time: Thu 3 Dec 2026, 18:00–19:00 (Europe/Bucharest)",
                "Was: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)", "Reference: LY-7K3Q", LINK, PASSWORD);
        assertThat(invite(email)).contains("METHOD:REQUEST", "UID:bk1@studio-booking", "SEQUENCE:1",
                "DTSTART;TZID=Europe/Bucharest:20261203T180000");
        assertThat(uid(email)).isEqualTo(uid(booked));
        assertThat(sequence(email)).isGreaterThan(sequence(booked));

        Email unpaid = SessionEmails.moved(movedTo(onlineAwaitingTransfer(), thursday), VINYASA, thursday, STUDIO, IOANA,
                MAIN_ROOM, Optional.of(SECRET), Instant.parse("2026-11-26T12:00:00Z"), null);
        assertThat(unpaid.subject() + unpaid.text() + unpaid.html() + String.join("\n", invite(unpaid)))
                .doesNotContain(LINK, PASSWORD, INSTRUCTIONS);
        assertThat(unpaid.text()).contains("RO49AAAA1B31007593840000");
    }

    private static Booking movedTo(Booking booking, Session to) {
        return booking.moved(new Booking.Move(to.name(), to.instructorId(), "Ioana", to.locationId(), to.start(), to.end(),
                0, 0, new Booking.SessionSeat(to.sessionId(), booking.session().format()), booking.paymentDueBy()));
    }

    // --- released -------------------------------------------------------------------------------------------

    @Test
    void a_released_place_says_the_transfer_came_too_late_and_must_not_be_made_now() {
        Booking awaiting = onlineAwaitingTransfer();
        Email booked = SessionEmails.booked(awaiting, VINYASA, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);
        Booking released = awaiting.cancelled(new Cancellation(awaiting.paymentDueBy(), Cancellation.By.SYSTEM, false),
                PaymentStatus.UNPAID);
        Email email = SessionEmails.released(released, VINYASA, STUDIO, null);

        assertThat(email.to()).containsExactly("maria@example.com");
        assertThat(email.subject()).isEqualTo("Place released: Vinyasa on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Maria Popescu,

                We did not receive your bank transfer by Wed 25 Nov 2026, 12:00 (Europe/Bucharest), so your place in Vinyasa was released.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Reference: LY-7K3Q

                Please do not make the transfer now. If you have already sent it, please contact Lotus Yoga.

                You are welcome to book again while places are left.

                Lotus Yoga
                """);
        // the release raised the booking's calendar SEQUENCE above the invite's it cancels
        assertThat(invite(email)).contains("METHOD:CANCEL", "UID:bk1@studio-booking", "SEQUENCE:1",
                "DTSTAMP:20261125T100000Z");
        assertThat(sequence(email)).isGreaterThan(sequence(booked));
    }

    // --- missing-link reminder ------------------------------------------------------------------------------

    @Test
    void the_instructor_is_reminded_to_add_the_link_with_the_owner_in_copy() {
        Email email = SessionEmails.missingLinkReminder(VINYASA, STUDIO, IOANA, ANA, 3, ADMIN);

        assertThat(email.to()).containsExactly("ioana@example.com");
        assertThat(email.cc()).containsExactly("ana@example.com");
        assertThat(email.subject()).isEqualTo("Add the meeting link: Vinyasa on Tue 1 Dec 18:00");
        assertThat(email.text()).isEqualTo("""
                Hello Ioana,

                Vinyasa has no meeting link yet.

                Session: Vinyasa
                When: Tue 1 Dec 2026, 18:00–19:00 (Europe/Bucharest)
                Paid participants: 3

                3 paid participants are waiting for it. As soon as the link is added, each of them gets it by e-mail.

                Add the link: https://lotus.example/admin/sessions/ss1

                Lotus Yoga
                """);
        assertThat(email.html()).contains("<p>Add the link: <a href=\"https://lotus.example/admin/sessions/ss1\">");
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void an_owner_who_teaches_the_session_is_not_copied_to_themselves() {
        Staff anaShouting = new Staff("sf0", "Ana Pop", "ANA@example.com", StaffRole.OWNER, null, LONG_AGO);
        Email email = SessionEmails.missingLinkReminder(VINYASA, STUDIO, ANA, anaShouting, 1, ADMIN);

        assertThat(email.to()).containsExactly("ana@example.com");
        assertThat(email.cc()).isEmpty();
        assertThat(email.text()).contains("1 paid participant is waiting for it.");
        assertThat(SessionEmails.missingLinkReminder(VINYASA, STUDIO, IOANA, null, 0, null).cc()).isEmpty();
    }

    @Test
    void without_an_instructor_address_the_owner_is_reminded() {
        Staff noEmail = new Staff("sf1", "Ioana", null, StaffRole.STAFF, null, LONG_AGO);
        Email email = SessionEmails.missingLinkReminder(VINYASA, STUDIO, noEmail, ANA, 2, ADMIN);

        assertThat(email.to()).containsExactly("ana@example.com");
        assertThat(email.cc()).isEmpty();
        assertThat(email.text()).startsWith("Hello Ana Pop,\n");
    }

    // --- formatting ----------------------------------------------------------------------------------------

    @Test
    void everything_typed_by_people_is_escaped_in_html() {
        Client eve = new Client("<script>alert(1)</script>", "eve@example.com", null);
        Session evil = session("Yin & <b>Yang</b>", VINYASA.start());
        OnlineAccess access = new OnlineAccess("https://meet.example/r?a=1&b=\"2\"", "Knock <twice> & wait",
                "p<w>\"'");
        Booking booking = booking(eve, SessionFormat.ONLINE, PaymentMethod.CARD, BookingStatus.CONFIRMED,
                PaymentStatus.PAID, null);
        List<Email> emails = List.of(
                SessionEmails.booked(booking, evil, STUDIO, IOANA, MAIN_ROOM, Optional.of(access), null),
                SessionEmails.linkReleased(booking, evil, STUDIO, access, true, null),
                SessionEmails.paymentConfirmed(booking, evil, STUDIO, null, Optional.of(access), false, null));

        for (Email email : emails) {
            assertThat(email.html()).contains("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;,</p>",
                            "Yin &amp; &lt;b&gt;Yang&lt;/b&gt;",
                            "<a href=\"https://meet.example/r?a=1&amp;b=&quot;2&quot;\">",
                            "<td>p&lt;w&gt;&quot;&#39;</td>", "Instructions:<br>\nKnock &lt;twice&gt; &amp; wait")
                    .doesNotContain("<script>", "<b>", "<twice>");
        }
        Email reminder = SessionEmails.missingLinkReminder(evil, STUDIO, IOANA, ANA, 1, "javascript:alert(1)");
        assertThat(reminder.html()).contains("Yin &amp; &lt;b&gt;Yang&lt;/b&gt;",
                "<p>Add the link: javascript:alert(1)</p>").doesNotContain("<b>", "href");
    }

    @Test
    void a_subject_never_holds_a_line_break() {
        Session injected = session("Vinyasa\r\nBcc: all@example.com", VINYASA.start());
        Email email = SessionEmails.booked(onlinePaidByCard(), injected, STUDIO, IOANA, MAIN_ROOM, Optional.empty(), null);
        assertThat(email.subject()).isEqualTo("Booked: Vinyasa Bcc: all@example.com with Ioana on Tue 1 Dec 18:00");
    }

    @Test
    void dates_are_in_the_studio_s_zone_and_locale() {
        StudioSettings newYork = STUDIO.changedBy(new StudioSettings(null, "America/New_York", null, null, null, null,
                null, null, null, null));
        StudioSettings romanian = STUDIO.changedBy(new StudioSettings(null, null, null, "ro", null, null, null, null,
                null, null));

        Email email = SessionEmails.booked(onlineAwaitingTransfer(), VINYASA, newYork, IOANA, MAIN_ROOM, Optional.empty(), null);
        assertThat(email.subject()).isEqualTo("Booked: Vinyasa with Ioana on Tue 1 Dec 11:00");
        assertThat(email.text()).contains("When: Tue 1 Dec 2026, 11:00–12:00 (America/New_York)",
                "Pay by: Wed 25 Nov 2026, 05:00 (America/New_York)");
        assertThat(invite(email)).contains("DTSTART;TZID=America/New_York:20261201T110000");
        assertThat(SessionEmails.missingLinkReminder(VINYASA, romanian, IOANA, ANA, 1, ADMIN).subject())
                .isEqualTo("Adăugați linkul către ședință: Vinyasa, marți, 1 decembrie, 18:00");
    }
}
