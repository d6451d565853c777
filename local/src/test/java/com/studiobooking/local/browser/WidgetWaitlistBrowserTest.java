package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.local.LocalRuntime;

/**
 * Issue 15: a client joins a full class's waitlist from the widget, sees their place in line, and is
 * offered the seat by e-mail (with the card's pay link) when a participant cancels, then pays from the e-mail's
 * manage link in a browser that never booked and comes back to "paid"; and a client whose
 * last place went while they typed is offered the waitlist in the same form, with what they typed kept.
 * Chromium at 1280 and 390 px, the demo studio (Romanian), axe-scanned, no console error, no sideways scrolling.
 */
class WidgetWaitlistBrowserTest extends WidgetBrowserTest {
    @BeforeAll
    static void openTheWaitlist() throws Exception {
        http.send("PUT", "/studios/st_demo/settings", owner, Map.of("waitlist", Map.of("enabled", true, "closesMinutesBefore", 60)));
    }

    @Test
    void a_client_joins_a_full_class_sees_their_place_and_is_offered_the_seat_with_a_pay_link_when_it_frees_up() throws Exception {
        for (Dimension size : SIZES) {
            String name = "Full " + size.getWidth();
            String sessionId = session(name, LocalDate.now(BUCHAREST).plusDays(3 + SIZES.indexOf(size)), 1);
            JsonNode holder = http.send("POST", "/studios/st_demo/bookings", null, Map.of("sessionId", sessionId,
                    "paymentMethod", "BANK_TRANSFER", "client", Map.of("name", "Maria", "email", "maria" + size.getWidth() + "@example.com")));
            String radu = "radu" + size.getWidth() + "@example.com";

            browser.open(base + "/widget/?studio=st_demo", size);
            WebElement join = button(name);
            assertThat(join.getText()).isEqualTo("Intrați pe lista de așteptare");
            join.click();
            assertThat(browser.visible("#book-title").getText()).isEqualTo("Listă de așteptare: " + name);
            assertThat(browser.visible("#book-waitlist-note").getText()).startsWith("Clasa este plină.");
            fill("Radu Ionescu", radu);
            browser.driver().findElement(By.cssSelector("#payment-options input[value='CARD']")).click();
            browser.assertAccessible("widget-waitlist-form-" + size.getWidth());
            browser.screenshot("widget-waitlist-form-" + size.getWidth());
            browser.visible("#book-submit").click();

            assertThat(browser.visible("#result-title").getText()).isEqualTo("Sunteți pe lista de așteptare");
            assertThat(browser.visible("#result-body").getText())
                    .contains("Sunteți pe locul 1 în listă. Vă scriem la " + radu)
                    .contains("Pe lista de așteptare (locul 1 în listă)");
            browser.assertAccessible("widget-waitlist-joined-" + size.getWidth());
            clean("widget-waitlist-joined-" + size.getWidth());

            JsonNode line = http.send("GET", "/studios/st_demo/sessions/" + sessionId + "/waitlist", owner, null);
            assertThat(line.toString()).contains(radu);

            http.send("POST", "/bookings/" + holder.get("bookingId").asText() + "/cancel", holder.get("accessToken").asText(), Map.of());
            List<JsonNode> mails = browser.await(d -> {
                List<JsonNode> m = http.mailsTo(radu);
                return m.size() >= 2 ? m : null;
            });
            assertThat(mails.get(mails.size() - 1).get("text").asText()).as("the seat offered, with the card's pay link")
                    .contains("/_dev/checkout/");

            // the offer's manage link, in a browser that never booked: pay there, come back to "paid"
            String bookingId = line.get("waitlist").get(0).get("bookingId").asText();
            String link = http.manageLinkTo(radu, bookingId);
            browser.script("localStorage.clear();");
            browser.open(link, size);
            assertThat(browser.visible("#manage-status").getText()).isEqualTo("Așteaptă plata");
            browser.visible("#manage-pay").click();
            browser.await(d -> d.getCurrentUrl().contains("/_dev/checkout/"));
            browser.await(d -> d.findElement(By.cssSelector("button.pay"))).click();
            browser.await(java.time.Duration.ofSeconds(15), d -> d.findElements(By.id("manage-paid")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(browser.visible("#manage-status").getText()).isEqualTo("Confirmată");
            JsonNode promoted = http.send("GET", "/bookings/" + bookingId, link.substring(link.indexOf("#access=") + 8), null);
            assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(promoted.get("paymentStatus").asText()).isEqualTo("PAID");
            browser.assertAccessible("widget-waitlist-promoted-paid-" + size.getWidth());
            clean("widget-waitlist-promoted-paid-" + size.getWidth());
        }
    }

    @Test
    void when_the_last_place_goes_while_typing_the_same_form_offers_the_waitlist_and_keeps_what_was_typed() throws Exception {
        for (Dimension size : SIZES) {
            String name = "Last " + size.getWidth();
            String sessionId = session(name, LocalDate.now(BUCHAREST).plusDays(6 + SIZES.indexOf(size)), 1);
            String dana = "dana" + size.getWidth() + "@example.com";

            browser.open(base + "/widget/?studio=st_demo", size);
            button(name).click();
            fill("Dana Pop", dana);
            browser.driver().findElement(By.cssSelector("#payment-options input[value='BANK_TRANSFER']")).click();
            http.send("POST", "/studios/st_demo/bookings", null, Map.of("sessionId", sessionId,
                    "paymentMethod", "BANK_TRANSFER", "client", Map.of("name", "Ioan", "email", "ioan" + size.getWidth() + "@example.com")));
            browser.visible("#book-submit").click();

            assertThat(browser.visible("#book-error").getText())
                    .isEqualTo("Ultimul loc tocmai a fost ocupat. Puteți intra pe lista de așteptare.");
            assertThat(browser.visible("#book-title").getText()).isEqualTo("Listă de așteptare: " + name);
            assertThat(browser.visible("#client-email").getAttribute("value")).isEqualTo(dana);
            assertThat(browser.visible("#book-submit").getText()).isEqualTo("Intrați pe lista de așteptare");
            browser.screenshot("widget-waitlist-last-place-" + size.getWidth());
            assertThat(browser.consoleErrors()).as("only the refusal the page answered").singleElement().asString()
                    .endsWith("/studios/st_demo/bookings - Failed to load resource: the server responded with a status of 409 (Conflict)");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.visible("#book-submit").click();
            assertThat(browser.visible("#result-title").getText()).isEqualTo("Sunteți pe lista de așteptare");
            assertThat(http.send("GET", "/studios/st_demo/sessions/" + sessionId + "/waitlist", owner, null).toString()).contains(dana);
        }
    }

    private static String session(String name, LocalDate day, int capacity) throws Exception {
        return http.send("POST", "/studios/st_demo/sessions", owner, Map.of("name", name,
                "start", day.atTime(18, 0).atZone(BUCHAREST).toOffsetDateTime().toString(), "durationMinutes", 60,
                "capacity", capacity, "instructorId", "sf_demo_owner", "format", "IN_PERSON", "locationId", "lc_demo_main",
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "BANK_TRANSFER")))
                .get("sessionId").asText();
    }

    /** The button of the class's card in the list (the list may need "later" pages: classes are days ahead). */
    private static WebElement button(String sessionName) {
        return browser.await(d -> {
            List<WebElement> found = d.findElements(By.xpath(
                    "//li[contains(@class,'card')][.//h4[normalize-space()='" + sessionName + "']]//button"));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    private static void fill(String name, String email) {
        browser.visible("#client-name").clear();
        browser.visible("#client-name").sendKeys(name);
        browser.visible("#client-email").clear();
        browser.visible("#client-email").sendKeys(email);
    }

    private static void clean(String shot) {
        browser.screenshot(shot);
        assertThat(browser.consoleErrors()).as(shot + ": console errors").isEmpty();
        assertThat(browser.horizontalOverflow()).as(shot + ": sideways scrolling").isZero();
    }
}
