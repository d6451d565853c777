package com.studiobooking.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.Session;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StaffRole;
import com.studiobooking.local.LocalRuntime;

/**
 * The admin page speaks the studio's language: a Romanian owner (the demo studio) and an Indonesian
 * owner sign in from a browser set to US English and read their own words, 24-hour times, money as
 * they write it and labels instead of API values; the language switch changes every text and is
 * remembered. Screenshots of each language at both widths land in {@code local/target/screenshots/}.
 */
class AdminI18nBrowserTest {
    /** A bundle key on screen means a missing label. */
    private static final Pattern KEY = Pattern.compile("\\b(app|signin|tab|common|client|form|input|zone|col|spots|participants|credits"
            + "|session|online|payment|refund|bookings|people|staff|location|services?|availability|settings|format|status"
            + "|paymentStatus|role|kind|money|error)\\.[A-Za-z_]+");
    private static final Pattern TWELVE_HOUR = Pattern.compile("\\b(AM|PM)\\b|\\b[ap]\\.m\\.");
    private static final String DEMO = "st_demo";
    private static final String ANA = "ana@example.com";
    private static final String PUTU = "putu@example.com";

    private static LocalRuntime runtime;
    private static Browser browser;
    private static String base;
    private static LocalHttp http;
    private static String idStudio;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.parse(new String[]{"--port", "0", "--in-memory"}), mail -> { });
        base = "http://127.0.0.1:" + runtime.port();
        http = new LocalHttp(base);
        seedRomanianBookings();
        idStudio = openIndonesianStudio();
        // a browser in US English: nothing of its locale (12-hour clock, month/day order) may leak into the page
        browser = Browser.start("en-US");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (runtime != null) runtime.close();
    }

    @BeforeEach
    void forgetSignInsAndLanguages() {
        browser.open(base + "/admin/", Browser.DESKTOP);
        browser.script("localStorage.clear();");
    }

    @Test
    void a_romanian_owner_reads_romanian_24_hour_times_lei_and_labels_instead_of_api_values() {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String width = size == Browser.DESKTOP ? "desktop" : "phone";
            browser.script("localStorage.clear();");
            browser.open(base + "/admin/?studio=" + DEMO, size);
            browser.awaitText("Autentificați-vă cu adresa de e-mail");
            assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("ro");
            assertNothingWrong(browser.bodyText());
            browser.screenshot("admin-ro-" + width + "-signin");
            signIn(ANA, "Trimiteți-mi un cod", "Autentificare");

            browser.awaitText("Ședințe viitoare");
            browser.awaitText("Hatha");
            String sessions = browser.bodyText();
            assertThat(sessions).contains("Ședințe", "Rezervări", "Setări", "Personal și locații", "Fus orar: ",
                    "10 locuri în studio, 20 de locuri online", "17 locuri", "Hibrid", "În studio", "18:00");
            assertNothingWrong(sessions);
            browser.screenshot("admin-ro-" + width + "-sessions");

            AdminPage.openSession(browser, "Hatha");
            browser.awaitText("3 participanți");
            String detail = browser.bodyText();
            assertThat(detail).contains("Planificată", "50,00 lei", "Transfer bancar", "Plata la studio", "Așteaptă plata",
                    "Confirmată", "Neplătit", "Confirmați primirea plății", "17 locuri", "20 de locuri", "Maria Popescu");
            assertNothingWrong(detail);
            browser.screenshot("admin-ro-" + width + "-session");
            assertNoSidewaysScroll(width);

            browser.visible("#session-close").click();
            AdminPage.selectTab(browser, "bookings");
            browser.awaitText("Maria Popescu");
            String bookings = browser.bodyText();
            assertThat(bookings).contains("Ședință", "Plata la studio", "Transfer bancar", "50,00 lei");
            assertNothingWrong(bookings);
            browser.screenshot("admin-ro-" + width + "-bookings");
            assertNoSidewaysScroll(width);
            String csv = downloadBookingsCsv();
            assertThat(csv).as("Blob.text() drops the byte-order mark").startsWith("Referință,Data (Europe/Bucharest),Început (Europe/Bucharest)")
                    .contains("Maria Popescu", ",Ședință,", ",Transfer bancar,");
            browser.awaitText("Am descărcat bookings-st_demo-");

            AdminPage.selectTab(browser, "people");
            browser.awaitText("Ioana Ionescu");
            assertThat(browser.bodyText()).contains("Proprietar", "Membru al echipei", "Adăugați o locație");
            assertNothingWrong(browser.bodyText());

            AdminPage.selectTab(browser, "services");
            browser.awaitText("Thai massage");
            browser.awaitText("Luni");
            assertThat(browser.bodyText()).contains("Program săptămânal", "250,00 lei",
                    "60 min (+0/15 min pauză între programări), ore de început la fiecare 30 min");
            assertThat(browser.visible("input.clock[data-part=start]").getAttribute("value")).isEqualTo("10:00");
            assertNothingWrong(browser.bodyText());
            browser.script("document.getElementById('availability-form').scrollIntoView();");
            browser.screenshot("admin-ro-" + width + "-services");
            assertNoSidewaysScroll(width);

            AdminPage.selectTab(browser, "settings");
            browser.awaitText("Politica de anulare");
            assertThat(browser.bodyText()).contains("Fus orar: Europe/Bucharest · monedă: RON · limba: Română");
            assertNothingWrong(browser.bodyText());
            assertNoApiValues();
            browser.screenshot("admin-ro-" + width + "-settings");
            assertNoSidewaysScroll(width);
            browser.script("document.getElementById('em-offer').scrollIntoView({block: 'center'});");
            assertThat(browser.visible("#links-title").getText()).isNotBlank();
            assertThat(browser.bodyText()).contains("Ce arată pagina de rezervări inclusă", "Tot ce oferă studioul");
            browser.screenshot("admin-ro-" + width + "-embed");
        }
    }

    @Test
    void an_indonesian_owner_reads_indonesian_times_with_a_dot_rupiah_without_decimals_and_one_plural_form() {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String width = size == Browser.DESKTOP ? "desktop" : "phone";
            browser.script("localStorage.clear();");
            browser.open(base + "/admin/?studio=" + idStudio, size);
            browser.awaitText("Masuk dengan e-mail Anda");
            assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("id");
            assertNothingWrong(browser.bodyText());
            browser.screenshot("admin-id-" + width + "-signin");
            signIn(PUTU, "Kirimi saya kode", "Masuk");

            browser.awaitText("Sesi mendatang");
            browser.awaitText("Yoga pagi");
            String sessions = browser.bodyText();
            assertThat(sessions).contains("Sesi", "Pemesanan", "Pengaturan", "Zona waktu: Waktu Indonesia Barat (Asia/Jakarta)",
                    "WIB", "18.00", "11 kursi", "Tatap muka");
            assertNothingWrong(sessions);
            browser.screenshot("admin-id-" + width + "-sessions");

            AdminPage.openSession(browser, "Yoga pagi");
            browser.awaitText("1 peserta");
            String detail = browser.bodyText();
            assertThat(detail).contains("Terjadwal", "Rp 150.000", "Bayar di studio", "Terkonfirmasi", "Belum dibayar",
                    "12 kursi", "Wayan");
            assertNothingWrong(detail);
            browser.screenshot("admin-id-" + width + "-session");
            assertNoSidewaysScroll(width);

            browser.visible("#session-close").click();
            AdminPage.selectTab(browser, "bookings");
            browser.awaitText("Wayan");
            assertThat(browser.bodyText()).contains("Rp 150.000", "Bayar di studio", "Terkonfirmasi");
            assertNothingWrong(browser.bodyText());
            browser.screenshot("admin-id-" + width + "-bookings");
            AdminPage.selectTab(browser, "people");
            browser.awaitText("Pemilik");
            AdminPage.selectTab(browser, "services");
            browser.awaitText("Jam kerja mingguan");
            assertNothingWrong(browser.bodyText());
            AdminPage.selectTab(browser, "settings");
            browser.awaitText("Kebijakan pembatalan");
            assertThat(browser.bodyText()).contains("Tampilan halaman pemesanan", "bahasa: Bahasa Indonesia");
            assertNothingWrong(browser.bodyText());
            assertNoApiValues();
            browser.screenshot("admin-id-" + width + "-settings");
            assertNoSidewaysScroll(width);
            browser.script("document.getElementById('em-offer').scrollIntoView({block: 'center'});");
            assertThat(browser.bodyText()).contains("Yang ditampilkan halaman pemesanan yang disematkan", "Semua penawaran studio");
            browser.screenshot("admin-id-" + width + "-embed");
        }
    }

    @Test
    void the_language_switch_changes_every_text_at_once_and_is_remembered_for_the_studio() {
        browser.open(base + "/admin/?studio=" + DEMO, Browser.DESKTOP);
        browser.awaitText("Autentificați-vă cu adresa de e-mail");
        chooseLanguage("en");
        browser.awaitText("Sign in with your e-mail");
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");
        signIn(ANA, "Send me a code", "Sign in");
        browser.awaitText("Upcoming sessions");
        browser.awaitText("Hatha");
        assertThat(browser.bodyText()).contains("10 spots in the studio, 20 spots online", "Settings", "PM")
                .doesNotContain("Ședințe viitoare");
        assertNothingWrong(browser.bodyText(), false);

        AdminPage.openSession(browser, "Hatha");
        browser.awaitText("3 participants");
        assertNothingWrong(browser.bodyText(), false);
        chooseLanguage("ro");
        browser.awaitText("3 participanți");
        assertThat(browser.bodyText()).contains("Confirmați primirea plății", "Așteaptă plata", "50,00 lei")
                .doesNotContain("Awaiting payment", "Confirm payment", "participants");
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("ro");
        assertNothingWrong(browser.bodyText());

        // confirming the bank transfer: the question, the notice and the new status in Romanian
        browser.script("window.confirmed = []; window.confirm = (question) => { window.confirmed.push(question); return true; };");
        browser.visible("button[aria-label^='Confirmați primirea transferului bancar de la Elena Dumitrescu']").click();
        browser.awaitText("Primirea plății de la Elena Dumitrescu a fost confirmată.");
        assertThat(browser.script("return window.confirmed[0];")).asString().startsWith("A sosit transferul bancar de la Elena Dumitrescu?");
        browser.await(d -> d.findElements(By.cssSelector("#participants tr")).stream()
                .anyMatch(row -> row.getText().contains("Elena Dumitrescu") && row.getText().contains("Plătit")));

        chooseLanguage("id");
        browser.awaitText("3 peserta");
        assertThat(browser.bodyText()).contains("Lunas", "Bayar di studio", "Transfer bank");
        assertNothingWrong(browser.bodyText());

        // remembered for this studio: a new visit opens in Indonesian; ?lang= still wins
        browser.open(base + "/admin/?studio=" + DEMO, Browser.DESKTOP);
        browser.awaitText("Sesi mendatang");
        browser.open(base + "/admin/?studio=" + DEMO + "&lang=ro", Browser.DESKTOP);
        browser.awaitText("Ședințe viitoare");
        assertNothingWrong(browser.bodyText());
        browser.screenshot("admin-ro-lang-parameter");
    }

    @Test
    void errors_are_told_in_the_page_language_and_name_the_field_by_its_label() {
        browser.open(base + "/admin/?studio=" + DEMO, Browser.DESKTOP);
        browser.awaitText("Autentificați-vă cu adresa de e-mail");
        signIn(ANA, "Trimiteți-mi un cod", "Autentificare");
        browser.awaitText("Ședințe viitoare");

        browser.visible("#new-session-toggle").click();
        browser.visible("#ns-name").sendKeys("Yin");
        WebElement time = browser.visible("#ns-time");
        assertThat(time.getAttribute("placeholder")).isEqualTo("18:00");
        time.sendKeys("25:70");
        browser.visible("#session-form button[type=submit]").click();
        browser.awaitText("Ora de început: Introduceți o oră, de exemplu 18:30.");

        time.clear();
        time.sendKeys("7.30 pm");
        WebElement capacity = browser.visible("#ns-capacity");
        capacity.clear();
        capacity.sendKeys("0");
        browser.visible("#session-form button[type=submit]").click();
        browser.awaitText("Capacitate: Această valoare nu este acceptată.");
        assertThat(browser.visible("#ns-date-hint").getText()).matches("\\p{L}+, \\d{1,2} \\p{L}+ \\d{4}");
        assertNothingWrong(browser.bodyText(), true, "/sessions - Failed to load resource: the server responded with a status of 400");
        browser.screenshot("admin-ro-desktop-errors");
    }

    // ---------------------------------------------------------------------------------------------

    private static void signIn(String email, String sendCode, String submit) {
        int before = http.mailsTo(email).size();
        WebElement field = browser.visible("#signin-email");
        field.clear();
        field.sendKeys(email);
        WebElement send = browser.visible("#code-form button[type=submit]");
        assertThat(send.getText()).isEqualTo(sendCode);
        send.click();
        browser.visible("#signin-code");
        String code = browser.await(d -> http.codeAfter(email, before));
        browser.visible("#signin-code").sendKeys(code);
        WebElement button = browser.visible("#token-form button[type=submit]");
        assertThat(button.getText()).isEqualTo(submit);
        button.click();
        browser.visible("#app");
    }


    /**
     * Clicks "Download CSV" and answers the file the page hands to the browser: the page's blob is read
     * where it is made (URL.createObjectURL), so no download folder is involved.
     */
    private static String downloadBookingsCsv() {
        browser.script("window.__csv = undefined; const make = URL.createObjectURL.bind(URL);"
                + "URL.createObjectURL = (blob) => { blob.text().then((text) => { window.__csv = text; }); return make(blob); };");
        browser.visible("#bookings-export").click();
        return browser.await(d -> (String) browser.script("return window.__csv ?? null;"));
    }


    private static void chooseLanguage(String code) {
        WebElement select = browser.visible("#language");
        new Select(select).selectByValue(code);
        browser.await(d -> code.equals(browser.script("return document.documentElement.lang;")));
    }

    private static void assertNothingWrong(String text) {
        assertNothingWrong(text, true, null);
    }

    private static void assertNothingWrong(String text, boolean twentyFourHour) {
        assertNothingWrong(text, twentyFourHour, null);
    }

    /**
     * No console error (but the {@code expected} one, e.g. the browser's own line for a refused request),
     * no missing label (the page warns), no bundle key, and (ro, id) no 12-hour clock.
     */
    private static void assertNothingWrong(String text, boolean twentyFourHour, String expected) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER).getAll()) {
            if (expected != null && entry.getMessage().contains(expected)) continue;
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || entry.getMessage().contains("missing label")) {
                problems.add(entry.getMessage());
            }
        }
        assertThat(problems).as("console").isEmpty();
        assertThat(KEY.matcher(text).results().map(m -> m.group()).toList()).as("bundle keys on screen").isEmpty();
        if (twentyFourHour) assertThat(TWELVE_HOUR.matcher(text).find()).as("a 12-hour time in: " + text).isFalse();
    }

    /** Nothing wider than the window; else the message names the elements that stick out. */
    private static void assertNoSidewaysScroll(String width) {
        if (browser.horizontalOverflow() == 0) return;
        Object culprits = browser.script("""
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && r.right > window.innerWidth + 1 && !el.closest('.table-wrap')) {
                    out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 12).join('; ');""");
        assertThat(browser.horizontalOverflow()).as(width + ": " + culprits).isZero();
    }

    /** No API value (PAY_AT_STUDIO, AWAITING_PAYMENT, OWNER, …) anywhere in the page's text, hidden parts included. */
    private static void assertNoApiValues() {
        String text = String.valueOf(browser.script("return document.body.textContent;"));
        List<String> values = Stream.of(PaymentMethod.values(), BookingStatus.values(), PaymentStatus.values(),
                        SessionFormat.values(), Session.Status.values(), StaffRole.values(), Booking.Kind.values(),
                        CancellationPolicy.Refund.values())
                .flatMap(Arrays::stream).map(Enum::name).distinct().toList();
        List<String> shown = values.stream().filter(v -> Pattern.compile("\\b" + v + "\\b").matcher(text).find()).toList();
        assertThat(shown).as("API values on the page").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Fixtures over HTTP, as any client would make them

    /** A class at the demo studio with two bank-transfer bookings (awaiting payment) and one paid at the studio. */
    private static void seedRomanianBookings() throws Exception {
        String token = http.signIn(DEMO, ANA).get("token").asText();
        http.send("PUT", "/studios/" + DEMO + "/settings", token,
                Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS", "BANK_TRANSFER", "PAY_AT_STUDIO")));
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        String start = LocalDate.now(zone).plusDays(4).atTime(18, 0).atZone(zone).toOffsetDateTime().toString();
        String sessionId = http.send("POST", "/studios/" + DEMO + "/sessions", token, Map.of("name", "Hatha",
                "start", start, "durationMinutes", 60, "capacity", 20, "instructorId", "sf_demo_owner", "format", "IN_PERSON",
                "locationId", "lc_demo_main", "price", Map.of("amount", 5000, "currency", "RON"),
                "paymentMethods", List.of("BANK_TRANSFER", "PAY_AT_STUDIO"))).get("sessionId").asText();
        book(DEMO, sessionId, "Maria Popescu", "maria.popescu@example.com", "BANK_TRANSFER");
        book(DEMO, sessionId, "Radu Ionescu", "radu@example.com", "PAY_AT_STUDIO");
        book(DEMO, sessionId, "Elena Dumitrescu", "elena@example.com", "BANK_TRANSFER"); // the switch test confirms hers
    }

    /** An Indonesian practitioner's studio (Asia/Jakarta, IDR) with a class at 18.00 and one booking. */
    private static String openIndonesianStudio() throws Exception {
        String studioId = http.send("POST", "/studios", null, Map.of("name", "Rumah Yoga Ubud", "timezone", "Asia/Jakarta",
                "currency", "IDR", "locale", "id", "owner", Map.of("name", "Putu Ayu", "email", PUTU))).get("studioId").asText();
        String token = http.signIn(studioId, PUTU).get("token").asText();
        String ownerId = http.send("GET", "/studios/" + studioId + "/staff", token, null).get("staff").get(0).get("staffId").asText();
        String locationId = http.send("POST", "/studios/" + studioId + "/locations", token,
                Map.of("name", "Ruang utama", "address", "Jl. Raya Ubud 8")).get("locationId").asText();
        http.send("PUT", "/studios/" + studioId + "/settings", token, Map.of("paymentMethods", List.of("CARD", "PAY_AT_STUDIO")));
        ZoneId zone = ZoneId.of("Asia/Jakarta");
        String start = LocalDate.now(zone).plusDays(2).atTime(18, 0).atZone(zone).toOffsetDateTime().toString();
        String sessionId = http.send("POST", "/studios/" + studioId + "/sessions", token, Map.of("name", "Yoga pagi",
                "start", start, "durationMinutes", 75, "capacity", 12, "instructorId", ownerId, "format", "IN_PERSON",
                "locationId", locationId, "price", Map.of("amount", 15_000_000, "currency", "IDR"),
                "paymentMethods", List.of("PAY_AT_STUDIO"))).get("sessionId").asText();
        book(studioId, sessionId, "Wayan", "wayan@example.com", "PAY_AT_STUDIO");
        return studioId;
    }

    private static void book(String studioId, String sessionId, String name, String email, String method) throws Exception {
        http.send("POST", "/studios/" + studioId + "/bookings", null, Map.of("sessionId", sessionId,
                "client", Map.of("name", name, "email", email), "paymentMethod", method));
    }



}
