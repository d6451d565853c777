package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Dimension;

import com.studiobooking.local.LocalRuntime;

/**
 * What the admin page's journey tests share: a local runtime with the demo studio (in memory), its owner
 * signed in over HTTP once (codes are rate-limited per e-mail), and one Chromium for the class. Each test
 * starts signed out, and ends with a screenshot of where it stopped and no console error. A subclass's own
 * {@code @BeforeAll} (named otherwise than {@link #startRuntime}) seeds what it needs after this one.
 */
abstract class AdminBrowserTest {
    static final String DEMO = "st_demo";
    static final String ANA = "ana@example.com";
    static final List<Dimension> SIZES = List.of(Browser.DESKTOP, Browser.PHONE);

    static LocalRuntime runtime;
    static Browser browser;
    static String base;
    static LocalHttp http;
    static String ownerToken;
    /** The owner's session as the admin page keeps it ({@link AdminPage#openSignedIn}). */
    static String ownerSession;

    @BeforeAll
    static void startRuntime() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        http = new LocalHttp(base);
        LocalHttp.StaffSignIn owner = http.signInStaff(DEMO, ANA);
        ownerToken = owner.token();
        ownerSession = owner.pageSession();
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stopRuntime() {
        if (browser != null) browser.close();
        if (runtime != null) runtime.close();
    }

    @BeforeEach
    void signedOut() {
        browser.open(base + "/admin/", Browser.DESKTOP);
        browser.script("localStorage.clear();");
        browser.consoleErrors();
    }

    @AfterEach
    void noConsoleErrors(TestInfo test) {
        browser.screenshot(shots() + "-last-" + test.getTestMethod().orElseThrow().getName());
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    /** The first part of the class's screenshot names, e.g. {@code sessions}. */
    abstract String shots();
}
