package com.studiobooking.core.usecase.book;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.mail.BookingEmails;
import com.studiobooking.core.mail.CalendarInvite;
import com.studiobooking.core.mail.MoneyBackEmail;
import com.studiobooking.core.mail.PaymentLinkEmail;
import com.studiobooking.core.mail.PaymentReceivedEmail;
import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingAccess;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.LinkVisibility;
import com.studiobooking.core.model.booking.MoneyRules;
import com.studiobooking.core.model.booking.MoveRules;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.session.OnlineAccess;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.slots.Slot;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.view.BookingView;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.text.Languages;
import com.studiobooking.core.usecase.checkout.CardCheckouts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Booking, viewing, cancelling and confirming bookings of appointments and of session seats. For
 * appointments the requested time is re-checked with the same slot rules the widget saw, and the
 * store's transaction makes double booking impossible; seats are handled by {@link SessionBooking}.
 */
public final class Bookings {
    private static final Duration IDEMPOTENCY_MEMORY = Duration.ofHours(24);

    private final StudioStore studios;
    private final BookingStore bookings;
    private final ClientDirectory clients;
    private final SlotLookup slots;
    private final Supplier<BookingAccess> access;
    private final Function<String, Caller> callers;
    private final Mailer mailer;
    private final ManageLinks manageLinks;
    private final SessionBooking seats;
    private final Scheduler scheduler;
    private final CardCheckouts cards;
    private final ReminderSchedules reminders;
    private final AppointmentLinks appointmentLinks;
    private final Clock clock;

    public Bookings(StudioStore studios, BookingStore bookings, ClientDirectory clients, SlotLookup slots,
                    Supplier<BookingAccess> access, Function<String, Caller> callers, Mailer mailer, ManageLinks manageLinks,
                    SessionBooking seats, Scheduler scheduler, CardCheckouts cards, Clock clock) {
        this.studios = studios;
        this.bookings = bookings;
        this.clients = clients;
        this.slots = slots;
        this.access = access;
        this.callers = callers;
        this.mailer = mailer;
        this.manageLinks = manageLinks;
        this.seats = seats;
        this.scheduler = scheduler;
        this.cards = cards;
        this.reminders = new ReminderSchedules(scheduler, clock);
        this.appointmentLinks = new AppointmentLinks(studios, bookings, mailer, reminders, manageLinks);
        this.clock = clock;
    }

    /**
     * The booking body as the widget sends it. {@code sessionId}/{@code format} book a session seat;
     * {@code waitlist} true joins the session's waitlist when it is full.
     */
    public record BookingRequest(String serviceId, String sessionId, SessionFormat format, String staffId,
                                 String locationId, String start, Client client, PaymentMethod paymentMethod,
                                 String notes, String language, Boolean waitlist) {
    }

    public BookingView book(String studioId, BookingRequest request, String idempotencyKey, Caller caller) {
        Check.required(request, "body");
        Client client = Check.required(request.client(), "client").validated();
        PaymentMethod method = Check.required(request.paymentMethod(), "paymentMethod");
        String notes = Check.optionalText(request.notes(), "notes", 1000);
        String language = Languages.choice(request.language(), "language");
        checkBooksFor(studioId, client, caller);
        Order order;
        if (request.sessionId() != null) {
            for (String[] f : new String[][]{{request.serviceId(), "serviceId"}, {request.staffId(), "staffId"},
                    {request.locationId(), "locationId"}, {request.start(), "start"}}) {
                if (f[0] != null) throw DomainException.invalid(f[1], "is for appointments; a session booking has sessionId only");
            }
            order = new Order(null, null, client, method, null, null, notes, language,
                    Check.id(request.sessionId(), "sessionId"), request.format(), Boolean.TRUE.equals(request.waitlist()));
        } else {
            if (request.format() != null) throw DomainException.invalid("format", "is for session bookings");
            if (request.waitlist() != null) throw DomainException.invalid("waitlist", "is for session bookings");
            order = new Order(Check.id(request.serviceId(), "serviceId"), Check.dateTime(request.start(), "start"), client, method,
                    request.staffId() == null ? null : Check.id(request.staffId(), "staffId"),
                    request.locationId() == null ? null : Check.id(request.locationId(), "locationId"), notes, language, null, null,
                    false);
        }
        BookingStore.IdempotencyKey key = idempotencyKey == null ? null : new BookingStore.IdempotencyKey(
                Check.idempotencyKey(idempotencyKey), fingerprint(order), clock.instant().plus(IDEMPOTENCY_MEMORY));
        if (key != null) {
            var earlier = bookings.findRepeat(studioId, key.key());
            if (earlier.isPresent()) return repeated(earlier.get(), key);
        }

        try {
            if (order.sessionId() == null) return reserve(studioId, order, key, caller);
            SessionBooking.Outcome outcome = seats.book(studioId, new SessionBooking.SeatOrder(order.sessionId(),
                    order.format(), client, method, notes, language, order.waitlist()), key, caller, email -> clients.clientIdFor(studioId, email));
            if (outcome instanceof SessionBooking.Outcome.Repeated r) {
                return repeated(new BookingStore.Reservation.Repeated(r.bookingId(), r.requestFingerprint()), key);
            }
            SessionBooking.Outcome.Booked booked = (SessionBooking.Outcome.Booked) outcome;
            rememberClient(studioId, booked.booking().clientId(), booked.booking().client());
            return view(booked.booking(), studios.settingsOf(studioId), true, booked.access().orElse(null));
        } catch (DomainException refused) {
            // a parallel request with the same key may have won meanwhile: answer with its booking
            if (key != null) {
                var earlier = bookings.findRepeat(studioId, key.key());
                if (earlier.isPresent()) return repeated(earlier.get(), key);
            }
            throw refused;
        }
    }

