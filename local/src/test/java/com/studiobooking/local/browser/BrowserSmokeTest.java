package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.studiobooking.local.LocalRuntime;

/** The browser harness itself: Chromium opens the demo studio's widget and admin page without errors. */
class BrowserSmokeTest {
    private static LocalRuntime runtime;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (runtime != null) runtime.close();
    }

    @Test
    void the_widget_and_the_admin_page_load_without_console_errors() {
        String base = "http://127.0.0.1:" + runtime.port();

        browser.open(base + "/widget/?studio=st_demo", Browser.DESKTOP);
        browser.awaitText("Lotus");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.open(base + "/admin/?studio=st_demo", Browser.PHONE);
        browser.visible("input[type=email]");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
