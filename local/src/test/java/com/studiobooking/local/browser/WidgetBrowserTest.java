package com.studiobooking.local.browser;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

import com.studiobooking.local.LocalRuntime;

/**
 * What the widget's journey tests share: a local runtime with the demo studio (in memory, Romanian, in
 * Bucharest), its owner's token for seeding over HTTP, and one Chromium for the class. A subclass's own
 * {@code @BeforeAll} (named otherwise than {@link #startRuntime}) seeds what it needs after this one.
 */
abstract class WidgetBrowserTest {
    static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    static final List<Dimension> SIZES = List.of(Browser.DESKTOP, Browser.PHONE);

    static LocalRuntime runtime;
    static Browser browser;
    static String base;
    static LocalHttp http;
    /** The demo studio owner's token. */
    static String owner;

    @BeforeAll
    static void startRuntime() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        http = new LocalHttp(base);
        owner = http.signIn("st_demo", "ana@example.com").get("token").asText();
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stopRuntime() {
        if (browser != null) browser.close();
        if (runtime != null) runtime.close();
    }
}
