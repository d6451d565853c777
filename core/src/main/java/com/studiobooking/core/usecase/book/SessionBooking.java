package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.mail.CalendarInvite;
import com.studiobooking.core.mail.InstructorEmails;
import com.studiobooking.core.mail.PaymentLinkEmail;
import com.studiobooking.core.mail.SessionEmails;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.booking.MoneyRules;
import com.studiobooking.core.model.booking.MoveRules;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.booking.Restitution;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.InstructorNotices;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.booking.Participant;
import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.SessionStore;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.port.WalletStore;
import com.studiobooking.core.usecase.checkout.CardCheckouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Seats in sessions: booking with a pass, credits, a bank transfer or for free; cancelling with the
 * policy's restitution; staff confirming a transfer; releasing an unpaid place; and releasing the
 * online link to everyone entitled (rules 1, 3, 7, 9).
 */
public final class SessionBooking {
    private final StudioStore studios;
    private final SessionStore sessions;
    private final BookingStore bookings;
    private final WalletStore wallets;
    private final Scheduler scheduler;
    private final CardCheckouts cards;
    private final Mailer mailer;
    private final ReminderSchedules reminders;
    private final ManageLinks manageLinks;
    private final Clock clock;

    public SessionBooking(StudioStore studios, SessionStore sessions, BookingStore bookings, WalletStore wallets,
                          Scheduler scheduler, CardCheckouts cards, Mailer mailer, ManageLinks manageLinks, Clock clock) {
        this.studios = studios;
        this.sessions = sessions;
        this.bookings = bookings;
        this.wallets = wallets;
        this.scheduler = scheduler;
        this.cards = cards;
        this.mailer = mailer;
        this.reminders = new ReminderSchedules(scheduler, clock);
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    /** The longest line a format of a session keeps; one more is refused (WAITLIST_FULL). */
    public static final int LONGEST_LINE = 100;

    /** A checked request for a seat; {@code waitlist}: join the line when the format is full. */
    public record SeatOrder(String sessionId, SessionFormat format, Client client, PaymentMethod method, String notes,
                            String language, boolean waitlist) {
    }

    /** The outcome of booking a seat: the booking and what it may see of the online access. */
    public sealed interface Outcome {
        record Booked(Booking booking, Optional<OnlineAccess> access) implements Outcome {
        }

        record Repeated(String bookingId, String requestFingerprint) implements Outcome {
        }
    }

    public Outcome book(String studioId, SeatOrder order, BookingStore.IdempotencyKey key, Caller caller,
                        java.util.function.Function<String, String> clientIdForEmail) {
        Session session = sessions.find(studioId, order.sessionId()).orElseThrow(() -> DomainException.notFound("session"));
        StudioSettings settings = studios.settingsOf(studioId);
        Instant now = clock.instant();
        if (session.status() != Session.Status.SCHEDULED) throw DomainException.policy("SESSION_CANCELLED", "the session was cancelled", "sessionId");
        boolean byStaff = Bookings.onBehalf(caller);
        if (byStaff) {
            checkNotEnded(session, now);
        } else {
            checkBookingWindow(session, settings, now);
        }
        SessionFormat seat = seat(session, order.format());
        PaymentMethod method = order.method();
        checkMethod(session, settings, seat, method);
        // a full format is refused on the session just read (a strongly consistent read: the class was full
        // then), before the client is looked up and before any transaction: in a flash crowd a loser costs two
        // reads. Rule 1 does not rest on this: the seat transaction's condition still decides every seat.
        boolean full = session.spotsLeft(seat) == 0;
        if (full && !order.waitlist()) throw capacityReached(seat);

        String clientId;
        if (byStaff) {
            clientId = clientIdForEmail.apply(order.client().email()); // on behalf: the named client's wallet
        } else if (method == PaymentMethod.PASS || method == PaymentMethod.CREDITS) {
            if (caller.isAnonymous()) {
                throw new DomainException(ErrorKind.UNAUTHENTICATED, "CLIENT_TOKEN_REQUIRED",
                        "sign in to pay with " + method.name().toLowerCase(Locale.ROOT), "paymentMethod");
            }
            caller.requireMemberOf(studioId);
            if (caller.role() != Role.CLIENT) throw DomainException.forbidden("passes and credits are used by clients");
            clientId = caller.subject();
        } else {
            clientId = caller.role() == Role.CLIENT && studioId.equals(caller.studioId())
                    ? caller.subject() : clientIdForEmail.apply(order.client().email());
        }

        String bookingId = Ids.next("bk");
        SessionStore.WalletDebit debit = null;
        Booking.WalletUse use = null;
        BookingStatus status = BookingStatus.CONFIRMED;
        PaymentStatus paid = PaymentStatus.PAID;
        Instant dueBy = null;
        Money price = session.price() != null ? session.price() : new Money(0L, settings.currency());
        switch (method) {
            case PASS -> {
                Pass pass = usablePass(studioId, clientId, session).orElseThrow(() ->
                        DomainException.policy("NO_USABLE_PASS", "no pass with an entry left that is valid for this session", "paymentMethod"));
                debit = new SessionStore.WalletDebit(clientId, pass.passId(), 0, new WalletEntry(now,
                        WalletEntry.Kind.PASS_ENTRY_USED, 0, -1, pass.passId(), bookingId, session.name()));
                use = new Booking.WalletUse(pass.passId(), 0);
            }
            case CREDITS -> {
                debit = new SessionStore.WalletDebit(clientId, null, session.creditPrice(), new WalletEntry(now,
                        WalletEntry.Kind.CREDITS_SPENT, -session.creditPrice(), 0, null, bookingId, session.name()));
                use = new Booking.WalletUse(null, session.creditPrice());
            }
            case BANK_TRANSFER -> {
                status = BookingStatus.AWAITING_PAYMENT;
                paid = PaymentStatus.UNPAID;
                BankTransfer bank = settings.bankTransfer();
                if (!bank.leavesTimeToPay(now, session.start())) throw BankTransfer.tooLate(bank);
                dueBy = bank.dueBy(now, session.start());
            }
            case PAY_AT_STUDIO -> paid = PaymentStatus.UNPAID;
            case FREE -> paid = PaymentStatus.NOT_REQUIRED;
            case CARD -> {
                status = BookingStatus.AWAITING_PAYMENT;
                paid = PaymentStatus.UNPAID;
                dueBy = cards.holdUntil(session.start());
            }
        }
        Staff instructor = studios.findStaff(studioId, session.instructorId()).orElse(null);
        Booking booking = new Booking(bookingId, studioId, Booking.Kind.SESSION, null, session.name(), session.instructorId(),
                instructor == null ? null : instructor.name(), session.locationId(), session.start(), session.end(), 0, 0,
                order.client(), clientId, method, status, paid, price, Booking.newReference(), dueBy, null, order.notes(), order.language(), now,
                new Booking.SessionSeat(session.sessionId(), seat), use, null, null, null, 0, null, 0, Booking.NEW,
                byStaff ? caller.subject() : null);

        SessionStore.SeatResult result = full ? new SessionStore.SeatResult.Full() : sessions.reserveSeat(booking, debit, key);
        for (int attempt = 0; result instanceof SessionStore.SeatResult.Full && order.waitlist() && attempt < 3; attempt++) {
            Optional<Outcome> waiting = waitInLine(session, settings, booking, key, now);
            if (waiting.isPresent()) return waiting.get();
            result = sessions.reserveSeat(booking, debit, key); // the line emptied and seats are free: book normally
        }
        if (result instanceof SessionStore.SeatResult.Repeated r) return new Outcome.Repeated(r.bookingId(), r.requestFingerprint());
        if (result instanceof SessionStore.SeatResult.Full) {
            // seats free but refused: they are kept for the line; give them to it now if nobody did
            if (session.spotsLeft(seat) > 0) fillFromWaitlist(studioId, session.sessionId(), seat);
            throw capacityReached(seat);
        }
        if (result instanceof SessionStore.SeatResult.WalletRefused) {
            throw method == PaymentMethod.PASS
                    ? DomainException.policy("NO_USABLE_PASS", "the pass has no entry left (used in parallel?)", "paymentMethod")
                    : DomainException.policy("NOT_ENOUGH_CREDITS", "not enough credits for this session", "paymentMethod");
        }
        if (result instanceof SessionStore.SeatResult.SessionNotBookable) {
            throw DomainException.policy("SESSION_CANCELLED", "the session was cancelled", "sessionId");
        }
        if (method == PaymentMethod.CARD) {
            Booking held = booking;
            Booking withCheckout = cards.open(held, settings, b -> {
                if (sessions.releaseSeat(b.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false),
                        PaymentStatus.UNPAID), null)) {
                    fillFromWaitlist(studioId, session.sessionId(), seat);
                }
            });
            if (byStaff && withCheckout.card() != null) mailer.send(PaymentLinkEmail.of(withCheckout, settings,
                    manageLinks.manage(withCheckout)));
            tellInstructor(withCheckout, settings, true);
            return new Outcome.Booked(withCheckout, Optional.empty());
        }
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) {
            scheduler.schedule(TimedJobs.release(studioId, bookingId, dueBy, settings.timezone()));
        }
        reminders.confirmed(booking, settings);
        Optional<OnlineAccess> access = grantAccess(booking, session);
        mailer.send(SessionEmails.booked(booking, session, settings, instructor, location(studioId, session), access,
                manageLinks.manage(booking)));
        tellInstructor(booking, settings, true);
        return new Outcome.Booked(booking, access);
    }

    /**
     * Moves a seat booking, as read, to another session of the same kind and price (same template when the
     * booking's session has one, else the same name; same price and credit price; a seat of the same format),
     * keeping what it paid or used. Empty when another writer changed the booking first (read it again).
     * The same session again is the booking as it is: nothing to move, nothing sent.
     */
    public Optional<Booking> move(Booking booking, String targetSessionId, Cancellation.By by) {
        Instant now = clock.instant();
        Session from = sessions.find(booking.studioId(), booking.session().sessionId())
                .orElseThrow(() -> DomainException.notFound("session"));
        MoveRules.checkMovable(booking, from.start(), now);
        if (from.sessionId().equals(targetSessionId)) return Optional.of(booking);
        StudioSettings settings = studios.settingsOf(booking.studioId());
        MoveRules.checkCutoff(from.start(), settings.cancellationPolicy(), by, now);
        Session to = sessions.find(booking.studioId(), targetSessionId).orElseThrow(() -> DomainException.notFound("session"));
        if (to.status() != Session.Status.SCHEDULED) {
            throw DomainException.policy("SESSION_CANCELLED", "the session was cancelled", "sessionId");
        }
        checkBookingWindow(to, settings, now);
        checkSameKind(from, to);
        SessionFormat seat = booking.session().format();
        if (to.format() != seat && to.format() != SessionFormat.HYBRID) {
            throw DomainException.policy("SEAT_FORMAT_NOT_OFFERED", "this session has no " + seatName(seat) + " seats",
                    "sessionId");
        }
        if (booking.paymentMethod() != PaymentMethod.FREE && !to.accepts(booking.paymentMethod())) {
            throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "this session does not accept "
                    + booking.paymentMethod(), "sessionId");
        }
        if (booking.paymentMethod() == PaymentMethod.PASS) checkPassStillValid(booking, to);

        Staff instructor = studios.findStaff(booking.studioId(), to.instructorId()).orElse(null);
        Booking moved = booking.moved(new Booking.Move(to.name(), to.instructorId(),
                instructor == null ? null : instructor.name(), to.locationId(), to.start(), to.end(), 0, 0,
                new Booking.SessionSeat(to.sessionId(), seat), MoveRules.dueBy(booking, to.start())));
        switch (sessions.moveSeat(booking, moved, to)) {
            case CHANGED -> {
                return Optional.empty();
            }
            case TAKEN -> throw DomainException.conflict("CAPACITY_REACHED", "no " + seatName(seat) + " seats left", "sessionId");
            case NOT_BOOKABLE -> throw DomainException.policy("SESSION_CANCELLED", "the session was cancelled", "sessionId");
            default -> { }
        }
        fillFromWaitlist(from.studioId(), from.sessionId(), seat); // the seat it left goes to that session's line
        if (moved.status() == BookingStatus.AWAITING_PAYMENT && !moved.paymentDueBy().equals(booking.paymentDueBy())) {
            scheduler.schedule(TimedJobs.release(moved.studioId(), moved.bookingId(), moved.paymentDueBy(), settings.timezone()));
        }
        reminders.moved(moved, settings);
        Optional<OnlineAccess> access = grantAccess(moved, to);
        mailer.send(SessionEmails.moved(moved, from, to, settings, instructor, location(booking.studioId(), to), access, now,
                manageLinks.manage(moved)));
        return Optional.of(moved);
    }


    private static void checkSameKind(Session from, Session to) {
        boolean sameKind = from.templateId() != null ? from.templateId().equals(to.templateId())
                : to.templateId() == null && from.name().equals(to.name());
        if (!sameKind) {
            throw DomainException.policy("NOT_THE_SAME_KIND", "a place moves only to a session of the same kind ("
                    + (from.templateId() != null ? "the same template" : "the same name") + ")", "sessionId");
        }
        if (!java.util.Objects.equals(from.price(), to.price()) || !java.util.Objects.equals(from.creditPrice(), to.creditPrice())) {
            throw DomainException.policy("NOT_THE_SAME_PRICE", "a place moves only to a session with the same price",
                    "sessionId");
        }
    }

    /** The pass entry the booking used stays with it, so the pass must still be valid when the new session starts. */
    private void checkPassStillValid(Booking booking, Session to) {
        String passId = booking.walletUse() == null ? null : booking.walletUse().passId();
        boolean valid = wallets.wallet(booking.studioId(), booking.clientId()).passes().stream()
                .filter(p -> p.passId().equals(passId)).anyMatch(p -> to.start().isBefore(p.validUntil()));
        if (!valid) {
            throw DomainException.policy("PASS_EXPIRES_BEFORE", "the pass this booking used is no longer valid when "
                    + "that session starts", "sessionId");
        }
    }

    /** What the booking may see now (rule 3), for responses. */
    public Optional<OnlineAccess> accessFor(Booking booking) {
        if (booking.session() == null) return Optional.empty();
        return sessions.find(booking.studioId(), booking.session().sessionId())
                .flatMap(session -> LinkVisibility.forBooking(booking, session));
    }

    /** The seat as a calendar file to keep: its session, in the booking's language, without the online link. */
    public CalendarInvite calendar(Booking booking) {
        Session session = sessions.find(booking.studioId(), booking.session().sessionId())
                .orElseThrow(() -> DomainException.notFound("session"));
        Staff instructor = studios.findStaff(booking.studioId(), session.instructorId()).orElse(null);
        return SessionEmails.calendar(booking, session, studios.settingsOf(booking.studioId()), instructor,
                location(booking.studioId(), session));
    }

    /**
     * A client or staff cancels one booking, as read; empty when another writer changed it first (the
     * caller reads it again and decides anew).
     */
    public Optional<Booking> cancel(Booking booking, Cancellation.By by) {
        if (booking.status() == BookingStatus.WAITLISTED) {
            return leaveLine(booking, by == Cancellation.By.CLIENT ? SessionEmails.LineEnd.LEFT : SessionEmails.LineEnd.REMOVED, by);
        }
        if (booking.releasedBySystem()) {
            // the cancellation becomes the canceller's: a payment still on its way is given back, never reseated
            Booking cancelled = booking.cancelledAgain(new Cancellation(clock.instant(), by, false));
            return sessions.saveBooking(cancelled) ? Optional.of(cancelled) : Optional.empty();
        }
        if (!booking.status().isActive()) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        Session session = sessions.find(booking.studioId(), booking.session().sessionId())
                .orElseThrow(() -> DomainException.notFound("session"));
        Instant now = clock.instant();
        if (!now.isBefore(session.start())) {
            throw DomainException.policy("BOOKING_STARTED", "a booking cannot be cancelled after the session started", null);
        }
        StudioSettings settings = studios.settingsOf(booking.studioId());
        boolean late = by == Cancellation.By.CLIENT
                && now.isAfter(session.start().minus(Duration.ofHours(settings.cancellationPolicy().cutoffHours())));
        return cancelSeat(booking, session, settings, new Cancellation(now, by, late), false);
    }

    /**
     * Staff cancelled the session: every active booking is cancelled with full restitution (except what a
     * no-show forfeits) and told. A booking that changes meanwhile (paid, cancelled by its client, marked
     * a no-show) is read again and cancelled as it is then.
     */
    public void cancelAllOf(Session cancelledSession) {
        StudioSettings settings = studios.settingsOf(cancelledSession.studioId());
        for (Participant p : sessions.participants(cancelledSession.studioId(), cancelledSession.sessionId())) {
            if (!p.status().isActive()) continue;
            if (p.status() == BookingStatus.WAITLISTED) {
                for (int attempt = 0; attempt < 8; attempt++) {
                    Optional<Booking> waiting = bookings.find(p.bookingId()).filter(b -> b.status() == BookingStatus.WAITLISTED);
                    if (waiting.isEmpty() || leaveLine(waiting.get(), SessionEmails.LineEnd.SESSION_CANCELLED,
                            Cancellation.By.STAFF).isPresent()) {
                        break;
                    }
                }
                continue;
            }
            for (int attempt = 0; attempt < 8; attempt++) {
                Optional<Booking> booking = bookings.find(p.bookingId()).filter(b -> b.status().isActive());
                if (booking.isEmpty() || cancelSeat(booking.get(), cancelledSession, settings,
                        new Cancellation(clock.instant(), Cancellation.By.STAFF, false), true).isPresent()) {
                    break;
                }
            }
        }
    }

    /** Staff confirmed the bank transfer of a booking awaiting it: it is paid, and the link goes out if there is one (rule 7). */
    public Optional<Booking> confirmTransfer(Booking booking) {
        return paid(booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, booking.card()));
    }

    /** The card payment of a booking awaiting it arrived: {@code paid} is that booking, paid. */
    public Optional<Booking> cardPaid(Booking paid) {
        return paid(paid);
    }

    private Optional<Booking> paid(Booking paid) {
        if (!sessions.saveBooking(paid)) return Optional.empty();
        scheduler.cancel(TimedJobs.releaseName(paid.bookingId()));
        Session session = sessions.find(paid.studioId(), paid.session().sessionId()).orElseThrow();
        StudioSettings settings = studios.settingsOf(paid.studioId());
        reminders.confirmed(paid, settings);
        Optional<OnlineAccess> access = grantAccess(paid, session);
        mailer.send(SessionEmails.paymentConfirmed(paid, session, settings, location(paid.studioId(), session), access,
                holdsNoInvite(paid), manageLinks.manage(paid)));
        return Optional.of(paid);
    }

    /**
     * Whether the client of a booking now paid was never sent its calendar invite: a card booking is sent no
     * booked e-mail (its confirmation carries the invite instead), unless it came from the line (the promoted
     * e-mail carried it) or was moved (the moved e-mail did). A transfer's booked e-mail carried it already.
     * The confirmation is sent once: a repeated payment event changes nothing and sends nothing.
     */
    private static boolean holdsNoInvite(Booking paid) {
        return paid.paymentMethod() == PaymentMethod.CARD && paid.waitlistTicket() == null && paid.calendarSequence() == 0;
    }

    /** Takes a seat again for a booking the system released, now paid. */
    public BookingStore.Reinstatement reinstate(Booking paid) {
        return sessions.reinstate(paid);
    }

    /**
     * Tells the client of a reinstated booking it is paid, with the link when there is one, and the invite again
     * (their calendar was sent the release's cancel); reminds them later.
     */
    public void tellReinstated(Booking paid) {
        Session session = sessions.find(paid.studioId(), paid.session().sessionId()).orElseThrow();
        StudioSettings settings = studios.settingsOf(paid.studioId());
        reminders.confirmed(paid, settings);
        mailer.send(SessionEmails.paymentConfirmed(paid, session, settings, location(paid.studioId(), session),
                grantAccess(paid, session), true, manageLinks.manage(paid)));
    }

    /** Whether the booking's session was cancelled (its seats are being, or have been, cancelled too). */
    public boolean sessionCancelled(Booking booking) {
        return sessions.find(booking.studioId(), booking.session().sessionId())
                .map(session -> session.status() == Session.Status.CANCELLED).orElse(true);
    }

    /** Writes a change of a seat booking that takes or frees no seat (refund state), with its participant line. */
    public boolean save(Booking changed) {
        return sessions.saveBooking(changed);
    }

    /** Writes a cancellation decided elsewhere (a payment after the start) and frees the seat. */
    public boolean freeSeat(Booking cancelled) {
        if (!sessions.releaseSeat(cancelled, null)) return false;
        fillFromWaitlist(cancelled.studioId(), cancelled.session().sessionId(), cancelled.session().format());
        return true;
    }

    /** REFUND_PENDING → the provider refunds → REFUNDED; stays pending (retried by a timed job) if it fails. */
    public Booking completeRefund(Booking pending, int attempt) {
        if (!cards.refund(pending, studios.settingsOf(pending.studioId()).timezone(), attempt)) return pending;
        Booking refunded = pending.withPaymentStatus(PaymentStatus.REFUNDED);
        return sessions.saveBooking(refunded) ? refunded : bookings.find(pending.bookingId()).orElse(refunded);
    }

    /** The due time of an unpaid booking passed, or its checkout expired: its place is released. */
    public Optional<Booking> releaseUnpaid(Booking booking) {
        Session session = sessions.find(booking.studioId(), booking.session().sessionId()).orElseThrow();
        Booking released = booking.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false),
                PaymentStatus.UNPAID);
        if (!sessions.releaseSeat(released, null)) return Optional.empty();
        StudioSettings settings = studios.settingsOf(booking.studioId());
        mailer.send(SessionEmails.released(released, session, settings, manageLinks.manage(released)));
        fillFromWaitlist(session.studioId(), session.sessionId(), booking.session().format());
        tellInstructor(released, settings, false);
        return Optional.of(released);
    }

    /**
     * Sends the session's current link to every entitled participant who has not had this version:
     * each participant is marked before the e-mail goes, so a retry or a parallel run never sends
     * a version twice (at most once per participant and change).
     */
    public int releaseLink(Session session, boolean changed) {
        if (!session.hasLink() || session.status() != Session.Status.SCHEDULED) return 0;
        return releaseLink(session, changed, studios.settingsOf(session.studioId()),
                sessions.participants(session.studioId(), session.sessionId()));
    }

    /** The same, with the studio's settings and the session's participants already read by the caller. */
    public int releaseLink(Session session, boolean changed, StudioSettings settings, List<Participant> participants) {
        if (!session.hasLink() || session.status() != Session.Status.SCHEDULED) return 0;
        int sent = 0;
        for (Participant p : participants) {
            boolean entitled = p.status() == BookingStatus.CONFIRMED && p.paymentStatus().isSettled()
                    && p.format() == SessionFormat.ONLINE && p.linkSentVersion() < session.linkVersion();
            if (!entitled) continue;
            Optional<Booking> booking = bookings.find(p.bookingId());
            Optional<OnlineAccess> access = booking.flatMap(b -> LinkVisibility.forBooking(b, session));
            if (access.isEmpty()) continue;
            if (sessions.markLinkSent(session.studioId(), session.sessionId(), p.bookingId(), session.linkVersion())) {
                mailer.send(SessionEmails.linkReleased(booking.get(), session, settings, access.get(), changed,
                        manageLinks.manage(booking.get())));
                sent++;
            }
        }
        return sent;
    }

    public int paidParticipants(Session session) {
        return (int) sessions.participants(session.studioId(), session.sessionId()).stream()
                .filter(p -> p.status() == BookingStatus.CONFIRMED && p.paymentStatus().isSettled()).count();
    }

    private Optional<Booking> cancelSeat(Booking booking, Session session, StudioSettings settings, Cancellation how,
                                         boolean sessionCancelled) {
        Restitution restitution;
        PaymentStatus after = MoneyRules.afterCancel(booking, how.late());
        SessionStore.WalletReturn giveBack = null;
        Instant now = how.cancelledAt();
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) {
            restitution = Restitution.NOTHING_PAID;
        } else if (how.late()) {
            restitution = Restitution.NONE;
        } else if (booking.forfeitsPayment() && booking.paymentStatus() == PaymentStatus.PAID) {
            // a no-show under a forfeiting policy: the credits, entry or payment stay with the studio
            restitution = Restitution.NO_SHOW_FORFEITED;
        } else {
            switch (booking.paymentMethod()) {
                case PASS -> {
                    restitution = Restitution.PASS_ENTRY_RETURNED;
                    giveBack = new SessionStore.WalletReturn(booking.clientId(), booking.walletUse().passId(), 0,
                            new WalletEntry(now, WalletEntry.Kind.PASS_ENTRY_RETURNED, 0, 1, booking.walletUse().passId(),
                                    booking.bookingId(), session.name()));
                }
                case CREDITS -> {
                    restitution = Restitution.CREDITS_RETURNED;
                    giveBack = creditsBack(booking, booking.walletUse().credits(), session, now);
                }
                case CARD -> restitution = booking.paymentStatus() == PaymentStatus.PAID
                        ? Restitution.CARD_REFUND : Restitution.NOTHING_PAID;
                case BANK_TRANSFER -> {
                    if (booking.paymentStatus() != PaymentStatus.PAID) {
                        restitution = Restitution.NOTHING_PAID;
                    } else if (settings.cancellationPolicy().refund() == CancellationPolicy.Refund.CREDIT
                            && session.creditPrice() != null) {
                        restitution = Restitution.CREDITS_RETURNED;
                        giveBack = creditsBack(booking, session.creditPrice(), session, now);
                        after = PaymentStatus.REFUNDED;
                    } else {
                        restitution = Restitution.REFUND_DUE;
                    }
                }
                default -> restitution = Restitution.NOTHING_PAID;
            }
        }
        Booking cancelled = booking.cancelled(how, after);
        if (!sessions.releaseSeat(cancelled, giveBack)) return Optional.empty();
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) scheduler.cancel(TimedJobs.releaseName(booking.bookingId()));
        reminders.ended(booking, settings);
        Booking settled = after == PaymentStatus.REFUND_PENDING ? completeRefund(cancelled, 0) : cancelled;
        mailer.send(SessionEmails.cancelled(settled, session, settings, restitution, sessionCancelled,
                manageLinks.manage(settled)));
        if (!sessionCancelled) {
            fillFromWaitlist(session.studioId(), session.sessionId(), booking.session().format());
            tellInstructor(settled, settings, false);
        }
        return Optional.of(settled);
    }

    // --- the waitlist ----------------------------------------------------------------------------

    /**
     * The 1-based place of a WAITLISTED booking among those still waiting for its format (null for any
     * other booking): computed when asked, so it moves up as others ahead leave or get a seat.
     */
    public Integer waitlistPosition(Booking booking) {
        if (booking.status() != BookingStatus.WAITLISTED || booking.waitlistTicket() == null) return null;
        SessionFormat seat = booking.session().format();
        return (int) sessions.participants(booking.studioId(), booking.session().sessionId()).stream()
                .filter(p -> p.waitsFor(seat) && p.waitlistTicket() <= booking.waitlistTicket()).count();
    }

    /**
     * Gives every free seat of the format to the first in line, one after the other, while seats are free,
     * someone waits and the session has not started. Called after every write that frees a seat or raises
     * the capacity; normal bookings cannot take such a seat meanwhile (they are refused while anyone waits).
     */
    public void fillFromWaitlist(String studioId, String sessionId, SessionFormat seat) {
        for (int round = 0; round < LONGEST_LINE * 2; round++) {
            Session session = sessions.find(studioId, sessionId).orElse(null);
            if (session == null || session.status() != Session.Status.SCHEDULED || !clock.instant().isBefore(session.start())
                    || session.spotsLeft(seat) == 0) {
                return;
            }
            Optional<Participant> first = sessions.participants(studioId, sessionId).stream()
                    .filter(p -> p.waitsFor(seat)).min(Comparator.comparing(Participant::waitlistTicket));
            if (first.isEmpty()) return;
            Optional<Booking> waiting = bookings.find(first.get().bookingId()).filter(b -> b.status() == BookingStatus.WAITLISTED);
            if (waiting.isPresent() && !promote(waiting.get(), session)) return;
        }
    }

    /**
     * One attempt to give a free seat to {@code waiting}; a lost race is decided anew by the caller's next
     * round. False when the card provider failed: the seat stays held for the line (no new booking takes it)
     * until the next event on this format tries again, instead of failing every card client in line now.
     */
    private boolean promote(Booking waiting, Session session) {
        StudioSettings settings = studios.settingsOf(session.studioId());
        Instant now = clock.instant();
        SessionStore.WalletDebit debit = null;
        Booking promoted;
        switch (waiting.paymentMethod()) {
            case PASS -> {
                Optional<Pass> pass = usablePass(session.studioId(), waiting.clientId(), session);
                if (pass.isEmpty()) {
                    leaveLine(waiting, SessionEmails.LineEnd.CANNOT_PAY, Cancellation.By.SYSTEM);
                    return true;
                }
                debit = new SessionStore.WalletDebit(waiting.clientId(), pass.get().passId(), 0, new WalletEntry(now,
                        WalletEntry.Kind.PASS_ENTRY_USED, 0, -1, pass.get().passId(), waiting.bookingId(), session.name()));
                promoted = waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.PAID, null,
                        new Booking.WalletUse(pass.get().passId(), 0));
            }
            case CREDITS -> {
                debit = new SessionStore.WalletDebit(waiting.clientId(), null, session.creditPrice(), new WalletEntry(now,
                        WalletEntry.Kind.CREDITS_SPENT, -session.creditPrice(), 0, null, waiting.bookingId(), session.name()));
                promoted = waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.PAID, null,
                        new Booking.WalletUse(null, session.creditPrice()));
            }
            case BANK_TRANSFER -> {
                BankTransfer bank = settings.bankTransfer();
                if (!bank.leavesTimeToPay(now, session.start())) {
                    leaveLine(waiting, SessionEmails.LineEnd.TOO_LATE_TO_PAY, Cancellation.By.SYSTEM);
                    return true;
                }
                promoted = waiting.promoted(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                        bank.dueBy(now, session.start()), null);
            }
            case CARD -> {
                if (now.plus(CardCheckouts.HOLD).isAfter(session.start())) {
                    leaveLine(waiting, SessionEmails.LineEnd.TOO_LATE_TO_PAY, Cancellation.By.SYSTEM);
                    return true;
                }
                promoted = waiting.promoted(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID,
                        cards.holdUntil(session.start()), null);
            }
            case PAY_AT_STUDIO -> promoted = waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null, null);
            default -> promoted = waiting.promoted(BookingStatus.CONFIRMED, PaymentStatus.NOT_REQUIRED, null, null);
        }
        return switch (sessions.promote(promoted, debit)) {
            case PROMOTED -> tellPromoted(promoted, session, settings);
            case WALLET_REFUSED -> {
                leaveLine(waiting, SessionEmails.LineEnd.CANNOT_PAY, Cancellation.By.SYSTEM);
                yield true;
            }
            case CHANGED, NO_SEAT -> true;
        };
    }

    /** Opens the checkout of a card promotion and tells the client; false when the card provider failed. */
    private boolean tellPromoted(Booking promoted, Session session, StudioSettings settings) {
        Booking current = promoted;
        if (promoted.paymentMethod() == PaymentMethod.CARD) {
            try {
                current = cards.open(promoted, settings, held -> sessions.releaseSeat(held.cancelled(
                        new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false), PaymentStatus.UNPAID), null));
            } catch (DomainException providerFailed) {
                return false; // its seat was released again, held for the line: the next event offers it anew
            }
        } else if (promoted.status() == BookingStatus.AWAITING_PAYMENT) {
            scheduler.schedule(TimedJobs.release(promoted.studioId(), promoted.bookingId(), promoted.paymentDueBy(),
                    settings.timezone()));
        }
        reminders.confirmed(current, settings);
        Optional<OnlineAccess> access = grantAccess(current, session);
        Staff instructor = studios.findStaff(session.studioId(), session.instructorId()).orElse(null);
        mailer.send(SessionEmails.promoted(current, session, settings, instructor, location(session.studioId(), session),
                access, manageLinks.manage(current)));
        tellInstructor(current, settings, true); // a place taken from the line is a booking like any other
        return true;
    }

    /** Takes {@code waiting} (a WAITLISTED booking) out of its line, cancelled, and tells the client why. */
    private Optional<Booking> leaveLine(Booking waiting, SessionEmails.LineEnd why, Cancellation.By by) {
        Booking left = waiting.cancelled(new Cancellation(clock.instant(), by, false));
        if (!sessions.leaveWaitlist(left)) return Optional.empty();
        Session session = sessions.find(left.studioId(), left.session().sessionId()).orElseThrow();
        mailer.send(SessionEmails.waitlistEnded(left, session, studios.settingsOf(left.studioId()), why,
                manageLinks.manage(left)));
        return Optional.of(left);
    }

    /**
     * The format is full: the booking joins its line, if the studio keeps one, it is still open, and the
     * client is not already in this session. Empty when seats turned out free and nobody waits (book normally).
     */
    private Optional<Outcome> waitInLine(Session session, StudioSettings settings, Booking booking,
                                         BookingStore.IdempotencyKey key, Instant now) {
        if (!settings.waitlist().isEnabled()) {
            throw DomainException.conflict("WAITLIST_DISABLED", "this studio keeps no waitlist; no "
                    + seatName(booking.session().format()) + " seats left", "waitlist");
        }
        Instant closes = session.start().minus(Duration.ofMinutes(settings.waitlist().closesMinutesBefore()));
        if (!now.isBefore(closes)) {
            throw DomainException.conflict("WAITLIST_CLOSED", "the waitlist closes "
                    + settings.waitlist().closesMinutesBefore() + " minutes before the start", "waitlist");
        }
        String email = booking.client().email();
        for (Participant p : sessions.participants(session.studioId(), session.sessionId())) {
            if (!p.status().isActive() || p.client().email() == null || !p.client().email().equalsIgnoreCase(email)) continue;
            throw alreadyIn(p.status() == BookingStatus.WAITLISTED);
        }
        Booking waiting = booking.inLine();
        SessionStore.WaitResult result = sessions.joinWaitlist(waiting, key, LONGEST_LINE);
        if (result instanceof SessionStore.WaitResult.Joined joined) {
            Booking entry = joined.booking();
            mailer.send(SessionEmails.waitlisted(entry, session, settings, waitlistPosition(entry),
                    manageLinks.manage(entry)));
            return Optional.of(new Outcome.Booked(entry, Optional.empty()));
        }
        if (result instanceof SessionStore.WaitResult.Repeated r) return Optional.of(new Outcome.Repeated(r.bookingId(), r.requestFingerprint()));
        if (result instanceof SessionStore.WaitResult.SeatsLeft) return Optional.empty();
        if (result instanceof SessionStore.WaitResult.LineFull) {
            throw DomainException.conflict("WAITLIST_FULL", "the waitlist is full (" + LONGEST_LINE + " waiting)", "waitlist");
        }
        if (result instanceof SessionStore.WaitResult.AlreadyWaiting) throw alreadyIn(true);
        throw DomainException.policy("SESSION_CANCELLED", "the session was cancelled", "sessionId");
    }

    private static DomainException alreadyIn(boolean waiting) {
        return waiting
                ? DomainException.conflict("ALREADY_WAITLISTED", "you are already on the waitlist of this session", "sessionId")
                : DomainException.conflict("ALREADY_BOOKED", "you already have a place in this session", "sessionId");
    }

    private static SessionStore.WalletReturn creditsBack(Booking booking, int credits, Session session, Instant now) {
        return new SessionStore.WalletReturn(booking.clientId(), null, credits, new WalletEntry(now,
                WalletEntry.Kind.CREDITS_RETURNED, credits, 0, null, booking.bookingId(), session.name()));
    }

    /**
     * The studio's {@code instructorNotices} PER_BOOKING: the session's instructor is told a place was taken or
     * given up, with the places left as the session now counts them (read after the write).
     */
    private void tellInstructor(Booking booking, StudioSettings settings, boolean booked) {
        if (settings.instructorNotices() == null
                || settings.instructorNotices().mode() != InstructorNotices.Mode.PER_BOOKING) return;
        Optional<Session> session = sessions.find(booking.studioId(), booking.session().sessionId());
        Optional<Staff> instructor = session.flatMap(s -> studios.findStaff(s.studioId(), s.instructorId()))
                .filter(s -> s.email() != null && !s.email().isBlank());
        if (instructor.isEmpty()) return;
        int left = session.get().spotsLeft(booking.session().format());
        mailer.send(booked ? InstructorEmails.seatBooked(booking, session.get(), settings, instructor.get(), left)
                : InstructorEmails.seatCancelled(booking, session.get(), settings, instructor.get(), left));
    }

    /** The access a booking may see; when it gets it at booking or payment time, it counts as sent. */
    private Optional<OnlineAccess> grantAccess(Booking booking, Session session) {
        Optional<OnlineAccess> access = LinkVisibility.forBooking(booking, session);
        access.ifPresent(a -> sessions.markLinkSent(session.studioId(), session.sessionId(), booking.bookingId(),
                session.linkVersion()));
        return access;
    }

    private Optional<Pass> usablePass(String studioId, String clientId, Session session) {
        Instant now = clock.instant();
        return wallets.wallet(studioId, clientId).passes().stream()
                .filter(p -> p.usableAt(now) && session.start().isBefore(p.validUntil()))
                .min(Comparator.comparing(Pass::validUntil));
    }

    /** Staff book a walk-in after the minimum notice has closed, until the session ends. */
    private static void checkNotEnded(Session session, Instant now) {
        if (!now.isBefore(session.end())) {
            throw DomainException.policy("SESSION_ENDED", "the session has ended", "sessionId");
        }
    }

    private void checkBookingWindow(Session session, StudioSettings settings, Instant now) {
        if (session.start().isBefore(now.plus(Duration.ofMinutes(settings.bookingPolicy().minNoticeMinutes())))) {
            throw DomainException.policy("TOO_LATE_TO_BOOK", "booking closes " + settings.bookingPolicy().minNoticeMinutes()
                    + " minutes before the start", "sessionId");
        }
        if (session.start().isAfter(now.plus(Duration.ofDays(settings.bookingPolicy().maxDaysAhead() + 1L)))) {
            throw DomainException.policy("TOO_EARLY_TO_BOOK", "booking opens " + settings.bookingPolicy().maxDaysAhead()
                    + " days ahead", "sessionId");
        }
    }

    private static SessionFormat seat(Session session, SessionFormat requested) {
        if (session.format() == SessionFormat.HYBRID) {
            if (requested == null || requested == SessionFormat.HYBRID) {
                throw DomainException.invalid("format", "choose IN_PERSON or ONLINE for this hybrid session");
            }
            return requested;
        }
        if (requested != null && requested != session.format()) {
            throw DomainException.invalid("format", "this session is " + session.format());
        }
        return session.format();
    }

    private static void checkMethod(Session session, StudioSettings settings, SessionFormat seat, PaymentMethod method) {
        if (!session.accepts(method) || (method != PaymentMethod.FREE && !settings.accepts(method))) {
            throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "this session does not accept " + method, "paymentMethod");
        }
        if (seat == SessionFormat.ONLINE && !method.isPrepayment() && method != PaymentMethod.FREE) {
            throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "online seats are paid in advance", "paymentMethod");
        }
    }

    private Location location(String studioId, Session session) {
        return session.locationId() == null ? null : studios.findLocation(studioId, session.locationId()).orElse(null);
    }


    private static DomainException capacityReached(SessionFormat seat) {
        return DomainException.conflict("CAPACITY_REACHED", "no " + seatName(seat) + " seats left", "sessionId");
    }

    private static String seatName(SessionFormat seat) {
        return seat == SessionFormat.ONLINE ? "online" : "in-studio";
    }

}
