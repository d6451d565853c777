package com.studiobooking.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.text.Texts;

/**
 * Every e-mail kind, rendered in each language we write: no placeholder left unfilled, no English
 * sentence in the Romanian and Indonesian versions (checked with English stop-words, over the subject,
 * the text, the HTML's words and the .ics summary and description), and dates, times, plurals and
 * money as people in each language write them. The studio data (names, policy text) is neutral, so
 * every word checked comes from the bundles.
 */
class EmailLanguagesTest {
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final Pattern LEFT_PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private static final Set<String> ENGLISH = Set.of("the", "and", "your", "you", "with", "for", "is", "was",
            "will", "please", "hello", "booked", "cancelled", "received", "payment", "session", "appointment", "when",
            "where", "price", "amount", "reference", "refund", "refunded", "place", "new", "join", "password", "notes",
            "phone", "duration", "service", "has", "have", "not", "this", "that", "our", "we", "by", "on", "at", "of",
            "to", "code", "minutes", "hours", "credits", "pass", "free", "before", "after");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Staff IOANA = new Staff("sf1", "Ioana", "ioana@example.com", StaffRole.STAFF, null, LONG_AGO);
    private static final Staff ANA = new Staff("sf0", "Ana Pop", "ana@example.com", StaffRole.OWNER, null, LONG_AGO);
    private static final Location ROOM = new Location("loc1", "Sala Mare", "Str. Lalelelor 3", false, null, LONG_AGO);
    private static final Client MARIA = new Client("Maria Popescu", "maria@example.com", "+40 722 000 111");
    private static final OnlineAccess ACCESS = new OnlineAccess("https://meet.example/r", "4321", "pw-9876");
    /** A booking's manage link as ManageLinks makes it: the access token in the fragment. */
    private static final String MANAGE = "https://book.example/widget?studio=st1&booking=bk1#access=ba_T0ken";

    private static StudioSettings studio(String locale, String currency, int cutoffHours) {
        return StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", currency, locale)
                .changedBy(new StudioSettings(null, null, null, null, null,
                        new BankTransfer(true, "Lotus SRL", "RO49AAAA1B31007593840000", "ING", 48, null), null,
                        new CancellationPolicy("—", cutoffHours, CancellationPolicy.Refund.REFUND), null, null));
    }

    private static Booking appointment(PaymentMethod method, BookingStatus status, PaymentStatus paid,
                                       Cancellation cancellation, String language, Money price) {
        return new Booking("bk1", "st1", Booking.Kind.APPOINTMENT, "sv1", "Shiatsu", "sf1", "Ioana", "loc1",
                Instant.parse("2026-12-01T16:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"), 0, 0, MARIA, null,
                method, status, paid, price, "SB-7K3Q", Instant.parse("2026-11-29T16:00:00Z"), cancellation, "—",
                language, LONG_AGO, null, null, null, null, null, 0, null, 0, Booking.NEW);
    }

    /** A paid appointment of an online service, with its own access. */
    private static Booking onlineAppointment(OnlineAccess access, Money price) {
        return new Booking("bk2", "st1", Booking.Kind.APPOINTMENT, "sv2", "Coaching", "sf1", "Ioana", null,
                Instant.parse("2026-12-01T16:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"), 0, 0, MARIA, null,
                PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, price, "SB-7K3R", null, null, null,
                null, LONG_AGO, null, null, null, null, null, 0, access, access.hasLink() ? 1 : 0, Booking.NEW);
    }

    private static Booking seat(PaymentMethod method, BookingStatus status, PaymentStatus paid, Cancellation cancellation,
                                String language, Money price, Booking.WalletUse use) {
        return new Booking("bk2", "st1", Booking.Kind.SESSION, null, "Vinyasa", "sf1", "Ioana", "loc1",
                Instant.parse("2026-12-01T16:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"), 0, 0, MARIA, null,
                method, status, paid, price, "SB-8L4R", Instant.parse("2026-11-29T16:00:00Z"), cancellation, null,
                language, LONG_AGO, new Booking.SessionSeat("ss1", SessionFormat.ONLINE), use, null, null, null, 0, null, 0, Booking.NEW);
    }

