package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.jobs.JobRunner;
import com.studiobooking.core.model.booking.BookingAccess;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.booking.ManageLinks;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.model.studio.BookingLinks;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Refund;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.TokenService;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.BookingExport;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.core.usecase.book.SessionBooking;
import com.studiobooking.core.usecase.book.SlotLookup;
import com.studiobooking.core.usecase.checkout.CardCheckouts;
import com.studiobooking.core.usecase.pay.PaymentWebhook;
import com.studiobooking.core.usecase.remind.ClientReminder;
import com.studiobooking.core.usecase.remind.InstructorDigest;
import com.studiobooking.core.usecase.remind.MissingLinkReminder;
import com.studiobooking.core.usecase.setup.AppointmentSetup;
import com.studiobooking.core.usecase.setup.SeriesSetup;
import com.studiobooking.core.usecase.setup.SessionSetup;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.core.usecase.wallets.Purchases;
import com.studiobooking.core.usecase.wallets.Wallets;
import com.studiobooking.infrastructure.config.Lazy;
import com.studiobooking.infrastructure.dynamo.DynamoBookingStore;
import com.studiobooking.infrastructure.dynamo.DynamoClientDirectory;
import com.studiobooking.infrastructure.dynamo.DynamoLoginCodeStore;
import com.studiobooking.infrastructure.dynamo.DynamoPaymentEventLog;
import com.studiobooking.infrastructure.dynamo.DynamoPurchaseStore;
import com.studiobooking.infrastructure.dynamo.DynamoSessionStore;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.dynamo.DynamoWalletStore;
import com.studiobooking.infrastructure.dynamo.StaffTokenFence;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.TableShape;
import com.studiobooking.infrastructure.table.Update;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the use cases from adapters, by hand: no container, no scanning. {@link #production()} reads
 * the Lambda environment; the local runtime and tests pass their own {@link Parts}. Everything is
 * built on first use, so a handler pays only for what its routes touch.
 */
public final class Wiring {
    /**
     * The adapters and settings the use cases are built from.
     *
     * @param table         the single table: DynamoDB in AWS, SQLite in the local runtime
     * @param widgetBaseUrl where the booking page lives; booking links are built on it
     * @param adminPageUrl  the admin page, linked from staff e-mails
     */
    public record Parts(Supplier<ItemTable> table, Supplier<Mailer> mailer,
                        Supplier<String> tokenSecret, Supplier<Scheduler> scheduler, Supplier<PaymentGateway> payments,
                        Supplier<WebhookVerifier> webhooks, String widgetBaseUrl, String adminPageUrl, Clock clock) {
    }

    private final Lazy<StudioSetup> studioSetup;
    private final Lazy<Authentication> authentication;
    private final Lazy<AppointmentSetup> appointmentSetup;
    private final Lazy<SlotLookup> slotLookup;
    private final Lazy<SessionBooking> sessionBooking;
    private final Lazy<Bookings> bookings;
    private final Lazy<SessionSetup> sessionSetup;
    private final Lazy<SeriesSetup> seriesSetup;
    private final Lazy<Wallets> wallets;
    private final Lazy<JobRunner> jobRunner;
    private final Lazy<PaymentWebhook> paymentWebhook;
    private final Lazy<Purchases> purchases;
    private final Lazy<BookingExport> bookingExport;

    private final StaffTokenFence staffTokenFence;
    private final Lazy<Mailer> mailer;
    private final Lazy<Scheduler> schedulerNow;
    /** Builds the secrets client ahead of its first use (production only: see {@link #buildingAhead}). */
    private Runnable buildAhead = () -> { };

    public Wiring(Parts parts) {
        // every store writes through the fence: a staff request's writes are checked against its token
        StaffTokenFence fence = new StaffTokenFence(Lazy.of(parts.table()));
        this.staffTokenFence = fence;
        ItemTable table = fence;
        Clock clock = parts.clock();
        Lazy<Mailer> mailer = Lazy.of(parts.mailer());
        this.mailer = mailer;
        Mailer sendLater = email -> mailer.get().send(email);
        Lazy<Scheduler> schedulerNow = Lazy.of(parts.scheduler());
        this.schedulerNow = schedulerNow;
        Scheduler scheduler = new Scheduler() {
            @Override public void schedule(ScheduledJob job) { schedulerNow.get().schedule(job); }
            @Override public void scheduleDaily(DailyJob job) { schedulerNow.get().scheduleDaily(job); }
            @Override public void cancel(String name) { schedulerNow.get().cancel(name); }
        };
        Lazy<SigningKeys> keys = Lazy.of(() -> new SigningKeys(parts.tokenSecret().get()));
        Lazy<PaymentGateway> paymentsNow = Lazy.of(parts.payments());
        PaymentGateway payments = new PaymentGateway() {
            @Override public Checkout createCheckout(CheckoutRequest request) { return paymentsNow.get().createCheckout(request); }
            @Override public Refund refund(String paymentId, Money amount, String key) { return paymentsNow.get().refund(paymentId, amount, key); }
        };
        BookingLinks links = new BookingLinks(parts.widgetBaseUrl());
        Lazy<BookingAccess> bookingAccess = Lazy.of(() -> new BookingAccess(keys.get().bookingAccessKey()));
        ManageLinks manageLinks = new ManageLinks(links, bookingAccess);

        Lazy<DynamoStudioStore> studios = Lazy.of(() -> new DynamoStudioStore(table));
        Lazy<DynamoBookingStore> bookingStore = Lazy.of(() -> new DynamoBookingStore(table));
        Lazy<DynamoSessionStore> sessions = Lazy.of(() -> new DynamoSessionStore(table));
        Lazy<DynamoWalletStore> walletStore = Lazy.of(() -> new DynamoWalletStore(table));
        DynamoClientDirectory clients = new DynamoClientDirectory(table);
        Lazy<CardCheckouts> cards = Lazy.of(() -> new CardCheckouts(payments, bookingStore.get(), scheduler,
                manageLinks, clock));

        this.studioSetup = Lazy.of(() -> new StudioSetup(studios.get(), links, scheduler, clock));
        // the token secret is fetched on the first request that signs or checks something, never while the
        // function starts: a SnapStart snapshot holds no secret (docs/decisions/snapstart-priming.md)
        Lazy<JwtTokenService> jwt = Lazy.of(() -> new JwtTokenService(keys.get(), clock));
        TokenService tokens = new TokenService() {
            @Override public String issue(Caller caller, Instant expiresAt) { return jwt.get().issue(caller, expiresAt); }
            @Override public Optional<Caller> verify(String token) { return jwt.get().verify(token); }
        };
        Lazy<byte[]> loginCodeKey = Lazy.of(() -> keys.get().loginCodeKey());
        this.authentication = Lazy.of(() -> new Authentication(studios.get(),
                new DynamoLoginCodeStore(table), clients, tokens, sendLater, fence, clock, loginCodeKey));
        this.appointmentSetup = Lazy.of(() -> new AppointmentSetup(studios.get(), links, clock));
        this.slotLookup = Lazy.of(() -> new SlotLookup(studios.get(), bookingStore.get(), clock));
        this.sessionBooking = Lazy.of(() -> new SessionBooking(studios.get(), sessions.get(), bookingStore.get(),
                walletStore.get(), scheduler, cards.get(), sendLater, manageLinks, clock));
        this.bookings = Lazy.of(() -> new Bookings(studios.get(), bookingStore.get(), clients, slotLookup.get(),
                bookingAccess, token -> authentication().caller(token), sendLater,
                manageLinks, sessionBooking.get(), scheduler, cards.get(), clock));
        this.sessionSetup = Lazy.of(() -> new SessionSetup(studios.get(), sessions.get(), bookingStore.get(),
                sessionBooking.get(), scheduler, sendLater, manageLinks, clock));
        this.seriesSetup = Lazy.of(() -> new SeriesSetup(studios.get(), sessions.get(), bookingStore.get(),
                sessionSetup.get(), clock));
        this.wallets = Lazy.of(() -> new Wallets(studios.get(), walletStore.get(), clients, clock));
        this.purchases = Lazy.of(() -> new Purchases(studios.get(), walletStore.get(),
                new DynamoPurchaseStore(table), clients, payments, parts.widgetBaseUrl(), clock));
        this.bookingExport = Lazy.of(() -> new BookingExport(studios.get(), bookingStore.get()));
        Lazy<WebhookVerifier> verifierNow = Lazy.of(parts.webhooks());
        WebhookVerifier verifier = (body, signature) -> verifierNow.get().verify(body, signature);
        this.paymentWebhook = Lazy.of(() -> new PaymentWebhook(verifier,
                new DynamoPaymentEventLog(table, clock), bookings.get(), purchases.get()));
        this.jobRunner = Lazy.of(() -> new JobRunner(new MissingLinkReminder(studios.get(), sessions.get(),
                bookingStore.get(), sessionBooking.get(), sendLater, parts.adminPageUrl(), clock),
                new ClientReminder(studios.get(), bookingStore.get(), sessions.get(), scheduler, sendLater,
                        manageLinks, clock),
                bookings.get(), new InstructorDigest(studios.get(), sessions.get(), sendLater, clock)));
    }

    private static final Lazy<Wiring> PRODUCTION = Lazy.of(ProductionParts::wiring);

    /** The wiring of a Lambda function, built once per execution environment. */
    public static Wiring production() {
        return PRODUCTION.get();
    }

    /**
     * Called when a request ends (by {@link com.studiobooking.functions.http.Routes}): forgets what it held on
     * this thread, the fence on a staff token's writes. The next request on the thread starts with nothing.
     */
    public void requestEnded() {
        staffTokenFence.release();
    }

    /**
     * SnapStart priming ({@link Priming}): builds the SES and Scheduler clients a function will use, through the same
     * {@code Lazy}s its requests use, without sending anything.
     */
    void buildClients(boolean mail, boolean schedule) {
        buildAhead.run();
        if (mail) mailer.get();
        if (schedule && schedulerNow.get() instanceof EventBridgeScheduler eventBridge) eventBridge.buildClient();
    }

    /** What {@link #buildClients} builds besides the parts: production's Secrets Manager client (no secret read). */
    Wiring buildingAhead(Runnable clients) {
        this.buildAhead = clients;
        return this;
    }

    /** SnapStart priming: one read of a key no item has, so the table's client is built and connected. */
    void readNothing(String pk) {
        staffTokenFence.get(pk, "PRIMING");
    }

    /**
     * SnapStart priming: the table's write paths (a put, an update returning the old item, a transaction), each on
     * {@code pk}, an item no one has, under the condition that it exists; so each is refused and nothing is written.
     */
    void writeNothing(String pk) {
        Condition exists = Condition.exists(TableShape.PK);
        Map<String, AttributeValue> item = Map.of(TableShape.PK, AttributeValue.fromS(pk),
                TableShape.SK, AttributeValue.fromS("PRIMING"), "n", AttributeValue.fromN("0"));
        if (staffTokenFence.write(Write.put(item, exists))
                || staffTokenFence.changeReturningOld(new Write.Change(pk, "PRIMING", Update.create().add("n", 1), exists)).isPresent()
                || staffTokenFence.tryTransact(List.of(Write.put(item, exists),
                        Write.change(pk, "PRIMING#2", Update.create().set("n", 1), exists))) == null) {
            throw new IllegalStateException("a priming write was applied to " + pk);
        }
    }

    public StudioSetup studioSetup() { return studioSetup.get(); }

    public Authentication authentication() { return authentication.get(); }

    public AppointmentSetup appointmentSetup() { return appointmentSetup.get(); }

    public SlotLookup slotLookup() { return slotLookup.get(); }

    public Bookings bookings() { return bookings.get(); }

    public BookingExport bookingExport() { return bookingExport.get(); }

    public SessionSetup sessionSetup() { return sessionSetup.get(); }

    public SeriesSetup seriesSetup() { return seriesSetup.get(); }

    public Wallets wallets() { return wallets.get(); }

    public JobRunner jobRunner() { return jobRunner.get(); }

    public PaymentWebhook paymentWebhook() { return paymentWebhook.get(); }

    public Purchases purchases() { return purchases.get(); }
}
