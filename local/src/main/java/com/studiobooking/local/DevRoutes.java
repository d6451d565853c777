package com.studiobooking.local;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.mail.Html;
import com.studiobooking.functions.http.Json;
import com.studiobooking.infrastructure.mail.OutboxMailer;
import com.studiobooking.infrastructure.schedule.InProcessScheduler;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final DemoStudio demo;
    private final int routeCount;

    DevRoutes(OutboxMailer outbox, InProcessScheduler scheduler, DemoStudio demo, int routeCount) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.demo = demo;
        this.routeCount = routeCount;
    }

    Page handle(String method, String path, String rawQuery) {
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
