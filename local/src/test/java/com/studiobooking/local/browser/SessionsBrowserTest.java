package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
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
 * Running sessions from the admin page (issue 14), in Chromium at 1280 and 390 px: templates, a session
 * made from one, a session changed and rescheduled with its clients e-mailed, a cancellation that says
 * what it does to each payment before it is done, a weekly series, and who waits for a full session.
 * Each journey is clicked and typed through the page, then checked over HTTP or in the outbox; every
 * screen is axe-scanned and must not scroll sideways on a phone. Screenshots: {@code local/target/screenshots/sessions-*}.
 */
class SessionsBrowserTest extends AdminBrowserTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    @BeforeAll
    static void start() throws Exception {
        http.send("PUT", "/studios/" + DEMO + "/settings", ownerToken, Map.of(
                "paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO"),
                "waitlist", Map.of("enabled", true)));
    }

    @Override
    String shots() {
        return "sessions";
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void a_template_is_added_and_changed_and_a_session_is_created_from_it() throws Exception {
        int day = 20;
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Yin " + width;
            signInAt(size);
            acceptConfirmations();
            browser.awaitText("Session templates");

            clickVisible("#new-session-toggle");
            typeInto("#ns-name", name);
            typeInto("#ns-duration", "75");
            typeInto("#ns-capacity", "12");
            new Select(browser.visible("#ns-instructor")).selectByValue("sf_demo_ioana");
            new Select(browser.visible("#ns-location")).selectByValue("lc_demo_main");
            typeInto("#ns-price", "60");
            check("#ns-pm-studio");
            clickVisible("#ns-save-template");
            browser.awaitText("The template " + name + " was added.");
            assertThat(template(name).get("capacity").asInt()).isEqualTo(12);
            screen(width, "templates", "#template-list");

            clickRowButton("#template-list", name, "Edit");
            browser.awaitText("Change the template " + name);
            assertThat(browser.visible("#ns-capacity").getAttribute("value")).isEqualTo("12");
            assertThat(browser.visible("#ns-save-template").getText()).isEqualTo("Save the template");
            screen(width, "template-edit", "#session-form");
            typeInto("#ns-capacity", "14");
            clickVisible("#ns-save-template");
            browser.awaitText("The template " + name + " was saved.");
            assertThat(template(name).get("capacity").asInt()).isEqualTo(14);
            assertThat(templates().stream().filter(t -> t.get("name").asText().equals(name))).hasSize(1);

            // a session from it: the form is filled, only the date and time are left
            clickRowButton("#template-list", name, "Use");
            assertThat(browser.visible("#ns-name").getAttribute("value")).isEqualTo(name);
            assertThat(browser.visible("#ns-duration").getAttribute("value")).isEqualTo("75");
            assertThat(browser.visible("#ns-price").getAttribute("value")).isEqualTo("60.00");
            LocalDate date = LocalDate.now(ZONE).plusDays(day++);
            setDate(browser.visible("#ns-date"), date.toString());
            typeInto("#ns-time", "09:15");
            screen(width, "session-from-template");
            clickVisible("#session-form button[type=submit]");
            browser.awaitText(name + " is scheduled for");
            JsonNode session = staffSession(sessionNamed(name, date));
            assertThat(session.get("templateId").asText()).isEqualTo(template(name).get("templateId").asText());
            assertThat(session.get("capacity").asInt()).isEqualTo(14);
            assertThat(session.get("durationMinutes").asInt()).isEqualTo(75);
            assertThat(session.get("instructorId").asText()).isEqualTo("sf_demo_ioana");
            assertThat(session.get("start").asText()).startsWith(date + "T09:15:00");

            clickRowButton("#template-list", name, "Delete");
            browser.awaitText("The template " + name + " was deleted.");
            assertThat(lastQuestion()).startsWith("Delete the template " + name + "?");
            assertThat(template(name)).isNull();
        }
    }

    @Test
    void a_session_with_bookings_gets_more_seats_and_a_new_time_and_its_clients_the_moved_email() throws Exception {
        int day = 30;
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Vinyasa " + width;
            LocalDate date = LocalDate.now(ZONE).plusDays(day);
            String sessionId = session(name, date, "10:00", 2, List.of("PAY_AT_STUDIO"), 5000);
            List<String> booked = List.of("v1-" + width + "@example.com", "v2-" + width + "@example.com");
            for (String email : booked) book(sessionId, email, "PAY_AT_STUDIO", null, false);
            book(sessionId, "v3-" + width + "@example.com", "PAY_AT_STUDIO", null, true);

            signInAt(size);
            acceptConfirmations();
            openSession(name);
            browser.visible("#session-manage summary").click();

            // below the seats booked: the API refuses, next to the field
            typeInto("#sc-capacity", "1");
            clickVisible("#session-change-form button[type=submit]");
            WebElement error = browser.visible("#session-change-form .field-error");
            assertThat(error.getText()).isEqualTo("2 seats are already booked: the capacity cannot be lower.");
            assertThat(error.findElement(By.xpath("..")).findElement(By.cssSelector("input")).getAttribute("id")).isEqualTo("sc-capacity");
            onlyRefused(400);
            screen(width, "change-refused");

            typeInto("#sc-capacity", "3");
            LocalDate later = date.plusDays(1);
            setDate(browser.visible("#sc-date"), later.toString());
            typeInto("#sc-time", "11:30");
            screen(width, "change", "#session-change-form");
            int before = http.mailsTo(booked.get(0)).size();
            clickVisible("#session-change-form button[type=submit]");
            browser.awaitText(name + " now starts");
            assertThat(lastQuestion()).contains("2 booked clients get an e-mail with the new time.")
                    .contains("1 client from the waitlist gets a seat.");
            JsonNode after = staffSession(sessionId);
            assertThat(after.get("capacity").asInt()).isEqualTo(3);
            assertThat(after.get("start").asText()).startsWith(later + "T11:30:00");
            for (String email : booked) {
                assertThat(http.mailsTo(email).stream().map(m -> m.get("subject").asText()))
                        .as("moved e-mail to " + email + " (the studio writes in Romanian)")
                        .anyMatch(s -> s.startsWith("Oră nouă: " + name) && s.contains("11:30"));
            }
            assertThat(http.mailsTo(booked.get(0)).size()).isGreaterThan(before);
            assertThat(after.get("participants").findValuesAsText("status")).containsOnly("CONFIRMED");
            screen(width, "changed", "#session-facts");
            day += 3;
        }
    }

    @Test
    void cancelling_a_session_says_first_what_happens_to_a_card_a_pass_and_a_pay_at_studio_booking() throws Exception {
        int day = 40;
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Pilates " + width;
            LocalDate date = LocalDate.now(ZONE).plusDays(day);
            String sessionId = session(name, date, "18:00", 10, List.of("CARD", "PASS", "PAY_AT_STUDIO"), 8000);
            payByCard(book(sessionId, "card-" + width + "@example.com", "CARD", null, false));
            book(sessionId, "pass-" + width + "@example.com", "PASS", clientWithPass("pass-" + width + "@example.com"), false);
            book(sessionId, "studio-" + width + "@example.com", "PAY_AT_STUDIO", null, false);
            String twinId = http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, Map.of("twinOf", sessionId,
                    "name", "Online twin " + width, "format", "ONLINE", "capacity", 20, "paymentMethods", List.of("CARD"),
                    "price", Map.of("amount", 8000, "currency", "RON"))).get("sessionId").asText();

            signInAt(size);
            browser.script("window.asked = []; window.confirm = (q) => { window.asked.push(q); return false; };");
            openSession(name);
            clickVisible("#session-cancel");
            browser.await(d -> browser.script("return window.asked.length;").toString().equals("1"));
            String question = lastQuestion();
            assertThat(question).startsWith("Cancel " + name + " on ")
                    .contains("3 bookings will be cancelled:")
                    .contains("1 card payment refunded (")
                    .contains("80")
                    .contains("1 pass entry returned")
                    .contains("1 not paid yet (pay at the studio or awaiting payment): nothing to give back")
                    .contains("1 online twin is cancelled with it.")
                    .contains("Everyone gets an e-mail.");
            assertThat(staffSession(sessionId).get("status").asText()).as("not cancelled when the question is declined").isEqualTo("SCHEDULED");

            acceptConfirmations();
            clickVisible("#session-cancel");
            browser.awaitText("The session is cancelled and the participants were told.");
            JsonNode cancelled = staffSession(sessionId);
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.get("participants").findValuesAsText("paymentStatus")).contains("REFUNDED");
            assertThat(staffSession(twinId).get("status").asText()).isEqualTo("CANCELLED");
            screen(width, "cancelled");
            day += 1;
        }
    }

    @Test
    void a_weekly_series_is_created_shown_and_cancelled_from_a_date() throws Exception {
        int weeks = 8;
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Barre " + width;
            signInAt(size);
            acceptConfirmations();
            clickVisible("#new-session-toggle");
            LocalDate monday = LocalDate.now(ZONE).plusWeeks(weeks).with(DayOfWeek.MONDAY);
            fillSeries(name, monday);
            screen(width, "new-series");
            clickVisible("#session-form button[type=submit]");
            browser.awaitText("4 sessions of " + name + " created.");

            // the same again: the instructor is busy, and the page names the dates
            clickVisible("#new-session-toggle");
            fillSeries(name + " again", monday);
            clickVisible("#session-form button[type=submit]");
            WebElement busy = browser.visible("#ns-weekdays .field-error");
            assertThat(busy.getText()).startsWith("The instructor is already busy on: ").contains(", ");
            onlyRefused(409);
            screen(width, "series-busy", "#ns-weekdays");

            String first = sessionNamed(name, monday);
            String seriesId = staffSession(first).get("seriesId").asText();
            JsonNode series = http.send("GET", "/studios/" + DEMO + "/series/" + seriesId, ownerToken, null);
            assertThat(series.get("sessionIds")).hasSize(4);

            browser.open(base + "/admin/?studio=" + DEMO + "&lang=en&session=" + first, size);
            browser.awaitText("Recurring series");
            acceptConfirmations();
            browser.await(d -> rowsOf("#session-series").size() == 4);
            screen(width, "series", "#session-series");

            // this and the following sessions move to 07:30
            browser.visible("#session-manage summary").click();
            typeInto("#sc-time", "07:30");
            clickVisible("#sc-scope-following");
            clickVisible("#session-change-form button[type=submit]");
            browser.awaitText("The sessions of the series were changed.");
            assertThat(lastQuestion()).startsWith("4 sessions from ").contains("Nobody has booked yet");
            for (JsonNode s : http.send("GET", "/studios/" + DEMO + "/series/" + seriesId, ownerToken, null).get("sessions")) {
                assertThat(s.get("start").asText()).contains("T07:30:00");
            }

            // from the second occurrence on: three sessions cancelled, the first stays
            String second = series.get("sessionIds").get(1).asText();
            browser.open(base + "/admin/?studio=" + DEMO + "&lang=en&session=" + second, size);
            acceptConfirmations();
            browser.await(d -> rowsOf("#session-series").size() == 4);
            clickVisible("#series-cancel");
            browser.awaitText("3 sessions were cancelled; the participants were told.");
            assertThat(lastQuestion()).startsWith("Cancel 3 sessions of the series from ").contains("Nobody has booked");
            List<String> statuses = new ArrayList<>();
            for (JsonNode s : http.send("GET", "/studios/" + DEMO + "/series/" + seriesId, ownerToken, null).get("sessions")) {
                statuses.add(s.get("status").asText());
            }
            assertThat(statuses).containsExactly("SCHEDULED", "CANCELLED", "CANCELLED", "CANCELLED");
            weeks += 3;
        }
    }

    @Test
    void a_full_session_shows_who_waits_in_order() throws Exception {
        int day = 50;
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Kundalini " + width;
            LocalDate date = LocalDate.now(ZONE).plusDays(day);
            String sessionId = session(name, date, "08:00", 1, List.of("PAY_AT_STUDIO"), 5000);
            book(sessionId, "k0-" + width + "@example.com", "PAY_AT_STUDIO", null, false);
            book(sessionId, "first-" + width + "@example.com", "PAY_AT_STUDIO", null, true);
            book(sessionId, "second-" + width + "@example.com", "PAY_AT_STUDIO", null, true);

            signInAt(size);
            pageTo(name);
            browser.await(d -> rowsOf("#session-list").stream().anyMatch(r -> r.getText().contains(name) && r.getText().contains("2 waiting")));
            screen(width, "list-waiting", "#session-list");
            openSession(name);
            browser.await(d -> rowsOf("#session-waitlist").size() == 2);
            List<WebElement> rows = rowsOf("#session-waitlist");
            assertThat(rows.get(0).getText()).contains("1").contains("first-" + width + "@example.com");
            assertThat(rows.get(1).getText()).contains("2").contains("second-" + width + "@example.com");
            screen(width, "waitlist", "#session-waitlist");
            day += 1;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The page

    private static void signInAt(Dimension size) {
        AdminPage.openSignedIn(browser, base, DEMO, ownerSession, size, "Upcoming sessions");
    }

    /** Pages the list forward to the session's weeks, then opens it. */
    private static void openSession(String name) {
        pageTo(name);
        AdminPage.openSession(browser, name);
        browser.awaitText("participants");
    }

    private static void fillSeries(String name, LocalDate monday) {
        typeInto("#ns-name", name);
        new Select(browser.visible("#ns-instructor")).selectByValue("sf_demo_ioana");
        new Select(browser.visible("#ns-location")).selectByValue("lc_demo_main");
        typeInto("#ns-price", "45");
        check("#ns-pm-studio");
        setDate(browser.visible("#ns-date"), monday.toString());
        typeInto("#ns-time", "07:00");
        check("#ns-day-MONDAY");
        check("#ns-day-THURSDAY");
        setDate(browser.visible("#ns-until"), monday.plusDays(13).toString());
    }

    private static void pageTo(String name) {
        browser.await(d -> d.findElements(By.cssSelector("#session-list .muted")).stream().noneMatch(e -> e.getText().equals("Loading…")));
        for (int i = 0; i < 6 && rowsOf("#session-list").stream().noneMatch(r -> r.getText().contains(name)); i++) {
            clickVisible("#sessions-next");
            browser.await(d -> d.findElements(By.cssSelector("#session-list .muted")).stream().noneMatch(e -> e.getText().equals("Loading…")));
        }
    }

    private static void acceptConfirmations() {
        browser.script("window.asked = []; window.confirm = (q) => { window.asked.push(q); return true; };");
    }

    private static String lastQuestion() {
        return String.valueOf(browser.script("return window.asked[window.asked.length - 1];"));
    }

    private static void onlyRefused(int status) {
        assertThat(browser.consoleErrors()).as("console errors").isNotEmpty()
                .allMatch(line -> line.contains("Failed to load resource: the server responded with a status of " + status));
    }

    private static void typeInto(String css, String text) {
        WebElement field = browser.visible(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private static void check(String css) {
        WebElement box = browser.visible(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", box);
        if (!box.isSelected()) box.click();
    }

    private static void clickVisible(String css) {
        WebElement button = browser.visible(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private static void setDate(WebElement input, String date) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date);
    }

    private static List<WebElement> rowsOf(String list) {
        return browser.driver().findElements(By.cssSelector(list + " tbody tr"));
    }

    private static void clickRowButton(String list, String name, String button) {
        WebElement found = browser.await(d -> rowsOf(list).stream().filter(r -> r.getText().contains(name)).findFirst()
                .flatMap(r -> r.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals(button)).findFirst())
                .orElse(null));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", found);
        found.click();
    }

    private static String width(Dimension size) {
        return size == Browser.DESKTOP ? "desktop" : "phone";
    }

    /** The screen as it is: axe-scanned, not scrolling sideways on a phone, no console error, kept as a PNG. */
    private static void screen(String width, String name, String showing) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", showing);
        screen(width, name);
    }

    private static void screen(String width, String name) {
        AdminPage.checkScreen(browser, "sessions-" + width + "-" + name);
    }

    // ---------------------------------------------------------------------------------------------
    // Fixtures and checks over HTTP

    private static String session(String name, LocalDate date, String time, int capacity, List<String> methods, Integer price) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "start", date.atTime(java.time.LocalTime.parse(time)).atZone(ZONE).toOffsetDateTime().toString(),
                "durationMinutes", 60, "capacity", capacity, "instructorId", "sf_demo_owner", "format", "IN_PERSON",
                "locationId", "lc_demo_main", "paymentMethods", methods));
        if (price != null) body.put("price", Map.of("amount", price, "currency", "RON"));
        return http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, body).get("sessionId").asText();
    }

    private static JsonNode book(String sessionId, String email, String method, String clientToken, boolean waitlist) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", sessionId, "paymentMethod", method,
                "client", Map.of("name", "Client " + email, "email", email)));
        if (waitlist) body.put("waitlist", true);
        return http.send("POST", "/studios/" + DEMO + "/bookings", clientToken, body);
    }

    /** Pays a card booking on the local checkout page, which posts Stripe's signed webhook to the runtime. */
    private static void payByCard(JsonNode booking) throws Exception {
        String url = booking.get("nextAction").get("url").asText();
        String checkout = url.substring(url.lastIndexOf('/') + 1);
        HttpResponse<String> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/_dev/checkout/" + checkout + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.body()).contains("Webhook answered 200");
    }

    /** A client with a 5-entry pass, signed in: their token. */
    private static String clientWithPass(String email) throws Exception {
        String token = http.signIn(DEMO, email).get("token").asText();
        String passType = http.send("POST", "/studios/" + DEMO + "/pass-types", ownerToken, Map.of("name", "5 classes " + email,
                "entries", 5, "validDays", 90, "price", Map.of("amount", 20000, "currency", "RON"))).get("passTypeId").asText();
        String clientId = http.send("POST", "/studios/" + DEMO + "/clients", ownerToken, Map.of("email", email)).get("clientId").asText();
        http.send("POST", "/studios/" + DEMO + "/clients/" + clientId + "/passes", ownerToken, Map.of("passTypeId", passType));
        return token;
    }

    private static List<JsonNode> templates() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        http.send("GET", "/studios/" + DEMO + "/session-templates", ownerToken, null).get("templates").forEach(all::add);
        return all;
    }

    private static JsonNode template(String name) throws Exception {
        return templates().stream().filter(t -> t.get("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static String sessionNamed(String name, LocalDate date) throws Exception {
        for (JsonNode s : http.send("GET", "/studios/" + DEMO + "/sessions?from=" + date + "&to=" + date, null, null).get("sessions")) {
            if (s.get("name").asText().equals(name)) return s.get("sessionId").asText();
        }
        throw new AssertionError("no session " + name + " on " + date);
    }

    private static JsonNode staffSession(String sessionId) throws Exception {
        return http.send("GET", "/studios/" + DEMO + "/sessions/" + sessionId, ownerToken, null);
    }
}
