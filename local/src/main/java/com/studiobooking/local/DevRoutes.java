package com.studiobooking.local;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.Html;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.functions.http.Json;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.payment.LocalPaymentGateway;
import com.studiobooking.infrastructure.payment.SignedWebhook;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local runtime's own pages: health, the mail outbox, and pending schedules (which can be fired now). */
final class DevRoutes {
    record Page(int status, String contentType, byte[] body) {
        static Page json(int status, Object body) {
            return new Page(status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
        }

        static Page html(String body) {
            return new Page(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final OutboxMailer outbox;
    private final InProcessScheduler scheduler;
    private final Payments payments;
    private final DemoStudio demo;
    private final int routeCount;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String baseUrl;

    DevRoutes(OutboxMailer outbox, InProcessScheduler scheduler, Payments payments, DemoStudio demo, int routeCount) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.payments = payments;
        this.demo = demo;
        this.routeCount = routeCount;
    }

    /** Where the runtime listens, so the checkout page can post webhooks to it. */
    void listeningAt(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The local runtime's front page (GET /): what there is to open — the demo studio's widget and admin
     * page, the outbox, the schedules — and how to sign in as its owner or instructor. A developer's page
     * like the outbox, so in English; the widget and the admin page speak the studio's languages.
     */
    Page landing() {
        String studio = Html.escape(demo.studioId());
        return Page.html("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Studio Booking · local</title>
                <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
                ul{padding-left:1.2rem}li{margin:.4rem 0}a{color:#5b21b6}code{background:#f3f0ff;padding:0 .25rem;border-radius:4px}
                .meta{color:#555}</style></head><body>
                <main>
                <h1>Studio Booking is running</h1>
                <p class="meta">The whole system on this machine: the API from template.yaml, an embedded store, a mail
                outbox and an in-process scheduler, with the demo studio <code>%1$s</code>.</p>
                <h2>Open</h2>
                <ul>
                <li><a href="/widget/?studio=%1$s">Booking widget</a>: what a client sees (book a class or an appointment)</li>
                <li><a href="/admin/?studio=%1$s">Admin page</a>: sign in as the owner <code>%2$s</code> or the instructor
                <code>%3$s</code>; the sign-in code arrives in the outbox</li>
                <li><a href="/_dev/mail">Outbox</a>: every e-mail the system would have sent (<a href="/_dev/mail.json">as JSON</a>)</li>
                <li><a href="/_dev/schedules">Schedules</a>: reminders and timed jobs waiting to fire
                (<code>POST /_dev/schedules/{name}/run</code> fires one now)</li>
                <li><a href="/studios/%1$s">The demo studio's profile</a> from the API; <a href="/_dev/health">health</a></li>
                </ul>
                <h2>Card payments</h2>
                <p>%4$s</p>
                </main></body></html>
                """.formatted(studio, Html.escape(demo.ownerEmail()), Html.escape(demo.staffEmail()), Html.escape(payments.describe())));
    }

    Page handle(String method, String path, String rawQuery) {
        if (path.startsWith("/_dev/checkout/")) return checkout(method, path.substring("/_dev/checkout/".length()));
        if (method.equals("POST") && path.startsWith("/_dev/schedules/") && path.endsWith("/run")) {
            String name = path.substring("/_dev/schedules/".length(), path.length() - "/run".length());
            return scheduler.runNow(name) ? Page.json(200, Map.of("ran", name))
                    : Page.json(404, error("NOT_FOUND", "no pending schedule " + name));
        }
        if (!method.equals("GET")) return Page.json(405, error("METHOD_NOT_ALLOWED", "dev routes are GET only, but for running a schedule"));
        return switch (path) {
            case "/_dev/health" -> Page.json(200, Map.of("status", "UP", "routes", routeCount,
                    "demoStudioId", demo.studioId(), "demoOwnerEmail", demo.ownerEmail()));
            case "/_dev/mail.json" -> Page.json(200, outbox.sent().stream().map(DevRoutes::mail).toList());
            case "/_dev/mail" -> Page.html(mailPage(outbox.sent()));
            case "/_dev/schedules" -> Page.json(200, scheduler.pending().stream().map(job -> Map.of(
                    "name", job.name(), "at", job.at().toString(), "zone", job.zone(), "kind", job.kind().name(),
                    "input", job.input())).toList());
            default -> Page.json(404, error("ROUTE_NOT_FOUND", "no dev route " + path));
        };
    }

    /**
     * The local checkout page (no Stripe keys): Pay and Cancel send a correctly signed
     * checkout.session.completed / checkout.session.expired event to /webhooks/stripe over HTTP, so
     * the real webhook path runs, then return to the booking page by themselves (no click needed).
     */
    private Page checkout(String method, String rest) {
        LocalPaymentGateway local = payments.localCheckout().orElse(null);
        if (local == null) return Page.json(404, error("NOT_FOUND", "Stripe test mode is configured; no local checkout"));
        String[] parts = rest.split("/");
        String checkoutId = parts[0];
        Optional<CheckoutRequest> request = local.checkout(checkoutId);
        if (request.isEmpty()) return Page.json(404, error("NOT_FOUND", "no checkout " + checkoutId));
        CheckoutRequest r = request.get();
        if (method.equals("GET") && parts.length == 1) {
            String amount = String.format("%d.%02d %s", r.amount().amount() / 100, r.amount().amount() % 100, r.amount().currency());
            return Page.html("""
                    <!doctype html><html><head><meta charset="utf-8"><title>Checkout · Studio Booking (local)</title>
                    <link rel="icon" href="data:,">
                    <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
                    button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #7c3aed}
                    .pay{background:#7c3aed;color:#fff}</style></head><body>
                    <h1>Local checkout</h1><p>%s</p><p><strong>%s</strong></p><p class="meta">%s</p>
                    <form method="post" action="/_dev/checkout/%s/pay" style="display:inline"><button class="pay">Pay</button></form>
                    <form method="post" action="/_dev/checkout/%s/cancel" style="display:inline"><button>Cancel</button></form>
                    <p style="color:#666;font-size:.85rem">No card is charged: this page stands in for Stripe Checkout and
                    sends a signed webhook to this runtime.</p></body></html>
                    """.formatted(Html.escape(r.description()), Html.escape(amount), Html.escape(r.customerEmail()),
                    Html.escape(checkoutId), Html.escape(checkoutId)));
        }
        if (method.equals("POST") && parts.length == 2 && (parts[1].equals("pay") || parts[1].equals("cancel"))) {
            boolean pay = parts[1].equals("pay");
            try {
                SignedWebhook event = pay ? local.payEvent(checkoutId) : local.expireEvent(checkoutId);
                HttpResponse<String> delivered = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/stripe"))
                        .header("content-type", "application/json")
                        .header("stripe-signature", event.signatureHeader())
                        .POST(HttpRequest.BodyPublishers.ofString(event.payload())).build(), HttpResponse.BodyHandlers.ofString());
                String next = pay ? r.successUrl() : r.cancelUrl();
                // back to the booking page by itself, as Stripe Checkout returns to its success or cancel URL
                return Page.html("<!doctype html><html><head><meta charset=\"utf-8\"><title>Checkout</title>"
                        + "<link rel=\"icon\" href=\"data:,\"><meta http-equiv=\"refresh\" content=\"1; url=" + Html.escape(next)
                        + "\"></head><body>"
                        + "<h1>" + (pay ? "Paid" : "Cancelled") + "</h1><p>Webhook answered " + delivered.statusCode()
                        + ".</p><p><a href=\"" + Html.escape(next) + "\">Back to the booking page</a></p></body></html>");
            } catch (com.studiobooking.core.common.DomainException refused) {
                return Page.json(409, error(refused.code(), refused.getMessage()));
            } catch (java.io.IOException | InterruptedException e) {
                return Page.json(502, error("WEBHOOK_NOT_DELIVERED", "the webhook could not be posted to this runtime"));
            }
        }
        return Page.json(405, error("METHOD_NOT_ALLOWED", "GET the page, POST …/pay or …/cancel"));
    }

    private static Map<String, Object> mail(Email email) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("to", email.to());
        if (!email.cc().isEmpty()) out.put("cc", email.cc());
        out.put("subject", email.subject());
        out.put("text", email.text());
        out.put("html", email.html());
        out.put("attachments", email.attachments().stream().map(Email.Attachment::filename).toList());
        return out;
    }

    private static String mailPage(List<Email> mails) {
        StringBuilder page = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Outbox · Studio Booking</title>
                <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
                article{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}
                .meta{color:#666;font-size:.9rem}</style></head><body>
                <h1>Outbox</h1><p class="meta">E-mails the local runtime would have sent, newest first.</p>
                """);
        if (mails.isEmpty()) page.append("<p>No e-mail yet.</p>");
        for (int i = mails.size() - 1; i >= 0; i--) {
            Email mail = mails.get(i);
            page.append("<article><div class=\"meta\">To ").append(Html.escape(String.join(", ", mail.to())));
            if (!mail.cc().isEmpty()) page.append(" · Cc ").append(Html.escape(String.join(", ", mail.cc())));
            for (Email.Attachment a : mail.attachments()) page.append(" · 📎 ").append(Html.escape(a.filename()));
            page.append("</div><h2>").append(Html.escape(mail.subject())).append("</h2>")
                    .append(mail.html() != null ? mail.html() : "<pre>" + Html.escape(mail.text()) + "</pre>")
                    .append("</article>");
        }
        return page.append("</body></html>").toString();
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }
}
