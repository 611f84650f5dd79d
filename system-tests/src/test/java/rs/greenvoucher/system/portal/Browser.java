package rs.greenvoucher.system.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: Debian's headless Chromium through its ChromeDriver, both paths given so nothing is
 * downloaded. {@link #page} checks the page with axe (WCAG 2.0–2.2 A and AA: no violation allowed) and saves a
 * screenshot under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final AtomicInteger SHOTS = new AtomicInteger();

    final ChromeDriver driver;
    private final String base;
    private final String name;
    private final Path userData;

    Browser(String base, String name) {
        this(base, name, 1280);
    }

    Browser(String base, String name, int width) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (system-tests/ensure-browser.sh installs them)");
        }
        this.base = base;
        this.name = name;
        try {
            this.userData = Files.createTempDirectory("gv-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the console's messages, for the CSP reports every page is checked for
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + userData, "--window-size=" + width + ",1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 1000));
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * The page as the person sees it: no WCAG A/AA violation, no Content Security Policy report in the browser's
     * console since the last check (the portal's own policy blocking something of its own), on a Serbian page no
     * English sentence of the services, and one h1; a screenshot of it if it fails (or with every-page screenshots).
     */
    void page(String label) {
        try {
            checkPage(label);
        } catch (AssertionError failed) {
            screenshot(label + "-failed");
            throw failed;
        }
        pageShot(label);
    }

    private void checkPage(String label) {
        assertNoCspReport(label);
        if (driver.findElement(By.tagName("html")).getDomAttribute("lang").startsWith("sr")) {
            assertThat(EnglishTexts.foundIn(text())).as("an English sentence of the services on the Serbian page " + label
                    + " (" + driver.getCurrentUrl() + ")").isNull();
        }
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> "axe on " + label + " (" + driver.getCurrentUrl() + "): " + violations.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "))).collect(Collectors.joining("; "))).isEmpty();
        assertThat(driver.findElements(By.tagName("h1"))).as("one h1 on " + label).hasSize(1);
    }

    /**
     * Nothing clipped and everything in line, at the window's width: every table fits its box (none needs its scroll
     * region), the header's brand, menu and language switch sit on one line, and the page's content starts where
     * the header's does.
     */
    void assertFits(String label) {
        try {
            checkFits(label);
        } catch (AssertionError failed) {
            screenshot(label + "-failed");
            throw failed;
        }
        pageShot(label);
    }

    private void checkFits(String label) {
        Object clipped = script("return [...document.querySelectorAll('.table-wrap')].filter(e => e.scrollWidth > e.clientWidth + 1)"
                + ".map(e => (e.getAttribute('aria-label') || e.id || 'a table') + ' ' + e.scrollWidth + '/' + e.clientWidth)");
        assertThat((List<?>) clipped).as("tables wider than their box on " + label + " (" + driver.getCurrentUrl() + ")").isEmpty();
        Object lines = script("return new Set([...document.querySelectorAll('.site-header .bar > *, .site-header nav li')]"
                + ".map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size");
        assertThat(((Number) lines).intValue()).as("the header's lines on " + label).isEqualTo(1);
        Object offset = script("return Math.abs(document.querySelector('main').getBoundingClientRect().left"
                + " - document.querySelector('.site-header .bar').getBoundingClientRect().left)");
        assertThat(((Number) offset).doubleValue()).as("the page's left edge against the header's on " + label).isLessThan(1.0);
    }

    /** What the browser's console reported since the last call: a CSP violation fails the test with its text. */
    void assertNoCspReport(String label) {
        List<String> reports = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertThat(reports).as("CSP reports in the console on " + label + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    /**
     * A page's screenshot: of every page checked with {@code -Dgv.screenshots.every-page=true} (for reviewing the
     * pages); otherwise only a page that fails its check is saved ({@link #page}, {@link #assertFits}). Taking 170 of
     * them on every run cost the suite about a minute.
     */
    private void pageShot(String label) {
        if (Boolean.getBoolean("gv.screenshots.every-page")) {
            screenshot(label);
        }
    }

    void screenshot(String label) {
        try {
            Path dir = Path.of(System.getProperty("gv.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(String.format("%03d-%s-%s.png", SHOTS.incrementAndGet(), name, label.replaceAll("[^A-Za-z0-9-]", "_"))), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    void type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String name, String value) {
        new Select(field(name)).selectByValue(value);
    }

    String value(String name) {
        return field(name).getDomProperty("value");
    }

    /** Presses the submit button with this name and value (the wizard's "next", "save", "back"). */
    void press(String buttonName, String value) {
        navigate(driver.findElement(By.cssSelector("button[name='" + buttonName + "'][value='" + value + "']")));
    }

    /** Clicks the button or link with this text and waits for the next page. */
    void click(String buttonText) {
        String text = xpathLiteral(buttonText);
        // the page's own button or link before the header's (the sign-in button and the menu's sign-in link)
        List<WebElement> inMain = driver.findElements(By.xpath("//main//button[normalize-space()=" + text
                + "] | //main//a[normalize-space()=" + text + "]"));
        navigate(!inMain.isEmpty() ? inMain.get(0) : driver.findElement(By.xpath("//button[normalize-space()=" + text
                + "] | //a[normalize-space()=" + text + "]")));
    }

    /** Clicks something that loads another page, and waits until it has. */
    void navigate(WebElement element) {
        // a mark on the current document: gone once the next one has loaded (an element of the old page may instead
        // answer any of several errors while it is being replaced)
        script("window.gvOldPage = true");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                return script("return window.gvOldPage === undefined && document.readyState === 'complete'") == Boolean.TRUE;
            } catch (org.openqa.selenium.WebDriverException loading) {
                return false;
            }
        });
    }

    String text() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return ""; // between two pages
        }
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Waits (re-loading the page) until it shows the text: for changes made elsewhere, as a person would. */
    void reloadUntil(String text, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(500)).until(d -> {
                if (text().contains(text)) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("no \"" + text + "\" on " + driver.getCurrentUrl() + " within " + timeout
                    + "; the page says: " + text(), e);
        }
    }

    void waitFor(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> text().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("no \"" + text + "\" on " + driver.getCurrentUrl() + " within 10 s; the page says: " + text(), e);
        }
    }

    void waitForPath(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().startsWith(prefix));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Tab until the element with this text or name has the focus, as someone with a keyboard only would. */
    void tabTo(String textOrName) {
        for (int i = 0; i < 80; i++) {
            WebElement now = focused();
            if (textOrName.equals(now.getText().trim()) || textOrName.equals(now.getDomAttribute("name"))) {
                return;
            }
            now.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached " + textOrName + " on " + driver.getCurrentUrl());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    static String xpathLiteral(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the machine cleans it eventually
        }
    }
}
