package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * A booking's detail and finding bookings and clients (issue 14), in Chromium at 1280 and 390 px: staff
 * find a booking by its client, open it and read the client's notes and phone, reschedule an appointment
 * on the client's behalf, cancel a paid seat after reading what it gives back, and search the clients;
 * each result checked over HTTP or in the outbox. Every screen axe-scanned, no sideways scrolling, no
 * console error. Screenshots in {@code local/target/screenshots/booking-detail-*}.
 */
class BookingDetailBrowserTest extends AdminBrowserTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    @BeforeAll
    static void start() throws Exception {
        http.send("PUT", "/studios/" + DEMO + "/settings", ownerToken,
                Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO")));
    }

    @Override
    String shots() {
        return "booking-detail";
    }

    @Test
    void staff_find_a_booking_by_its_client_read_the_notes_and_phone_and_reschedule_it_for_the_client() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Elena Notes " + width;
            String email = "elena." + width + "@example.com";
            JsonNode slot = freeSlots().get(size == Browser.DESKTOP ? 0 : 3);
            String bookingId = http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("serviceId", "sv_demo_massage",
                    "start", slot.get("start").asText(), "paymentMethod", "PAY_AT_STUDIO",
                    "client", Map.of("name", name, "email", email, "phone", "+40 722 111 222"),
                    "notes", "Sore left shoulder, no oils please")).get("bookingId").asText();
            signInAt(size);

            AdminPage.selectTab(browser, "bookings");
            typeInto("#bk-q", "elena." + width);
            browser.await(d -> rowsOf("#booking-list").size() == 1 && rowsOf("#booking-list").get(0).getText().contains(name));
            screen(width, "bookings-filtered");
            clickRowButton("#booking-list", name, "Details");
            browser.visible("#booking-detail");
            assertThat(browser.visible("#bd-notes").getText()).isEqualTo("Sore left shoulder, no oils please");
            WebElement phone = browser.visible("#booking-detail a[href^='tel:']");
            assertThat(phone.getText()).isEqualTo("+40 722 111 222");
            assertThat(phone.getAttribute("href")).isEqualTo("tel:+40722111222");
            assertThat(browser.visible("#booking-detail a[href^='mailto:']").getText()).isEqualTo(email);
            screen(width, "detail");

            browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.visible("#bd-reschedule"));
            // another day: on the booking's own day /slots also offers times that only its own end creates
            String otherDay = freeSlots().stream().map(x -> x.get("start").asText().substring(0, 10))
                    .filter(d -> !d.equals(slot.get("start").asText().substring(0, 10))).findFirst().orElseThrow();
            browser.script("arguments[0].value = arguments[1];", browser.visible("#bd-move-day"), otherDay);
            browser.visible("#bd-reschedule button[type=button]").click();
            Select choice = new Select(browser.visible("#bd-move-to"));
            browser.await(d -> choice.getOptions().size() > 1 ? true : null);
            choice.selectByIndex(1);
            String newStart = choice.getFirstSelectedOption().getAttribute("value");
            screen(width, "reschedule");
            browser.visible("#bd-reschedule button[type=submit]").click();
            browser.awaitText("Moved to");

            JsonNode moved = http.send("GET", "/bookings/" + bookingId, ownerToken, null);
            assertThat(moved.get("start").asText()).isEqualTo(newStart).isNotEqualTo(slot.get("start").asText());
            assertThat(http.mailsTo(email)).extracting(m -> m.get("subject").asText()).anyMatch(x -> x.startsWith("Reprogramare:")); // the demo studio writes in Romanian
            browser.visible("#bd-close").click();
        }
    }

    @Test
    void cancelling_a_paid_seat_shows_what_it_gives_back_before_it_is_confirmed() throws Exception {
        String sessionId = http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, Map.of("name", "Yin",
                "start", LocalDate.now(ZONE).plusDays(4).atTime(19, 0).atZone(ZONE).toOffsetDateTime().toString(),
                "durationMinutes", 60, "capacity", 10, "instructorId", "sf_demo_owner", "format", "IN_PERSON",
                "locationId", "lc_demo_main", "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("BANK_TRANSFER"))).get("sessionId").asText();
        for (Dimension size : SIZES) {
            String width = width(size);
            String name = "Paula Paid " + width;
            String bookingId = http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("sessionId", sessionId,
                    "client", Map.of("name", name, "email", "paula." + width + "@example.com"),
                    "paymentMethod", "BANK_TRANSFER")).get("bookingId").asText();
            http.send("POST", "/studios/" + DEMO + "/bookings/" + bookingId + "/confirm-payment", ownerToken, null);
            signInAt(size);

            AdminPage.openSession(browser, "Yin");
            clickRowButton("#participants", name, "Details");
            browser.visible("#booking-detail");
            browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.visible("#bd-cancel"));
            browser.visible("#bd-cancel").click();
            assertThat(browser.visible("#bd-effect").getText()).contains("50")
                    .endsWith(" paid by bank transfer is owed back: send it, then mark it refunded.");
            screen(width, "cancel-effect");
            browser.visible("#bd-cancel-yes").click();
            browser.await(d -> {
                try {
                    return "CANCELLED".equals(http.send("GET", "/bookings/" + bookingId, ownerToken, null).get("status").asText()) ? true : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode cancelled = http.send("GET", "/bookings/" + bookingId, ownerToken, null);
            assertThat(cancelled.get("paymentStatus").asText()).isEqualTo("REFUND_DUE");
            assertThat(cancelled.get("cancellation").get("by").asText()).isEqualTo("STAFF");
            browser.awaitText("Mark refunded");
            screen(width, "cancelled");
            browser.visible("#bd-close").click();
        }
    }

    @Test
    void staff_search_the_clients_by_name_and_open_one_with_their_bookings() throws Exception {
        String slot = freeSlots().get(6).get("start").asText();
        http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("serviceId", "sv_demo_massage", "start", slot,
                "paymentMethod", "PAY_AT_STUDIO", "client", Map.of("name", "Zoe Searchable", "email", "zoe@example.com",
                        "phone", "0733 999 000")));
        http.send("POST", "/studios/" + DEMO + "/clients", ownerToken, Map.of("email", "someone.else@example.com"));
        for (Dimension size : SIZES) {
            String width = width(size);
            signInAt(size);
            AdminPage.selectTab(browser, "clients");
            browser.awaitText("someone.else@example.com");
            typeInto("#cl-search", "searchable");
            browser.await(d -> rowsOf("#client-list").size() == 1 ? true : null);
            WebElement row = rowsOf("#client-list").get(0);
            assertThat(row.getText()).contains("Zoe Searchable", "zoe@example.com", "0733 999 000");
            screen(width, "clients-search");
            clickRowButton("#client-list", "Zoe Searchable", "Passes and credits");
            browser.await(d -> rowsOf("#client-bookings").size() == 1 ? true : null);
            assertThat(rowsOf("#client-bookings").get(0).getText()).contains("Thai massage");
            screen(width, "client");
            browser.visible("#wallet-close").click();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static List<JsonNode> freeSlots() throws Exception {
        LocalDate from = LocalDate.now(ZONE).plusDays(2);
        JsonNode slots = http.send("GET", "/studios/" + DEMO + "/slots?serviceId=sv_demo_massage&from=" + from
                + "&to=" + from.plusDays(7), null, null).get("slots");
        List<JsonNode> all = new java.util.ArrayList<>();
        // whole hours only, so two bookings never overlap and each keeps free times around it
        slots.forEach(s -> { if (s.get("start").asText().contains(":00:00")) all.add(s); });
        List<JsonNode> spaced = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 3) spaced.add(all.get(i));
        return spaced;
    }

    private static void signInAt(Dimension size) {
        AdminPage.openSignedIn(browser, base, DEMO, ownerSession, size, "Upcoming sessions");
    }

    private static String width(Dimension size) {
        return size == Browser.DESKTOP ? "desktop" : "phone";
    }

    private static void typeInto(String css, String text) {
        WebElement field = browser.visible(css);
        field.clear();
        field.sendKeys(text);
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

    /** The screen as it is: axe-scanned, not scrolling sideways on a phone, no console error, kept as a PNG. */
    private static void screen(String width, String name) {
        AdminPage.checkScreen(browser, "booking-detail-" + width + "-" + name);
    }
}
