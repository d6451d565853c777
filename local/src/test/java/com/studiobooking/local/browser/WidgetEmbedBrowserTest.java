package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.studiobooking.local.LocalRuntime;

/**
 * Issue 15: the widget embedded in a plain HTML page of another site ({@link OtherSite}, another
 * origin): the one-line script puts the widget's iframe where it stands, with the attributes' filters,
 * and the iframe follows the widget's height as it grows. Chromium at 1280 and 390 px. (The admin
 * page's iframe alternative is checked where the page shows it, in AdminWeekBrowserTest.)
 */
class WidgetEmbedBrowserTest {
    private static final List<Dimension> SIZES = List.of(Browser.DESKTOP, Browser.PHONE);

    private static LocalRuntime runtime;
    private static OtherSite site;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        site = new OtherSite();
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
        if (runtime != null) runtime.close();
    }
    @Test
    void one_script_line_puts_the_widget_on_another_sites_page_and_the_frame_follows_its_height() {
        String yoga = site.page("/yoga.html", """
                <h1>Lotus Yoga in Bucharest</h1><p>Book a class below.</p>
                <script src="%s/widget/embed.js" data-studio="st_demo" data-title="Book at Lotus Yoga" async></script>
                <p id="after">Find us at Str. Lalelelor 3.</p>""".formatted(base));
        for (Dimension size : SIZES) {
            browser.open(yoga, size);
            WebElement frame = browser.visible("iframe[title='Book at Lotus Yoga']");
            assertThat(frame.getAttribute("src")).isEqualTo(base + "/widget/?studio=st_demo");
            assertThat((Boolean) browser.script("return arguments[0].nextElementSibling.id === 'after'", frame))
                    .as("the widget stands where the script stands").isTrue();
            long first = OtherSite.frameFollowsContent(browser, frame);

            // more content inside (a service's free times): the frame grows with it
            browser.driver().switchTo().frame(frame);
            browser.await(d -> d.findElements(By.cssSelector("#service-list button")).stream().findFirst().orElse(null)).click();
            browser.visible("#slots");
            browser.driver().switchTo().defaultContent();
            long grown = browser.await(d -> {
                long now = OtherSite.frameFollowsContent(browser, frame);
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
        String massage = site.page("/massage.html", """
                <script src="%s/widget/embed.js" data-studio="st_demo" data-service="sv_demo_massage"
                        data-staff="sf_demo_ioana" data-lang="en" data-title="Massage with Ioana"></script>""".formatted(base));
        browser.open(massage, Browser.PHONE);
        WebElement frame = browser.visible("iframe[title='Massage with Ioana']");
        assertThat(frame.getAttribute("src"))
                .isEqualTo(base + "/widget/?studio=st_demo&service=sv_demo_massage&staff=sf_demo_ioana&lang=en");
        browser.driver().switchTo().frame(frame);
        browser.visible("#slots");
        assertThat(browser.visible("#slots-title").getText()).isEqualTo("Thai massage: free times");
        browser.driver().switchTo().defaultContent();
        OtherSite.frameFollowsContent(browser, frame);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
