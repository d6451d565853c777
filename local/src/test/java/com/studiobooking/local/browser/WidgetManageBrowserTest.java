package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.local.LocalRuntime;

/**
 * Issue 15, "manage my booking": the page every client e-mail links to ({@code ?studio=&booking=#access=<token>}).
 * A guest pays by card on the local checkout and comes back to "paid" by themselves; opened in a browser that
 * never booked, the link shows the booking (and takes the token out of the address bar); the Join button of a
 * paid online seat is live near its start; the .ics downloads; a cancel says what the policy gives back before
 * it is confirmed; an appointment and a class move to another slot or session. Each result checked over HTTP.
 * Chromium at 1280 and 390 px, the demo studio (Romanian), axe-scanned, no console error, no sideways scrolling.
 */
class WidgetManageBrowserTest extends WidgetBrowserTest {
    private static final HttpClient RAW = HttpClient.newHttpClient();
    private static final String LINK = "https://meet.example/manage-room";

    @Test
    void a_guest_pays_by_card_returns_to_paid_opens_the_e_mail_link_elsewhere_joins_near_the_start_and_downloads_the_ics() throws Exception {
        for (Dimension size : SIZES) {
            int w = size.getWidth();
            String name = "Online flow " + w;
            String sessionId = http.send("POST", "/studios/st_demo/sessions", owner, Map.of("name", name,
                    "start", OffsetDateTime.now(BUCHAREST).plusHours(3).truncatedTo(ChronoUnit.MINUTES).toString(),
                    "durationMinutes", 60, "capacity", 5, "instructorId", "sf_demo_owner", "format", "ONLINE",
                    "price", Map.of("amount", 4000, "currency", "RON"), "paymentMethods", List.of("CARD"),
                    "onlineAccess", Map.of("link", LINK, "password", "flow-" + w))).get("sessionId").asText();

            // book as a guest, pay on the local checkout: it comes back to the booking page, which says "paid"
            browser.open(base + "/widget/?studio=st_demo", size);
            sessionButton(name).click();
            browser.visible("#client-name").sendKeys("Maria Popescu");
            browser.visible("#client-email").sendKeys("maria" + w + "@example.com");
            browser.driver().findElement(By.cssSelector("#payment-options input[value='CARD']")).click();
            browser.visible("#book-submit").click();
            browser.await(d -> d.getCurrentUrl().contains("/_dev/checkout/"));
            browser.await(d -> d.findElement(By.cssSelector("button.pay"))).click();
            WebElement paid = browser.await(Duration.ofSeconds(15), d -> d.findElements(By.id("manage-paid")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(paid.getText()).startsWith("Vă mulțumim! Plata a fost primită");
            String bookingId = param(browser.driver().getCurrentUrl(), "booking");
            String token = (String) browser.script("return localStorage.getItem('studio-booking.booking.' + arguments[0]);", bookingId);
            assertThat(token).as("the access token kept by the browser that booked").isNotBlank();
            assertThat(http.send("GET", "/bookings/" + bookingId, token, null).get("paymentStatus").asText()).isEqualTo("PAID");
            assertThat(browser.visible("#manage-join").getTagName()).as("not yet: three hours ahead").isEqualTo("button");
            assertThat(browser.visible("#manage-join").isEnabled()).isFalse();
            assertThat(browser.visible("#manage-join-opens").getText()).startsWith("Butonul „Intrați” devine activ la");
            assertThat(browser.visible("#manage-status").getText()).isEqualTo("Confirmată");
            browser.assertAccessible("manage-paid-" + w);
            clean("manage-paid-" + w);

            // the e-mail's link (from the outbox) in a browser that never booked: the booking shows, the token leaves the address bar
            browser.script("localStorage.clear();");
            http.send("PUT", "/studios/st_demo/sessions/" + sessionId, owner, Map.of(
                    "start", OffsetDateTime.now(BUCHAREST).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS).toString()));
            String link = http.manageLinkTo("maria" + w + "@example.com", bookingId);
            assertThat(link).as("the payment e-mail's manage link").isEqualTo(
                    base + "/widget/?studio=st_demo&booking=" + bookingId + "#access=" + token);
            browser.open(link, size);
            WebElement join = browser.visible("a#manage-join");
            assertThat(join.getText()).isEqualTo("Intrați");
            assertThat(join.getAttribute("href")).isEqualTo(LINK);
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("#", token);
            assertThat(browser.script("return localStorage.getItem('studio-booking.booking.' + arguments[0]);", bookingId))
                    .isEqualTo(token);
            browser.awaitText("flow-" + w);
            assertThat(browser.visible("#booking-body").getText()).contains(name, "Plătit");

            // add to calendar: a Google link without the token, and the .ics from the API saved from a Blob
            String google = browser.visible("#manage-google").getAttribute("href");
            assertThat(google).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=")
                    .containsPattern("dates=\\d{8}T\\d{6}Z%2F\\d{8}T\\d{6}Z").doesNotContain(token, "manage-room");
            browser.script("window.__ics = null; const made = URL.createObjectURL;"
                    + " URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__ics = t; }); return made.call(URL, blob); };");
            browser.visible("#manage-ics").click();
            String saved = browser.await(d -> (String) browser.script("return window.__ics;"));
            assertThat(saved).startsWith("BEGIN:VCALENDAR").contains("METHOD:PUBLISH", "UID:" + bookingId + "@studio-booking")
                    .doesNotContain("manage-room");
            HttpResponse<String> ics = get("/bookings/" + bookingId + "/calendar.ics", token);
            assertThat(ics.statusCode()).isEqualTo(200);
            assertThat(ics.headers().firstValue("content-type").orElse("")).startsWith("text/calendar");
            assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + bookingId + "@studio-booking", "END:VCALENDAR");
            browser.assertAccessible("manage-join-" + w);
            clean("manage-join-" + w);
            // the instructor is free again for the next width's class near its start
            http.send("POST", "/studios/st_demo/sessions/" + sessionId + "/cancel", owner, Map.of());
        }
    }

