package com.studiobooking.local.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Selenium (see VERIFIED.md): one per test class, as browsers
 * are slow to start. {@code .ci/run} installs {@code chromium} and {@code chromium-driver} when
 * missing; on a machine without them the browser tests fail with a message that says so.
 *
 * <p>Pages are opened at {@link #DESKTOP} or {@link #PHONE} width; {@link #consoleErrors()} lists what
 * the page logged as errors (a test fails on any), {@link #screenshot} keeps a PNG under
 * {@code local/target/screenshots/} to look at.
 */
public final class Browser implements AutoCloseable {
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (own profile, English UI unless {@code acceptLanguage} says otherwise). */
    public static Browser start(String acceptLanguage) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "): apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("studio-booking-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + acceptLanguage,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a browser profile folder", e);
        }
    }

    public static Browser start() {
        return start("en-GB");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} at {@code size} and drops the log of earlier pages. */
    public Browser open(String url, Dimension size) {
        driver.manage().window().setSize(size);
        driver.get(url);
        consoleErrors();
        return this;
    }

    /** Waits up to 10 s until {@code condition} gives something other than null or false (a list re-rendered meanwhile is read again). */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(10), condition);
    }

    /** Waits up to {@code timeout} until {@code condition} gives something other than null or false, and returns it. */
    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Waits until an element matching {@code css} is displayed, and returns it. */
    public WebElement visible(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    /** Waits until the page's text contains {@code text}. */
    public void awaitText(String text) {
        await(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /**
     * The page's widest element beyond the window, in CSS pixels; 0 when nothing scrolls sideways. Measured
     * against the width inside the vertical scrollbar, so a few pixels too wide are not hidden under it.
     */
    public long horizontalOverflow() {
        return ((Number) script("const page = document.documentElement;"
                + " return Math.max(0, page.scrollWidth - page.clientWidth);")).longValue();
    }

    /** What pages logged at error level since the last call (console errors, failed loads, exceptions). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** axe-core's script, read once from the axe-core jar on the test classpath (com.deque.html.axe-core:selenium). */
    private static String axeScript;

    private static synchronized String axeScript() {
        if (axeScript == null) {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read axe.min.js", e);
            }
        }
        return axeScript;
    }

    /** One accessibility rule broken on the page: axe's rule id, its impact and the CSS targets of the nodes. */
    public record AxeViolation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " " + targets;
        }
    }

    /**
     * Runs axe-core on the page as it is now ({@code axe.run(document, {resultTypes: ['violations']})}),
     * injecting the script from the classpath first when the page has none, and answers the violations.
     */
    @SuppressWarnings("unchecked")
    public List<AxeViolation> axe() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            script(axeScript() + "\n;window.axe = axe;");
        }
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact || '', help: v.help,
                      targets: v.nodes.map((n) => n.target.join(' ')) }))))
                  .catch((e) => done({ error: String(e) }));""");
        if (answer instanceof Map<?, ?> error) throw new IllegalStateException("axe.run failed: " + error.get("error"));
        return ((List<Map<String, Object>>) answer).stream().map(v -> new AxeViolation((String) v.get("id"),
                (String) v.get("impact"), (String) v.get("help"), (List<String>) v.get("targets"))).toList();
    }

    /** Fails when axe finds a {@code serious} or {@code critical} violation, naming each rule, impact and targets. */
    public void assertAccessible(String screen) {
        List<AxeViolation> bad = axe().stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).toList();
        if (!bad.isEmpty()) {
            StringBuilder text = new StringBuilder("axe-core on " + screen + ":");
            for (AxeViolation v : bad) text.append("\n  ").append(v);
            throw new AssertionError(text.toString());
        }
    }

    /** Keeps a PNG of the window as {@code local/target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path file = SHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
