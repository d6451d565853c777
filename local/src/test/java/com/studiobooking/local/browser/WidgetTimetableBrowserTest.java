package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.studiobooking.local.LocalRuntime;

/**
 * Issue 15: the widget's week timetable of classes beside the list, with filters (class, instructor,
 * location, in the studio / online) kept in the page's address and in embed.js's attributes, times on
 * the studio's clock with the zone named and a switch to the visitor's, and a class booked from the week.
 * Next week of the demo studio (Romanian, Europe/Bucharest) holds five classes of two instructors in two
 * rooms, one online and one hybrid; the demo's own classes are cancelled first so the week holds only
 * these. Chromium at 1280 and 390 px, axe-scanned, no console error, no sideways scrolling.
 */
class WidgetTimetableBrowserTest extends WidgetBrowserTest {
    private static final Pattern TWELVE_HOUR = Pattern.compile("\\b\\d{1,2}[:.]\\d{2}\\s?([AaPp]\\.?[Mm]\\.?)(?!\\w)");

    private static final String HATHA = "Hatha dimineața";
    private static final String YIN = "Yin seara";
    private static final String MEDITATION = "Meditație online";
    private static final String VINYASA = "Vinyasa hibrid";

    private static OtherSite site;
    private static String garden;
    private static LocalDate monday;
    private static String yinId;

    @BeforeAll
    static void seedTheWeek() throws Exception {
        // two weeks ahead at most: from this week the pager reaches the week after next, no further
        http.send("PUT", "/studios/st_demo/settings", owner, Map.of("bookingPolicy", Map.of("minNoticeMinutes", 60, "maxDaysAhead", 14)));
        LocalDate today = LocalDate.now(BUCHAREST);
        for (JsonNode s : http.send("GET", "/studios/st_demo/sessions?from=" + today + "&to=" + today.plusDays(30), null, null).get("sessions")) {
            http.send("POST", "/studios/st_demo/sessions/" + s.get("sessionId").asText() + "/cancel", owner, Map.of());
        }
        garden = http.send("POST", "/studios/st_demo/locations", owner, Map.of("name", "Sala grădină", "address", "Str. Florilor 7"))
                .get("locationId").asText();
        monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        session(HATHA, monday, LocalTime.of(9, 0), "sf_demo_owner", "IN_PERSON", "lc_demo_main");
        yinId = session(YIN, monday.plusDays(1), LocalTime.of(19, 0), "sf_demo_ioana", "IN_PERSON", garden);
        session(MEDITATION, monday.plusDays(2), LocalTime.of(20, 0), "sf_demo_owner", "ONLINE", null);
        session(HATHA, monday.plusDays(3), LocalTime.of(9, 0), "sf_demo_ioana", "IN_PERSON", "lc_demo_main");
        session(VINYASA, monday.plusDays(4), LocalTime.of(18, 0), "sf_demo_owner", "HYBRID", "lc_demo_main");
        site = new OtherSite();
    }

    @AfterAll
    static void closeTheOtherSite() {
        if (site != null) site.close();
    }