    @Test
    void a_cancel_says_what_the_policy_gives_back_before_it_is_confirmed_and_the_card_is_refunded() throws Exception {
        for (Dimension size : SIZES) {
            int w = size.getWidth();
            String sessionId = classSession("Hatha " + w, LocalDate.now(BUCHAREST).plusDays(3), size);
            JsonNode booking = http.send("POST", "/studios/st_demo/bookings", null, Map.of("sessionId", sessionId,
                    "paymentMethod", "CARD", "client", Map.of("name", "Radu", "email", "radu" + w + "@example.com")));
            String id = booking.get("bookingId").asText();
            String token = booking.get("accessToken").asText();
            String checkout = URI.create(booking.get("nextAction").get("url").asText()).getPath();
            assertThat(RAW.send(HttpRequest.newBuilder(URI.create(base + checkout + "/pay")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("Webhook answered 200");

            // a wrong token: one clear sentence, not a stack of errors
            browser.open(base + "/widget/?studio=st_demo&booking=" + id + "#access=not-the-token", size);
            assertThat(browser.visible("#booking-body .form-error").getText()).startsWith("Acest link nu deschide rezervarea");
            assertThat(browser.consoleErrors()).as("only the refusal the page explained").allSatisfy(e ->
                    assertThat(e).contains("/bookings/" + id).containsPattern("status of 40[13]"));

            browser.open(base + "/widget/?studio=st_demo&booking=" + id + "#access=" + token, size);
            browser.visible("#manage-cancel").click();
            String effect = browser.visible("#manage-effect").getText();
            assertThat(effect).contains("Anulați această rezervare?",
                    "Anulați înainte de termenul-limită (12 ore înainte de start).",
                    "Plata cu cardul, de 50,00 lei, vă este rambursată.");
            assertThat(http.send("GET", "/bookings/" + id, token, null).get("status").asText()).as("nothing yet").isEqualTo("CONFIRMED");
            browser.assertAccessible("manage-cancel-effect-" + w);
            clean("manage-cancel-effect-" + w);
            browser.visible("#manage-cancel-yes").click();

            browser.await(d -> d.findElement(By.id("manage-status")).getText().equals("Anulată"));
            JsonNode after = browser.await(d -> {
                try {
                    JsonNode now = http.send("GET", "/bookings/" + id, token, null);
                    return now.get("paymentStatus").asText().equals("REFUNDED") ? now : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(browser.visible("#booking-body").getText()).contains("Ați anulat această rezervare");
            assertThat(browser.driver().findElements(By.id("manage-cancel"))).isEmpty();
            browser.assertAccessible("manage-cancelled-" + w);
            clean("manage-cancelled-" + w);
        }
    }

    @Test
    void an_appointment_moves_to_another_free_slot_and_a_class_to_another_session_of_its_kind() throws Exception {
        for (Dimension size : SIZES) {
            int w = size.getWidth();
            // the appointment: a massage by bank transfer, moved to another free time of the same practitioner
            LocalDate day = LocalDate.now(BUCHAREST).plusDays(5 + SIZES.indexOf(size));
            JsonNode slots = http.send("GET", "/studios/st_demo/slots?serviceId=sv_demo_massage&from=" + day + "&to=" + day.plusDays(3), null, null);
            String start = slots.get("slots").get(0).get("start").asText();
            JsonNode massage = http.send("POST", "/studios/st_demo/bookings", null, Map.of("serviceId", "sv_demo_massage",
                    "staffId", "sf_demo_ioana", "start", start, "paymentMethod", "BANK_TRANSFER",
                    "client", Map.of("name", "Elena", "email", "elena" + w + "@example.com")));
            String id = massage.get("bookingId").asText();
            String token = massage.get("accessToken").asText();

            browser.open(base + "/widget/?studio=st_demo&booking=" + id + "#access=" + token, size);
            browser.awaitText("RO49AAAA1B31007593840000");
            assertThat(browser.visible("#booking-body").getText()).contains("Thai massage", "Plătiți prin transfer bancar");
            browser.visible("#manage-move").click();
            Select times = new Select(browser.visible("#manage-move-choice"));
            times.selectByIndex(2);
            String chosen = times.getFirstSelectedOption().getAttribute("value");
            browser.assertAccessible("manage-move-appointment-" + w);
            clean("manage-move-appointment-" + w);
            browser.visible("#manage-move-submit").click();
            browser.awaitText("Rezervarea a fost mutată");
            JsonNode moved = http.send("GET", "/bookings/" + id, token, null);
            assertThat(instant(moved.get("start").asText())).isEqualTo(instant(chosen)).isNotEqualTo(instant(start));
            assertThat(moved.get("staffId").asText()).isEqualTo("sf_demo_ioana");

            // the class: to the other session of the same class, never to another class
            String first = classSession("Pilates " + w, LocalDate.now(BUCHAREST).plusDays(4), size);
            String second = classSession("Pilates " + w, LocalDate.now(BUCHAREST).plusDays(6), size);
            classSession("Barre " + w, LocalDate.now(BUCHAREST).plusDays(5), size);
            JsonNode seat = http.send("POST", "/studios/st_demo/bookings", null, Map.of("sessionId", first,
                    "paymentMethod", "BANK_TRANSFER", "client", Map.of("name", "Ion", "email", "ion" + w + "@example.com")));
            browser.open(base + "/widget/?studio=st_demo&booking=" + seat.get("bookingId").asText()
                    + "#access=" + seat.get("accessToken").asText(), size);
            browser.visible("#manage-move").click();
            Select sessions = new Select(browser.visible("#manage-move-choice"));
            assertThat(sessions.getOptions()).singleElement().satisfies(o -> assertThat(o.getAttribute("value")).isEqualTo(second));
            assertThat(sessions.getOptions().get(0).getText()).endsWith("· 10 locuri libere");
            clean("manage-move-class-" + w);
            browser.visible("#manage-move-submit").click();
            browser.awaitText("Rezervarea a fost mutată");
            assertThat(http.send("GET", "/bookings/" + seat.get("bookingId").asText(), seat.get("accessToken").asText(), null)
                    .get("sessionId").asText()).isEqualTo(second);
            browser.assertAccessible("manage-moved-class-" + w);
            clean("manage-moved-class-" + w);
        }
    }

    @Test
    void back_from_a_checkout_that_was_cancelled_it_offers_to_pay_again_and_a_payment_not_yet_confirmed_is_explained() throws Exception {
        String sessionId = classSession("Yin " + 1280, LocalDate.now(BUCHAREST).plusDays(8), Browser.DESKTOP);
        JsonNode booking = http.send("POST", "/studios/st_demo/bookings", null, Map.of("sessionId", sessionId,
                "paymentMethod", "CARD", "client", Map.of("name", "Dana", "email", "dana@example.com")));
        String link = base + "/widget/?studio=st_demo&booking=" + booking.get("bookingId").asText();
        String token = booking.get("accessToken").asText();

        browser.open(link + "&cancelled=1#access=" + token, Browser.DESKTOP);
        assertThat(browser.visible(".banner.warning").getText()).startsWith("Plata nu a fost finalizată. Puteți încerca din nou");
        assertThat(browser.visible("#manage-pay").getAttribute("href")).isEqualTo(booking.get("nextAction").get("url").asText());

        // no webhook comes: after a few tries the page explains instead of spinning
        browser.open(link + "&paid=1", Browser.DESKTOP);
        assertThat(browser.visible("#manage-confirming").getText()).startsWith("Vă mulțumim! Confirmăm plata.");
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("manage-confirming")).getText()
                .startsWith("Plata este încă în curs de confirmare."));
        assertThat(browser.driver().findElements(By.id("manage-pay"))).as("no second payment while one is confirmed").isEmpty();
        browser.assertAccessible("manage-confirming-1280");
        clean("manage-confirming-1280");
    }

    /** A class of Ana's at 18:00 (the 1280 px run) or 20:00 (the 390 px one), so the two never overlap. */
    private static String classSession(String name, LocalDate day, Dimension size) throws Exception {
        return http.send("POST", "/studios/st_demo/sessions", owner, Map.of("name", name,
                "start", day.atTime(SIZES.indexOf(size) == 0 ? 18 : 20, 0).atZone(BUCHAREST).toOffsetDateTime().toString(), "durationMinutes", 60,
                "capacity", 10, "instructorId", "sf_demo_owner", "format", "IN_PERSON", "locationId", "lc_demo_main",
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "BANK_TRANSFER")))
                .get("sessionId").asText();
    }

    /** The button of the class's card in the list. */
    private static WebElement sessionButton(String sessionName) {
        return browser.await(d -> {
            List<WebElement> found = d.findElements(By.xpath(
                    "//li[contains(@class,'card')][.//h4[normalize-space()='" + sessionName + "']]//button"));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return RAW.send(HttpRequest.newBuilder(URI.create(base + path)).header("authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static void clean(String shot) {
        browser.screenshot(shot);
        assertThat(browser.consoleErrors()).as(shot + ": console errors").isEmpty();
        assertThat(browser.horizontalOverflow()).as(shot + ": sideways scrolling").isZero();
    }
}
