package com.studiobooking.functions;

import com.studiobooking.core.appointment.AppointmentSetup;
import com.studiobooking.core.appointment.SlotLookup;
import com.studiobooking.core.auth.Authentication;
import com.studiobooking.core.booking.Bookings;
import com.studiobooking.core.booking.BookingAccess;
import com.studiobooking.core.studio.BookingLinks;
import com.studiobooking.core.mail.Mailer;
import com.studiobooking.core.studio.StudioSetup;
import com.studiobooking.infrastructure.dynamo.DynamoBookingStore;
import com.studiobooking.infrastructure.dynamo.DynamoClientDirectory;
import com.studiobooking.infrastructure.dynamo.DynamoLoginCodeStore;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Builds the use cases from adapters, by hand: no container, no scanning. {@link #production()} reads
 * the Lambda environment; the local runtime and tests pass their own parts. Everything is built on
 * first use, so a handler pays only for what its routes touch.
 */
public final class Wiring {
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;
    private final Supplier<Mailer> mailer;
    private final Supplier<SigningKeys> keys;
    private final Clock clock;

    private final Lazy<DynamoStudioStore> studioStore;
    private final Lazy<DynamoBookingStore> bookingStore;
    private final Lazy<StudioSetup> studioSetup;
    private final Lazy<Authentication> authentication;
    private final Lazy<AppointmentSetup> appointmentSetup;
    private final Lazy<SlotLookup> slotLookup;
    private final Lazy<Bookings> bookings;

    /**
     * @param widgetBaseUrl where the booking page lives; booking links are built on it
     */
    public Wiring(Supplier<DynamoDbClient> dynamo, String tableName, Supplier<Mailer> mailer,
                  Supplier<String> tokenSecret, String widgetBaseUrl, Clock clock) {
        this.dynamo = Lazy.of(dynamo);
        this.tableName = tableName;
        this.mailer = Lazy.of(mailer);
        this.keys = Lazy.of(() -> new SigningKeys(tokenSecret.get()));
        this.clock = clock;
        Mailer sendLater = email -> this.mailer.get().send(email);
        BookingLinks links = new BookingLinks(widgetBaseUrl);
        this.studioStore = Lazy.of(() -> new DynamoStudioStore(this.dynamo.get(), tableName));
        this.bookingStore = Lazy.of(() -> new DynamoBookingStore(this.dynamo.get(), tableName));
        this.studioSetup = Lazy.of(() -> new StudioSetup(studioStore.get(), links, clock));
        DynamoClientDirectory clients = new DynamoClientDirectory(this.dynamo, tableName);
        this.authentication = Lazy.of(() -> new Authentication(studioStore.get(),
                new DynamoLoginCodeStore(this.dynamo.get(), tableName), clients,
                new JwtTokenService(keys.get(), clock), sendLater, clock, keys.get().loginCodeKey()));
        this.appointmentSetup = Lazy.of(() -> new AppointmentSetup(studioStore.get(), links, clock));
        this.slotLookup = Lazy.of(() -> new SlotLookup(studioStore.get(), bookingStore.get(), clock));
        this.bookings = Lazy.of(() -> new Bookings(studioStore.get(), bookingStore.get(), clients,
                slotLookup.get(), new BookingAccess(keys.get().bookingAccessKey()), token -> authentication().caller(token),
                sendLater, links, clock));
    }

    private static final Lazy<Wiring> PRODUCTION = Lazy.of(ProductionParts::wiring);

    /** The wiring of a Lambda function, built once per execution environment. */
    public static Wiring production() {
        return PRODUCTION.get();
    }

    public StudioSetup studioSetup() { return studioSetup.get(); }

    public Authentication authentication() { return authentication.get(); }

    public AppointmentSetup appointmentSetup() { return appointmentSetup.get(); }

    public SlotLookup slotLookup() { return slotLookup.get(); }

    public Bookings bookings() { return bookings.get(); }

    public Clock clock() { return clock; }

    public String tableName() { return tableName; }

    public DynamoDbClient dynamo() { return dynamo.get(); }
}
