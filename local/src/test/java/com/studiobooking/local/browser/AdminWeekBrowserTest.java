package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.local.LocalRuntime;

/**
 * The studio's week run from the admin page (issue 14), in Chromium at 1280 and 390 px: every screen
 * scanned by axe-core (no serious or critical violation), no sideways scrolling on a phone with every
 * list button inside the window, and the journeys (edit and delete, availability, settings, clients)
 * typed and clicked through the page, then checked over HTTP against the local runtime. One browser for
 * the class; any console error fails the test. Screenshots land in {@code local/target/screenshots/admin-week-*}.
 */
class AdminWeekBrowserTest {
    private static final String DEMO = "st_demo";
    private static final String ANA = "ana@example.com";
    private static final List<Dimension> SIZES = List.of(Browser.DESKTOP, Browser.PHONE);

    private static LocalRuntime runtime;
    private static Browser browser;
    private static String base;
    private static LocalHttp http;
    private static String ownerToken;
    /** Sign-ins made once over HTTP (codes are rate-limited per e-mail): e-mail → the page's stored session. */
    private static final Map<String, String> SESSIONS = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        http = new LocalHttp(base);
        ownerToken = signInOverHttp(DEMO, ANA);
        signInOverHttp(DEMO, "ioana@example.com");
        seedBookings();
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stop() {
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
    void noConsoleErrors(org.junit.jupiter.api.TestInfo test) {
        browser.screenshot("admin-week-last-" + test.getTestMethod().orElseThrow().getName());
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void every_screen_passes_axe_at_both_widths() {
        for (Dimension size : SIZES) {
            String width = width(size);
            browser.script("localStorage.clear();");
            browser.open(base + "/admin/?studio=" + DEMO + "&lang=en", size);
            browser.awaitText("Sign in with your e-mail");
            screen(width, "signin");
            signIn(ANA);
            browser.awaitText("Upcoming sessions");
            browser.awaitText("Hatha");
            screen(width, "sessions");
            browser.visible("#new-session-toggle").click();
            browser.visible("#ns-name");
            screen(width, "new-session");
            browser.visible("#new-session-toggle").click();
            AdminPage.openSession(browser, "Hatha");
            browser.awaitText("participants");
            screen(width, "session");
            browser.visible("#session-close").click();
            for (String tab : List.of("bookings", "people", "services", "settings")) {
                AdminPage.selectTab(browser, tab);
                awaitLoaded(tab);
                screen(width, tab);
            }
        }
    }

    @Test
    void the_owner_edits_and_deletes_services_staff_and_locations_with_confirmations_and_field_errors() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            signInAt(size, ANA);
            acceptConfirmations();

            // a service: its price changes; a duration the API refuses is told next to its field
            AdminPage.selectTab(browser, "services");
            browser.awaitText("Thai massage");
            clickRowButton("#service-list", "Thai massage", "Edit");
            browser.awaitText("Change Thai massage");
            WebElement price = browser.visible("#sv-price");
            assertThat(price.getAttribute("value")).isEqualTo(size == Browser.DESKTOP ? "250.00" : "275.00");
            WebElement duration = browser.visible("#sv-duration");
            duration.clear();
            duration.sendKeys("7");
            browser.visible("#service-form button.edit-only[type=submit]").click();
            WebElement error = browser.visible("#service-form .field-error");
            assertThat(error.findElement(By.xpath("..")).findElement(By.cssSelector("input")).getAttribute("id")).isEqualTo("sv-duration");
            assertThat(browser.visible("#service-form .form-error").getText()).startsWith("Duration (minutes): ");
            onlyRefused(400);
            screen(width, "service-edit-error");
            duration.clear();
            duration.sendKeys("60");
            price.clear();
            price.sendKeys(size == Browser.DESKTOP ? "275" : "280.50");
            browser.visible("#service-form button.edit-only[type=submit]").click();
            browser.awaitText("The service Thai massage was saved.");
            long expected = size == Browser.DESKTOP ? 27500 : 28050;
            assertThat(service("Thai massage").get("price").get("amount").asLong()).isEqualTo(expected);
            assertThat(browser.visible("#service-form h3.add-only").isDisplayed()).isTrue();

            // a new service, then deleted after the question
            String extra = "Reflexology " + width;
            typeInto("#sv-name", extra);
            typeInto("#sv-price", "120");
            browser.visible("#sv-staff input[value='sf_demo_ioana']").click();
            browser.visible("#service-form button.add-only[type=submit]").click();
            browser.awaitText(extra + " was added.");
            browser.await(d -> rowsOf("#service-list").stream().anyMatch(r -> r.getText().contains(extra)));
            screen(width, "services-list");
            clickRowButton("#service-list", extra, "Delete");
            browser.awaitText("The service " + extra + " was deleted.");
            assertThat(lastQuestion()).startsWith("Delete the service " + extra + "?");
            assertThat(service(extra)).isNull();

            // a location: added, renamed, deleted
            AdminPage.selectTab(browser, "people");
            browser.awaitText("Ioana Ionescu");
            String room = "Room " + width;
            typeInto("#lc-name", room);
            typeInto("#lc-address", "Strada Florilor 2");
            browser.visible("#location-form button.add-only[type=submit]").click();
            browser.await(d -> rowsOf("#location-list").stream().anyMatch(r -> r.getText().contains(room)));
            clickRowButton("#location-list", room, "Edit");
            typeInto("#lc-name", room + " upstairs");
            browser.visible("#location-form button.edit-only[type=submit]").click();
            browser.awaitText("The location " + room + " upstairs was saved.");
            assertThat(location(room + " upstairs").get("address").asText()).isEqualTo("Strada Florilor 2");
            clickRowButton("#location-list", room + " upstairs", "Delete");
            browser.awaitText("The location " + room + " upstairs was deleted.");
            assertThat(location(room + " upstairs")).isNull();

            // staff: added, given the owner's role and a bio; another removed after the question
            String dan = "Dan " + width;
            typeInto("#sf-name", dan);
            typeInto("#sf-email", "dan-" + width + "@example.com");
            browser.visible("#staff-form button.add-only[type=submit]").click();
            browser.await(d -> rowsOf("#staff-list").stream().anyMatch(r -> r.getText().contains(dan)));
            clickRowButton("#staff-list", dan, "Edit");
            new org.openqa.selenium.support.ui.Select(browser.visible("#sf-role")).selectByValue("OWNER");
            typeInto("#sf-bio", "Pilates and barre");
            browser.visible("#staff-form button.edit-only[type=submit]").click();
            browser.awaitText("The details of " + dan + " were saved.");
            JsonNode changed = staff(dan);
            assertThat(changed.get("role").asText()).isEqualTo("OWNER");
            assertThat(changed.get("bio").asText()).isEqualTo("Pilates and barre");
            assertThat(rowButtons("#staff-list", dan)).as("an owner cannot be removed").containsExactly("Edit");
            screen(width, "people-edited");

            String eva = "Eva " + width;
            typeInto("#sf-name", eva);
            typeInto("#sf-email", "eva-" + width + "@example.com");
            browser.visible("#staff-form button.add-only[type=submit]").click();
            browser.await(d -> rowsOf("#staff-list").stream().anyMatch(r -> r.getText().contains(eva)));
            clickRowButton("#staff-list", eva, "Delete");
            browser.awaitText(eva + " was removed from the team.");
            assertThat(lastQuestion()).startsWith("Remove " + eva + " from the team?");
            assertThat(staff(eva)).isNull();
        }
    }

