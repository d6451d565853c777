package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** Moves through the admin page the way a person does: its tabs and the sessions list. */
final class AdminPage {
    private AdminPage() {}

    static void selectTab(Browser browser, String tab) {
        browser.visible("#tab-" + tab).click();
        browser.visible("#panel-" + tab);
    }

    /** Opens the first session in the list whose row names {@code name}. */
    static void openSession(Browser browser, String name) {
        browser.await(d -> d.findElements(By.cssSelector("#session-list tr")).stream()
                .filter(row -> row.getText().contains(name)).findFirst()
                .map(row -> row.findElement(By.cssSelector("button"))).orElse(null)).click();
        browser.visible("#session-detail");
    }

    /**
     * Opens the admin page of {@code studioId} in English, signed in with a session made over HTTP
     * ({@link LocalHttp#signInStaff}), and waits for the first screen's {@code firstText} (an owner starts on
     * the sessions, a STAFF member on her day).
     */
    static void openSignedIn(Browser browser, String base, String studioId, String pageSession, Dimension size, String firstText) {
        String page = base + "/admin/?studio=" + studioId + "&lang=en";
        browser.open(page, size);
        browser.script("localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);",
                "studio-booking.staff." + studioId, pageSession);
        browser.open(page, size);
        browser.awaitText(firstText);
    }

    /** A screen as it must be: axe finds no serious violation, nothing scrolls sideways, no console error; then its screenshot. */
    static void checkScreen(Browser browser, String shot) {
        browser.assertAccessible(shot);
        assertThat(browser.horizontalOverflow()).as(shot + ": sideways scrolling").isZero();
        assertThat(browser.consoleErrors()).as(shot + ": console errors").isEmpty();
        browser.screenshot(shot);
    }
}
