package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walk-ins and phone bookings from the admin page (issue 14), in Chromium at 1280 and 390 px: staff add a
 * participant paying at the studio to an open class, book a class for a caller with credits or a pass from
 * the client's wallet (its balance shown), and book an appointment by card whose payment link the page shows
 * and the client receives by e-mail. Each result is checked over HTTP or in the outbox; the screens are
 * axe-scanned and must not scroll sideways on a phone. The demo studio writes Romanian, so its e-mails are in ro. Screenshots: {@code local/target/screenshots/walkin-*}.
 */
class WalkInBrowserTest extends AdminBrowserTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    private static String session;

    @BeforeAll
    static void start() throws Exception {
        http.send("PUT", "/studios/" + DEMO + "/settings", ownerToken,
                Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO")));
        String start = LocalDate.now(ZONE).plusDays(2).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        session = http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, Map.of("name", "Yin walk-in",
                "start", start, "durationMinutes", 60, "capacity", 10, "instructorId", "sf_demo_owner", "format", "IN_PERSON",
                "locationId", "lc_demo_main", "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 1,
                "paymentMethods", List.of("CARD", "PASS", "CREDITS", "PAY_AT_STUDIO"))).get("sessionId").asText();
        String dana = http.send("POST", "/studios/" + DEMO + "/staff", ownerToken,
                Map.of("name", "Dana Phone", "email", "dana.phone@example.com")).get("staffId").asText();
        List<Map<String, String>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.add(Map.of("day", day, "start", "08:00", "end", "20:00", "locationId", "lc_demo_main"));
        }
        http.send("PUT", "/studios/" + DEMO + "/staff/" + dana + "/availability", ownerToken, Map.of("weekly", week));
        http.send("POST", "/studios/" + DEMO + "/services", ownerToken, Map.of("name", "Phone massage", "durationMinutes", 60,
                "price", Map.of("amount", 15000, "currency", "RON"), "bufferBeforeMinutes", 0, "bufferAfterMinutes", 0,
                "slotStepMinutes", 60, "staffIds", List.of(dana), "locationIds", List.of("lc_demo_main"), "collection", "Body"));
    }

    @Override
    String shots() {
        return "walkin";
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void a_walk_in_is_added_to_an_open_class_paying_at_the_studio() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            String email = "walkin-" + width + "@example.com";
            signInAt(size);
            AdminPage.openSession(browser, "Yin walk-in");
            clickVisible("#participant-add button");
            WebElement form = browser.visible("#participant-add form");
            screen(width, "add-participant");

            // refused by the page, then by the API: each error next to its field, in words
            clickIn(form, "button[type=submit]");
            assertThat(fieldError(form, "client.name")).isEqualTo("Enter the client's name.");
            type(form, "input[name=\"client.name\"]", "Walk " + width);
            type(form, "input[name=\"client.email\"]", email);
            new Select(form.findElement(By.cssSelector("select[name=paymentMethod]"))).selectByVisibleText("Pass");
            browser.awaitText("No client with this e-mail yet");
            clickIn(form, "button[type=submit]");
            assertThat(fieldError(form, "paymentMethod")).isEqualTo("No valid pass with entries left.");
            assertThat(browser.consoleErrors()).as("console errors").isNotEmpty()
                    .allMatch(line -> line.contains("the server responded with a status of 422"));
            screen(width, "add-participant-error");

            type(form, "input[name=\"client.email\"]", email);
            type(form, "input[name=\"client.phone\"]", "+40 721 000 111");
            new Select(form.findElement(By.cssSelector("select[name=paymentMethod]"))).selectByVisibleText("Pay at the studio");
            clickIn(form, "button[type=submit]");
            browser.awaitText("Booked for Walk " + width + ".");
            browser.await(d -> d.findElement(By.id("participants")).getText().contains(email));
            screen(width, "add-participant-done");

            JsonNode participant = participant(email);
            assertThat(participant.get("paymentMethod").asText()).isEqualTo("PAY_AT_STUDIO");
            assertThat(participant.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(participant.get("client").get("phone").asText()).isEqualTo("+40 721 000 111");
            assertThat(http.mailsTo(email)).singleElement().satisfies(mail -> assertThat(mail.get("subject").asText()).startsWith("Rezervare confirmată: Yin walk-in"));
        }
    }

    @Test
    void a_phone_booking_of_a_class_takes_credits_or_a_pass_from_the_clients_wallet_and_shows_the_balance() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            boolean credits = size == Browser.DESKTOP;
            String email = "caller-" + width + "@example.com";
            String clientId = http.send("POST", "/studios/" + DEMO + "/clients", ownerToken, Map.of("email", email)).get("clientId").asText();
            if (credits) {
                http.send("POST", "/studios/" + DEMO + "/clients/" + clientId + "/credits", ownerToken, Map.of("credits", 5));
            } else {
                String passType = http.send("POST", "/studios/" + DEMO + "/pass-types", ownerToken, Map.of("name", "3 classes",
                        "entries", 3, "validDays", 30, "price", Map.of("amount", 12000, "currency", "RON"))).get("passTypeId").asText();
                http.send("POST", "/studios/" + DEMO + "/clients/" + clientId + "/passes", ownerToken, Map.of("passTypeId", passType));
            }
            signInAt(size);
            AdminPage.selectTab(browser, "bookings");
            clickVisible("#walkin > .actions button");
            WebElement form = browser.visible("#walkin form");
            browser.await(d -> new Select(form.findElement(By.cssSelector("select[name=sessionId]"))).getOptions().stream()
                    .anyMatch(o -> o.getText().contains("Yin walk-in")));
            new Select(form.findElement(By.cssSelector("select[name=sessionId]"))).getOptions().stream()
                    .filter(o -> o.getText().contains("Yin walk-in")).findFirst().orElseThrow().click();
            type(form, "input[name=\"client.name\"]", "Caller " + width);
            type(form, "input[name=\"client.email\"]", email);
            new Select(form.findElement(By.cssSelector("select[name=paymentMethod]"))).selectByVisibleText(credits ? "Credits" : "Pass");
            browser.awaitText(credits ? "Balance: 5 credits." : "Pass entries left: 3 entries.");
            screen(width, credits ? "book-class-credits" : "book-class-pass");
            clickIn(form, "button[type=submit]");
            browser.awaitText("Booked for Caller " + width + ".");
            browser.await(d -> d.findElement(By.id("booking-list")).getText().contains(email + " · booked by Ana Pop"));

            JsonNode wallet = http.send("GET", "/studios/" + DEMO + "/clients/" + clientId + "/wallet", ownerToken, null);
            if (credits) assertThat(wallet.get("credits").asInt()).isEqualTo(4);
            else assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(2);
            assertThat(participant(email).get("paymentMethod").asText()).isEqualTo(credits ? "CREDITS" : "PASS");
        }
    }

    @Test
    void a_card_booking_of_an_appointment_shows_the_payment_link_and_emails_it_to_the_client() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            String email = "card-" + width + "@example.com";
            signInAt(size);
            AdminPage.selectTab(browser, "bookings");
            clickVisible("#walkin > .actions button");
            WebElement form = browser.visible("#walkin form");
            clickIn(form, "label[for$=\"kind-APPOINTMENT\"]");
            browser.await(d -> new Select(form.findElement(By.cssSelector("select[name=serviceId]"))).getOptions().stream()
                    .anyMatch(o -> o.getText().startsWith("Phone massage")));
            new Select(form.findElement(By.cssSelector("select[name=serviceId]"))).getOptions().stream()
                    .filter(o -> o.getText().startsWith("Phone massage")).findFirst().orElseThrow().click();
            WebElement date = form.findElement(By.cssSelector("input[name=date]"));
            browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                    date, LocalDate.now(ZONE).plusDays(size == Browser.DESKTOP ? 1 : 2).toString());
            // the first free time of the day (the options carry the slot's place in the list)
            browser.await(d -> "0".equals(new Select(form.findElement(By.cssSelector("select[name=start]")))
                    .getFirstSelectedOption().getAttribute("value")));
            type(form, "input[name=\"client.name\"]", "Card " + width);
            type(form, "input[name=\"client.email\"]", email);
            new Select(form.findElement(By.cssSelector("select[name=paymentMethod]"))).selectByVisibleText("Card");
            screen(width, "book-appointment");
            clickIn(form, "button[type=submit]");
            browser.awaitText("The payment link was e-mailed to " + email + ".");
            String link = browser.visible("#walkin input.code").getAttribute("value");
            assertThat(link).startsWith("http");
            screen(width, "book-appointment-link");

            List<JsonNode> mails = http.mailsTo(email);
            assertThat(mails).singleElement().satisfies(mail -> {
                assertThat(mail.get("subject").asText()).startsWith("Plătiți pentru a vă păstra locul: Phone massage");
                assertThat(mail.get("text").asText()).contains(link);
            });
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void signInAt(Dimension size) {
        AdminPage.openSignedIn(browser, base, DEMO, ownerSession, size, "Upcoming sessions");
    }

    private static JsonNode participant(String email) throws Exception {
        for (JsonNode p : http.send("GET", "/studios/" + DEMO + "/sessions/" + session, ownerToken, null).get("participants")) {
            if (p.get("client").get("email").asText().equals(email)) return p;
        }
        throw new AssertionError("no participant " + email);
    }

    /** The error shown next to the form's field named {@code name}, once there is one. */
    private static String fieldError(WebElement form, String name) {
        return browser.await(d -> form.findElements(By.cssSelector("[name=\"" + name + "\"]")).stream()
                .map(input -> input.findElement(By.xpath("..")).findElements(By.cssSelector(".field-error")))
                .filter(errors -> !errors.isEmpty()).map(errors -> errors.get(0).getText()).findFirst().orElse(null));
    }

    private static void type(WebElement form, String css, String text) {
        WebElement field = form.findElement(By.cssSelector(css));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private static void clickIn(WebElement form, String css) {
        WebElement button = form.findElement(By.cssSelector(css));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private static void clickVisible(String css) {
        WebElement button = browser.visible(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private static String width(Dimension size) {
        return size == Browser.DESKTOP ? "desktop" : "phone";
    }

    /** The screen as it is: axe-scanned, not scrolling sideways, no console error, kept as a PNG. */
    private static void screen(String width, String name) {
        AdminPage.checkScreen(browser, "walkin-" + width + "-" + name);
    }
}