    @Test
    void a_staff_member_sees_only_what_the_api_lets_staff_do() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            signInAt(size, "ioana@example.com");
            AdminPage.selectTab(browser, "people");
            browser.awaitText("Ioana Ionescu");
            assertThat(browser.driver().findElement(By.id("staff-form")).isDisplayed()).as("no adding staff").isFalse();
            assertThat(rowButtons("#staff-list", "Ana Pop")).as("no changing the owner").isEmpty();
            assertThat(rowButtons("#staff-list", "Ioana Ionescu")).containsExactly("Edit");
            clickRowButton("#staff-list", "Ioana Ionescu", "Edit");
            assertThat(browser.driver().findElement(By.id("sf-email")).isDisplayed()).as("no changing her e-mail").isFalse();
            assertThat(browser.driver().findElement(By.id("sf-role")).isDisplayed()).as("no changing her role").isFalse();
            typeInto("#sf-bio", "Thai massage, " + width);
            browser.visible("#staff-form button.edit-only[type=submit]").click();
            browser.awaitText("The details of Ioana Ionescu were saved.");
            assertThat(staff("Ioana Ionescu").get("bio").asText()).isEqualTo("Thai massage, " + width);
            screen(width, "staff-member-people");

            AdminPage.selectTab(browser, "services");
            browser.awaitText("Thai massage");
            assertThat(browser.driver().findElements(By.cssSelector("#av-staff option")).stream().map(o -> o.getAttribute("value")).toList())
                    .as("only her own hours").containsExactly("sf_demo_ioana");
            AdminPage.selectTab(browser, "settings");
            browser.awaitText("Cancellation policy");
            assertThat(browser.driver().findElements(By.cssSelector("#panel-settings button[type=submit]")).stream()
                    .filter(WebElement::isDisplayed).toList()).as("no saving settings").isEmpty();
            assertThat(browser.visible("#st-name").isEnabled()).isFalse();
            screen(width, "staff-member-settings");
        }
    }

    @Test
    void the_owner_sets_everything_put_settings_takes_and_copies_the_embed_snippet() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            boolean desktop = size == Browser.DESKTOP;
            signInAt(size, ANA);
            AdminPage.selectTab(browser, "settings");
            browser.awaitText("Cancellation policy");

            typeInto("#st-name", "Lotus Yoga " + width);
            new Select(browser.visible("#st-timezone")).selectByValue(desktop ? "Europe/Berlin" : "Europe/Bucharest");
            typeInto("#st-currency", desktop ? "eur" : "RON");
            new Select(browser.visible("#st-locale")).selectByValue(desktop ? "en" : "ro");
            typeInto("#st-reminder", "12");
            submit("#settings-general");
            JsonNode settings = settings();
            assertThat(settings.get("name").asText()).isEqualTo("Lotus Yoga " + width);
            assertThat(settings.get("timezone").asText()).isEqualTo(desktop ? "Europe/Berlin" : "Europe/Bucharest");
            assertThat(settings.get("currency").asText()).isEqualTo(desktop ? "EUR" : "RON");
            assertThat(settings.get("locale").asText()).isEqualTo(desktop ? "en" : "ro");
            assertThat(settings.get("missingLinkReminderHours").asInt()).isEqualTo(12);

            typeInto("#st-notice", "90");
            typeInto("#st-ahead", "45");
            submit("#settings-booking");
            assertThat(settings().get("bookingPolicy").get("minNoticeMinutes").asInt()).isEqualTo(90);

            typeInto("#st-cancel-text", "Free cancellation up to 6 hours before.");
            typeInto("#st-cutoff", "6");
            new Select(browser.visible("#st-refund")).selectByValue("CREDIT");
            submit("#settings-cancellation");
            assertThat(settings().get("cancellationPolicy").get("refund").asText()).isEqualTo("CREDIT");

            check("#st-pm-studio", true);
            submit("#settings-payments");
            assertThat(settings().get("paymentMethods").toString()).contains("PAY_AT_STUDIO");

            typeInto("#st-bank-due", "24");
            submit("#settings-bank");
            assertThat(settings().get("bankTransfer").get("dueHours").asInt()).isEqualTo(24);

            check("#st-collections", false);
            submit("#settings-appearance");
            assertThat(settings().get("appearance").get("showServiceCollections").asBoolean()).isFalse();

            // reminders: a refused list is told next to its field, then a good one is stored
            check("#st-remind-enabled", true);
            typeInto("#st-remind-hours", "24, two");
            browser.visible("#settings-reminders button[type=submit]").click();
            browser.awaitText("Enter whole hours separated by commas");
            typeInto("#st-remind-hours", "24, 2");
            submit("#settings-reminders");
            assertThat(settings().get("clientReminders").toString()).contains("true").contains("2").contains("24");

            check("#st-forfeit", true);
            submit("#settings-noshow");
            assertThat(settings().get("noShowPolicy").get("forfeit").asBoolean()).isTrue();

            check("#st-waitlist-enabled", true);
            typeInto("#st-waitlist-closes", "30");
            submit("#settings-waitlist");
            assertThat(settings().get("waitlist").get("enabled").asBoolean()).isTrue();
            assertThat(settings().get("waitlist").get("closesMinutesBefore").asInt()).isEqualTo(30);

            new Select(browser.visible("#st-notices-mode")).selectByValue("DAILY_DIGEST");
            typeInto("#st-digest-hour", "6");
            submit("#settings-notices");
            assertThat(settings().get("instructorNotices").get("mode").asText()).isEqualTo("DAILY_DIGEST");
            assertThat(settings().get("instructorNotices").get("digestHour").asInt()).isEqualTo(6);

            // the booking links and the embed snippet, copied with its button
            String snippet = browser.visible("#st-embed").getAttribute("value");
            assertThat(snippet).startsWith("<script src=\"" + base + "/widget/embed.js\" data-studio=\"st_demo\"")
                    .contains("<iframe id=\"studio-booking\" src=\"" + base + "/widget/?studio=st_demo\"").endsWith("</script>");
            assertThat(browser.visible("#st-links").getText()).contains("/widget/?studio=st_demo", "Thai massage");
            browser.visible("#st-embed-copy").click();
            browser.awaitText("The snippet was copied.");
            screen(width, "settings-all");

            // the snippet's choices: one staff member's bookings, classes as the week's timetable, in English
            new Select(browser.visible("#em-offer")).selectByValue("staff:sf_demo_owner");
            new Select(browser.visible("#em-view")).selectByValue("week");
            new Select(browser.visible("#em-lang")).selectByValue("en");
            String chosen = browser.visible("#st-embed").getAttribute("value");
            assertThat(chosen).startsWith("<script src=\"" + base + "/widget/embed.js\" data-studio=\"st_demo\""
                    + " data-staff=\"sf_demo_owner\" data-view=\"week\" data-lang=\"en\" data-title=")
                    .contains("<iframe id=\"studio-booking\" src=\"" + base
                            + "/widget/?studio=st_demo&amp;staff=sf_demo_owner&amp;view=week&amp;lang=en\"");
            browser.assertAccessible("admin-embed-options-" + width);
            screen(width, "settings-embed-options");
            new Select(browser.visible("#em-offer")).selectByValue("");
            new Select(browser.visible("#em-view")).selectByValue("");
            new Select(browser.visible("#em-lang")).selectByValue("");
            assertThat(browser.visible("#st-embed").getAttribute("value")).isEqualTo(snippet);

            // the iframe alternative, pasted into a page of the studio's own site, follows the widget's height
            try (OtherSite site = new OtherSite()) {
                browser.open(site.page("/classes.html", "<h1>Classes</h1>" + snippet.substring(snippet.indexOf("<!--"))), size);
                OtherSite.frameFollowsContent(browser, browser.visible("#studio-booking"));
                assertThat(browser.consoleErrors()).isEmpty();
                // the script with the choices, pasted into another page: the widget it puts there asks for them
                browser.open(site.page("/week.html", "<h1>Week</h1>" + chosen.substring(0, chosen.indexOf("\n\n<!--"))), size);
                WebElement frame = browser.visible("iframe");
                assertThat(frame.getAttribute("src")).endsWith("/widget/?studio=st_demo&staff=sf_demo_owner&lang=en&view=week");
                browser.driver().switchTo().frame(frame);
                browser.await(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
                browser.driver().switchTo().defaultContent();
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
        // back to the demo's zone, currency and language for the other tests
        http.send("PUT", "/studios/" + DEMO + "/settings", ownerToken, Map.of("timezone", "Europe/Bucharest", "currency", "RON", "locale", "ro"));
    }

    @Test
    void the_owner_plans_date_overrides_and_time_off_for_a_staff_member() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        for (Dimension size : SIZES) {
            String width = width(size);
            int shift = size == Browser.DESKTOP ? 0 : 40;
            signInAt(size, ANA);
            AdminPage.selectTab(browser, "services");
            browser.awaitText("Thai massage");
            new Select(browser.visible("#av-staff")).selectByValue("sf_demo_ioana");
            browser.await(d -> !d.findElements(By.cssSelector("#av-rows .av-row")).isEmpty());

            // a day off (a holiday), a day with other hours, and a sick day as time off
            String holiday = today.plusDays(10 + shift).toString();
            String shortDay = today.plusDays(11 + shift).toString();
            clickVisible("#av-add-override");
            WebElement first = browser.await(d -> d.findElements(By.cssSelector("#av-overrides .override-row")).stream().reduce((a, b) -> b).orElse(null));
            setDate(first.findElement(By.cssSelector("[data-part=date]")), holiday);
            clickVisible("#av-add-override");
            WebElement second = browser.await(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#av-overrides .override-row"));
                return rows.size() >= 2 ? rows.get(rows.size() - 1) : null;
            });
            setDate(second.findElement(By.cssSelector("[data-part=date]")), shortDay);
            second.findElement(By.cssSelector("[data-part=dayOff]")).click();
            WebElement start = second.findElement(By.cssSelector("[data-part=start]"));
            start.clear();
            start.sendKeys("25:00");
            clickVisible("#availability-form button[type=submit]");
            WebElement error = browser.visible("#availability-form .field-error");
            assertThat(error.getText()).contains("Enter a time");
            start.clear();
            start.sendKeys("12:00");
            WebElement end = second.findElement(By.cssSelector("[data-part=end]"));
            end.clear();
            end.sendKeys("15:30");

            String sickFrom = today.plusDays(20 + shift).toString();
            String sickUntil = today.plusDays(21 + shift).toString();
            clickVisible("#av-add-timeoff");
            WebElement off = browser.await(d -> d.findElements(By.cssSelector("#av-timeoff .timeoff-row")).stream().reduce((a, b) -> b).orElse(null));
            setDate(off.findElement(By.cssSelector("[data-part=startDate]")), sickFrom);
            setDate(off.findElement(By.cssSelector("[data-part=endDate]")), sickUntil);
            clickVisible("#availability-form button[type=submit]");
            browser.awaitText("The availability of Ioana Ionescu was saved.");
            screen(width, "availability");

            JsonNode a = http.send("GET", "/studios/" + DEMO + "/staff/sf_demo_ioana/availability", ownerToken, null);
            assertThat(a.get("weekly").size()).as("weekly hours kept").isEqualTo(5);
            Map<String, JsonNode> overrides = new java.util.HashMap<>();
            a.get("overrides").forEach(o -> overrides.put(o.get("date").asText(), o));
            assertThat(overrides.get(holiday).get("intervals").size()).as("a day off").isZero();
            JsonNode interval = overrides.get(shortDay).get("intervals").get(0);
            assertThat(interval.get("start").asText()).startsWith("12:00");
            assertThat(interval.get("end").asText()).startsWith("15:30");
            JsonNode sick = null;
            for (JsonNode t : a.get("timeOff")) {
                if (java.time.OffsetDateTime.parse(t.get("start").asText()).atZoneSameInstant(ZoneId.of("Europe/Bucharest")).toLocalDate().toString().equals(sickFrom)) sick = t;
            }
            assertThat(sick).as("the sick day, from midnight in the studio's zone").isNotNull();
            assertThat(java.time.OffsetDateTime.parse(sick.get("end").asText()).atZoneSameInstant(ZoneId.of("Europe/Bucharest")).toLocalDateTime())
                    .isEqualTo(LocalDate.parse(sickUntil).atStartOfDay());

            // shown again after a reload
            browser.driver().navigate().refresh();
            browser.awaitText("Upcoming sessions");
            AdminPage.selectTab(browser, "services");
            new Select(browser.visible("#av-staff")).selectByValue("sf_demo_ioana");
            browser.await(d -> d.findElements(By.cssSelector("#av-overrides .override-row")).size() >= 2
                    && !d.findElements(By.cssSelector("#av-timeoff .timeoff-row")).isEmpty());
            // the rows follow a change of language, as typed
            new Select(browser.visible("#language")).selectByValue("ro");
            browser.awaitText("Zi liberă");
            browser.awaitText("Concediu și absențe");
            assertThat(browser.driver().findElements(By.cssSelector("#av-overrides [data-part=date]")).stream()
                    .map(e -> e.getAttribute("value")).toList()).contains(holiday, shortDay);
            screen(width, "availability-ro");
        }
    }

    @Test
    void the_owner_sets_up_pass_types_and_credit_packs_and_gives_a_client_a_pass_and_credits() throws Exception {
        for (Dimension size : SIZES) {
            String width = width(size);
            signInAt(size, ANA);
            AdminPage.selectTab(browser, "clients");
            browser.awaitText("Pass types");
            screen(width, "clients");

            String passName = "10 classes " + width;
            typeInto("#pt-name", passName);
            typeInto("#pt-entries", "10");
            typeInto("#pt-days", "60");
            typeInto("#pt-price", "400");
            clickVisible("#pass-type-form button[type=submit]");
            browser.awaitText("The pass type " + passName + " was added.");
            String packName = "20 credits " + width;
            typeInto("#cp-name", packName);
            typeInto("#cp-credits", "20");
            typeInto("#cp-price", "700");
            clickVisible("#credit-pack-form button[type=submit]");
            browser.awaitText("The credit pack " + packName + " was added.");
            JsonNode passType = null;
            for (JsonNode p : http.send("GET", "/studios/" + DEMO + "/pass-types", ownerToken, null).get("passTypes")) {
                if (p.get("name").asText().equals(passName)) passType = p;
            }
            assertThat(passType.get("price").get("amount").asLong()).isEqualTo(40000);

            String email = "client-" + width + "@example.com";
            typeInto("#cl-email", email);
            clickVisible("#client-form button[type=submit]");
            browser.awaitText(email + " is now a client of the studio.");
            clickRowButton("#client-list", email, "Passes and credits");
            browser.awaitText("Passes and credits of " + email);
            new Select(browser.visible("#ip-type")).selectByValue(passType.get("passTypeId").asText());
            typeInto("#ip-note", "paid in cash");
            clickVisible("#issue-pass-form button[type=submit]");
            browser.awaitText("The pass was given to " + email + ".");

            // both a pack and a number: told next to the field, nothing sent
            Select packs = new Select(browser.visible("#gc-pack"));
            packs.selectByValue(packs.getOptions().stream().filter(o -> o.getText().startsWith(packName + " · ")).findFirst().orElseThrow().getAttribute("value"));
            typeInto("#gc-credits", "5");
            clickVisible("#grant-credits-form button[type=submit]");
            browser.awaitText("Choose a pack or type a number of credits, not both.");
            browser.visible("#gc-credits").clear();
            clickVisible("#grant-credits-form button[type=submit]");
            browser.awaitText("The credits were given to " + email + ".");
            browser.awaitText("Pass given");
            browser.awaitText("Credits given");
            screen(width, "wallet");

            String clientId = null;
            for (JsonNode c : http.send("GET", "/studios/" + DEMO + "/clients", ownerToken, null).get("clients")) {
                if (c.get("email").asText().equals(email)) clientId = c.get("clientId").asText();
            }
            JsonNode wallet = http.send("GET", "/studios/" + DEMO + "/clients/" + clientId + "/wallet", ownerToken, null);
            assertThat(wallet.get("credits").asInt()).isEqualTo(20);
            assertThat(wallet.get("passes").get(0).get("entriesLeft").asInt()).isEqualTo(10);
            assertThat(wallet.get("history").toString()).contains("paid in cash");

            clickVisible("#wallet-close");
            browser.await(d -> rowsOf("#client-list").stream().anyMatch(r -> r.getText().contains(email) && r.getText().contains("20 credits")));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Opens the page signed in as {@code email} with the session signed in over HTTP in {@link #start}
     * (the page's own sign-in is driven once, in the axe test: codes are rate-limited per e-mail).
     */
    private static void signInAt(Dimension size, String email) {
        AdminPage.openSignedIn(browser, base, DEMO, SESSIONS.get(email), size,
                email.equals(ANA) ? "Upcoming sessions" : "My classes today"); // a STAFF member starts on her day
    }

    /** The console held nothing but the browser's own line for a request the API refused with {@code status}. */
    private static void onlyRefused(int status) {
        assertThat(browser.consoleErrors()).as("console errors").isNotEmpty()
                .allMatch(line -> line.contains("Failed to load resource: the server responded with a status of " + status));
    }

    /** window.confirm answers yes and keeps the questions asked. */
    private static void acceptConfirmations() {
        browser.script("window.asked = []; window.confirm = (q) => { window.asked.push(q); return true; };");
    }

    private static String lastQuestion() {
        return String.valueOf(browser.script("return window.asked[window.asked.length - 1];"));
    }

    private static void typeInto(String css, String text) {
        WebElement field = browser.visible(css);
        field.clear();
        field.sendKeys(text);
    }

    private static List<WebElement> rowsOf(String list) {
        return browser.driver().findElements(By.cssSelector(list + " tbody tr"));
    }

    /** The visible texts of the buttons in the row that names {@code name}. */
    private static List<String> rowButtons(String list, String name) {
        return rowsOf(list).stream().filter(r -> r.getText().contains(name)).findFirst().orElseThrow()
                .findElements(By.cssSelector("button")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private static void clickRowButton(String list, String name, String button) {
        WebElement found = browser.await(d -> rowsOf(list).stream().filter(r -> r.getText().contains(name)).findFirst()
                .flatMap(r -> r.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals(button)).findFirst())
                .orElse(null));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", found);
        found.click();
    }

    /** Submits a settings form and waits for the page to say it was saved. */
    private static void submit(String form) {
        browser.script("document.getElementById('notice').hidden = true;");
        WebElement button = browser.visible(form + " button[type=submit]");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        browser.await(d -> d.findElement(By.id("notice")).isDisplayed() && d.findElement(By.id("notice")).getText().equals("Settings saved."));
        assertThat(browser.driver().findElements(By.cssSelector(form + " .field-error"))).isEmpty();
    }

    private static void check(String css, boolean on) {
        WebElement box = browser.visible(css);
        if (box.isSelected() != on) {
            browser.script("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
        }
    }

    private static JsonNode settings() throws Exception {
        return http.send("GET", "/studios/" + DEMO + "/settings", ownerToken, null);
    }

    private static void clickVisible(String css) {
        WebElement button = browser.visible(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    /** A date input's value as yyyy-mm-dd (typing depends on the browser's locale), with the events typing sends. */
    private static void setDate(WebElement input, String date) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date);
    }

    private static JsonNode named(String path, String list, String name) throws Exception {
        for (JsonNode item : http.send("GET", "/studios/" + DEMO + path, ownerToken, null).get(list)) {
            if (item.get("name").asText().equals(name)) return item;
        }
        return null;
    }

    private static JsonNode service(String name) throws Exception {
        return named("/services", "services", name);
    }

    private static JsonNode location(String name) throws Exception {
        return named("/locations", "locations", name);
    }

    private static JsonNode staff(String name) throws Exception {
        return named("/staff", "staff", name);
    }


    private static String width(Dimension size) {
        return size == Browser.DESKTOP ? "desktop" : "phone";
    }

    /** The screen as it is: axe-scanned, not scrolling sideways on a phone, no console error, kept as a PNG. */
    private static void screen(String width, String name) {
        browser.assertAccessible(name + " at " + width);
        assertNoSidewaysScroll(width + " " + name);
        assertListsFit(width, name);
        assertThat(browser.consoleErrors()).as("console errors on " + name).isEmpty();
        browser.screenshot("admin-week-" + width + "-" + name);
    }

    private static void awaitLoaded(String tab) {
        switch (tab) {
            case "bookings" -> browser.awaitText("Maria Popescu");
            case "people" -> browser.awaitText("Ioana Ionescu");
            case "services" -> browser.awaitText("Thai massage");
            case "settings" -> browser.awaitText("Cancellation policy");
            default -> { }
        }
    }

    /**
     * On a phone every table is a list of cards and every button of the lists lies inside the window's
     * width; on a desktop tables stay tables.
     */
    @SuppressWarnings("unchecked")
    private static void assertListsFit(String width, String name) {
        List<String> displays = (List<String>) browser.script("""
                return [...document.querySelectorAll('table.cards tbody tr')].filter((r) => r.offsetParent)
                  .map((r) => getComputedStyle(r).display);""");
        assertThat(displays).as(name + ": rows").allMatch(width.equals("phone") ? "block"::equals : "table-row"::equals);
        List<String> outside = (List<String>) browser.script("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('main button, main a.button')].filter((b) => b.offsetParent)
                  .filter((b) => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > w + 0.5; })
                  .map((b) => (b.getAttribute('aria-label') || b.textContent) + ' right=' + Math.round(b.getBoundingClientRect().right));""");
        assertThat(outside).as(name + " at " + width + ": buttons outside the window").isEmpty();
    }

    /** Nothing wider than the window; else the message names the elements that stick out. */
    private static void assertNoSidewaysScroll(String screen) {
        if (browser.horizontalOverflow() == 0) return;
        Object culprits = browser.script("""
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && r.right > document.documentElement.clientWidth + 1) {
                    out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 12).join('; ');""");
        assertThat(browser.horizontalOverflow()).as(screen + ": " + culprits).isZero();
    }

    private static void signIn(String email) {
        int before = http.mailsTo(email).size();
        WebElement field = browser.visible("#signin-email");
        field.clear();
        field.sendKeys(email);
        browser.visible("#code-form button[type=submit]").click();
        browser.visible("#signin-code");
        String code = browser.await(d -> http.codeAfter(email, before));
        browser.visible("#signin-code").sendKeys(code);
        browser.visible("#token-form button[type=submit]").click();
        browser.visible("#app");
    }



    // ---------------------------------------------------------------------------------------------
    // Fixtures and checks over HTTP, as any client would

    private static void seedBookings() throws Exception {
        http.send("PUT", "/studios/" + DEMO + "/settings", ownerToken,
                Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO")));
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        String start = LocalDate.now(zone).plusDays(3).atTime(18, 0).atZone(zone).toOffsetDateTime().toString();
        String sessionId = http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, Map.of("name", "Hatha",
                "start", start, "durationMinutes", 60, "capacity", 20, "instructorId", "sf_demo_owner", "format", "IN_PERSON",
                "locationId", "lc_demo_main", "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("BANK_TRANSFER", "PAY_AT_STUDIO"))).get("sessionId").asText();
        book(sessionId, "Maria Popescu", "maria.popescu@example.com", "BANK_TRANSFER");
        book(sessionId, "Radu Ionescu", "radu@example.com", "PAY_AT_STUDIO");
    }

    private static void book(String sessionId, String name, String email, String method) throws Exception {
        http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("sessionId", sessionId,
                "client", Map.of("name", name, "email", email), "paymentMethod", method));
    }

    static String signInOverHttp(String studioId, String email) throws Exception {
        LocalHttp.StaffSignIn signedIn = http.signInStaff(studioId, email);
        SESSIONS.put(email, signedIn.pageSession());
        return signedIn.token();
    }


}
