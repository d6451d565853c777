package com.studiobooking.benchmarks;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.schedule.TimedJobs;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.slots.Slot;
import com.studiobooking.core.model.studio.AvailabilityDetails;
import com.studiobooking.core.model.studio.LocationDetails;
import com.studiobooking.core.model.studio.NewStudio;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.ServiceDetails;
import com.studiobooking.core.model.studio.StaffDetails;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.view.StaffProfile;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Refund;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.dynamo.StudioTable;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio the cold handlers read, made through the project's own use cases (the functions' {@link Wiring}
 * on the DynamoDB table, with e-mail switched off and schedules only noted): an owner, a staff member with weekly
 * hours, a location, a 60-minute service, an online session and one appointment booked for tomorrow, paid at the
 * studio. {@code reminder} is the missing-link reminder that creating the online session (without a link) asked
 * for; the runner puts it into moto before every link-release run.
 */
record DemoStudio(String studioId, String staffId, String locationId, String serviceId, String sessionId,
                  String bookingId, String staffToken, ZoneId zone, ScheduledJob reminder) {

    /** Creates {@code tableName} through {@code dynamo} and seeds it. */
    static DemoStudio seed(DynamoDbClient dynamo, String tableName, String tokenSecret) {
        dynamo.createTable(StudioTable.createRequest(tableName));
        ItemTable table = new DynamoItemTable(dynamo, tableName);
        Clock clock = Clock.systemUTC();
        List<ScheduledJob> scheduled = new ArrayList<>();
        Scheduler noted = new Scheduler() {
            @Override public void schedule(ScheduledJob job) { scheduled.add(job); }
            @Override public void scheduleDaily(DailyJob job) { } // the demo studio has no instructor digest
            @Override public void cancel(String name) { scheduled.removeIf(job -> job.name().equals(name)); }
        };
        Wiring wiring = new Wiring(new Wiring.Parts(() -> table, () -> email -> { }, () -> tokenSecret,
                () -> noted, () -> NO_PAYMENTS, () -> NO_WEBHOOKS, "https://book.example/widget",
                "https://admin.example/", clock));

        StudioSetup setup = wiring.studioSetup();
        StudioSetup.Opened opened = setup.openStudio(new NewStudio("Lotus Yoga", "Europe/Bucharest", "RON", "ro",
                new NewStudio.Owner("Ana Pop", "ana@example.com")));
        String studioId = opened.studioId();
        Caller owner = new Caller(studioId, opened.ownerStaffId(), Role.OWNER);
        setup.changeSettings(owner, studioId, new StudioSettings(null, null, null, null,
                List.of(PaymentMethod.CARD, PaymentMethod.PAY_AT_STUDIO), null, null, null, null, null));
        StaffProfile ioana = setup.addStaff(owner, studioId, new StaffDetails("Ioana", "ioana@example.com", null, null));
        String locationId = setup.addLocation(owner, studioId, new LocationDetails("Main room", "Str. Lalelelor 3", false, null))
                .locationId();

        List<AvailabilityDetails.Block> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) week.add(new AvailabilityDetails.Block(day.name(), "09:00", "18:00", locationId));
        wiring.appointmentSetup().setAvailability(owner, studioId, ioana.staffId(), new AvailabilityDetails(week, List.of(), List.of()));
        String serviceId = wiring.appointmentSetup().addService(owner, studioId, new ServiceDetails("Massage", null, 60,
                new Money(25_000L, "RON"), 15, 15, 15, null, List.of(ioana.staffId()), List.of(locationId), true, true, null)).serviceId();

        ZoneId zone = ZoneId.of("Europe/Bucharest");
        String sessionId = wiring.sessionSetup().create(owner, studioId, new SessionDetails(null, "Online Vinyasa", null,
                LocalDate.now(zone).plusDays(7).atTime(18, 0).atZone(zone).toOffsetDateTime().toString(), 60, 20, null,
                ioana.staffId(), SessionFormat.ONLINE, null, new Money(5_000L, "RON"), null, List.of(PaymentMethod.CARD),
                null)).sessionId();

        // tomorrow's first free slot, as the booking page would offer it
        StudioCatalog catalog = new DynamoStudioStore(table).catalog(studioId).orElseThrow();
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        Slot first = wiring.slotLookup().offered(catalog, catalog.service(serviceId).orElseThrow(), ioana.staffId(), null,
                tomorrow, tomorrow, true, false).get(0);
        String bookingId = wiring.bookings().book(studioId, new Bookings.BookingRequest(serviceId, null, null,
                ioana.staffId(), locationId, first.start().atZone(zone).toOffsetDateTime().toString(),
                new Client("Maria Popescu", "maria@example.com", null), PaymentMethod.PAY_AT_STUDIO, null, null, null),
                null, Caller.ANONYMOUS).bookingId();

        // the same secret the handlers get as TOKEN_SECRET, so they accept the token
        String staffToken = new JwtTokenService(new SigningKeys(tokenSecret), clock)
                .issue(new Caller(studioId, ioana.staffId(), Role.STAFF), clock.instant().plus(Duration.ofHours(12)));
        ScheduledJob reminder = scheduled.stream().filter(job -> job.name().equals(TimedJobs.missingLinkName(sessionId)))
                .findFirst().orElseThrow(() -> new IllegalStateException("the online session got no missing-link reminder"));
        return new DemoStudio(studioId, ioana.staffId(), locationId, serviceId, sessionId, bookingId, staffToken, zone,
                reminder);
    }

    private static final PaymentGateway NO_PAYMENTS = new PaymentGateway() {
        @Override public Checkout createCheckout(CheckoutRequest request) { throw new UnsupportedOperationException("no card payments when seeding"); }
        @Override public Refund refund(String paymentId, Money amount, String key) { throw new UnsupportedOperationException("no refunds when seeding"); }
    };

    private static final WebhookVerifier NO_WEBHOOKS = (body, signature) -> {
        throw new UnsupportedOperationException("no webhooks when seeding");
    };
}
