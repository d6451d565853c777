package com.studiobooking.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.studiobooking.functions.http.HttpEvents;
import com.studiobooking.functions.HttpFunction;
import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.Availability;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.WeeklyBlock;
import com.studiobooking.core.model.view.BookingView;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.core.port.WebhookVerifier;
import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.functions.Wiring;
import com.studiobooking.infrastructure.config.Config;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.dynamo.DynamoClientDirectory;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.dynamo.DynamoWalletStore;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.payment.LocalCheckoutEvents;
import com.studiobooking.infrastructure.payment.LocalPaymentGateway;
import com.studiobooking.infrastructure.payment.SignedWebhook;
import com.studiobooking.infrastructure.payment.StripeSignature;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.TestTables;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each function's code uses, against what template.yaml lets it use. Every handler class named in
 * the template is built, as Lambda builds it, on a {@link Wiring} whose parts record when they are asked
 * for (the token secret, the table, SES, EventBridge Scheduler, Stripe's secret key, Stripe's webhook
 * secret), and then handles each of its sample events from {@code events/} against a studio seeded with
 * the samples' ids. A part used without the policy and the environment variables that go with it is a
 * function that fails in AWS (as TimedJobsFunction did when its constructor read the token secret
 * and its role could not). A grant no sample uses is listed with the reason below, or the test fails too: either
 * the grant is surplus, or a sample should show it used.
 */
class FunctionPermissionsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TOKEN_SECRET = "permissions-test-secret-of-at-least-32-chars";
    private static final String WEBHOOK_SECRET = "whsec_permissions_test";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What a function's code may use; each needs a policy and some environment variables in the template. */
    enum Need {
        TABLE_READ("table reads", Config.TABLE_NAME),
        TABLE_WRITE("table writes", Config.TABLE_NAME),
        MAIL("e-mail (SES)", Config.SENDER_EMAIL),
        TOKEN_SECRET("token secret", Config.TOKEN_SECRET_PARAMETER),
        SCHEDULES("schedules (EventBridge Scheduler)", Config.SCHEDULE_GROUP, Config.TIMED_JOBS_FUNCTION_ARN,
                Config.SCHEDULER_ROLE_ARN, Config.SCHEDULER_DLQ_ARN),
        // Config.stripeKeys takes the two names as a pair, whichever secret is read
        STRIPE_SECRET_KEY("Stripe secret key", Config.STRIPE_SECRET_KEY_PARAMETER, Config.STRIPE_WEBHOOK_SECRET_PARAMETER),
        STRIPE_WEBHOOK_SECRET("Stripe webhook secret", Config.STRIPE_SECRET_KEY_PARAMETER, Config.STRIPE_WEBHOOK_SECRET_PARAMETER);

        final String label;
        final List<String> variables;

        Need(String label, String... variables) {
            this.label = label;
            this.variables = List.of(variables);
        }
    }

    /**
     * Grants no sample event uses, and why the function still needs them. An entry here that a sample
     * does use (or that the template no longer grants) fails the test: keep the list true.
     */
    private static final Map<String, Map<Need, String>> GRANTED_BUT_NOT_SHOWN = Map.of(
            "TimedJobsFunction", Map.of(Need.STRIPE_SECRET_KEY, "a COMPLETE_REFUND job asks Stripe again only for a "
                    + "booking still REFUND_PENDING; the sample's booking has no refund pending (MoneyRaceTest shows the "
                    + "retry against Stripe's API)",
                    Need.TOKEN_SECRET, "the manage link in a client reminder (and the other job e-mails) carries a booking "
                    + "access token signed with a key from the token secret, read at the first such e-mail; the samples' "
                    + "reminders find nothing to send (ClientReminderApiTest and ManageLinkApiTest show the links)"));

    private static SamTemplate template;
    private static Map<String, Usage> usage;

    /** What one function used: while its handler was built, and while it handled its samples. */
    record Usage(Set<Need> atInit, Set<Need> onRequests, Map<String, String> outcomes) {
        Set<Need> all() {
            Set<Need> all = EnumSet.noneOf(Need.class);
            all.addAll(atInit);
            all.addAll(onRequests);
            return all;
        }
    }

    @BeforeAll
    static void runEverySample() throws Exception {
        template = SamTemplate.load(RepoRoot.resolve("template.yaml"));
        usage = new TreeMap<>();
        for (String function : functions()) usage.put(function, run(function));
        usage.forEach((function, used) -> System.out.println(function + ": at init " + labels(used.atInit())
                + ", on requests " + labels(used.onRequests()) + ", granted " + labels(granted(function))
                + "\n  samples " + used.outcomes()));
    }

    @Test
    void every_function_may_use_what_its_code_uses() {
        List<String> problems = new ArrayList<>();
        usage.forEach((function, used) -> {
            Set<Need> missing = EnumSet.noneOf(Need.class);
            missing.addAll(used.all());
            missing.removeAll(granted(function));
            missing.forEach(need -> problems.add(function + " uses " + need.label + " (" + (used.atInit().contains(need)
                    ? "when its handler is built" : "handling a sample") + ") but template.yaml does not grant it: "
                    + grantProblem(function, need)));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_grant_is_used_by_a_sample_or_its_reason_is_written_down() {
        List<String> problems = new ArrayList<>();
        usage.forEach((function, used) -> {
            Map<Need, String> explained = GRANTED_BUT_NOT_SHOWN.getOrDefault(function, Map.of());
            for (Need need : granted(function)) {
                boolean shown = used.all().contains(need);
                if (!shown && !explained.containsKey(need)) {
                    problems.add(function + " is granted " + need.label + " but no sample uses it: remove the grant, "
                            + "or add a sample that uses it, or say why in GRANTED_BUT_NOT_SHOWN");
                }
                if (shown && explained.containsKey(need)) {
                    problems.add(function + ": a sample uses " + need.label + " now; drop it from GRANTED_BUT_NOT_SHOWN");
                }
            }
            explained.keySet().stream().filter(need -> !granted(function).contains(need)).forEach(need ->
                    problems.add(function + ": GRANTED_BUT_NOT_SHOWN lists " + need.label + ", which is not granted"));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_sample_was_handled_and_no_function_reads_the_token_secret_when_built() {
        assertThat(usage.keySet()).containsExactlyInAnyOrder("AuthFunction", "AdminFunction", "CatalogueFunction",
                "BookingFunction", "PaymentWebhookFunction", "LinkReleaseFunction", "TimedJobsFunction");
        usage.forEach((function, used) -> assertThat(used.outcomes()).as(function).isNotEmpty()
                .allSatisfy((sample, outcome) -> assertThat(outcome).as(function + " " + sample).doesNotStartWith("500")));
        // SnapStart keeps what a handler reads while built in its snapshot: the token secret is read on first use
        // (docs/decisions/snapstart-priming.md), so a rotated secret is picked up by every new environment
        usage.forEach((function, used) -> assertThat(used.atInit()).as(function).doesNotContain(Need.TOKEN_SECRET));
    }

    /** docs/deploy.md's table: what each function reads at init (recorded here) and may use (granted). */
    @Test
    void the_table_in_deploy_md_is_what_the_code_reads_at_init_and_the_template_grants() throws IOException {
        Map<String, List<Set<Need>>> documented = new TreeMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(RepoRoot.resolve("docs/deploy.md"))) {
            if (line.startsWith("## ")) inSection = line.startsWith("## What each function may use");
            if (!inSection || !line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            documented.put(cells[1].trim().replace("`", ""), List.of(needs(cells[2]), needs(cells[3])));
        }
        assertThat(documented.keySet()).isEqualTo(usage.keySet());
        documented.forEach((function, columns) -> {
            assertThat(columns.get(0)).as(function + " reads while built").isEqualTo(usage.get(function).atInit());
            Set<Need> all = EnumSet.noneOf(Need.class);
            all.addAll(columns.get(0));
            all.addAll(columns.get(1));
            assertThat(all).as(function + " may use").isEqualTo(granted(function));
        });
    }

    private static Set<Need> needs(String cell) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String label : cell.trim().split(",\\s*")) {
            if (label.equals("—")) continue;
            needs.add(Stream.of(Need.values()).filter(n -> n.label.equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/deploy.md names no part " + label)));
        }
        return needs;
    }

    // ---------------------------------------------------------------------------------------------
    // running a function's samples

    private static Usage run(String function) throws Exception {
        Set<Need> atInit = EnumSet.noneOf(Need.class);
        Set<Need> onRequests = EnumSet.noneOf(Need.class);
        Map<String, String> outcomes = new TreeMap<>();
        String handlerClass = handler(function);
        for (Path sample : samples(function)) {
            World world = World.seed();
            Set<Need> used = EnumSet.noneOf(Need.class);
            Wiring wiring = new Wiring(world.recordingParts(used));
            Object handler = Class.forName(handlerClass).getConstructor(Wiring.class).newInstance(wiring);
            atInit.addAll(used);
            used.clear();
            outcomes.put(sample.getFileName().toString(), world.handle(handler, sample, function));
            onRequests.addAll(used);
        }
        return new Usage(atInit, onRequests, outcomes);
    }

    /** A studio with the ids the samples use (or, for what is made by a use case, their stand-ins), on SQLite. */
    private static final class World {
        static final String STUDIO = "st_demo0000000000000";
        static final String OWNER = "sf_owner000000000000";
        static final String STAFF = "sf_demo0000000000000";
        static final String LOCATION = "lc_demo0000000000000";
        static final String SERVICE = "sv_demo0000000000000";
        static final String PASS_TYPE = "pt_demo0000000000000";
        static final String CREDIT_PACK = "cp_demo0000000000000";

        private final ItemTable table;
        /** One checkout provider for seeding and handling, so a refund finds the payment it refunds. */
        private final LocalPaymentGateway payments = new LocalPaymentGateway("https://checkout.example",
                new LocalCheckoutEvents(new Secret(WEBHOOK_SECRET), CLOCK), CLOCK);
        private final Map<String, String> ids = new LinkedHashMap<>();
        private String bankBooking;
        private String bankBookingToken;
        private String clientId;
        private String lateBooking;
        private String lateBookingToken;
        private String latePayment;

        private World(ItemTable table) {
            this.table = table;
        }

        static World seed() {
            World world = new World(TestTables.Engine.SQLITE.fresh());
            world.build();
            return world;
        }

        private void build() {
            Wiring seeding = new Wiring(new Wiring.Parts(() -> table, OutboxMailer::new, () -> TOKEN_SECRET,
                    () -> new InProcessScheduler(CLOCK, job -> { }), this::payments, this::verifier,
                    "https://book.example/widget", "https://admin.example/", CLOCK));
            DynamoStudioStore studios = new DynamoStudioStore(table);
            StudioSettings settings = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "ro")
                    .changedBy(new StudioSettings(null, null, null, null,
                            List.of(PaymentMethod.CARD, PaymentMethod.PASS, PaymentMethod.CREDITS, PaymentMethod.BANK_TRANSFER),
                            new BankTransfer(true, "Lotus Yoga SRL", "RO49AAAA1B31007593840000", "Banca Demo", 48, null),
                            null, null, null, null));
            studios.createStudio(new Studio(STUDIO, settings, NOW),
                    new Staff(OWNER, "Ana Pop", "ana@example.com", StaffRole.OWNER, null, NOW));
            // not the samples' ioana@example.com, which post-studios-studioId-staff.json adds
            studios.addStaff(STUDIO, new Staff(STAFF, "Ioana", "ioana.ionescu@example.com", StaffRole.STAFF, null, NOW));
            studios.saveLocation(STUDIO, new Location(LOCATION, "Main room", "Str. Lalelelor 3", false, null, NOW));
            List<WeeklyBlock> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) week.add(new WeeklyBlock(day, LocalTime.of(9, 0), LocalTime.of(17, 0), LOCATION));
            studios.saveAvailability(STUDIO, STAFF, new Availability(week, List.of(), List.of()));
            studios.saveService(STUDIO, new Service(SERVICE, "Massage", null, 60, new Money(25000L, "RON"), 0, 15, 15,
                    "Body", List.of(STAFF), List.of(LOCATION), true, true, NOW));
            DynamoWalletStore wallets = new DynamoWalletStore(table);
            wallets.savePassType(STUDIO, new PassType(PASS_TYPE, "10 classes", 10, 60, new Money(40000L, "RON"), NOW));
            wallets.saveCreditPack(STUDIO, new CreditPack(CREDIT_PACK, "20 credits", 20, new Money(70000L, "RON"), NOW));

            Caller owner = new Caller(STUDIO, OWNER, Role.OWNER);
            List<PaymentMethod> all = List.of(PaymentMethod.CARD, PaymentMethod.PASS, PaymentMethod.CREDITS,
                    PaymentMethod.BANK_TRANSFER);
            String templateId = seeding.sessionSetup().addTemplate(owner, STUDIO, new SessionDetails(null, "Vinyasa", null,
                    null, 60, 10, 20, STAFF, SessionFormat.HYBRID, LOCATION, new Money(5000L, "RON"), 1, all, null))
                    .templateId();
            // not at the time of post-studios-studioId-sessions.json, which the same instructor teaches
            String sessionId = seeding.sessionSetup().create(owner, STUDIO, new SessionDetails(null, "Vinyasa", null,
                    "2026-12-10T18:00:00+02:00", 60, 10, 20, STAFF, SessionFormat.HYBRID, LOCATION,
                    new Money(5000L, "RON"), 1, all, null)).sessionId();
            BookingView bank = seeding.bookings().book(STUDIO, new Bookings.BookingRequest(null, sessionId,
                    SessionFormat.ONLINE, null, null, null, new Client("Maria Ionescu", "maria@example.com", null),
                    PaymentMethod.BANK_TRANSFER, null, null, null), null, Caller.ANONYMOUS);
            // paid by card: cancelling the session refunds it (post-studios-studioId-sessions-sessionId-cancel.json)
            String checkoutUrl = seeding.bookings().book(STUDIO, new Bookings.BookingRequest(null, sessionId,
                    SessionFormat.IN_PERSON, null, null, null, new Client("Sofia", "sofia@example.com", null),
                    PaymentMethod.CARD, null, null, null), null, Caller.ANONYMOUS).nextAction().url();
            SignedWebhook paid = payments.payEvent(checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1));
            seeding.paymentWebhook().handle(paid.payload(), paid.signatureHeader());
            // a card payment that arrives after its hold was released and the place taken is refunded (rule 6):
            // what the webhook sample pays for
            String small = seeding.sessionSetup().create(owner, STUDIO, new SessionDetails(null, "Yin online", null,
                    "2026-12-11T08:00:00+02:00", 60, 1, null, STAFF, SessionFormat.ONLINE, null, new Money(25000L, "RON"),
                    null, List.of(PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER), null)).sessionId();
            BookingView late = seeding.bookings().book(STUDIO, new Bookings.BookingRequest(null, small, null, null, null,
                    null, new Client("Maria Ionescu", "maria@example.com", null), PaymentMethod.CARD, null, null, null), null,
                    Caller.ANONYMOUS);
            seeding.bookings().checkoutEnded(late.bookingId());
            seeding.bookings().book(STUDIO, new Bookings.BookingRequest(null, small, null, null, null, null,
                    new Client("Dana", "dana@example.com", null), PaymentMethod.BANK_TRANSFER, null, null, null), null, Caller.ANONYMOUS);
            String lateCheckout = late.nextAction().url().substring(late.nextAction().url().lastIndexOf('/') + 1);
            try {
                latePayment = JSON.readTree(payments.payEvent(lateCheckout).payload())
                        .path("data").path("object").path("payment_intent").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lateBooking = late.bookingId();
            lateBookingToken = late.accessToken();
            bankBooking = bank.bookingId();
            bankBookingToken = bank.accessToken();
            clientId = new DynamoClientDirectory(table).clientIdFor(STUDIO, "maria@example.com");
            ids.put("tp_demo0000000000000", templateId);
            ids.put("ss_demo0000000000000", sessionId);
            ids.put("cl_demo0000000000000", clientId);
        }

        private PaymentGateway payments() {
            return payments;
        }

        private WebhookVerifier verifier() {
            return new StripeWebhookVerifier(new Secret(WEBHOOK_SECRET), CLOCK);
        }

        /** The parts of a Lambda function, each recording in {@code used} when it is asked for or called. */
        Wiring.Parts recordingParts(Set<Need> used) {
            return new Wiring.Parts(recording(used, null, () -> new RecordingTable(table, used)),
                    recording(used, Need.MAIL, OutboxMailer::new),
                    recording(used, Need.TOKEN_SECRET, () -> TOKEN_SECRET),
                    recording(used, Need.SCHEDULES, () -> (Scheduler) new InProcessScheduler(CLOCK, job -> { })),
                    recording(used, Need.STRIPE_SECRET_KEY, this::payments),
                    recording(used, Need.STRIPE_WEBHOOK_SECRET, this::verifier),
                    "https://book.example/widget", "https://admin.example/", CLOCK);
        }

        private static <T> Supplier<T> recording(Set<Need> used, Need need, Supplier<T> part) {
            return () -> {
                if (need != null) used.add(need);
                return part.get();
            };
        }

        /** Handles one sample with the world's ids and a fitting token; answers its status (and error code). */
        @SuppressWarnings("unchecked")
        String handle(Object handler, Path sample, String function) throws IOException {
            boolean webhook = function.equals("PaymentWebhookFunction");
            String booking = webhook ? lateBooking : bankBooking;
            String text = Files.readString(sample).replace("bk_demo0000000000000", booking)
                    .replace("pi_3TdemoWebhookSample00000", latePayment);
            for (Map.Entry<String, String> id : ids.entrySet()) text = text.replace(id.getKey(), id.getValue());
            if (!text.contains("\"routeKey\"")) {
                // the sample's bytes, as EventBridge Scheduler hands them to the function
                java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                ((com.studiobooking.functions.TimedJobsHandler) handler).handleRequest(
                        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), answer, null);
                Map<String, Object> result = JSON.readValue(answer.toByteArray(), new TypeReference<>() { });
                return result.containsKey("error") ? "refused " + result.get("error") : "done " + result.get("done");
            }
            APIGatewayV2HTTPEvent event = HttpEvents.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Map<String, String> headers = new LinkedHashMap<>(Optional.ofNullable(event.getHeaders()).orElse(Map.of()));
            if (headers.containsKey("authorization")) headers.put("authorization", "Bearer " + tokenFor(event, booking));
            if (headers.containsKey("stripe-signature")) {
                headers.put("stripe-signature", StripeSignature.sign(event.getBody(), WEBHOOK_SECRET, NOW));
            }
            event.setHeaders(headers);
            APIGatewayV2HTTPResponse response = ((HttpFunction) handler).handle(event, null);
            String code = response.getStatusCode() >= 400 && response.getBody() != null
                    ? " " + JSON.readTree(response.getBody()).path("error").path("code").asText() : "";
            return response.getStatusCode() + code;
        }

        private String tokenFor(APIGatewayV2HTTPEvent event, String booking) {
            String path = event.getRawPath();
            if (path.startsWith("/bookings/")) return booking.equals(lateBooking) ? lateBookingToken : bankBookingToken;
            JwtTokenService tokens = new JwtTokenService(new SigningKeys(TOKEN_SECRET), CLOCK);
            Caller caller = path.startsWith("/me/") || path.endsWith("/purchases")
                    ? new Caller(STUDIO, clientId, Role.CLIENT) : new Caller(STUDIO, OWNER, Role.OWNER);
            return tokens.issue(caller, NOW.plus(Duration.ofHours(1)));
        }
    }

    /** The table, recording whether it was read or written. */
    private record RecordingTable(ItemTable table, Set<Need> used) implements ItemTable {
        @Override
        public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
            used.add(Need.TABLE_READ);
            return table.get(pk, sk);
        }

        @Override
        public List<Map<String, AttributeValue>> query(KeyQuery query) {
            used.add(Need.TABLE_READ);
            return table.query(query);
        }

        @Override
        public boolean write(Write write) {
            used.add(Need.TABLE_WRITE);
            return table.write(write);
        }

        @Override
        public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
            used.add(Need.TABLE_READ);
            used.add(Need.TABLE_WRITE);
            return table.changeReturningOld(change);
        }

        @Override
        public List<Boolean> tryTransact(List<Write> writes) {
            used.add(Need.TABLE_WRITE);
            return table.tryTransact(writes);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // what template.yaml grants

    /** A need counts as granted when the function has its policy and every environment variable it reads. */
    private static Set<Need> granted(String function) {
        Set<Need> granted = EnumSet.noneOf(Need.class);
        for (Need need : Need.values()) if (grantProblem(function, need) == null) granted.add(need);
        return granted;
    }

    /** What the template lacks for {@code need} in {@code function}, or null when nothing. */
    private static String grantProblem(String function, Need need) {
        Policies policies = Policies.of(properties(function));
        List<String> missingVariables = need.variables.stream().filter(v -> !environment(function).contains(v)).toList();
        boolean policy = switch (need) {
            case TABLE_READ -> policies.tableRead;
            case TABLE_WRITE -> policies.tableWrite;
            case MAIL -> policies.mail;
            case SCHEDULES -> policies.schedules && policies.passesSchedulerRole;
            case TOKEN_SECRET -> policies.readsSecret("TokenSecretParameterName");
            case STRIPE_SECRET_KEY -> policies.readsSecret("StripeSecretKeyParameterName");
            case STRIPE_WEBHOOK_SECRET -> policies.readsSecret("StripeWebhookSecretParameterName");
        };
        if (policy && missingVariables.isEmpty()) return null;
        return (policy ? "" : "no policy for it") + (policy || missingVariables.isEmpty() ? "" : "; ")
                + (missingVariables.isEmpty() ? "" : "no " + String.join(", ", missingVariables) + " in its environment");
    }

    /** The policies of one function, read for what they allow. */
    private static final class Policies {
        boolean tableRead;
        boolean tableWrite;
        boolean mail;
        boolean schedules;
        boolean passesSchedulerRole;
        final Set<String> secretsManagerReads = new java.util.HashSet<>();

        /** A secret named by a parameter is a Secrets Manager secret (docs/decisions/secrets-path.md). */
        boolean readsSecret(String parameter) {
            return secretsManagerReads.contains(parameter);
        }

        @SuppressWarnings("unchecked")
        static Policies of(Map<String, Object> properties) {
            Policies p = new Policies();
            for (Object entry : (List<Object>) properties.getOrDefault("Policies", List.of())) {
                Object policy = entry;
                if (policy instanceof Map<?, ?> m && m.containsKey("Fn::If")) policy = ((List<Object>) m.get("Fn::If")).get(1);
                if (!(policy instanceof Map<?, ?> map)) continue;
                Map<String, Object> statementOrTemplate = (Map<String, Object>) map;
                Object table = Map.of("TableName", Map.of("Ref", "StudioTable"));
                if (table.equals(statementOrTemplate.get("DynamoDBCrudPolicy"))) {
                    p.tableRead = true;
                    p.tableWrite = true;
                }
                if (table.equals(statementOrTemplate.get("DynamoDBReadPolicy"))) p.tableRead = true;
                if (statementOrTemplate.get("AWSSecretsManagerGetSecretValuePolicy") instanceof Map<?, ?> sm
                        && sm.get("SecretArn") instanceof Map<?, ?> arn && arn.get("Fn::Sub") instanceof String sub) {
                    java.util.regex.Matcher name = java.util.regex.Pattern.compile(
                            "arn:\\$\\{AWS::Partition}:secretsmanager:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:secret:\\$\\{(\\w+)}-\\?{6}")
                            .matcher(sub);
                    if (name.matches()) p.secretsManagerReads.add(name.group(1));
                }
                for (Object s : (List<Object>) statementOrTemplate.getOrDefault("Statement", List.of())) {
                    Map<String, Object> statement = (Map<String, Object>) s;
                    if (!"Allow".equals(statement.get("Effect"))) continue;
                    Object action = statement.get("Action");
                    List<Object> actions = action instanceof List<?> list ? (List<Object>) list : List.of(action);
                    if (actions.contains("ses:SendEmail")) p.mail = true;
                    if (actions.containsAll(List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                            "scheduler:DeleteSchedule"))) {
                        p.schedules = true;
                    }
                    if (actions.contains("iam:PassRole")
                            && Map.of("Fn::GetAtt", List.of("SchedulerRole", "Arn")).equals(statement.get("Resource"))) {
                        p.passesSchedulerRole = true;
                    }
                }
            }
            return p;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> environment(String function) {
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.document().get("Globals")).get("Function");
        Set<String> names = new java.util.TreeSet<>(variables(globals).keySet());
        names.addAll(variables(properties(function)).keySet());
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Map<String, Object> environment = (Map<String, Object>) functionProperties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String function) {
        Map<String, Object> resources = (Map<String, Object>) template.document().get("Resources");
        return (Map<String, Object>) ((Map<String, Object>) resources.get(function)).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static List<String> functions() {
        Map<String, Object> resources = (Map<String, Object>) template.document().get("Resources");
        return resources.entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(((Map<String, Object>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static String handler(String function) {
        String handler = String.valueOf(properties(function).get("Handler"));
        return handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    }

    /** events/&lt;function in kebab case, without "Function"&gt;/*.json: AdminFunction → events/admin. */
    private static List<Path> samples(String function) throws IOException {
        String folder = function.replaceFirst("Function$", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.list(RepoRoot.resolve("events").resolve(folder))) {
            List<Path> samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(samples).as("samples of " + function + " in events/" + folder).isNotEmpty();
            return samples;
        }
    }

    private static String labels(Set<Need> needs) {
        return needs.stream().map(n -> n.label).toList().toString();
    }
}
