package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Calendar tab (issue 14) in Chromium at 1280 and 390 px, against the local runtime's demo studio
 * (Europe/Bucharest, while the browser runs in the machine's zone): next week's sessions of two instructors
 * at two locations and the appointments land on their days at their studio times, the staff and location
 * filters narrow the week, the pager moves by weeks, a session opens in the Sessions tab and an appointment
 * shows its details; and an instructor (STAFF) signing in lands on "my classes today" with the participants
 * and marks attendance, checked over HTTP. Every screen is axe-scanned and does not scroll sideways on a
 * phone. Screenshots land in {@code local/target/screenshots/calendar-*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarBrowserTest extends AdminBrowserTest {
    private static final String IOANA = "ioana@example.com";
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    private static LocalDate monday;
    private static String massageStart;
    private static final Map<String, String> TODAY_BOOKINGS = new HashMap<>();
    private static ZonedDateTime morningStart;

    @BeforeAll
    static void start() throws Exception {
        seed();
    }

    @Override
    String shots() {
        return "calendar";
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void the_week_shows_each_session_and_appointment_on_its_day_at_studio_time_and_the_filters_and_pager_move_it() {
        for (Dimension size : SIZES) {
            String width = width(size);
            signInAsOwner(size);
            AdminPage.selectTab(browser, "calendar");
            browser.visible("#cal-title");
            assertThat(browser.visible("#cal-title").getText()).isEqualTo("Week calendar");
            assertThat(browser.visible("#cal-zone").getText()).contains("Europe/Bucharest");
            browser.visible("#cal-next").click();
            awaitDay(monday.plusDays(1), "Yin Garden");

            String tuesday = dayText(monday.plusDays(1));
            assertThat(tuesday).contains("Yin Garden", "07:30 AM–08:30 AM", "Ioana Ionescu · Garden studio", "2/12 booked");
            String thursday = dayText(monday.plusDays(3));
            assertThat(thursday).contains("Power Main", "07:00 PM–08:00 PM", "Ana Pop · Main room", "1/8 booked");
            String wednesday = dayText(monday.plusDays(2));
            assertThat(wednesday).contains("Thai massage", clock(massageStart), "Appointment: Elena Marin");
            assertThat(browser.bodyText()).doesNotContain("Dan Cancelled", "Barre Cancelled");
            assertThat(itemsOf(monday.plusDays(1))).as("time order").containsSubsequence("Yin Garden", "Evening Yin");
            screen(width, "week");

            // cancelled bookings appear struck through only when asked for
            browser.visible("#cal-cancelled").click();
            WebElement cancelled = browser.await(d -> d.findElements(By.cssSelector(".cal-item.cancelled")).stream()
                    .filter(e -> e.getText().contains("Dan Cancelled")).findFirst().orElse(null));
            assertThat(cancelled.findElement(By.cssSelector(".cal-name")).getCssValue("text-decoration-line")).isEqualTo("line-through");
            assertThat(cancelled.getText()).contains("Cancelled");
            WebElement cancelledClass = item(monday.plusDays(4), "Barre Cancelled");
            assertThat(cancelledClass.getAttribute("class")).contains("cancelled");
            assertThat(cancelledClass.getText()).contains("09:00 AM–10:00 AM", "Cancelled").doesNotContain("booked");
            assertThat(itemsOf(monday.plusDays(4))).containsExactly("Barre Cancelled", "Thai massage");
            screen(width, "week-cancelled");
            browser.visible("#cal-cancelled").click();
            browser.await(d -> !browser.bodyText().contains("Dan Cancelled") && !browser.bodyText().contains("Barre Cancelled"));

            // staff, then location, narrow the week
            new Select(browser.visible("#cal-staff")).selectByVisibleText("Ioana Ionescu");
            browser.await(d -> !browser.bodyText().contains("Power Main"));
            assertThat(browser.bodyText()).contains("Yin Garden", "Thai massage");
            screen(width, "week-ioana");
            new Select(browser.visible("#cal-staff")).selectByVisibleText("Everyone");
            new Select(browser.visible("#cal-location")).selectByVisibleText("Main room");
            browser.await(d -> !browser.bodyText().contains("Yin Garden"));
            assertThat(browser.bodyText()).contains("Power Main", "Thai massage");
            new Select(browser.visible("#cal-location")).selectByVisibleText("All locations");

            // the pager moves by weeks; Today comes back to this week
            String range = browser.visible("#cal-range").getText();
            browser.visible("#cal-next").click();
            browser.await(d -> !browser.visible("#cal-range").getText().equals(range));
            browser.await(d -> d.findElements(By.cssSelector("section.cal-day[data-date='" + monday.plusDays(7) + "']")).size() == 1);
            assertThat(browser.bodyText()).doesNotContain("Yin Garden");
            browser.visible("#cal-prev").click();
            awaitDay(monday.plusDays(1), "Yin Garden");
            browser.visible("#cal-today").click();
            browser.await(d -> d.findElements(By.cssSelector("section.cal-day.today")).size() == 1);
            browser.visible("#cal-next").click();
            awaitDay(monday.plusDays(1), "Yin Garden");

            // the day view: one day, the same entries
            browser.visible(".cal-views [data-view='day']").click();
            assertThat(browser.visible("#cal-title").getText()).isEqualTo("Day calendar");
            LocalDate shown = LocalDate.now(ZONE).plusDays(7); // the day the week was reached from
            for (; shown.isAfter(monday.plusDays(1)); shown = shown.minusDays(1)) browser.visible("#cal-prev").click();
            for (; shown.isBefore(monday.plusDays(1)); shown = shown.plusDays(1)) browser.visible("#cal-next").click();
            awaitDay(monday.plusDays(1), "Yin Garden");
            assertThat(browser.driver().findElements(By.cssSelector("section.cal-day"))).hasSize(1);
            screen(width, "day");
            browser.visible(".cal-views [data-view='week']").click();
            awaitDay(monday.plusDays(1), "Yin Garden");

            // an appointment shows its details; a session opens in the Sessions tab
            item(monday.plusDays(2), "Thai massage").click();
            WebElement detail = browser.visible("#cal-detail");
            assertThat(detail.getText()).contains("Elena Marin", "elena@example.com", "Pay at the studio", "Confirmed", "Ioana Ionescu");
            screen(width, "appointment");
            browser.visible("#cal-detail-close").click();
            item(monday.plusDays(1), "Yin Garden").click();
            browser.visible("#session-detail");
            browser.await(d -> browser.visible("#session-title").getText().startsWith("Yin Garden"));
            assertThat(browser.bodyText()).contains("Lia Stan", "Toma Radu");

            // an owner reaches "my classes today" too
            AdminPage.selectTab(browser, "calendar");
            browser.visible(".cal-views [data-view='mine']").click();
            browser.await(d -> browser.visible("#cal-title").getText().equals("My classes today"));
        }
    }

    @Test
    @Order(2)
    void the_week_reads_in_romanian_with_the_24_hour_clock() {
        signInAsOwner(Browser.DESKTOP);
        browser.open(base + "/admin/?studio=" + DEMO + "&lang=ro", Browser.DESKTOP);
        AdminPage.selectTab(browser, "calendar");
        browser.await(d -> browser.visible("#cal-title").getText().equals("Calendarul săptămânii"));
        browser.visible("#cal-next").click();
        awaitDay(monday.plusDays(1), "Yin Garden");
        assertThat(dayText(monday.plusDays(1))).contains("Marți", "07:30–08:30", "2/12 rezervate");
        assertThat(dayText(monday.plusDays(2))).contains("Programare: Elena Marin");
        assertThat(browser.visible("#cal-zone").getText()).startsWith("Orele sunt în fusul orar al studioului");
        screen("desktop", "week-ro");
    }

    @Test
    @Order(3)
    void an_instructor_signs_in_to_her_classes_today_with_their_participants_and_marks_who_came() throws Exception {
        Map<Dimension, String[]> marks = Map.of(Browser.DESKTOP, new String[]{"Mihai Pavel", "ATTENDED"},
                Browser.PHONE, new String[]{"Sara Dinu", "NO_SHOW"});
        // attendance is marked once a class has started: the morning class starts a minute or two after seeding
        Instant started = morningStart.toInstant().plusSeconds(1);
        browser.await(Duration.ofMinutes(3), d -> !Instant.now().isBefore(started));
        for (Dimension size : SIZES) {
            String width = width(size);
            browser.open(base + "/admin/?studio=" + DEMO + "&lang=en", size);
            browser.script("localStorage.clear();");
            browser.open(base + "/admin/?studio=" + DEMO + "&lang=en", size);
            signInThroughThePage(IOANA);
            browser.await(d -> browser.visible("#cal-title").getText().equals("My classes today"));
            assertThat(browser.visible("#tab-calendar").getAttribute("aria-selected")).isEqualTo("true");
            WebElement morning = browser.await(d -> d.findElements(By.cssSelector(".my-item")).stream()
                    .filter(e -> e.getText().contains("Morning flow")).findFirst().orElse(null));
            assertThat(morning.getText()).contains("Mihai Pavel", "Sara Dinu", "Garden studio", "Pay at the studio", "Confirmed");
            assertThat(browser.bodyText()).as("only her own classes").doesNotContain("Power Main");

            String name = marks.get(size)[0];
            String mark = marks.get(size)[1];
            String button = mark.equals("ATTENDED") ? name + " came" : name + " did not come (no-show)";
            WebElement control = browser.visible("button[aria-label='" + button + "']");
            control.click();
            browser.awaitText(name + ": " + (mark.equals("ATTENDED") ? "Attended" : "No-show") + ".");
            browser.await(d -> "true".equals(browser.visible("button[aria-label='" + button + "']").getAttribute("aria-pressed")));
            assertThat(attendance(TODAY_BOOKINGS.get(name))).isEqualTo(mark);
            screen(width, "my-day");

            browser.visible("#sign-out").click();
            browser.visible("#signin-email");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void signInAsOwner(Dimension size) {
        AdminPage.openSignedIn(browser, base, DEMO, ownerSession, size, "Upcoming sessions");
    }

    private static void signInThroughThePage(String email) {
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

    private static void awaitDay(LocalDate date, String text) {
        browser.await(d -> d.findElements(By.cssSelector("section.cal-day[data-date='" + date + "']")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    private static String dayText(LocalDate date) {
        return browser.visible("section.cal-day[data-date='" + date + "']").getText();
    }

    private static List<String> itemsOf(LocalDate date) {
        return browser.driver().findElements(By.cssSelector("section.cal-day[data-date='" + date + "'] .cal-name"))
                .stream().map(WebElement::getText).toList();
    }

    private static WebElement item(LocalDate date, String name) {
        return browser.await(d -> d.findElements(By.cssSelector("section.cal-day[data-date='" + date + "'] .cal-item")).stream()
                .filter(e -> e.getText().contains(name)).findFirst().orElse(null));
    }

    /** "07:30" of an instant, in the studio's zone. */
    private static String hhmm(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(ZONE).toLocalTime().toString();
    }

    /** "10:00 AM" of an instant in the studio's zone, as the page writes it in English. */
    private static String clock(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("hh:mm a", java.util.Locale.US));
    }

    private static String width(Dimension size) {
        return size == Browser.DESKTOP ? "desktop" : "phone";
    }

    /** The screen as it is: axe-scanned, not scrolling sideways, no console error, kept as a PNG. */
    private static void screen(String width, String name) {
        browser.assertAccessible(name + " at " + width);
        assertThat(browser.horizontalOverflow()).as(name + " at " + width + " scrolls sideways").isZero();
        if (width.equals("phone")) {
            @SuppressWarnings("unchecked")
            List<Long> columns = (List<Long>) browser.script("""
                    return [...document.querySelectorAll('.cal-grid.week .cal-day')].map((d) => Math.round(d.getBoundingClientRect().left));""");
            assertThat(columns.stream().distinct().count()).as("a phone shows the week day by day, one under another").isLessThanOrEqualTo(1);
        }
        assertThat(browser.consoleErrors()).as("console errors on " + name).isEmpty();
        if (width.equals("phone")) browser.script("document.querySelector('#cal-detail:not([hidden]), #cal-body')?.scrollIntoView();");
        browser.screenshot("calendar-" + width + "-" + name);
    }

    // ---------------------------------------------------------------------------------------------
    // Fixtures over HTTP, as any client would

    private static void seed() throws Exception {
        String studio = "/studios/" + DEMO;
        http.send("PUT", studio + "/settings", ownerToken, Map.of("paymentMethods", List.of("BANK_TRANSFER", "PAY_AT_STUDIO"),
                "bookingPolicy", Map.of("minNoticeMinutes", 0, "maxDaysAhead", 60)));
        String garden = http.send("POST", studio + "/locations", ownerToken,
                Map.of("name", "Garden studio", "address", "Str. Teilor 5, Bucharest")).get("locationId").asText();
        monday = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(7);

        String yin = session("Yin Garden", monday.plusDays(1).atTime(7, 30), 12, "sf_demo_ioana", garden);
        book(yin, "Lia Stan", "lia@example.com");
        book(yin, "Toma Radu", "toma@example.com");
        session("Evening Yin", monday.plusDays(1).atTime(20, 0), 10, "sf_demo_ioana", garden);
        String power = session("Power Main", monday.plusDays(3).atTime(19, 0), 8, "sf_demo_owner", "lc_demo_main");
        book(power, "Ion Vasile", "ion@example.com");

        massageStart = appointment(monday.plusDays(2), "Elena Marin", "elena@example.com").get("start").asText();
        String barre = session("Barre Cancelled", monday.plusDays(4).atTime(9, 0), 8, "sf_demo_owner", "lc_demo_main");
        http.send("POST", studio + "/sessions/" + barre + "/cancel", ownerToken, null);
        JsonNode cancelled = appointment(monday.plusDays(4), "Dan Cancelled", "dan@example.com");
        http.send("POST", "/bookings/" + cancelled.get("bookingId").asText() + "/cancel", ownerToken, null);

        // Ioana's class of today, starting in a minute or so (a session cannot be created or moved into the
        // past): the instructor's journey runs after the week's, once it has started
        morningStart = ZonedDateTime.now(ZONE).plusSeconds(90).truncatedTo(ChronoUnit.MINUTES);
        String morning = session("Morning flow", morningStart.toLocalDateTime(), 10, "sf_demo_ioana", garden);
        for (String[] client : List.of(new String[]{"Mihai Pavel", "mihai@example.com"}, new String[]{"Sara Dinu", "sara@example.com"})) {
            TODAY_BOOKINGS.put(client[0], book(morning, client[0], client[1]).get("bookingId").asText());
        }
    }

    private static String session(String name, java.time.LocalDateTime start, int capacity, String instructor, String location)
            throws Exception {
        return http.send("POST", "/studios/" + DEMO + "/sessions", ownerToken, Map.of("name", name,
                "start", start.atZone(ZONE).toOffsetDateTime().toString(), "durationMinutes", 60, "capacity", capacity,
                "instructorId", instructor, "format", "IN_PERSON", "locationId", location,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("PAY_AT_STUDIO")))
                .get("sessionId").asText();
    }

    private static JsonNode book(String sessionId, String name, String email) throws Exception {
        return http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("sessionId", sessionId,
                "client", Map.of("name", name, "email", email), "paymentMethod", "PAY_AT_STUDIO"));
    }

    /** Ioana's Thai massage at the first free slot of {@code day}. */
    private static JsonNode appointment(LocalDate day, String name, String email) throws Exception {
        JsonNode slot = http.send("GET", "/studios/" + DEMO + "/slots?serviceId=sv_demo_massage&staffId=sf_demo_ioana&from="
                + day + "&to=" + day, null, null).get("slots").get(0);
        assertThat(LocalTime.parse(hhmm(slot.get("start").asText()))).isBetween(LocalTime.of(10, 0), LocalTime.of(16, 0));
        return http.send("POST", "/studios/" + DEMO + "/bookings", null, Map.of("serviceId", "sv_demo_massage",
                "staffId", "sf_demo_ioana", "start", slot.get("start").asText(),
                "client", Map.of("name", name, "email", email), "paymentMethod", "PAY_AT_STUDIO"));
    }

    private static String attendance(String bookingId) throws Exception {
        String today = LocalDate.now(ZONE).toString();
        for (JsonNode b : http.send("GET", "/studios/" + DEMO + "/bookings?from=" + today + "&to=" + today, ownerToken, null)
                .get("bookings")) {
            if (b.get("bookingId").asText().equals(bookingId)) return b.path("attendance").asText(null);
        }
        return null;
    }
}
