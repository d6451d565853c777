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

    /** Waits up to 10 s until {@code condition} gives something other than null or false. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
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
