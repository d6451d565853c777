package com.studiobooking.functions;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.schedule.DailyJob;
import com.studiobooking.core.model.schedule.ScheduledJob;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.Refund;
import com.studiobooking.core.port.Scheduler;
import com.studiobooking.functions.http.HttpEvents;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.table.Condition;
import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.table.ItemTable;
import com.studiobooking.infrastructure.table.KeyQuery;
import com.studiobooking.infrastructure.table.TableShape;
import com.studiobooking.infrastructure.table.Write;
import com.studiobooking.infrastructure.testing.MutableClock;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every function's SnapStart priming against a real table (moto, through production's adapter) holding an opened
 * studio: it writes nothing (its only write attempts are refused by their conditions), reads no secret (neither does building the handler: the token secret is fetched on the
 * first request that needs it), sends no e-mail, makes no schedule and no payment call, answers every
 * synthetic request as planned (never a 500), and may run twice.
 */
class PrimingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final String tableName = TestTables.freshMotoTable();
    private final WriteCounting table = new WriteCounting(new DynamoItemTable(TestTables.motoClient(), tableName));
    private final AtomicBoolean priming = new AtomicBoolean();
    private final List<String> calls = new ArrayList<>();
    private final Wiring wiring = new Wiring(new Wiring.Parts(() -> table,
            () -> email -> calls.add("mail " + email.subject()),
            () -> fail("the token secret was read while the function started or primed"),
            () -> new Scheduler() {
                @Override public void schedule(ScheduledJob job) { calls.add("schedule " + job.name()); }
                @Override public void scheduleDaily(DailyJob job) { calls.add("schedule daily " + job.name()); }
                @Override public void cancel(String name) { calls.add("cancel schedule " + name); }
            },
            () -> {
                if (priming.get()) fail("the payment gateway (and its Stripe key) was built while priming");
                return new PaymentGateway() {
                    @Override public Checkout createCheckout(CheckoutRequest request) { calls.add("checkout"); return null; }
                    @Override public Refund refund(String paymentId, Money amount, String key) { calls.add("refund"); return null; }
                };
            },
            () -> new StripeWebhookVerifier(() -> fail("the webhook secret was read"), clock),
            "https://book.example/widget", "https://admin.example/", clock));

    @Test
    void auth_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.auth(new AuthHandler(wiring), wiring));
    }

    @Test
    void catalogue_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.catalogue(new CatalogueHandler(wiring), wiring));
    }

    @Test
    void booking_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.booking(new BookingHandler(wiring), wiring));
    }

    @Test
    void admin_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.admin(new AdminHandler(wiring), wiring));
    }

    @Test
    void link_release_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.linkRelease(new LinkReleaseHandler(wiring), wiring));
    }

    @Test
    void payment_webhook_primes_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.paymentWebhook(new PaymentWebhookHandler(wiring), wiring));
    }

    @Test
    void timed_jobs_prime_without_writing_reading_a_secret_or_sending() throws Exception {
        assertPrimes(Priming.timedJobs(new TimedJobsHandler(wiring), wiring));
    }

    @Test
    void only_the_production_constructors_register_priming() throws Exception {
        int before = Priming.registered();
        new AuthHandler(wiring);
        new BookingHandler(wiring);
        new TimedJobsHandler(wiring);
        assertThat(Priming.registered()).isEqualTo(before);

        Pattern noArg = Pattern.compile("public (\\w+)\\(\\) \\{\\s*this\\(Wiring\\.production\\(\\)\\);\\s*"
                + "Priming\\.register\\(Priming\\.\\w+\\(this, Wiring\\.production\\(\\)\\)\\);\\s*}");
        for (String handler : List.of("Auth", "Admin", "Catalogue", "Booking", "LinkRelease", "PaymentWebhook", "TimedJobs")) {
            String source = Files.readString(Api.repoRoot().resolve(
                    "functions/src/main/java/com/studiobooking/functions/" + handler + "Handler.java"));
            Matcher matcher = noArg.matcher(source);
            assertThat(matcher.find()).as(handler + "Handler's no-arg constructor registers its priming").isTrue();
            assertThat(source.split("Priming\\.register\\(", -1)).as(handler + "Handler registers nowhere else").hasSize(2);
        }
    }

    private void assertPrimes(Priming subject) throws Exception {
        openStudio();
        List<Map<String, AttributeValue>> itemsBefore = items();
        assertThat(itemsBefore).isNotEmpty();
        table.writes.clear();
        priming.set(true);

        for (int run = 0; run < 2; run++) {
            List<Priming.Outcome> outcomes = subject.prime();
            assertThat(outcomes).isNotEmpty();
            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.request()).isEqualTo(o.expected()));
        }

        // the only write attempts: the table's write paths on an item no one has, each refused by its condition
        assertThat(table.writes).as("write attempts while priming").isNotEmpty().allSatisfy(w -> {
            assertThat(w.pk()).isEqualTo("STUDIO#" + Priming.STUDIO);
            assertThat(w.condition()).isEqualTo(Condition.exists(TableShape.PK));
        });
        assertThat(calls).as("e-mails, schedules and payment calls while priming").isEmpty();
        assertThat(items()).isEqualTo(itemsBefore);
    }

    /**
     * A studio in the table, so "nothing written" is checked against a table that holds something; opened through a
     * wiring of its own (opening signs the owner's token), so the priming's wiring never has its secret.
     */
    private void openStudio() throws Exception {
        Wiring opener = new Wiring(new Wiring.Parts(() -> table, () -> email -> { }, () -> Api.SECRET,
                () -> new Scheduler() {
                    @Override public void schedule(ScheduledJob job) { }
                    @Override public void scheduleDaily(DailyJob job) { }
                    @Override public void cancel(String name) { }
                }, () -> fail("no payment"), () -> fail("no webhook"), "https://book.example/widget", "https://admin.example/", clock));
        try (InputStream event = Files.newInputStream(Api.repoRoot().resolve("events/admin/post-studios.json"))) {
            assertThat(new AdminHandler(opener).handle(HttpEvents.read(event), null).getStatusCode()).isEqualTo(201);
        }
    }

    private List<Map<String, AttributeValue>> items() {
        return TestTables.motoClient().scanPaginator(r -> r.tableName(tableName)).items().stream()
                .sorted(java.util.Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s())
                        .thenComparing(i -> i.get("SK").s()))
                .toList();
    }

    /** The table, with every write attempt (made or refused) noted. */
    private static final class WriteCounting implements ItemTable {
        private final ItemTable table;
        final List<Write> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

        WriteCounting(ItemTable table) { this.table = table; }

        @Override public Optional<Map<String, AttributeValue>> get(String pk, String sk) { return table.get(pk, sk); }
        @Override public List<Map<String, AttributeValue>> query(KeyQuery query) { return table.query(query); }
        @Override public boolean write(Write write) { writes.add(write); return table.write(write); }
        @Override public Optional<Map<String, AttributeValue>> changeReturningOld(Write.Change change) {
            writes.add(change);
            return table.changeReturningOld(change);
        }
        @Override public List<Boolean> tryTransact(List<Write> writes) {
            this.writes.addAll(writes);
            return table.tryTransact(writes);
        }
    }
}
