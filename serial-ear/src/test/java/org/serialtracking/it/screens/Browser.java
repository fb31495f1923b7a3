package org.serialtracking.it.screens;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver (never a downloaded one), at
 * 1280×800 against the server the build started. Waits for PrimeFaces' ajax queue after each
 * action, and saves screenshots under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final String BASE = "http://localhost:" + System.getProperty("microshed_http_port", "9080") + "/serial/";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final WebDriverWait waiter;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.waiter = new WebDriverWait(driver, PATIENCE);
    }

    static Browser open() {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,800", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-quic", "--lang=en-US",
                    "--user-data-dir=" + profile);
            // a PDF (labels) is saved into the profile's downloads, where a test can read it
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", profile.resolve("downloads").toString(),
                    "download.prompt_for_download", false,
                    "plugins.always_open_pdf_externally", true));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the login screen and signs in (password = user name in the default registry). */
    static Browser signedIn(String user) {
        Browser b = open();
        try {
            b.go("login.xhtml");
            b.type("login:username", user);
            b.type("login:password", user);
            b.click("login:signIn");
            b.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
            return b;
        } catch (RuntimeException | Error failed) {
            // the caller's try-with-resources never got it: without this, chromium and its driver
            // outlive the test run whenever signing in fails (e.g. the application did not start)
            b.close();
            throw failed;
        }
    }

    /**
     * Waits for a condition; on a timeout, keeps a screenshot and the page source under
     * target/screenshots/failures for the report, then fails.
     */
    <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, V> condition) {
        try {
            return waiter.until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            String name = "failures/" + System.currentTimeMillis();
            try {
                screenshot(name);
                Files.writeString(Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"), name + ".html"),
                        driver.getPageSource());
            } catch (RuntimeException | IOException ignored) {
                // the timeout is what matters
            }
            throw timeout;
        }
    }

    /** The first file saved into the downloads whose name ends so, once it is complete. */
    Path downloaded(String suffix) {
        Path dir = profile.resolve("downloads");
        return until(d -> {
            try (var files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    void go(String path) {
        driver.get(BASE + path);
        settle();
    }

    WebElement byId(String id) {
        return until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    WebElement visible(String id) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks as a user does: the element scrolled to the middle of its view first (never under a sticky bar). */
    void click(String id) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(By.id(id)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        settle();
    }

    /** Picks a value of a PrimeFaces selectOneMenu as a user would, firing its change event. */
    void selectOne(String id, String value) {
        byId(id);
        driver.executeScript("var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                + " if (w.triggerChange) { w.triggerChange(); } else { w.callBehavior('change'); }", id, value);
        settle();
        until(d -> value.equals(d.findElement(By.id(id + "_input")).getAttribute("value")));
    }

    /** Types into a PrimeFaces inputNumber and leaves the field (its change event fires). */
    void typeNumber(String id, String value) {
        WebElement field = visible(id + "_input");
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        field.sendKeys(value, org.openqa.selenium.Keys.TAB);
        settle();
    }

    /** Opens the tab whose title is {@code title}. */
    void tab(String title) {
        until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@role='tablist']//a[normalize-space(.)='" + title + "']"))).click();
        settle();
    }

    void clickXpath(String xpath) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        settle();
    }

    /**
     * The text shown by an element. An ajax update may replace the element between finding it and
     * reading it; then it is found again (the text of the element as it is now, never a stale one).
     */
    String text(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return byId(id).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 20) {
                    throw replaced;
                }
                settle();
            }
        }
    }

    boolean isDisabled(String id) {
        WebElement e = byId(id);
        return e.getAttribute("disabled") != null || String.valueOf(e.getAttribute("class")).contains("ui-state-disabled");
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Waits until the page has loaded and PrimeFaces has no request in flight. */
    void settle() {
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.SerialScan || SerialScan.waiting() === 0)"
                        + " && (!window.PrimeFaces || "
                        + "(PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0)))")));
    }

    /**
     * Types entries into a box as a handheld scanner does: each entry's characters and then Enter,
     * many entries in one go, with no pause between entries and no wait for the server (one
     * WebDriver command per {@code perCommand} entries; the driver sends the keys one after the
     * other, each as its own key events). Returns the measured milliseconds per key.
     */
    double scan(String id, List<String> entries, int perCommand) {
        WebElement box = visible(id);
        long keys = 0;
        long started = System.nanoTime();
        for (int from = 0; from < entries.size(); from += perCommand) {
            StringBuilder typed = new StringBuilder();
            for (String entry : entries.subList(from, Math.min(entries.size(), from + perCommand))) {
                typed.append(entry).append(org.openqa.selenium.Keys.ENTER);
                keys += entry.length() + 1;
            }
            box.sendKeys(typed);
        }
        return (System.nanoTime() - started) / 1e6 / keys;
    }

    void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        until(d -> condition.apply((ChromeDriver) d));
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir.resolve(name).getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