    /**
     * Staff of the studio book on a client's behalf (the booking is the named client's); staff of another
     * studio are refused. A signed-in client books for themselves only: the client named must be them.
     */
    private void checkBooksFor(String studioId, Client client, Caller caller) {
        if (caller.isAnonymous()) return;
        if (caller.role().isStaff()) {
            caller.requireStaffOf(studioId);
            return;
        }
        if (!studioId.equals(caller.studioId())) return; // another studio's client books here as a guest
        clients.find(studioId, caller.subject())
                .filter(me -> me.email() != null && !me.email().equalsIgnoreCase(client.email()))
                .ifPresent(me -> {
                    throw new DomainException(com.studiobooking.core.common.ErrorKind.FORBIDDEN, "NOT_YOURSELF",
                            "a client books for themselves; staff of the studio book for others", "client.email");
                });
    }

    /** Staff of this studio booking on a client's behalf (checked by {@link #checkBooksFor}). */
    static boolean onBehalf(Caller caller) {
        return !caller.isAnonymous() && caller.role().isStaff();
    }

    /** A booking request that passed input checks: an appointment, or (with sessionId) a seat. */
    private record Order(String serviceId, Instant start, Client client, PaymentMethod method, String staffId,
                         String locationId, String notes, String language, String sessionId, SessionFormat format,
                         boolean waitlist) {
    }

