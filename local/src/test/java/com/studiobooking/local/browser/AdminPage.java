package com.studiobooking.local.browser;

import org.openqa.selenium.By;

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
}
