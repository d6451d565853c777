package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.studiobooking.local.LocalRuntime;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue 15: the widget embedded in a plain HTML page of another site (another origin, served here by the
 * JDK's own HTTP server): the one-line script puts the widget's iframe where it stands, with the
 * attributes' filters, and the iframe follows the widget's height as it grows and shrinks; the admin
 * page's iframe alternative does the same with its own listener. Chromium at 1280 and 390 px.
 */
class WidgetEmbedBrowserTest {
    /** The admin page's snippets, as AdminWeekBrowserTest read them from the page (when it ran first). */
    static final List<String> SNIPPETS = new CopyOnWriteArrayList<>();
    private static final List<Dimension> SIZES = List.of(Browser.DESKTOP, Browser.PHONE);

    private static LocalRuntime runtime;
    private static HttpServer site;
    private static Browser browser;
    private static String base;
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (site != null) site.stop(0);
        if (runtime != null) runtime.close();
    }

    @Test
    void one_script_line_puts_the_widget_on_another_sites_page_and_the_frame_follows_its_height() {
        PAGES.put("/yoga.html", page("""
                <h1>Lotus Yoga in Bucharest</h1><p>Book a class below.</p>
                <script src="%s/widget/embed.js" data-studio="st_demo" data-title="Book at Lotus Yoga" async></script>
                <p id="after">Find us at Str. Lalelelor 3.</p>""".formatted(base)));
        for (Dimension size : SIZES) {
            browser.open(site() + "/yoga.html", size);
            WebElement frame = browser.visible("iframe[title='Book at Lotus Yoga']");
            assertThat(frame.getAttribute("src")).isEqualTo(base + "/widget/?studio=st_demo");
            assertThat((Boolean) browser.script("return arguments[0].nextElementSibling.id === 'after'", frame))
                    .as("the widget stands where the script stands").isTrue();
            long first = followsContent(frame);

            // more content inside (a service's free times): the frame grows with it
            browser.driver().switchTo().frame(frame);
            browser.await(d -> d.findElements(By.cssSelector("#service-list button")).stream().findFirst().orElse(null)).click();
            browser.visible("#slots");
            browser.driver().switchTo().defaultContent();
            long grown = browser.await(d -> {
                long now = followsContent(frame);
                return now > first ? now : null;
            });
            assertThat(grown).isGreaterThan(first);
            browser.screenshot("widget-embed-" + size.getWidth());
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.horizontalOverflow()).isZero();
        }
    }

    @Test
    void the_attributes_narrow_the_widget_to_a_service_and_a_staff_member() {
        PAGES.put("/massage.html", page("""
                <script src="%s/widget/embed.js" data-studio="st_demo" data-service="sv_demo_massage"
                        data-staff="sf_demo_ioana" data-lang="en" data-title="Massage with Ioana"></script>""".formatted(base)));
        browser.open(site() + "/massage.html", Browser.PHONE);
        WebElement frame = browser.visible("iframe[title='Massage with Ioana']");
        assertThat(frame.getAttribute("src"))
                .isEqualTo(base + "/widget/?studio=st_demo&service=sv_demo_massage&staff=sf_demo_ioana&lang=en");
        browser.driver().switchTo().frame(frame);
        browser.visible("#slots");
        assertThat(browser.visible("#slots-title").getText()).isEqualTo("Thai massage: free times");
        browser.driver().switchTo().defaultContent();
        followsContent(frame);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_admin_pages_iframe_alternative_follows_the_widgets_height_too() {
        String snippet = SNIPPETS.isEmpty() ? null : SNIPPETS.get(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(snippet != null,
                "AdminWeekBrowserTest reads the snippet from the admin page; it did not run first in this JVM");
        String iframeOnly = snippet.substring(snippet.indexOf("<!--"));
        PAGES.put("/iframe.html", page("<h1>Classes</h1>" + iframeOnly));
        browser.open(site() + "/iframe.html", Browser.DESKTOP);
        followsContent(browser.visible("#studio-booking"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Waits until the frame is as tall as the widget's page inside it (within a pixel); that height. */
    private static long followsContent(WebElement frame) {
        return browser.await(d -> {
            long outer = frame.getSize().getHeight();
            d.switchTo().frame(frame);
            long inner = ((Number) browser.script("const s = getComputedStyle(document.body); return Math.ceil("
                    + "document.body.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom));")).longValue();
            boolean scrolls = (Boolean) browser.script(
                    "return document.documentElement.scrollHeight > document.documentElement.clientHeight + 1;");
            d.switchTo().defaultContent();
            return inner > 300 && Math.abs(outer - inner) <= 1 && !scrolls ? outer : null;
        });
    }

    private static String site() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    private static String page(String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Studio site</title></head>"
                + "<body style=\"font-family:sans-serif;margin:1rem\">" + body + "</body></html>";
    }
}