    private BookingView reserve(String studioId, Order order, BookingStore.IdempotencyKey key, Caller caller) {
        Instant start = order.start();
        String staffId = order.staffId();
        String locationId = order.locationId();
        Client client = order.client();
        StudioCatalog catalog = studios.catalogOf(studioId);
        StudioSettings settings = catalog.studio().settings();
        ZoneId zone = ZoneId.of(settings.timezone());
        Service service = SlotLookup.bookableService(catalog, order.serviceId());
        if (service.isOnline() && order.method() == PaymentMethod.PAY_AT_STUDIO) {
            throw notAccepted("online appointments are paid in advance");
        }
        Payment payment = payment(settings, service.price(), order.method(), start);

        LocalDate day = start.atZone(zone).toLocalDate();
        boolean byStaff = onBehalf(caller);
        List<Slot> free = slots.offered(catalog, service, staffId, locationId, day, day, true, false, byStaff).stream()
                .filter(slot -> slot.start().equals(start))
                .sorted(Comparator.comparingInt(slot -> service.staffIds().indexOf(slot.staffId())))
                .toList();
        if (free.isEmpty()) throw notBookable(catalog, service, staffId, locationId, day, start, byStaff);

        String clientId = caller.role() == Role.CLIENT && studioId.equals(caller.studioId())
                ? caller.subject() : clients.clientIdFor(studioId, client.email());
        for (Slot slot : free) {
            Staff practitioner = catalog.staffMember(slot.staffId()).orElseThrow();
            Booking booking = new Booking(Ids.next("bk"), studioId, Booking.Kind.APPOINTMENT, service.serviceId(),
                    service.name(), practitioner.staffId(), practitioner.name(), service.isOnline() ? null : slot.locationId(),
                    slot.start(), slot.end(), service.bufferBeforeMinutes(), service.bufferAfterMinutes(), client, clientId,
                    order.method(), payment.status(), payment.paymentStatus(), service.price(), Booking.newReference(),
                    payment.dueBy(), null, order.notes(), order.language(), clock.instant(), null, null, null, null, null, 0,
                    service.isOnline() ? OnlineAccess.NONE : null, 0, Booking.NEW, byStaff ? caller.subject() : null);
            BookingStore.Reservation reservation = bookings.reserveAppointment(booking, key);
            if (reservation instanceof BookingStore.Reservation.Reserved reserved) {
                reminders.linkMissing(reserved.booking(), settings);
                rememberClient(studioId, clientId, client);
            }
            if (reservation instanceof BookingStore.Reservation.Reserved reserved && order.method() == PaymentMethod.CARD) {
                Booking withCheckout = cards.open(reserved.booking(), settings, held -> bookings.cancel(
                        held.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false), PaymentStatus.UNPAID)));
                if (byStaff && withCheckout.card() != null) mailer.send(PaymentLinkEmail.of(withCheckout, settings,
                        manageLinks.manage(withCheckout)));
                return view(withCheckout, settings, true, null);
            }
            if (reservation instanceof BookingStore.Reservation.Reserved reserved) {
                Location location = location(catalog, reserved.booking().locationId());
                BookingEmails.booked(reserved.booking(), settings, practitioner, location,
                                manageLinks.manage(reserved.booking()))
                        .forEach(mailer::send);
                if (reserved.booking().status() == BookingStatus.AWAITING_PAYMENT) {
                    scheduler.schedule(TimedJobs.release(studioId, reserved.booking().bookingId(),
                            reserved.booking().paymentDueBy(), settings.timezone()));
                }
                reminders.confirmed(reserved.booking(), settings);
                return view(reserved.booking(), settings, true, null);
            }
            if (reservation instanceof BookingStore.Reservation.Repeated repeat) return repeated(repeat, key);
        }
        throw slotTaken();
    }

    /** The booking, with the online access it is entitled to (rule 3). */
    public BookingView view(String bookingId, String bearerToken) {
        Booking booking = existing(bookingId);
        authorise(booking, bearerToken);
        return view(booking, studios.settingsOf(booking.studioId()), false, accessFor(booking).orElse(null));
    }

    /**
     * The booking as a calendar file to keep ("Add to calendar"), for whoever may view it: the e-mails'
     * event (same UID and SEQUENCE) published, in the booking's language, never with an online link. Only a
     * booking that holds its place has one: a cancelled or waitlisted booking is 409.
     */
    public CalendarInvite calendar(String bookingId, String bearerToken) {
        Booking booking = existing(bookingId);
        authorise(booking, bearerToken);
        if (booking.status() == BookingStatus.CANCELLED) {
            throw DomainException.conflict("BOOKING_CANCELLED", "a cancelled booking has no calendar event", null);
        }
        if (!booking.status().holdsPlace()) {
            throw DomainException.conflict("BOOKING_NOT_MOVABLE", "a booking waiting for a place has no calendar event yet", null);
        }
        if (booking.kind() == Booking.Kind.SESSION) return seats.calendar(booking);
        StudioCatalog catalog = studios.catalogOf(booking.studioId());
        return BookingEmails.calendar(booking, catalog.studio().settings(), catalog.staffMember(booking.staffId()).orElse(null),
                location(catalog, booking.locationId()));
    }

    /** What the booking may see now (rule 3): its session's link, or an online appointment's own. */
    private Optional<OnlineAccess> accessFor(Booking booking) {
        return booking.kind() == Booking.Kind.SESSION ? seats.accessFor(booking) : LinkVisibility.forAppointment(booking);
    }

    /**
     * Staff (the owner, or the booking's practitioner) set an online appointment's link, instructions and
     * password; the client gets it by e-mail once it is paid or free, once per link version (rules 3, 7).
     */
    public BookingView setOnlineAccess(Caller caller, String studioId, String bookingId, OnlineAccess online) {
        Booking booking = appointmentLinks.set(caller, studioId, bookingId, online);
        return view(booking, studios.settingsOf(studioId), false, accessFor(booking).orElse(null));
    }

    /**
     * A client or staff cancel. A cancel that loses a race (a payment, a release written first) reads
     * the booking again and cancels what it finds: a booking paid meanwhile is refunded by the policy.
     */
    public BookingView cancel(String bookingId, String bearerToken) {
        Cancellation.By by = authorise(existing(bookingId), bearerToken);
        Booking cancelled = decide(bookingId, booking -> booking.kind() == Booking.Kind.SESSION
                ? seats.cancel(booking, by) : cancelAppointment(booking, by));
        return view(cancelled, studios.settingsOf(cancelled.studioId()), false, null);
    }

    /** The reschedule body: {@code start} moves an appointment, {@code sessionId} moves a session seat. */
    public record RescheduleRequest(String start, String sessionId) {
    }

    /**
     * Self-service reschedule (docs/decisions/reschedule.md): the client (with the booking's token or their
     * own) or staff of the studio move the booking, keeping its payment, in one store transaction that frees
     * the old time or seat only if the new one is taken. A client may move only before the cancellation
     * cut-off; staff, like a staff cancellation, at any time before the start. A move that loses a race (a
     * cancel, a payment, another move) reads the booking again and decides anew.
     */
    public BookingView reschedule(String bookingId, RescheduleRequest request, String bearerToken) {
        Booking found = existing(bookingId);
        Cancellation.By by = authorise(found, bearerToken);
        Check.required(request, "body");
        Booking moved;
        if (found.kind() == Booking.Kind.SESSION) {
            if (request.start() != null) throw DomainException.invalid("start", "is for appointments; move a session seat with sessionId");
            String sessionId = Check.id(request.sessionId(), "sessionId");
            moved = decide(bookingId, booking -> seats.move(booking, sessionId, by));
        } else {
            if (request.sessionId() != null) throw DomainException.invalid("sessionId", "is for session bookings; move an appointment with start");
            Instant start = Check.dateTime(request.start(), "start");
            moved = decide(bookingId, booking -> moveAppointment(booking, start, by));
        }
        return view(moved, studios.settingsOf(moved.studioId()), false, seats.accessFor(moved).orElse(null));
    }

    private Optional<Booking> moveAppointment(Booking booking, Instant start, Cancellation.By by) {
        Instant now = clock.instant();
        MoveRules.checkMovable(booking, booking.start(), now);
        if (booking.start().equals(start)) return Optional.of(booking);
        StudioCatalog catalog = studios.catalogOf(booking.studioId());
        StudioSettings settings = catalog.studio().settings();
        MoveRules.checkCutoff(booking.start(), settings.cancellationPolicy(), by, now);
        Service service = catalog.service(booking.serviceId()).filter(Service::bookableOnline).orElseThrow(() ->
                DomainException.policy("SERVICE_NOT_BOOKABLE", "this service can no longer be booked online", "start"));
        if (!service.price().equals(booking.price())) {
            throw DomainException.policy("PRICE_CHANGED", "the service's price changed since this booking; "
                    + "cancel it and book again", "start");
        }
        Staff practitioner = catalog.staffMember(booking.staffId()).filter(s -> service.staffIds().contains(s.staffId()))
                .orElseThrow(() -> DomainException.policy("SLOT_NOT_OFFERED",
                        "the practitioner no longer gives this service; cancel and book again", "start"));
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate day = start.atZone(zone).toLocalDate();
        Slot slot = slots.offeredForMove(catalog, service, booking, day).stream()
                .filter(s -> s.start().equals(start)).findFirst()
                .orElseThrow(() -> slots.isTakenForMove(catalog, service, booking, day, start) ? slotTaken()
                        : DomainException.policy("SLOT_NOT_OFFERED",
                        "this time is not offered for booking; pick one of the listed slots", "start"));
        Booking moved = booking.moved(new Booking.Move(service.name(), practitioner.staffId(), practitioner.name(),
                slot.locationId(), slot.start(), slot.end(), service.bufferBeforeMinutes(), service.bufferAfterMinutes(),
                null, MoveRules.dueBy(booking, slot.start())));
        switch (bookings.moveAppointment(booking, moved)) {
            case CHANGED -> {
                return Optional.empty();
            }
            case TAKEN, NOT_BOOKABLE -> throw slotTaken();
            default -> { }
        }
        if (moved.status() == BookingStatus.AWAITING_PAYMENT && !moved.paymentDueBy().equals(booking.paymentDueBy())) {
            scheduler.schedule(TimedJobs.release(moved.studioId(), moved.bookingId(), moved.paymentDueBy(), settings.timezone()));
        }
        reminders.moved(moved, settings);
        BookingEmails.moved(booking, moved, settings, practitioner, location(catalog, moved.locationId()), now,
                        manageLinks.manage(moved))
                .forEach(mailer::send);
        return Optional.of(moved);
    }

    private Optional<Booking> cancelAppointment(Booking booking, Cancellation.By by) {
        Instant now = clock.instant();
        if (booking.releasedBySystem()) return confirmReleased(booking, by, now);
        if (!booking.status().isActive()) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        if (!now.isBefore(booking.start())) {
            throw DomainException.policy("BOOKING_STARTED", "a booking cannot be cancelled after it started", null);
        }
        StudioCatalog catalog = studios.catalogOf(booking.studioId());
        StudioSettings settings = catalog.studio().settings();
        boolean late = by == Cancellation.By.CLIENT
                && now.isAfter(booking.start().minus(Duration.ofHours(settings.cancellationPolicy().cutoffHours())));
        Booking cancelled = booking.cancelled(new Cancellation(now, by, late), MoneyRules.afterCancel(booking, late));
        if (!bookings.cancel(cancelled)) return Optional.empty();
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) scheduler.cancel(TimedJobs.releaseName(booking.bookingId()));
        reminders.ended(booking, settings);
        Booking settled = cancelled.paymentStatus() == PaymentStatus.REFUND_PENDING
                ? refundAppointment(cancelled, settings, 0) : cancelled;
        catalog.staffMember(booking.staffId()).ifPresent(practitioner -> BookingEmails.cancelled(settled, settings,
                practitioner, location(catalog, booking.locationId()), manageLinks.manage(settled)).forEach(mailer::send));
        return Optional.of(settled);
    }

    /**
     * Cancelling a place the system already released: the cancellation becomes the canceller's, so a
     * payment still on its way is given back instead of taking the place again.
     */
    private Optional<Booking> confirmReleased(Booking released, Cancellation.By by, Instant now) {
        Booking cancelled = released.cancelledAgain(new Cancellation(now, by, false));
        return saveChange(cancelled) ? Optional.of(cancelled) : Optional.empty();
    }

    /**
     * Staff confirm a bank transfer arrived (rule 7: a session's link goes out then). Money that comes
     * for a booking cancelled or released meanwhile is never dropped: the place is taken again when the
     * system released it and it is still free, otherwise the booking owes the money back (REFUND_DUE).
     */
    public BookingView confirmPayment(Caller caller, String studioId, String bookingId) {
        caller.requireStaffOf(studioId);
        if (!existing(bookingId).studioId().equals(studioId)) throw DomainException.notFound("booking");
        Booking result = decide(bookingId, booking -> switch (MoneyRules.onTransferArrived(booking, clock.instant())) {
            case CONFIRM -> booking.kind() == Booking.Kind.SESSION ? seats.confirmTransfer(booking)
                    : confirmAppointment(booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, booking.card()));
            case TAKE_PLACE_AGAIN -> takeAgainOrOwe(booking, booking.withPayment(BookingStatus.CONFIRMED,
                    PaymentStatus.PAID, booking.card()), PaymentStatus.REFUND_DUE);
            case GIVE_BACK -> owe(booking, booking.withPaymentStatus(PaymentStatus.REFUND_DUE));
            case FINISH_REFUND, NOTHING -> throw DomainException.conflict("NOT_AWAITING_PAYMENT",
                    "the booking is not awaiting payment", null);
        });
        return view(result, studios.settingsOf(studioId), false, accessFor(result).orElse(null));
    }

    /** Staff paid back a refund owed by bank transfer: REFUND_DUE → REFUNDED, and the client is told. */
    public BookingView markRefunded(Caller caller, String studioId, String bookingId) {
        caller.requireStaffOf(studioId);
        if (!existing(bookingId).studioId().equals(studioId)) throw DomainException.notFound("booking");
        Booking result = decide(bookingId, booking -> {
            if (booking.paymentStatus() != PaymentStatus.REFUND_DUE) {
                throw DomainException.conflict("NO_REFUND_DUE", "this booking owes no refund", null);
            }
            Booking refunded = booking.withPaymentStatus(PaymentStatus.REFUNDED);
            if (!saveChange(refunded)) return Optional.empty();
            mailer.send(MoneyBackEmail.of(refunded, studios.settingsOf(studioId), MoneyBackEmail.Why.TRANSFER_RETURNED,
                    manageLinks.manage(refunded)));
            return Optional.of(refunded);
        });
        return view(result, studios.settingsOf(studioId), false, null);
    }

    /** The attendance body staff send: {@code ATTENDED} or {@code NO_SHOW}. */
    public record AttendanceRequest(Attendance.Status status) {
    }

    /**
     * Staff mark whether the client of a confirmed booking came, once it started (a mark again replaces
     * it). Under a forfeiting no-show policy a NO_SHOW keeps what the booking used; money never moves
     * here. A mark that loses a race (a cancellation, a payment, another mark) reads the booking again.
     */
    public BookingView markAttendance(Caller caller, String studioId, String bookingId, AttendanceRequest request) {
        caller.requireStaffOf(studioId);
        Attendance.Status mark = Check.required(Check.required(request, "body").status(), "status");
        StudioSettings settings = studios.settingsOf(studioId);
        Booking result = decide(bookingId, booking -> {
            if (!booking.studioId().equals(studioId)) throw DomainException.notFound("booking");
            if (booking.kind() == Booking.Kind.SESSION && booking.status().isActive() && seats.sessionCancelled(booking)) {
                throw DomainException.conflict("SESSION_CANCELLED", "the session was cancelled", null);
            }
            Booking marked = booking.attended(mark, clock.instant(), settings.noShowPolicy().forfeits());
            if (marked == booking) return Optional.of(booking);
            return saveChange(marked) ? Optional.of(marked) : Optional.empty();
        });
        return view(result, settings, false, accessFor(result).orElse(null));
    }

    /**
     * A card payment arrived (webhook). Awaiting payment before the start: the booking is paid. Its hold
     * was released by the system and the place is still free, before the start: the place is taken
     * again. Otherwise (cancelled by the client, place taken, started) the payment is refunded. A repeat
     * changes nothing, except finishing a refund the provider failed to make.
     */
    public void cardPaid(String bookingId, String paymentId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().paymentMethod() != PaymentMethod.CARD) return;
        decide(bookingId, booking -> {
            Booking.CardPayment card = Booking.CardPayment.paid(booking.card(), paymentId);
            return switch (MoneyRules.onCardPaid(booking, paymentId, clock.instant())) {
                case CONFIRM -> booking.kind() == Booking.Kind.SESSION
                        ? seats.cardPaid(booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, card))
                        : confirmAppointment(booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, card));
                case TAKE_PLACE_AGAIN -> takeAgainOrOwe(booking, booking.withPayment(BookingStatus.CONFIRMED,
                        PaymentStatus.PAID, card), PaymentStatus.REFUND_PENDING);
                case GIVE_BACK -> booking.status().isActive()
                        ? releaseAndRefund(booking, card)
                        : owe(booking, booking.withPayment(BookingStatus.CANCELLED, PaymentStatus.REFUND_PENDING, card));
                case FINISH_REFUND -> Optional.of(completeRefund(booking, 0));
                case NOTHING -> Optional.of(booking);
            };
        });
    }

    /** The checkout expired or its payment failed: the held place is released, unless it was paid meanwhile. */
    public void checkoutEnded(String bookingId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().paymentMethod() != PaymentMethod.CARD) return;
        decide(bookingId, booking -> booking.status() == BookingStatus.AWAITING_PAYMENT
                ? release(booking) : Optional.of(booking));
    }

    /**
     * The timed job: an unpaid booking past its due time gives its place back. A job that fires before
     * the due time (the time moved, or the scheduler was early) waits for it: it schedules itself again.
     */
    public boolean releaseIfUnpaid(String bookingId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().status() != BookingStatus.AWAITING_PAYMENT) return false;
        if (clock.instant().isBefore(found.get().paymentDueBy())) {
            Booking early = found.get();
            scheduler.schedule(TimedJobs.release(early.studioId(), early.bookingId(), early.paymentDueBy(),
                    studios.settingsOf(early.studioId()).timezone()));
            return false;
        }
        return decide(bookingId, booking -> {
            if (booking.status() != BookingStatus.AWAITING_PAYMENT) return Optional.of(false);
            return release(booking).map(released -> true);
        });
    }

    /** The timed job: asks the provider again for a card refund it failed to make; true once refunded. */
    public boolean completeRefund(String bookingId, int attempt) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().paymentStatus() != PaymentStatus.REFUND_PENDING) return false;
        return completeRefund(found.get(), attempt).paymentStatus() == PaymentStatus.REFUNDED;
    }

    private Booking completeRefund(Booking pending, int attempt) {
        return pending.kind() == Booking.Kind.SESSION ? seats.completeRefund(pending, attempt)
                : refundAppointment(pending, studios.settingsOf(pending.studioId()), attempt);
    }

    /** REFUND_PENDING → the provider refunds → REFUNDED; stays pending (retried by a timed job) if it fails. */
    private Booking refundAppointment(Booking pending, StudioSettings settings, int attempt) {
        if (!cards.refund(pending, settings.timezone(), attempt)) return pending;
        Booking refunded = pending.withPaymentStatus(PaymentStatus.REFUNDED);
        return bookings.save(refunded) ? refunded : bookings.find(pending.bookingId()).orElse(refunded);
    }

    private Optional<Booking> confirmAppointment(Booking paid) {
        if (!bookings.save(paid)) return Optional.empty();
        scheduler.cancel(TimedJobs.releaseName(paid.bookingId()));
        StudioCatalog catalog = studios.catalogOf(paid.studioId());
        StudioSettings settings = catalog.studio().settings();
        reminders.confirmed(paid, settings);
        appointmentLinks.release(paid, settings, false);
        if (paid.paymentMethod() == PaymentMethod.CARD) {
            catalog.staffMember(paid.staffId()).ifPresent(practitioner -> BookingEmails.booked(paid, settings,
                    practitioner, location(catalog, paid.locationId()), manageLinks.manage(paid)).forEach(mailer::send));
        } else {
            mailer.send(PaymentReceivedEmail.of(paid, settings, manageLinks.manage(paid)));
        }
        return Optional.of(paid);
    }

    /**
     * A payment for a place the system released: take the place again if it is free; if it was taken
     * meanwhile, the money goes back ({@code owed}: REFUND_PENDING for cards, REFUND_DUE for transfers).
     */
    private Optional<Booking> takeAgainOrOwe(Booking released, Booking payment, PaymentStatus owed) {
        Booking paid = payment.withNextCalendarSequence(); // its invite outranks the release's cancel
        BookingStore.Reinstatement outcome = paid.kind() == Booking.Kind.SESSION
                ? seats.reinstate(paid) : bookings.reinstateAppointment(paid);
        switch (outcome) {
            case REINSTATED -> {
                if (paid.kind() == Booking.Kind.SESSION) {
                    seats.tellReinstated(paid);
                } else {
                    StudioCatalog catalog = studios.catalog(paid.studioId()).orElseThrow();
                    reminders.confirmed(paid, catalog.studio().settings());
                    reminders.linkMissing(paid, catalog.studio().settings());
                    appointmentLinks.release(paid, catalog.studio().settings(), false);
                    catalog.staffMember(paid.staffId()).ifPresent(practitioner -> BookingEmails.booked(paid,
                            catalog.studio().settings(), practitioner, location(catalog, paid.locationId()),
                            manageLinks.manage(paid)).forEach(mailer::send));
                }
                return Optional.of(paid);
            }
            case CHANGED -> {
                return Optional.empty();
            }
            default -> {
                return owe(released, released.withPayment(BookingStatus.CANCELLED, owed, paid.card()));
            }
        }
    }

    /** A cancelled booking that received money owes it back: refunded by card, or by staff for transfers. */
    private Optional<Booking> owe(Booking cancelled, Booking owing) {
        if (!saveChange(owing)) return Optional.empty();
        StudioSettings settings = studios.settingsOf(owing.studioId());
        if (owing.paymentStatus() == PaymentStatus.REFUND_PENDING) {
            Booking settled = completeRefund(owing, 0);
            mailer.send(MoneyBackEmail.of(settled, settings, MoneyBackEmail.Why.LATE_CARD_PAYMENT_REFUNDED,
                    manageLinks.manage(settled)));
            return Optional.of(settled);
        }
        mailer.send(MoneyBackEmail.of(owing, settings, MoneyBackEmail.Why.LATE_TRANSFER_TO_BE_RETURNED,
                manageLinks.manage(owing)));
        return Optional.of(owing);
    }

    /** A card payment for a booking still held but already started: released, and the payment refunded. */
    private Optional<Booking> releaseAndRefund(Booking held, Booking.CardPayment card) {
        Booking released = held.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false),
                PaymentStatus.REFUND_PENDING, card);
        boolean freed = held.kind() == Booking.Kind.SESSION ? seats.freeSeat(released) : bookings.cancel(released);
        if (!freed) return Optional.empty();
        scheduler.cancel(TimedJobs.releaseName(held.bookingId()));
        Booking settled = completeRefund(released, 0);
        mailer.send(MoneyBackEmail.of(settled, studios.settingsOf(held.studioId()), MoneyBackEmail.Why.LATE_CARD_PAYMENT_REFUNDED,
                manageLinks.manage(settled)));
        return Optional.of(settled);
    }

    /** Gives the place of an unpaid booking back (due time passed, checkout ended). */
    private Optional<Booking> release(Booking booking) {
        if (booking.kind() == Booking.Kind.SESSION) return seats.releaseUnpaid(booking);
        Booking released = booking.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false),
                PaymentStatus.UNPAID);
        if (!bookings.cancel(released)) return Optional.empty();
        StudioCatalog catalog = studios.catalog(booking.studioId()).orElseThrow();
        reminders.ended(booking, catalog.studio().settings());
        catalog.staffMember(booking.staffId()).ifPresent(practitioner -> BookingEmails.cancelled(released,
                catalog.studio().settings(), practitioner, location(catalog, booking.locationId()),
                manageLinks.manage(released)).forEach(mailer::send));
        return Optional.of(released);
    }

    /** A change of a booking that takes or frees no place, with the session's participant line when it has one. */
    private boolean saveChange(Booking changed) {
        return changed.kind() == Booking.Kind.SESSION ? seats.save(changed) : bookings.save(changed);
    }

    private static final int ATTEMPTS = 8;

    /**
     * Reads the booking and lets {@code attempt} decide and write; an attempt whose conditional write
     * lost to another writer answers empty, and the booking is read again and decided anew.
     */
    private <T> T decide(String bookingId, Function<Booking, Optional<T>> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<T> done = attempt.apply(existing(bookingId));
            if (done.isPresent()) return done.get();
        }
        throw DomainException.conflict("BOOKING_BUSY", "the booking is changing right now; please try again", null);
    }

    /** A signed-in client's own bookings. */
    public List<BookingView> mine(Caller caller) {
        if (caller.isAnonymous()) throw DomainException.unauthenticated("a client token is required");
        if (caller.role() != Role.CLIENT) throw DomainException.forbidden("client tokens only");
        StudioSettings settings = studios.settingsOf(caller.studioId());
        return bookings.bookingsOfClient(caller.studioId(), caller.subject()).stream()
                .map(b -> view(b, settings, false, accessFor(b).orElse(null))).toList();
    }

    public List<BookingView> list(Caller caller, String studioId, String from, String to) {
        caller.requireStaffOf(studioId);
        StudioSettings settings = studios.settingsOf(studioId);
        StaffDateRange days = StaffDateRange.of(from, to, ZoneId.of(settings.timezone()));
        return bookings.bookingsStartingIn(studioId, days.time()).stream().map(b -> view(b, settings, false, null)).toList();
    }

    /** Guests prove access with the booking's token; clients with their own token; staff of the studio always. */
    private Cancellation.By authorise(Booking booking, String bearerToken) {
        if (bearerToken == null) throw DomainException.unauthenticated("the booking's access token is required");
        if (access.get().grants(bearerToken, booking.bookingId())) return Cancellation.By.CLIENT;
        Caller caller = callers.apply(bearerToken);
        if (!booking.studioId().equals(caller.studioId())) throw DomainException.forbidden("not your booking");
        if (caller.role().isStaff()) return Cancellation.By.STAFF;
        if (caller.subject().equals(booking.clientId())) return Cancellation.By.CLIENT;
        throw DomainException.forbidden("not your booking");
    }

    private record Payment(BookingStatus status, PaymentStatus paymentStatus, Instant dueBy) {
    }

    /**
     * The client's latest name and phone and their booking count, for the staff's client list: written
     * after the booking, and never at its expense. The booking is stored and its e-mail sent, so a failure
     * here is logged and the booking answered; the next booking writes the details again.
     */
    private void rememberClient(String studioId, String clientId, Client client) {
        try {
            clients.booked(studioId, clientId, client);
        } catch (RuntimeException directoryFailed) {
            System.getLogger(Bookings.class.getName()).log(System.Logger.Level.WARNING,
                    "client details of " + clientId + " not updated: " + directoryFailed);
        }
    }

        private Payment payment(StudioSettings settings, Money price, PaymentMethod method, Instant start) {
        if (price.costsNothing()) {
            if (method != PaymentMethod.FREE) throw notAccepted("this service is free: use FREE");
            return new Payment(BookingStatus.CONFIRMED, PaymentStatus.NOT_REQUIRED, null);
        }
        return switch (method) {
            case FREE -> throw notAccepted("this service has a price");
            case PAY_AT_STUDIO -> {
                if (!settings.accepts(method)) throw notAccepted("the studio does not take payment at the studio");
                yield new Payment(BookingStatus.CONFIRMED, PaymentStatus.UNPAID, null);
            }
            case BANK_TRANSFER -> {
                if (!settings.accepts(method)) throw notAccepted("the studio does not take bank transfers");
                BankTransfer bank = settings.bankTransfer();
                if (!bank.leavesTimeToPay(clock.instant(), start)) throw BankTransfer.tooLate(bank);
                yield new Payment(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, bank.dueBy(clock.instant(), start));
            }
            case CARD -> {
                if (!settings.accepts(method)) throw notAccepted("the studio does not take card payments");
                yield new Payment(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, cards.holdUntil(start));
            }
            case PASS, CREDITS -> throw notAccepted(method + " is for sessions; pay appointments otherwise");
        };
    }

    private BookingView repeated(BookingStore.Reservation.Repeated repeat, BookingStore.IdempotencyKey key) {
        if (!repeat.requestFingerprint().equals(key.requestFingerprint())) {
            throw DomainException.policy("IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was used for a different request", "Idempotency-Key");
        }
        Booking booking = existing(repeat.bookingId());
        return view(booking, studios.settingsOf(booking.studioId()), true, accessFor(booking).orElse(null));
    }

    /** {@code onlineAccess} comes from {@link com.studiobooking.core.model.booking.LinkVisibility} only. */
    private BookingView view(Booking booking, StudioSettings settings, boolean withAccessToken, OnlineAccess onlineAccess) {
        ZoneId zone = ZoneId.of(settings.timezone());
        BookingView.NextAction next = BookingView.NextAction.NONE;
        if (booking.status() == BookingStatus.AWAITING_PAYMENT && booking.paymentMethod() == PaymentMethod.CARD
                && booking.card() != null) {
            next = new BookingView.NextAction(BookingView.NextAction.Type.REDIRECT, booking.card().checkoutUrl(), null);
        }
        if (booking.status() == BookingStatus.AWAITING_PAYMENT && booking.paymentMethod() == PaymentMethod.BANK_TRANSFER) {
            BankTransfer bank = settings.bankTransfer();
            next = new BookingView.NextAction(BookingView.NextAction.Type.BANK_TRANSFER, null,
                    new BookingView.BankTransferInstructions(bank.accountName(), bank.iban(), bank.bankName(),
                            booking.price(), booking.reference(), booking.paymentDueBy().atZone(zone).toOffsetDateTime()));
        }
        return BookingView.of(booking, zone, withAccessToken ? access.get().tokenFor(booking.bookingId()) : null, next, onlineAccess,
                booking.kind() == Booking.Kind.SESSION ? seats.waitlistPosition(booking) : null);
    }

    private DomainException notBookable(StudioCatalog catalog, Service service, String staffId, String locationId,
                                        LocalDate day, Instant start, boolean byStaff) {
        return slots.isTaken(catalog, service, staffId, locationId, day, start, byStaff) ? slotTaken() : DomainException.policy("SLOT_NOT_OFFERED",
                "this time is not offered for booking; pick one of the listed slots", "start");
    }

    private static DomainException slotTaken() {
        return DomainException.conflict("SLOT_TAKEN", "this time has just been booked; pick another slot", "start");
    }

    private static DomainException notAccepted(String message) {
        return DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", message, "paymentMethod");
    }

    private Booking existing(String bookingId) {
        Check.id(bookingId, "bookingId");
        return bookings.find(bookingId).orElseThrow(() -> DomainException.notFound("booking"));
    }


    private static Location location(StudioCatalog catalog, String locationId) {
        return catalog.locations().stream().filter(l -> l.locationId().equals(locationId)).findFirst().orElse(null);
    }


    private static String fingerprint(Order order) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(order.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
