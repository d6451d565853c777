package com.studiobooking.core.booking;

import com.studiobooking.core.appointment.Service;
import com.studiobooking.core.appointment.Slot;
import com.studiobooking.core.appointment.SlotLookup;
import com.studiobooking.core.auth.Caller;
import com.studiobooking.core.auth.ClientDirectory;
import com.studiobooking.core.auth.Role;
import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.mail.Mailer;
import com.studiobooking.core.payment.CardCheckouts;
import com.studiobooking.core.schedule.Scheduler;
import com.studiobooking.core.schedule.TimedJobs;
import com.studiobooking.core.session.OnlineAccess;
import com.studiobooking.core.session.SessionBooking;
import com.studiobooking.core.session.SessionFormat;
import com.studiobooking.core.studio.BankTransfer;
import com.studiobooking.core.studio.BookingLinks;
import com.studiobooking.core.studio.Location;
import com.studiobooking.core.studio.PaymentMethod;
import com.studiobooking.core.studio.Staff;
import com.studiobooking.core.studio.StudioCatalog;
import com.studiobooking.core.studio.StudioSettings;
import com.studiobooking.core.studio.StudioStore;

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
    private final BookingAccess access;
    private final Function<String, Caller> callers;
    private final Mailer mailer;
    private final BookingLinks links;
    private final SessionBooking seats;
    private final Scheduler scheduler;
    private final CardCheckouts cards;
    private final Clock clock;

    public Bookings(StudioStore studios, BookingStore bookings, ClientDirectory clients, SlotLookup slots,
                    BookingAccess access, Function<String, Caller> callers, Mailer mailer, BookingLinks links,
                    SessionBooking seats, Scheduler scheduler, CardCheckouts cards, Clock clock) {
        this.studios = studios;
        this.bookings = bookings;
        this.clients = clients;
        this.slots = slots;
        this.access = access;
        this.callers = callers;
        this.mailer = mailer;
        this.links = links;
        this.seats = seats;
        this.scheduler = scheduler;
        this.cards = cards;
        this.clock = clock;
    }

    /** The booking body as the widget sends it. {@code sessionId}/{@code format} book a session seat. */
    public record BookingRequest(String serviceId, String sessionId, SessionFormat format, String staffId,
                                 String locationId, String start, Client client, PaymentMethod paymentMethod,
                                 String notes) {
    }

    public BookingView book(String studioId, BookingRequest request, String idempotencyKey, Caller caller) {
        Check.required(request, "body");
        Client client = Check.required(request.client(), "client").validated();
        PaymentMethod method = Check.required(request.paymentMethod(), "paymentMethod");
        String notes = Check.optionalText(request.notes(), "notes", 1000);
        Order order;
        if (request.sessionId() != null) {
            for (String[] f : new String[][]{{request.serviceId(), "serviceId"}, {request.staffId(), "staffId"},
                    {request.locationId(), "locationId"}, {request.start(), "start"}}) {
                if (f[0] != null) throw DomainException.invalid(f[1], "is for appointments; a session booking has sessionId only");
            }
            order = new Order(null, null, client, method, null, null, notes, Check.id(request.sessionId(), "sessionId"),
                    request.format());
        } else {
            if (request.format() != null) throw DomainException.invalid("format", "is for session bookings");
            order = new Order(Check.id(request.serviceId(), "serviceId"), Check.dateTime(request.start(), "start"), client, method,
                    request.staffId() == null ? null : Check.id(request.staffId(), "staffId"),
                    request.locationId() == null ? null : Check.id(request.locationId(), "locationId"), notes, null, null);
        }
        BookingStore.IdempotencyKey key = idempotencyKey == null ? null : new BookingStore.IdempotencyKey(
                checkKey(idempotencyKey), fingerprint(order), clock.instant().plus(IDEMPOTENCY_MEMORY));
        if (key != null) {
            var earlier = bookings.findRepeat(studioId, key.key());
            if (earlier.isPresent()) return repeated(earlier.get(), key);
        }

        try {
            if (order.sessionId() == null) return reserve(studioId, order, key, caller);
            SessionBooking.Outcome outcome = seats.book(studioId, new SessionBooking.SeatOrder(order.sessionId(),
                    order.format(), client, method, notes), key, caller, email -> clients.clientIdFor(studioId, email));
            if (outcome instanceof SessionBooking.Outcome.Repeated r) {
                return repeated(new BookingStore.Reservation.Repeated(r.bookingId(), r.requestFingerprint()), key);
            }
            SessionBooking.Outcome.Booked booked = (SessionBooking.Outcome.Booked) outcome;
            return view(booked.booking(), settings(studioId), true, booked.access().orElse(null));
        } catch (DomainException refused) {
            // a parallel request with the same key may have won meanwhile: answer with its booking
            if (key != null) {
                var earlier = bookings.findRepeat(studioId, key.key());
                if (earlier.isPresent()) return repeated(earlier.get(), key);
            }
            throw refused;
        }
    }

    /** A booking request that passed input checks: an appointment, or (with sessionId) a seat. */
    private record Order(String serviceId, Instant start, Client client, PaymentMethod method, String staffId,
                         String locationId, String notes, String sessionId, SessionFormat format) {
    }

    private BookingView reserve(String studioId, Order order, BookingStore.IdempotencyKey key, Caller caller) {
        Instant start = order.start();
        String staffId = order.staffId();
        String locationId = order.locationId();
        Client client = order.client();
        StudioCatalog catalog = studios.catalog(studioId).orElseThrow(() -> DomainException.notFound("studio"));
        StudioSettings settings = catalog.studio().settings();
        ZoneId zone = ZoneId.of(settings.timezone());
        Service service = SlotLookup.bookableService(catalog, order.serviceId());
        Payment payment = payment(settings, service.price(), order.method(), start);

        LocalDate day = start.atZone(zone).toLocalDate();
        List<Slot> free = slots.offered(catalog, service, staffId, locationId, day, day, true, false).stream()
                .filter(slot -> slot.start().equals(start))
                .sorted(Comparator.comparingInt(slot -> service.staffIds().indexOf(slot.staffId())))
                .toList();
        if (free.isEmpty()) throw notBookable(catalog, service, staffId, locationId, day, start);

        String clientId = caller.role() == Role.CLIENT && studioId.equals(caller.studioId())
                ? caller.subject() : clients.clientIdFor(studioId, client.email());
        for (Slot slot : free) {
            Staff practitioner = catalog.staffMember(slot.staffId()).orElseThrow();
            Booking booking = new Booking(Ids.next("bk"), studioId, Booking.Kind.APPOINTMENT, service.serviceId(),
                    service.name(), practitioner.staffId(), practitioner.name(), slot.locationId(), slot.start(),
                    slot.end(), service.bufferBeforeMinutes(), service.bufferAfterMinutes(), client, clientId, order.method(),
                    payment.status(), payment.paymentStatus(), service.price(), Booking.newReference(), payment.dueBy(), null, order.notes(),
                    clock.instant(), null, null, null);
            BookingStore.Reservation reservation = bookings.reserveAppointment(booking, key);
            if (reservation instanceof BookingStore.Reservation.Reserved reserved && order.method() == PaymentMethod.CARD) {
                Booking withCheckout = cards.open(reserved.booking(), settings, held -> bookings.cancel(
                        held.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false))));
                return view(withCheckout, settings, true, null);
            }
            if (reservation instanceof BookingStore.Reservation.Reserved reserved) {
                Location location = location(catalog, slot.locationId());
                BookingEmails.booked(reserved.booking(), settings, practitioner, location, links.studio(studioId))
                        .forEach(mailer::send);
                if (reserved.booking().status() == BookingStatus.AWAITING_PAYMENT) {
                    scheduler.schedule(TimedJobs.release(studioId, reserved.booking().bookingId(),
                            reserved.booking().paymentDueBy(), settings.timezone()));
                }
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
        return view(booking, settings(booking.studioId()), false, seats.accessFor(booking).orElse(null));
    }

    public BookingView cancel(String bookingId, String bearerToken) {
        Booking booking = existing(bookingId);
        Cancellation.By by = authorise(booking, bearerToken);
        if (booking.kind() == Booking.Kind.SESSION) {
            if (!booking.status().isActive()) {
                throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
            }
            return view(seats.cancel(booking, by), settings(booking.studioId()), false, null);
        }
        Instant now = clock.instant();
        if (!now.isBefore(booking.start())) {
            throw DomainException.policy("BOOKING_STARTED", "a booking cannot be cancelled after it started", null);
        }
        StudioCatalog catalog = studios.catalog(booking.studioId()).orElseThrow(() -> DomainException.notFound("studio"));
        StudioSettings settings = catalog.studio().settings();
        boolean late = now.isAfter(booking.start().minus(Duration.ofHours(settings.cancellationPolicy().cutoffHours())))
                && by == Cancellation.By.CLIENT;
        boolean refund = booking.paymentMethod() == PaymentMethod.CARD && booking.paymentStatus() == PaymentStatus.PAID && !late;
        Booking cancelled = booking.cancelled(new Cancellation(now, by, late),
                refund ? PaymentStatus.REFUNDED : booking.paymentStatus());
        if (refund) cards.refund(booking);
        if (!bookings.cancel(cancelled)) {
            throw DomainException.conflict("ALREADY_CANCELLED", "the booking is already cancelled", null);
        }
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) scheduler.cancel(TimedJobs.releaseName(bookingId));
        Staff practitioner = catalog.staffMember(booking.staffId()).orElse(null);
        if (practitioner != null) {
            BookingEmails.cancelled(cancelled, settings, practitioner, location(catalog, booking.locationId()))
                    .forEach(mailer::send);
        }
        return view(cancelled, settings, false, null);
    }

    /** Staff confirm a bank transfer arrived (rule 7: a session's link goes out then). */
    public BookingView confirmPayment(Caller caller, String studioId, String bookingId) {
        caller.requireStaffOf(studioId);
        Booking booking = existing(bookingId);
        if (!booking.studioId().equals(studioId)) throw DomainException.notFound("booking");
        if (booking.status() != BookingStatus.AWAITING_PAYMENT) {
            throw DomainException.conflict("NOT_AWAITING_PAYMENT", "the booking is not awaiting payment", null);
        }
        StudioSettings settings = settings(studioId);
        if (booking.kind() == Booking.Kind.SESSION) {
            Booking paid = seats.confirmPayment(booking);
            return view(paid, settings, false, seats.accessFor(paid).orElse(null));
        }
        Booking paid = booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, booking.card());
        if (!bookings.confirmPayment(paid)) {
            throw DomainException.conflict("NOT_AWAITING_PAYMENT", "the booking is not awaiting payment", null);
        }
        scheduler.cancel(TimedJobs.releaseName(bookingId));
        mailer.send(PaymentReceivedEmail.of(paid, settings));
        return view(paid, settings, false, null);
    }

    /**
     * A card payment arrived (webhook): the booking is paid, or, when its hold was released meanwhile,
     * reinstated if its place is still free and otherwise refunded (rule 6). Repeats change nothing.
     */
    public void cardPaid(String bookingId, String paymentId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().paymentMethod() != PaymentMethod.CARD) return;
        Booking booking = found.get();
        if (booking.kind() == Booking.Kind.SESSION) {
            seats.cardPaid(booking, paymentId);
            return;
        }
        Booking paid = booking.withPayment(BookingStatus.CONFIRMED, PaymentStatus.PAID, Booking.CardPayment.paid(booking.card(), paymentId));
        boolean nowPaid = booking.status() == BookingStatus.AWAITING_PAYMENT && bookings.confirmPayment(paid);
        boolean holdReleased = booking.status() == BookingStatus.CANCELLED && booking.paymentStatus() == PaymentStatus.UNPAID
                && booking.cancellation().by() == Cancellation.By.SYSTEM;
        if (nowPaid || holdReleased && bookings.reinstateAppointment(paid)) {
            scheduler.cancel(TimedJobs.releaseName(bookingId));
            StudioCatalog catalog = studios.catalog(booking.studioId()).orElseThrow();
            catalog.staffMember(booking.staffId()).ifPresent(practitioner -> BookingEmails.booked(paid,
                    catalog.studio().settings(), practitioner, location(catalog, booking.locationId()),
                    links.studio(booking.studioId())).forEach(mailer::send));
            return;
        }
        if (booking.status() == BookingStatus.CANCELLED && booking.paymentStatus() == PaymentStatus.UNPAID) {
            Booking refunded = booking.withPayment(BookingStatus.CANCELLED, PaymentStatus.REFUNDED,
                    Booking.CardPayment.paid(booking.card(), paymentId));
            if (bookings.markRefunded(refunded)) {
                cards.refund(refunded);
                mailer.send(RefundedAfterReleaseEmail.of(refunded, settings(booking.studioId())));
            }
        }
    }

    /** The checkout expired or its payment failed: the held place is released. */
    public void checkoutEnded(String bookingId) {
        bookings.find(bookingId)
                .filter(b -> b.status() == BookingStatus.AWAITING_PAYMENT && b.paymentMethod() == PaymentMethod.CARD)
                .ifPresent(this::release);
    }

    /** The timed job: an unpaid booking past its due time gives its place back. */
    public boolean releaseIfUnpaid(String bookingId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty() || found.get().status() != BookingStatus.AWAITING_PAYMENT) return false;
        Booking booking = found.get();
        if (clock.instant().isBefore(booking.paymentDueBy())) return false;
        return release(booking);
    }

    private boolean release(Booking booking) {
        if (booking.kind() == Booking.Kind.SESSION) return seats.releaseUnpaid(booking);
        Booking released = booking.cancelled(new Cancellation(clock.instant(), Cancellation.By.SYSTEM, false));
        if (!bookings.cancel(released)) return false;
        StudioCatalog catalog = studios.catalog(booking.studioId()).orElseThrow();
        catalog.staffMember(booking.staffId()).ifPresent(practitioner -> BookingEmails.cancelled(released,
                catalog.studio().settings(), practitioner, location(catalog, booking.locationId())).forEach(mailer::send));
        return true;
    }

    /** A signed-in client's own bookings. */
    public List<BookingView> mine(Caller caller) {
        if (caller.isAnonymous()) throw DomainException.unauthenticated("a client token is required");
        if (caller.role() != com.studiobooking.core.auth.Role.CLIENT) throw DomainException.forbidden("client tokens only");
        StudioSettings settings = settings(caller.studioId());
        return bookings.bookingsOfClient(caller.studioId(), caller.subject()).stream()
                .map(b -> view(b, settings, false, seats.accessFor(b).orElse(null))).toList();
    }

    public List<BookingView> list(Caller caller, String studioId, String from, String to) {
        caller.requireStaffOf(studioId);
        StudioSettings settings = settings(studioId);
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate first = Check.date(from, "from");
        LocalDate last = Check.date(to, "to");
        if (last.isBefore(first)) throw DomainException.invalid("to", "must not be before from");
        if (Duration.between(first.atStartOfDay(), last.atStartOfDay()).toDays() > 92) {
            throw DomainException.invalid("to", "must be at most 92 days after from");
        }
        var range = new com.studiobooking.core.appointment.TimeRange(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        return bookings.bookingsStartingIn(studioId, range).stream().map(b -> view(b, settings, false, null)).toList();
    }

    /** Guests prove access with the booking's token; clients with their own token; staff of the studio always. */
    private Cancellation.By authorise(Booking booking, String bearerToken) {
        if (bearerToken == null) throw DomainException.unauthenticated("the booking's access token is required");
        if (access.grants(bearerToken, booking.bookingId())) return Cancellation.By.CLIENT;
        Caller caller = callers.apply(bearerToken);
        if (!booking.studioId().equals(caller.studioId())) throw DomainException.forbidden("not your booking");
        if (caller.role().isStaff()) return Cancellation.By.STAFF;
        if (caller.subject().equals(booking.clientId())) return Cancellation.By.CLIENT;
        throw DomainException.forbidden("not your booking");
    }

    private record Payment(BookingStatus status, PaymentStatus paymentStatus, Instant dueBy) {
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
                Instant due = clock.instant().plus(Duration.ofHours(settings.bankTransfer().dueHours()));
                yield new Payment(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, due.isBefore(start) ? due : start);
            }
            case CARD -> {
                if (!settings.accepts(method)) throw notAccepted("the studio does not take card payments");
                yield new Payment(BookingStatus.AWAITING_PAYMENT, PaymentStatus.UNPAID, cards.holdUntil());
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
        return view(booking, settings(booking.studioId()), true, seats.accessFor(booking).orElse(null));
    }

    /** {@code onlineAccess} comes from {@link com.studiobooking.core.session.LinkVisibility} only. */
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
        return BookingView.of(booking, zone, withAccessToken ? access.tokenFor(booking.bookingId()) : null, next, onlineAccess);
    }

    private DomainException notBookable(StudioCatalog catalog, Service service, String staffId, String locationId,
                                        LocalDate day, Instant start) {
        boolean offeredWhenFree = slots.offered(catalog, service, staffId, locationId, day, day, false, false).stream()
                .anyMatch(slot -> slot.start().equals(start));
        return offeredWhenFree ? slotTaken() : DomainException.policy("SLOT_NOT_OFFERED",
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

    private StudioSettings settings(String studioId) {
        return studios.findStudio(studioId).orElseThrow(() -> DomainException.notFound("studio")).settings();
    }

    private static Location location(StudioCatalog catalog, String locationId) {
        return catalog.locations().stream().filter(l -> l.locationId().equals(locationId)).findFirst().orElse(null);
    }


    private static String checkKey(String key) {
        if (key.isBlank() || key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw DomainException.invalid("Idempotency-Key", "must be 1–100 letters, digits or . _ : -");
        }
        return key;
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