    private static Session vinyasa(Instant start) {
        return new Session("ss1", "st1", null, "Vinyasa", null, start, 60, SessionFormat.HYBRID, 10, 20, "sf1", "loc1",
                new Money(5000L, "RON"), 1, List.of(PaymentMethod.CARD), ACCESS, 1, Session.Status.SCHEDULED, Map.of(),
                LONG_AGO, null, null);
    }

    /** Every kind of e-mail we send, for a studio whose language is {@code language}. */
    private static Map<String, Email> everyEmail(String language) {
        StudioSettings studio = studio(language, "RON", 20);
        Money price = new Money(25000L, "RON");
        Cancellation byClient = new Cancellation(Instant.parse("2026-11-30T08:00:00Z"), Cancellation.By.CLIENT, true);
        Cancellation byStudio = new Cancellation(Instant.parse("2026-11-30T08:00:00Z"), Cancellation.By.STAFF, false);
        Cancellation released = new Cancellation(Instant.parse("2026-11-30T08:00:00Z"), Cancellation.By.SYSTEM, false);
        Session session = vinyasa(Instant.parse("2026-12-01T16:00:00Z"));
        Map<String, Email> all = new LinkedHashMap<>();
        List<Email> booked = BookingEmails.booked(appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT,
                PaymentStatus.UNPAID, null, null, price), studio, IOANA, ROOM, MANAGE);
        all.put("appointment booked, to the client", booked.get(0));
        all.put("new booking, to staff", booked.get(1));
        List<Email> cancelled = BookingEmails.cancelled(appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.CANCELLED,
                PaymentStatus.REFUND_DUE, byClient, null, price), studio, IOANA, ROOM, MANAGE);
        all.put("appointment cancelled, to the client", cancelled.get(0));
        all.put("appointment cancelled, to staff", cancelled.get(1));
        all.put("appointment cancelled by the studio", BookingEmails.cancelled(appointment(PaymentMethod.CARD,
                BookingStatus.CANCELLED, PaymentStatus.REFUND_PENDING, byStudio, null, price), studio, IOANA, ROOM, MANAGE).get(0));
        all.put("payment received", PaymentReceivedEmail.of(appointment(PaymentMethod.BANK_TRANSFER,
                BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null, price), studio, MANAGE));
        for (MoneyBackEmail.Why why : MoneyBackEmail.Why.values()) {
            all.put("money back " + why, MoneyBackEmail.of(appointment(PaymentMethod.CARD, BookingStatus.CANCELLED,
                    PaymentStatus.REFUNDED, released, null, price), studio, why, MANAGE));
        }
        all.put("session booked, bank transfer", SessionEmails.booked(seat(PaymentMethod.BANK_TRANSFER,
                BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null, null, price, null), session, studio, IOANA,
                ROOM, Optional.empty(), MANAGE));
        Booking paidOnline = seat(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null, price, null);
        all.put("session booked, paid, with the link", SessionEmails.booked(paidOnline, session, studio, IOANA, ROOM,
                Optional.of(ACCESS), MANAGE));
        all.put("session payment confirmed", SessionEmails.paymentConfirmed(paidOnline, session, studio, null, Optional.empty(), false, MANAGE));
        all.put("session paid by card, with the invite", SessionEmails.paymentConfirmed(paidOnline, session, studio, ROOM,
                Optional.of(ACCESS), true, MANAGE));
        Booking heldForCard = appointment(PaymentMethod.CARD, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null,
                null, price).withCheckout(new Booking.CardPayment("cs_2", "https://checkout.example/cs_2", null),
                Instant.parse("2026-11-30T08:30:00Z"));
        all.put("staff booked, pay by card to keep the place", PaymentLinkEmail.of(heldForCard, studio, MANAGE));
        all.put("link released", SessionEmails.linkReleased(paidOnline, session, studio, ACCESS, false, MANAGE));
        all.put("link changed", SessionEmails.linkReleased(paidOnline, session, studio, ACCESS, true, MANAGE));
        for (Restitution restitution : Restitution.values()) {
            Booking.WalletUse use = restitution == Restitution.CREDITS_RETURNED ? new Booking.WalletUse(null, 2) : null;
            all.put("session cancelled by the client, " + restitution, SessionEmails.cancelled(seat(PaymentMethod.CARD,
                    BookingStatus.CANCELLED, PaymentStatus.REFUNDED, byClient, null, price, use), session, studio,
                    restitution, false, MANAGE));
        }
        all.put("session cancelled by the studio", SessionEmails.cancelled(seat(PaymentMethod.CARD, BookingStatus.CANCELLED,
                PaymentStatus.REFUNDED, byStudio, null, price, null), session, studio, Restitution.CARD_REFUND, true, MANAGE));
        all.put("session rescheduled", SessionEmails.rescheduled(paidOnline, session,
                vinyasa(Instant.parse("2026-12-02T16:00:00Z")), studio, MANAGE));
        all.put("place released", SessionEmails.released(seat(PaymentMethod.BANK_TRANSFER, BookingStatus.CANCELLED,
                PaymentStatus.UNPAID, released, null, price, null), session, studio, MANAGE));
        Booking beforeMove = appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                null, null, price);
        List<Email> appointmentMoved = BookingEmails.moved(beforeMove, beforeMove.moved(new Booking.Move(
                beforeMove.serviceName(), beforeMove.staffId(), beforeMove.staffName(), beforeMove.locationId(),
                beforeMove.start().plus(Duration.ofHours(2)), beforeMove.end().plus(Duration.ofHours(2)), 0, 0, null,
                beforeMove.paymentDueBy())), studio, IOANA, ROOM, Instant.parse("2026-11-30T08:00:00Z"), MANAGE);
        all.put("appointment moved, to the client", appointmentMoved.get(0));
        all.put("appointment moved, to staff", appointmentMoved.get(1));
        all.put("seat moved, with the link", SessionEmails.moved(paidOnline, vinyasa(Instant.parse("2026-11-30T16:00:00Z")),
                session, studio, IOANA, ROOM, Optional.of(ACCESS), Instant.parse("2026-11-30T08:00:00Z"), MANAGE));
        Booking awaitingSeat = seat(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null,
                null, price, null);
        all.put("seat moved, awaiting a transfer", SessionEmails.moved(awaitingSeat,
                vinyasa(Instant.parse("2026-11-30T16:00:00Z")), session, studio, IOANA, ROOM, Optional.empty(),
                Instant.parse("2026-11-30T08:00:00Z"), MANAGE));
        all.put("missing link reminder", SessionEmails.missingLinkReminder(session, studio, IOANA, ANA, 3,
                "https://lotus.example/admin"));
        all.put("sign-in code", SignInCodeEmail.of("maria@example.com", studio, "123456", Duration.ofMinutes(10)));
        all.put("client reminder, online seat with the link", ClientReminderEmail.ofSeat(paidOnline, session, studio, null,
                Optional.of(ACCESS), MANAGE));
        all.put("client reminder, online seat, link to follow", ClientReminderEmail.ofSeat(paidOnline, session, studio,
                null, Optional.empty(), MANAGE));
        all.put("client reminder, seat paid with credits", ClientReminderEmail.ofSeat(seat(PaymentMethod.CREDITS,
                BookingStatus.CONFIRMED, PaymentStatus.PAID, null, null, price, new Booking.WalletUse(null, 2)), session,
                studio, null, Optional.empty(), MANAGE));
        all.put("client reminder, appointment", ClientReminderEmail.ofAppointment(appointment(PaymentMethod.PAY_AT_STUDIO,
                BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null, null, price), studio, ROOM, MANAGE));
        all.put("appointment link released", AppointmentLinkEmails.linkReleased(onlineAppointment(ACCESS, price),
                studio, false, MANAGE));
        all.put("appointment link changed", AppointmentLinkEmails.linkReleased(onlineAppointment(ACCESS, price),
                studio, true, MANAGE));
        all.put("appointment missing link reminder", AppointmentLinkEmails.missingLinkReminder(
                onlineAppointment(OnlineAccess.NONE, price), studio, IOANA, ANA, "https://lotus.example/admin"));
        all.put("online appointment booked, paid, link to follow", BookingEmails.booked(onlineAppointment(OnlineAccess.NONE,
                price), studio, IOANA, null, MANAGE).get(0));
        all.put("online appointment, transfer received, link to follow", PaymentReceivedEmail.of(
                onlineAppointment(OnlineAccess.NONE, price), studio, MANAGE));
        all.put("instructor told of a booking", InstructorEmails.seatBooked(paidOnline, session, studio, IOANA, 3));
        all.put("instructor told of a place held", InstructorEmails.seatBooked(seat(PaymentMethod.BANK_TRANSFER,
                BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, null, null, price, null), session, studio, IOANA, 2));
        all.put("instructor told of a cancellation", InstructorEmails.seatCancelled(seat(PaymentMethod.CARD,
                BookingStatus.CANCELLED, PaymentStatus.REFUNDED, byClient, null, price, null), session, studio, IOANA, 4));
        all.put("instructor told of a release", InstructorEmails.seatCancelled(seat(PaymentMethod.BANK_TRANSFER,
                BookingStatus.CANCELLED, PaymentStatus.UNPAID, released, null, price, null), session, studio, IOANA, 4));
        all.put("instructor's daily digest", InstructorEmails.digest(IOANA, List.of(
                new InstructorEmails.ClassOfTheDay(session, List.of("Maria Popescu", "Radu Ionescu")),
                new InstructorEmails.ClassOfTheDay(vinyasa(Instant.parse("2026-12-02T06:00:00Z")), List.of())),
                studio, Instant.parse("2026-12-01T05:00:00Z")));
        all.put("joined the waitlist", SessionEmails.waitlisted(seat(PaymentMethod.CARD, BookingStatus.WAITLISTED,
                PaymentStatus.UNPAID, null, null, price, null).withWaitlistTicket(3), session, studio, 3, MANAGE));
        Booking waiting = seat(PaymentMethod.CARD, BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, null, price, null);
        Booking heldByCard = waiting.promoted(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                Instant.parse("2026-11-30T08:30:00Z"), null).withCheckout(
                new Booking.CardPayment("cs_1", "https://checkout.example/cs_1", null), Instant.parse("2026-11-30T08:30:00Z"));
        all.put("a place from the waitlist, to pay by card", SessionEmails.promoted(heldByCard, session, studio, IOANA,
                ROOM, Optional.empty(), MANAGE));
        all.put("a place from the waitlist, to pay by transfer", SessionEmails.promoted(seat(PaymentMethod.BANK_TRANSFER,
                BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, null, price, null).promoted(
                BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, Instant.parse("2026-11-30T08:30:00Z"), null),
                session, studio, IOANA, ROOM, Optional.empty(), MANAGE));
        all.put("a place from the waitlist, paid with credits", SessionEmails.promoted(seat(PaymentMethod.CREDITS,
                BookingStatus.WAITLISTED, PaymentStatus.UNPAID, null, null, price, null).promoted(BookingStatus.CONFIRMED,
                PaymentStatus.PAID, null, new Booking.WalletUse(null, 2)), session, studio, IOANA, ROOM, Optional.of(ACCESS), MANAGE));
        for (SessionEmails.LineEnd why : SessionEmails.LineEnd.values()) {
            all.put("waitlist ended, " + why, SessionEmails.waitlistEnded(seat(PaymentMethod.PASS, BookingStatus.CANCELLED,
                    PaymentStatus.UNPAID, byStudio, null, price, null), session, studio, why, MANAGE));
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ro", "id"})
    void every_e_mail_is_whole_in_each_language(String language) {
        Map<String, Email> emails = everyEmail(language);
        assertThat(emails).hasSizeGreaterThanOrEqualTo(25);
        emails.forEach((kind, email) -> {
            String all = everything(email);
            assertThat(LEFT_PLACEHOLDER.matcher(all).find()).as("%s (%s) leaves a placeholder:%n%s", kind, language, all)
                    .isFalse();
            assertThat(email.html()).as("%s (%s)", kind, language).contains("<html lang=\"" + language + "\"");
            if (!language.equals("en")) {
                assertThat(englishWords(all)).as("English words in %s (%s):%n%s", kind, language, all).isEmpty();
            }
        });
    }

    /** E-mails not about one booking of the client: to staff, and the sign-in code. */
    private static boolean toTheBookingsClient(String kind, Email email) {
        return email.to().equals(List.of(MARIA.email())) && !kind.equals("sign-in code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ro", "id"})
    void every_e_mail_to_a_booking_s_client_links_to_its_manage_page_and_no_staff_e_mail_does(String language) {
        Texts words = Texts.of("mail", language);
        Map<String, Email> emails = everyEmail(language);
        List<String> toClients = new ArrayList<>();
        emails.forEach((kind, email) -> {
            if (toTheBookingsClient(kind, email)) {
                toClients.add(kind);
                boolean ended = kind.contains("cancelled") || kind.startsWith("place released")
                        || kind.startsWith("money back") || kind.startsWith("waitlist ended");
                String label = words.text(ended ? "manage.see" : "manage.link");
                assertThat(email.text()).as("%s (%s)", kind, language).contains(label + ": " + MANAGE + "\n");
                assertThat(email.html()).as("%s (%s)", kind, language).contains("<p>" + Html.escape(label)
                        + ": <a href=\"" + Html.escape(MANAGE) + "\">");
                assertThat(email.text().indexOf(MANAGE)).as("%s: once", kind).isEqualTo(email.text().lastIndexOf(MANAGE));
            } else {
                assertThat(everything(email)).as("%s (%s) is not to the booking's client", kind, language)
                        .doesNotContain("access=", "ba_T0ken");
            }
        });
        assertThat(toClients).as("client e-mails checked").hasSizeGreaterThanOrEqualTo(30);
        assertThat(emails.keySet()).as("staff e-mails checked").contains("new booking, to staff",
                "appointment cancelled, to staff", "appointment moved, to staff", "missing link reminder",
                "appointment missing link reminder", "instructor told of a booking", "instructor's daily digest");
    }

    @Test
    void the_english_check_would_catch_an_english_sentence() {
        assertThat(englishWords("Plata a fost primită. Your booking is confirmed.")).contains("your", "is");
    }

    @Test
    void romanian_e_mails_read_as_romanians_write() {
        StudioSettings studio = studio("ro", "RON", 20);
        Email toClient = BookingEmails.booked(appointment(PaymentMethod.BANK_TRANSFER, BookingStatus.AWAITING_PAYMENT,
                PaymentStatus.UNPAID, null, null, new Money(125000L, "RON")), studio, IOANA, ROOM, MANAGE).get(0);

        assertThat(toClient.subject()).isEqualTo("Rezervare confirmată: Shiatsu cu Ioana, marți, 1 decembrie, 18:00");
        assertThat(toClient.text()).contains("Bună ziua, Maria Popescu,",
                "Când: marți, 1 decembrie 2026, 18:00–19:00 (Europe/Bucharest)",
                "Preț: 1.250,00 lei", "termen-limită: cu 20 de ore înainte de începere",
                "Vă rugăm să transferați 1.250,00 lei până la duminică, 29 noiembrie 2026, 18:00 (Europe/Bucharest)");
        assertThat(new StudioFormat(studio("ro", "RON", 1)).cutoff()).isEqualTo("1 oră");
        assertThat(new StudioFormat(studio("ro", "RON", 2)).cutoff()).isEqualTo("2 ore");
        assertThat(toClient.text()).doesNotContainPattern("(?i)\\b(AM|PM)\\b");
    }

    @Test
    void indonesian_e_mails_read_as_indonesians_write() {
        StudioSettings studio = StudioSettings.initial("Studio Lotus", "Asia/Jakarta", "IDR", "id");
        Email toClient = BookingEmails.booked(appointment(PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED,
                PaymentStatus.UNPAID, null, null, new Money(15000000L, "IDR")), studio, IOANA, ROOM, MANAGE).get(0);

        assertThat(toClient.subject()).isEqualTo("Dipesan: Shiatsu bersama Ioana, Selasa, 1 Desember, 23.00");
        assertThat(toClient.text()).contains("Halo Maria Popescu,", "Harga: Rp 150.000",
                "Waktu: Selasa, 1 Desember 2026, 23.00 – Rabu, 2 Desember 2026, 00.00 (Asia/Jakarta)", "Kebijakan pembatalan (batas waktu 12 jam sebelum mulai)",
                "Anda dapat membatalkan tanpa biaya paling lambat 12 jam sebelum mulai.");
    }

    @Test
    void the_client_s_language_wins_for_the_client_and_staff_read_the_studio_s() {
        StudioSettings english = studio("en", "RON", 20);
        List<Email> booked = BookingEmails.booked(appointment(PaymentMethod.PAY_AT_STUDIO, BookingStatus.CONFIRMED,
                PaymentStatus.UNPAID, null, "id", new Money(25000L, "RON")), english, IOANA, ROOM, MANAGE);

        assertThat(booked.get(0).subject()).startsWith("Dipesan: Shiatsu bersama Ioana");
        assertThat(booked.get(1).subject()).startsWith("New booking: Maria Popescu, Shiatsu on");
        Email session = SessionEmails.booked(seat(PaymentMethod.CARD, BookingStatus.CONFIRMED, PaymentStatus.PAID, null,
                "ro", new Money(5000L, "RON"), null), vinyasa(Instant.parse("2026-12-01T16:00:00Z")), english, IOANA, ROOM,
                Optional.empty(), MANAGE);
        assertThat(session.subject()).startsWith("Rezervare confirmată: Vinyasa cu Ioana, marți, 1 decembrie, 18:00");
    }

    @Test
    void a_new_studio_s_cancellation_policy_is_in_its_language() {
        assertThat(StudioSettings.initial("S", "Europe/Bucharest", "RON", "ro").cancellationPolicy().text())
                .isEqualTo("Puteți anula gratuit cu cel puțin 12 ore înainte de începere.");
        assertThat(StudioSettings.initial("S", "Europe/London", "GBP", "en-GB").cancellationPolicy().text())
                .isEqualTo("You can cancel free of charge up to 12 hours before the start.");
    }

    /** Subject, text, the words of the HTML and the summary and description of an attached invite. */
    private static String everything(Email email) {
        List<String> parts = new ArrayList<>(List.of(email.subject(), email.text(),
                email.html().replaceAll("<[^>]+>", " ")));
        for (Email.Attachment a : email.attachments()) {
            String ics = new String(a.content(), StandardCharsets.UTF_8).replace("\r\n ", "");
            for (String line : ics.split("\r\n")) {
                if (line.startsWith("SUMMARY") || line.startsWith("DESCRIPTION") || line.startsWith("LOCATION")) {
                    parts.add(line.substring(line.indexOf(':') + 1).replace("\\n", "\n").replace("\\,", ","));
                }
            }
        }
        return String.join("\n", parts);
    }

    private static List<String> englishWords(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(text.replaceAll("https?://\\S+", " ").replaceAll("\\S+@\\S+", " "));
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(word)) found.add(word);
        }
        return found;
    }
}