    @Test
    void the_week_shows_next_weeks_classes_the_filters_narrow_them_in_the_address_and_a_class_books_from_the_week() throws Exception {
        for (Dimension size : SIZES) {
            String width = String.valueOf(size.getWidth());
            browser.open(base + "/widget/?studio=st_demo", size);
            browser.visible("#view-week").click();
            assertThat(browser.visible("#view-week").getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(browser.driver().getCurrentUrl()).contains("view=week");

            // this week: not before it; then next week, the week after, and no further (maxDaysAhead 14)
            browser.await(d -> browser.visible("#week-this").getAttribute("disabled") != null);
            assertThat(browser.visible("#week-prev").getAttribute("disabled")).isNotNull();
            next();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the pager keeps the focus").isEqualTo("week-next");
            assertThat(weekNames()).containsExactly(HATHA, YIN, MEDITATION, HATHA, VINYASA);
            String range = browser.visible("#week-range").getText();
            assertThat(range).contains(String.valueOf(monday.getDayOfMonth()), String.valueOf(monday.plusDays(6).getDayOfMonth()),
                    String.valueOf(monday.plusDays(6).getYear()));
            assertThat(dayHeadings().get(0)).startsWith("luni, " + monday.getDayOfMonth() + " ");
            assertThat(dayHeadings()).hasSize(7);
            assertColumnsOrAgenda(size);
            String yin = weekClass(YIN).getText();
            assertThat(yin).contains("19:00–20:00", "cu Ioana Ionescu", "Sala grădină", "locuri libere");
            assertThat(weekClass(MEDITATION).getText()).contains("20:00–21:00", "Online");
            assertThat(weekClass(VINYASA).getText()).contains("Main room sau online", "5 locuri libere în studio");
            assertThat(TWELVE_HOUR.matcher(browser.bodyText()).find()).as("24-hour times in Romanian").isFalse();
            assertThat(browser.visible("#sessions-zone").getText()).contains("Europe/Bucharest");
            browser.assertAccessible("timetable-week-" + width);
            clean("timetable-week-" + width);
            browser.script("document.getElementById('week-body').scrollIntoView()");
            browser.screenshot("timetable-week-" + width + "-days");

            browser.visible("#week-next").click();

            String weekAfter = " " + monday.plusWeeks(1).getDayOfMonth() + " ";
            browser.await(d -> dayHeadings().size() == 7 && dayHeadings().get(0).contains(weekAfter));
            assertThat(browser.visible("#week-next").getAttribute("disabled")).as("beyond maxDaysAhead").isNotNull();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the focus on a pager button that works")
                    .isEqualTo("week-prev");
            browser.visible("#week-prev").click();
            browser.await(d -> weekNames().size() == 5);

            // each filter narrows to exactly its classes, and the address carries it
            filter("type", HATHA);
            assertThat(weekNames()).containsExactly(HATHA, HATHA);
            assertThat(query()).containsEntry("type", HATHA).containsEntry("view", "week");
            filter("type", "");
            filter("instructor", "sf_demo_ioana");
            assertThat(weekNames()).containsExactly(YIN, HATHA);
            assertThat(query()).containsEntry("instructor", "sf_demo_ioana").doesNotContainKey("type");
            filter("instructor", "");
            filter("location", garden);
            assertThat(weekNames()).containsExactly(YIN);
            assertThat(query()).containsEntry("location", garden);
            filter("location", "");
            filter("format", "online");
            assertThat(weekNames()).containsExactly(MEDITATION, VINYASA);
            assertThat(query()).containsEntry("format", "online");
            filter("format", "in-person");
            assertThat(weekNames()).containsExactly(HATHA, YIN, HATHA, VINYASA);
            filter("instructor", "sf_demo_owner");
            assertThat(weekNames()).containsExactly(HATHA, VINYASA);

            // nothing left: said so, with a way out
            filter("location", garden);
            assertThat(weekNames()).isEmpty();
            assertThat(browser.visible("#timetable-week .no-match").getText()).contains("Nicio ședință nu corespunde acestor filtre.");
            browser.assertAccessible("timetable-no-match-" + width);
            clean("timetable-no-match-" + width);
            browser.visible("#timetable-week .no-match button").click();
            browser.await(d -> weekNames().size() == 5);
            assertThat(query()).containsOnlyKeys("studio", "view");

            // a linked, filtered timetable opens as linked; the list view keeps the filters
            browser.open(base + "/widget/?studio=st_demo&view=week&instructor=sf_demo_ioana&format=in-person", size);
            next();
            assertThat(new Select(browser.visible("#filter-instructor")).getFirstSelectedOption().getAttribute("value")).isEqualTo("sf_demo_ioana");
            assertThat(weekNames()).containsExactly(YIN, HATHA);
            browser.visible("#view-list").click();
            browser.await(d -> !browser.driver().findElements(By.cssSelector("#session-list li.card h4")).isEmpty()
                    || !browser.driver().findElements(By.cssSelector("#session-list .no-match")).isEmpty());
            assertThat(query()).doesNotContainKey("view").containsEntry("instructor", "sf_demo_ioana");
            browser.driver().findElements(By.cssSelector("#session-list li.card h4"))
                    .forEach(h4 -> assertThat(h4.getText()).isIn(YIN, HATHA));
            filter("type", MEDITATION); // Ioana teaches no online meditation: the list says so, with a way out
            assertThat(browser.visible("#session-list .no-match").getText()).contains("Nicio ședință nu corespunde acestor filtre.");
            browser.assertAccessible("timetable-list-no-match-" + width);
            browser.visible("#session-list .no-match button").click();
            browser.await(d -> d.findElements(By.cssSelector("#session-list li.card h4")).stream().map(WebElement::getText)
                    .toList().containsAll(List.of(HATHA, YIN, MEDITATION, VINYASA)));
            browser.visible("#view-week").click();
            browser.await(d -> weekNames().size() == 5);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("view-week");

            // booked from the week: the same form as the list
            String email = "elena" + width + "@example.com";
            String before = weekClass(YIN).getText();
            weekClass(YIN).findElement(By.cssSelector("button")).click();
            assertThat(browser.visible("#book-title").getText()).contains(YIN);
            browser.visible("#client-name").sendKeys("Elena Marin");
            browser.visible("#client-email").sendKeys(email);
            browser.visible("#payment-options input[value='BANK_TRANSFER']").click();
            browser.visible("#book-submit").click();
            assertThat(browser.visible("#result-body").getText()).contains("19:00", email);
            JsonNode booked = participant(email);
            assertThat(booked.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
            assertThat(booked.get("paymentMethod").asText()).isEqualTo("BANK_TRANSFER");
            // back on the week, one place fewer
            browser.await(d -> !weekClass(YIN).getText().equals(before));
            assertThat(weekNames()).hasSize(5);
            clean("timetable-booked-" + width);
        }
    }

    @Test
    void an_in_person_class_reads_the_studios_clock_named_in_the_week_the_booking_and_its_email_and_switches_to_the_visitors() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
        try {
            for (Dimension size : SIZES) {
                String width = String.valueOf(size.getWidth());
                browser.open(base + "/widget/?studio=st_demo&view=week&lang=ro", size);
                next();
                ZonedDateTime yin = monday.plusDays(1).atTime(19, 0).atZone(BUCHAREST);
                String studioTime = "19:00–20:00";
                String visitorTime = hours(yin.withZoneSameInstant(ZoneId.of("America/New_York")).toLocalTime(), 60);
                assertThat(weekClass(YIN).getText()).contains(studioTime).doesNotContain(visitorTime);
                assertThat(browser.visible("#sessions-zone").getText()).contains("fusul orar al studioului", "Europe/Bucharest");
                // the online class also reads on the visitor's clock
                assertThat(weekClass(MEDITATION).getText()).contains("în fusul dumneavoastră orar (America/New_York)");

                // booked on the studio's clock, the booking and its e-mail read the same time
                String email = "radu" + width + "@example.com";
                weekClass(YIN).findElement(By.cssSelector("button")).click();
                assertThat(browser.visible("#book-summary").getText()).contains("19:00");
                browser.visible("#client-name").sendKeys("Radu Pop");
                browser.visible("#client-email").sendKeys(email);
                browser.visible("#payment-options input[value='BANK_TRANSFER']").click();
                browser.visible("#book-submit").click();
                String shown = browser.visible("#result-body").getText();
                assertThat(shown).contains("19:00").doesNotContain(visitorTime.substring(0, 5));
                List<JsonNode> mails = browser.await(d -> http.mailsTo(email).isEmpty() ? null : http.mailsTo(email));
                String mail = mails.get(0).get("text").asText();
                assertThat(participant(email).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
                assertThat(mail).contains("19:00").doesNotContain(visitorTime.substring(0, 5));

                browser.visible("label[for=zone-mine]").click();
                browser.await(d -> weekClass(YIN).getText().contains(visitorTime));
                assertThat(browser.visible("#sessions-zone").getText()).contains("America/New_York");
                assertThat(browser.driver().getCurrentUrl()).contains("times=mine").contains("view=week");
                assertThat(TWELVE_HOUR.matcher(browser.bodyText()).find()).isFalse();
                browser.assertAccessible("timetable-visitor-zone-" + width);
                clean("timetable-visitor-zone-" + width);
            }
        } finally {
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void embed_attributes_open_the_week_with_its_filters() {
        String page = site.page("/timetable.html", """
                <h1>Lotus Yoga: orar</h1>
                <script src="%s/widget/embed.js" data-studio="st_demo" data-view="week" data-instructor="sf_demo_ioana"
                        data-format="in-person" data-type="%s" data-title="Orar" async></script>""".formatted(base, YIN));
        browser.open(page, Browser.DESKTOP);
        WebElement frame = browser.visible("iframe[title='Orar']");
        assertThat(frame.getAttribute("src")).contains("view=week", "instructor=sf_demo_ioana", "format=in-person", "type=Yin+seara");
        browser.driver().switchTo().frame(frame);
        try {
            next();
            assertThat(weekNames()).containsExactly(YIN);
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static String session(String name, LocalDate day, LocalTime time, String instructor, String format, String location)
            throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "start", day.atTime(time).atZone(BUCHAREST).toOffsetDateTime().toString(), "durationMinutes", 60,
                "capacity", format.equals("HYBRID") ? 5 : 10, "instructorId", instructor, "format", format,
                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD", "BANK_TRANSFER")));
        if (location != null) body.put("locationId", location);
        if (format.equals("HYBRID")) body.put("onlineCapacity", 10);
        return http.send("POST", "/studios/st_demo/sessions", owner, body).get("sessionId").asText();
    }

    /** The Yin class's participant booked with {@code email}, read as staff over HTTP. */
    private static JsonNode participant(String email) throws Exception {
        for (JsonNode p : http.send("GET", "/studios/st_demo/sessions/" + yinId, owner, null).get("participants")) {
            if (p.get("client").get("email").asText().equals(email)) return p;
        }
        throw new AssertionError("no booking of " + email + " in " + YIN);
    }

    /** Next week, from this week (the page opens on this week). */
    private static void next() {
        String monthDay = String.valueOf(monday.getDayOfMonth());
        browser.await(d -> browser.visible("#week-this").getAttribute("disabled") != null);
        browser.visible("#week-next").click();
        browser.await(d -> dayHeadings().size() == 7 && dayHeadings().get(0).contains(" " + monthDay + " ")
                && d.findElements(By.cssSelector("#timetable-week .muted")).stream()
                        .noneMatch(e -> e.getText().equals("Se încarcă ședințele…")));
    }

    private static List<String> dayHeadings() {
        return browser.driver().findElements(By.cssSelector("#timetable-week .week-day h3")).stream().map(WebElement::getText).toList();
    }

    /** The classes the week shows, in order (day by day, earliest first). */
    private static List<String> weekNames() {
        return browser.driver().findElements(By.cssSelector("#timetable-week .week-class h4")).stream().map(WebElement::getText).toList();
    }

    private static WebElement weekClass(String name) {
        return browser.await(d -> d.findElements(By.xpath("//li[contains(@class,'week-class')][.//h4[normalize-space()='" + name + "']]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Chooses a filter's value ("" for all) and waits for the page to take it. */
    private static void filter(String name, String value) {
        new Select(browser.visible("#filter-" + name)).selectByValue(value);
        browser.await(d -> value.isEmpty() ? !query().containsKey(name) : value.equals(query().get(name)));
    }

    /** The page's query, decoded. */
    private static Map<String, String> query() {
        Map<String, String> values = new HashMap<>();
        String raw = URI.create(browser.driver().getCurrentUrl()).getRawQuery();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    /** A column per day side by side on a desktop; one day under the other on a phone. */
    private static void assertColumnsOrAgenda(Dimension size) {
        List<WebElement> days = browser.driver().findElements(By.cssSelector("#timetable-week .week-day"));
        Set<Integer> tops = new TreeSet<>();
        Set<Integer> lefts = new TreeSet<>();
        for (WebElement day : days) {
            tops.add(day.getRect().getY());
            lefts.add(day.getRect().getX());
        }
        if (size.equals(Browser.DESKTOP)) {
            assertThat(tops).as("seven columns on one row").hasSize(1);
            assertThat(lefts).hasSize(7);
        } else {
            assertThat(lefts).as("one day under the other").hasSize(1);
            assertThat(tops).hasSize(7);
        }
    }

    private static String hours(LocalTime start, int minutes) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        return start.format(hhmm) + "–" + start.plusMinutes(minutes).format(hhmm);
    }

    private static void clean(String shot) {
        browser.screenshot(shot);
        Object top = browser.script("const y = window.scrollY; window.scrollTo(0, document.body.scrollHeight); return y;");
        browser.screenshot(shot + "-end");
        browser.script("window.scrollTo(0, arguments[0]);", top);
        assertThat(browser.consoleErrors()).as(shot + ": console errors").isEmpty();
        assertThat(browser.horizontalOverflow()).as(shot + ": sideways scrolling").isZero();
    }
}
