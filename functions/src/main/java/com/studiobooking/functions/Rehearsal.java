package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
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
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.aws.UnsentHttpClient;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.mail.SesMailer;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.table.MemoryItemTable;
import com.studiobooking.infrastructure.table.TableShape;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * SnapStart's rehearsal (docs/decisions/snapstart-priming.md): before the snapshot, a function runs the success
 * paths of its routes once, as bytes through a second instance of its own handler, against a throwaway studio in a
 * second {@link Wiring} that reaches nothing outside the process. Read-only priming against a studio that does not
 * exist stops at "not found"; the rehearsal runs what a real request runs after that (the studio read and shown, a
 * slot list computed, a booking taken, an e-mail built and handed to SES's client, a schedule created), so the first
 * real request after a restore finds that code loaded and run.
 *
 * <p>The parts, each thrown away with the rehearsal:
 * <ul>
 *   <li>the table is a {@link MemoryItemTable} (the same contract suite as DynamoDB's adapter): nothing is written to
 *       DynamoDB;</li>
 *   <li>SES and EventBridge Scheduler are the SDK's own clients on an {@link UnsentHttpClient}: requests are built,
 *       signed with throwaway credentials and answered in the process, never sent;</li>
 *   <li>the token secret is random; card checkouts are answered in the process (stripe-java's own paths are primed by
 *       {@link StripePriming} with a throwaway key), and webhook deliveries are signed with a random secret.</li>
 * </ul>
 */
final class Rehearsal {
    static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    final Wiring wiring;
    private final MemoryItemTable table;
    final String studioId;
    final String staffId;
    final String locationId;
    final String serviceId;
    final String sessionId;
    final String bookingId;
    final String ownerToken;
    final String webhookSecret;
    /** What the rehearsal's SES and Scheduler clients were asked to do (never sent). */
    final UnsentHttpClient unsent;
    /** The checkouts card bookings asked for, answered in the process. */
    final List<CardCheckout> checkouts;
    /** When the booked appointment starts. */
    final java.time.Instant bookingStart;

    /** A card checkout the rehearsal answered: what was asked, and the checkout it got. */
    record CardCheckout(CheckoutRequest request, Checkout checkout) {
    }

    private Rehearsal(Wiring wiring, MemoryItemTable table, String studioId, String staffId, String locationId, String serviceId, String sessionId,
                      String bookingId, java.time.Instant bookingStart, String ownerToken, String webhookSecret,
                      UnsentHttpClient unsent, List<CardCheckout> checkouts) {
        this.wiring = wiring;
        this.table = table;
        this.studioId = studioId;
        this.staffId = staffId;
        this.locationId = locationId;
        this.serviceId = serviceId;
        this.sessionId = sessionId;
        this.bookingId = bookingId;
        this.bookingStart = bookingStart;
        this.ownerToken = ownerToken;
        this.webhookSecret = webhookSecret;
        this.unsent = unsent;
        this.checkouts = checkouts;
    }

    /**
     * A throwaway studio, made through the use cases (as the demo studio is): card and pay-at-studio payments, an
     * owner, a practitioner with weekly hours at one location, a 60-minute service, an online class in a week with no
     * link yet and one participant who paid by card, and tomorrow's first appointment booked, paid at the studio.
     *
     * @param webhooks the verifier of the rehearsal's webhook deliveries, given its random secret; null: none
     */
    static Rehearsal open(java.util.function.Function<String, WebhookVerifier> webhooks) {
        Clock clock = Clock.systemUTC();
        String tokenSecret = random();
        String webhookSecret = "whsec_rehearsal_" + random();
        UnsentHttpClient unsent = new UnsentHttpClient();
        AwsSettings aws = new AwsSettings(Region.EU_WEST_1, null,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("REHEARSAL", "rehearsal")));
        EventBridgeScheduler.Settings schedules = new EventBridgeScheduler.Settings("studio-booking-rehearsal",
                "arn:aws:lambda:eu-west-1:000000000000:function:rehearsal", "arn:aws:iam::000000000000:role/rehearsal",
                "arn:aws:sqs:eu-west-1:000000000000:rehearsal");
        List<CardCheckout> checkouts = new CopyOnWriteArrayList<>();
        PaymentGateway payments = new PaymentGateway() {
            @Override public Checkout createCheckout(CheckoutRequest request) {
                Checkout checkout = new Checkout("cs_rehearsal_" + (checkouts.size() + 1), "https://rehearsal.invalid/pay",
                        request.expiresAt());
                checkouts.add(new CardCheckout(request, checkout));
                return checkout;
            }

            @Override public Refund refund(String paymentId, Money amount, String key) {
                throw new UnsupportedOperationException("the rehearsal refunds nothing");
            }
        };
        Supplier<WebhookVerifier> verifier = () -> {
            if (webhooks == null) throw new UnsupportedOperationException("this function takes no webhooks");
            return webhooks.apply(webhookSecret);
        };
        writeThroughDynamoDbClient(aws, unsent);
        MemoryItemTable table = new MemoryItemTable(TableShape.STUDIO_BOOKING);
        Wiring wiring = new Wiring(new Wiring.Parts(() -> table,
                () -> new SesMailer(AwsClients.sesV2(aws, unsent), "rehearsal@rehearsal.invalid"),
                () -> tokenSecret,
                () -> new EventBridgeScheduler(() -> AwsClients.scheduler(aws, unsent), schedules, clock),
                () -> payments, verifier, "https://rehearsal.invalid/book", "https://rehearsal.invalid/admin", clock));

        StudioSetup setup = wiring.studioSetup();
        StudioSetup.Opened opened = setup.openStudio(new NewStudio("Rehearsal", ZONE.getId(), "RON", "en",
                new NewStudio.Owner("Rehearsal Owner", "owner@rehearsal.invalid")));
        String studioId = opened.studioId();
        Caller owner = new Caller(studioId, opened.ownerStaffId(), Role.OWNER);
        setup.changeSettings(owner, studioId, new StudioSettings(null, null, null, null,
                List.of(PaymentMethod.CARD, PaymentMethod.PAY_AT_STUDIO), null, null, null, null, null));
        StaffProfile staff = setup.addStaff(owner, studioId, new StaffDetails("Rehearsal Staff", "staff@rehearsal.invalid",
                null, null));
        String locationId = setup.addLocation(owner, studioId, new LocationDetails("Room", "Rehearsal 1", false, null))
                .locationId();
        List<AvailabilityDetails.Block> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) week.add(new AvailabilityDetails.Block(day.name(), "09:00", "18:00", locationId));
        wiring.appointmentSetup().setAvailability(owner, studioId, staff.staffId(),
                new AvailabilityDetails(week, List.of(), List.of()));
        String serviceId = wiring.appointmentSetup().addService(owner, studioId, new ServiceDetails("Massage", null, 60,
                new Money(25_000L, "RON"), 15, 15, 15, null, List.of(staff.staffId()), List.of(locationId), true, true, null))
                .serviceId();
        String sessionId = wiring.sessionSetup().create(owner, studioId, new SessionDetails(null, "Online class", null,
                LocalDate.now(ZONE).plusDays(7).atTime(18, 0).atZone(ZONE).toOffsetDateTime().toString(), 60, 20, null,
                staff.staffId(), SessionFormat.ONLINE, null, new Money(5_000L, "RON"), null, List.of(PaymentMethod.CARD),
                null)).sessionId();

        Slot first = firstFreeSlotTomorrow(wiring, table, studioId, serviceId, staff.staffId());
        String bookingId = wiring.bookings().book(studioId, new Bookings.BookingRequest(serviceId, null, null,
                staff.staffId(), locationId, first.start().atZone(ZONE).toOffsetDateTime().toString(),
                new Client("Rehearsal Client", "client@rehearsal.invalid", null), PaymentMethod.PAY_AT_STUDIO, null, null,
                null), null, Caller.ANONYMOUS).bookingId();

        // a paid participant in the online class, so setting its link e-mails someone (rule 7)
        String participant = bookClassByCard(wiring, studioId, sessionId, "participant@rehearsal.invalid", "ro");
        wiring.bookings().cardPaid(participant, "pi_rehearsal_participant");

        String ownerToken = new JwtTokenService(new SigningKeys(tokenSecret), clock)
                .issue(owner, clock.instant().plus(Duration.ofHours(1)));
        return new Rehearsal(wiring, table, studioId, staff.staffId(), locationId, serviceId, sessionId, bookingId,
                first.start(), ownerToken, webhookSecret, unsent, checkouts);
    }

    /**
     * The DynamoDB adapter's write paths to their end (a put, an update, a transaction, each answered as DynamoDB
     * answers a write that succeeded), on an SDK client whose requests are answered in the process: production's
     * priming runs them on the real table only as far as a refused condition.
     */
    private static void writeThroughDynamoDbClient(AwsSettings aws, UnsentHttpClient unsent) {
        DynamoItemTable dynamo = new DynamoItemTable(AwsClients.dynamoDb(aws, unsent), "studio-booking-rehearsal");
        Map<String, AttributeValue> item = Map.of(TableShape.PK, AttributeValue.fromS("REHEARSAL"),
                TableShape.SK, AttributeValue.fromS("REHEARSAL"), "n", AttributeValue.fromN("1"));
        dynamo.write(Write.put(item, Condition.missing(TableShape.PK)));
        dynamo.changeReturningOld(new Write.Change("REHEARSAL", "REHEARSAL", Update.create().add("n", 1),
                Condition.exists(TableShape.PK)));
        dynamo.tryTransact(List.of(Write.put(item), Write.change("REHEARSAL", "REHEARSAL#2", Update.create().set("n", 1),
                Condition.always())));
    }

    /** Books a place in the online class by card, as the booking page does: the checkout is answered in the process. */
    CardCheckout bookClassByCard(String email) {
        bookClassByCard(wiring, studioId, sessionId, email, null);
        return checkouts.get(checkouts.size() - 1);
    }

    /** A place in the class booked by card, anonymously as on the booking page; its booking id. */
    private static String bookClassByCard(Wiring wiring, String studioId, String sessionId, String email, String language) {
        return wiring.bookings().book(studioId, new Bookings.BookingRequest(null, sessionId, null, null, null, null,
                new Client("Rehearsal Client", email, null), PaymentMethod.CARD, null, language, null), null,
                Caller.ANONYMOUS).bookingId();
    }

    /** The day {@code fromToday} days from today in the studio's zone, as the booking page and the admin page ask. */
    static String day(int fromToday) {
        return LocalDate.now(ZONE).plusDays(fromToday).toString();
    }

    /** A free start of the service tomorrow after the one booked, as the booking page would offer it. */
    String freeStart() {
        return firstFreeSlotTomorrow(wiring, table, studioId, serviceId, staffId).start().atZone(ZONE).toOffsetDateTime()
                .toString();
    }

    /** Tomorrow's first slot of the service with the staff member, as the booking page offers it. */
    private static Slot firstFreeSlotTomorrow(Wiring wiring, MemoryItemTable table, String studioId, String serviceId,
                                              String staffId) {
        StudioCatalog catalog = new DynamoStudioStore(table).catalog(studioId).orElseThrow();
        LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
        return wiring.slotLookup().offered(catalog, catalog.service(serviceId).orElseThrow(), staffId, null,
                tomorrow, tomorrow, true, false).get(0);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
