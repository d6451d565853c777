import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;

/**
 * Issue 16: what a function's first Stripe webhook costs in StripeWebhookVerifier.verify, in a fresh JVM
 * on a shaded jar: the classes that call loads (exact, ClassLoadingMXBean) and its thread CPU and wall
 * time (timing: noisy on a shared machine, compare runs taken side by side):
 *
 *   java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp functions/target/studio-booking-functions.jar \
 *        benchmarks/scripts/WebhookFirstVerify.java
 *
 * Jackson databind is loaded first (one small readValue), as every handler has by then; the event is the
 * checkout.session.expired the cold-start runner sends, signed here as Stripe signs.
 */
public final class WebhookFirstVerify {
    public static void main(String[] args) throws Exception {
        String secret = "whsec_probe";
        Instant now = Instant.parse("2026-01-01T09:00:00Z");
        String body = """
                {"id": "evt_1", "object": "event", "api_version": "2026-07-29.dahlia", "created": 1767258000,
                 "type": "checkout.session.expired", "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "cs_test_1", "object": "checkout.session", "amount_subtotal": 5000,
                   "amount_total": 5000, "client_reference_id": "bk-1", "created": 1767256200, "currency": "ron",
                   "customer_details": {"email": "ana@example.com", "name": "Ana Pop"}, "expires_at": 1767258000,
                   "livemode": false, "metadata": {"bookingId": "bk-1", "studioId": "st-1"}, "mode": "payment",
                   "payment_intent": null, "payment_method_types": ["card"], "payment_status": "unpaid",
                   "status": "expired", "url": null}}}""";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((now.getEpochSecond() + "." + body).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) hex.append(String.format("%02x", b));
        String header = "t=" + now.getEpochSecond() + ",v1=" + hex;
        // what a function has loaded before its first webhook: Jackson (every request) is warmed here, as in a handler
        new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"a\":[1]}", java.util.Map.class);
        StripeWebhookVerifier verifier = new StripeWebhookVerifier(new Secret(secret), Clock.fixed(now, ZoneOffset.UTC));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Object event = verifier.verify(body, header);
        long wallNs = System.nanoTime() - wall;
        long cpuNs = threads.getCurrentThreadCpuTime() - cpu;
        long loaded = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
        System.out.printf("cpu_ms=%.1f wall_ms=%.1f classes=%d %s%n", cpuNs / 1e6, wallNs / 1e6, loaded, event);
    }
}
