package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.functions.http.Json;
import com.studiobooking.local.LocalRuntime;

/**
 * Issue 15: a client buys a pass and credits in the widget (signing in with the e-mailed code on the
 * way, paying on the local checkout), finds them in the wallet, and pays classes with them: the
 * booking form shows what is left, and offers to buy credits instead of a choice that cannot pay.
 * Chromium at 1280 and 390 px, the demo studio (Romanian, its seeded pass type and credit pack),
 * axe-scanned, no console error, no sideways scrolling.
 */
class WidgetShopBrowserTest extends WidgetBrowserTest {
    @Test
    void a_client_buys_a_pass_and_credits_then_pays_classes_with_them_and_the_wallet_keeps_count() throws Exception {
        for (Dimension size : SIZES) {
            int w = size.getWidth();
            String email = "elena" + w + "@example.com";
            String creditsClass = "Credite " + w;
            session(creditsClass, LocalDate.now(BUCHAREST).plusDays(4 + SIZES.indexOf(size)));

            browser.open(base + "/widget/?studio=st_demo", size);
            // signed out, a pass is offered with a way to sign in or to buy one
            bookButton("Vinyasa flow").click();
            click("#pay-PASS");
            assertThat(text("#payment-hint")).isEqualTo("Autentificați-vă ca să folosiți abonamentul. Autentificare · Cumpărați un abonament");
            browser.visible("#book-cancel").click();
            browser.script("window.scrollTo(0, 0);");
            browser.screenshot("widget-shop-header-" + w);
            browser.visible("#shop-toggle").click();
            WebElement pass = offer("10 classes");
            assertThat(pass.getText()).contains("10 intrări · valabil 90 de zile de la cumpărare", "400,00 lei");
            assertThat(offer("5 credits").getText()).contains("5 credite · creditele nu expiră", "200,00 lei");
            assertThat(browser.visible("#shop-signin-note").getText()).startsWith("Pentru a cumpăra, autentificați-vă");
            browser.assertAccessible("widget-shop-" + w);
            clean("widget-shop-" + w);

            // buying needs a client: the code from the e-mail, then the purchase goes on to the checkout
            buy("10 classes");
            signIn(email);
            payOnTheCheckout();
            assertThat(browser.visible("#notice").getText()).isEqualTo("Abonamentul este în contul dvs.");
            String passLine = browser.visible("#wallet-passes").getText();
            assertThat(passLine).startsWith("10 classes · mai aveți 10 intrări din 10 · valabil până la ");
            assertThat(browser.visible("#wallet-credits").getText()).isEqualTo("Aveți 0 credite.");
            assertThat(browser.bodyText()).doesNotContain("null", "undefined");
            browser.assertAccessible("widget-shop-wallet-" + w);
            clean("widget-shop-wallet-" + w);
            String token = clientToken();
            JsonNode wallet = http.send("GET", "/me/wallet", token, null);
            assertThat(wallet.get("passes")).hasSize(1);
            assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(10);

            // a class paid with the pass: the form says what is left; credits it cannot pay offer to buy some
            bookButton("Vinyasa flow").click();
            // the choices are drawn again when the wallet has been read: read them as text, find them afresh
            String passChoice = browser.await(d -> {
                String label = d.findElement(By.cssSelector("label[for='pay-PASS']")).getText();
                return label.contains("mai aveți") ? label : null;
            });
            assertThat(passChoice).isEqualTo("O intrare din abonamentul 10 classes (mai aveți 10 intrări)");
            assertThat(browser.driver().findElements(By.cssSelector("#pay-CREDITS"))).as("no credits to pay with").isEmpty();
            assertThat(text("#payment-options .wallet-note"))
                    .isEqualTo("Ședința costă 1 credit, iar dvs. aveți 0 credite. Cumpărați credite");
            browser.visible("#client-name").sendKeys("Elena Radu");
            click("#pay-PASS");
            browser.assertAccessible("widget-shop-book-with-pass-" + w);
            clean("widget-shop-book-with-pass-" + w);
            browser.visible("#book-submit").click();
            browser.visible("#result-title");
            browser.await(d -> d.findElement(By.id("wallet-passes")).getText().contains("mai aveți 9 intrări din 10"));
            assertThat(http.send("GET", "/me/wallet", token, null).get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(9);

            // credits, bought from the booking form's offer, then a class paid with them
            bookButton(creditsClass).click();
            click("#payment-options .wallet-note button");
            buy("5 credits");
            payOnTheCheckout();
            assertThat(browser.visible("#notice").getText()).isEqualTo("Creditele sunt în contul dvs.");
            browser.await(d -> d.findElement(By.id("wallet-credits")).getText().equals("Aveți 5 credite."));
            assertThat(http.send("GET", "/me/wallet", token, null).get("credits").asInt()).isEqualTo(5);
            bookButton(creditsClass).click();
            String creditsChoice = browser.await(d -> {
                List<WebElement> label = d.findElements(By.cssSelector("label[for='pay-CREDITS']"));
                return !label.isEmpty() && label.get(0).getText().contains("aveți") ? label.get(0).getText() : null;
            });
            assertThat(creditsChoice).isEqualTo("Credite: ședința costă 1 credit, aveți 5 credite");
            browser.visible("#client-name").sendKeys("Elena Radu");
            click("#pay-CREDITS");
            browser.visible("#book-submit").click();
            browser.visible("#result-title");
            browser.await(d -> d.findElement(By.id("wallet-credits")).getText().equals("Aveți 4 credite."));
            wallet = http.send("GET", "/me/wallet", token, null);
            assertThat(wallet.get("credits").asInt()).isEqualTo(4);
            assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(9);
            browser.visible("#wallet-body details:last-of-type summary").click();
            assertThat(browser.visible("#wallet-body").getText()).doesNotContain("null", "undefined")
                    .contains("Credite folosite", creditsClass, "Abonament emis", "10 classes");
            clean("widget-shop-history-" + w);

            browser.visible("#sign-out").click();
        }
    }

    @Test
    void a_client_reading_in_english_comes_back_from_the_checkout_in_english() throws Exception {
        browser.open(base + "/widget/?studio=st_demo&lang=en", Browser.PHONE);
        browser.visible("#shop-toggle").click();
        buy("5 credits");
        signIn("mira@example.com");
        payOnTheCheckout();
        // the Romanian studio's page, back from the checkout without ?lang=, still in the client's English
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("lang=", "paid=");
        assertThat(browser.visible("#notice").getText()).isEqualTo("Your credits are in your account.");
        browser.await(d -> d.findElement(By.id("wallet-credits")).getText().equals("You have 5 credits."));
        clean("widget-shop-return-en-390");
        browser.visible("#sign-out").click();
    }

    @Test
    void a_checkout_given_up_says_the_payment_was_not_completed_and_offers_the_shop_again() {
        browser.open(base + "/widget/?studio=st_demo&purchase=pu_gone&cancelled=1", Browser.PHONE);
        assertThat(browser.visible("#notice").getText())
                .isEqualTo("Plata nu a fost finalizată: nu s-a încasat nimic. Puteți încerca din nou.");
        assertThat(browser.visible("#shop-title").getText()).isEqualTo("Cumpărați un abonament sau credite");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("cancelled");
        clean("widget-shop-cancelled-390");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void session(String name, LocalDate day) throws Exception {
        http.send("POST", "/studios/st_demo/sessions", owner, Map.of("name", name,
                "start", day.atTime(18, 0).atZone(BUCHAREST).toOffsetDateTime().toString(), "durationMinutes", 60,
                "capacity", 5, "instructorId", "sf_demo_owner", "format", "IN_PERSON", "locationId", "lc_demo_main",
                "price", Map.of("amount", 5000, "currency", "RON"), "creditPrice", 1,
                "paymentMethods", List.of("CARD", "CREDITS")));
    }

    /** The card of something on sale in the shop. */
    private static WebElement offer(String name) {
        return browser.await(d -> d.findElements(By.xpath(
                "//section[@id='shop']//li[contains(@class,'card')][.//h4[normalize-space()='" + name + "']]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks an offer's Buy, on a page marked so that {@link #payOnTheCheckout} knows the widget when it comes back. */
    private static void buy(String name) {
        browser.script("window.beforeCheckout = true;");
        offer(name).findElement(By.tagName("button")).click();
    }

    private static void signIn(String email) {
        int before = http.mailsTo(email).size();
        browser.visible("#signin-email").clear();
        browser.visible("#signin-email").sendKeys(email);
        browser.visible("#code-form button[type='submit']").click();
        String code = browser.await(d -> http.codeAfter(email, before));
        browser.visible("#signin-code").sendKeys(code);
        browser.visible("#token-form button[type='submit']").click();
    }

    /**
     * Pays on the local checkout page, whichever way it comes back: its Pay button and then its link back,
     * or straight back to the widget; done when the widget is loaded again (a page without the mark buy() left).
     */
    private static void payOnTheCheckout() {
        browser.await(Duration.ofSeconds(20), (WebDriver d) -> {
            if (!d.getCurrentUrl().contains("/_dev/checkout/")) {
                // the widget again (not the marked page, nor a document still loading), telling how the purchase went
                return Boolean.TRUE.equals(browser.script("const notice = document.getElementById('notice');"
                        + " return window.beforeCheckout === undefined && document.readyState === 'complete'"
                        + " && location.pathname.startsWith('/widget/') && !location.search.includes('paid=')"
                        + " && notice !== null && !notice.hidden;"));
            }
            List<WebElement> pay = d.findElements(By.cssSelector("button.pay"));
            if (!pay.isEmpty()) {
                pay.get(0).click();
                return false;
            }
            List<WebElement> back = d.findElements(By.tagName("a"));
            if (!back.isEmpty()) back.get(0).click();
            return false;
        });
        browser.consoleErrors();
        try {
            browser.visible("#notice");
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("widget-shop-back-from-checkout-failed");
            throw new AssertionError("back from the checkout at " + browser.driver().getCurrentUrl() + " without a notice: "
                    + browser.bodyText(), e);
        }
    }

    /** The book button of a class's card (the list shows two weeks; these classes are days ahead). */
    private static WebElement bookButton(String sessionName) {
        return browser.await(d -> d.findElements(By.xpath(
                "//li[contains(@class,'card')][.//h4[normalize-space()='" + sessionName + "']]//button"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks what css finds, found afresh (the payment choices are drawn again when the wallet has been read). */
    private static void click(String css) {
        browser.await(d -> {
            WebElement found = d.findElement(By.cssSelector(css));
            if (!found.isDisplayed()) return false;
            found.click();
            return true;
        });
    }

    private static String text(String css) {
        return browser.await(d -> {
            WebElement found = d.findElement(By.cssSelector(css));
            return found.isDisplayed() ? found.getText() : null;
        });
    }

    private static String clientToken() throws Exception {
        String stored = (String) browser.script("return localStorage.getItem('studio-booking.client.st_demo');");
        return Json.MAPPER.readTree(stored).get("token").asText();
    }

    private static void clean(String shot) {
        browser.screenshot(shot);
        assertThat(browser.consoleErrors()).as(shot + ": console errors").isEmpty();
        assertThat(browser.horizontalOverflow()).as(shot + ": sideways scrolling").isZero();
    }
}
