package io.prepline.question.embed;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.key;
import static io.prepline.question.Fixtures.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The embed as a partner's visitors get it: headless Chromium (Debian's chromium and chromedriver) loads a partner's
 * page, served from an origin of its own, that embeds two questions with embed.js. No console error, no request to a
 * third origin, no horizontal overflow at 375 and 1024 px, each iframe as tall as its content, and axe-core finds no
 * serious or critical violation, in the light and the dark theme. Screenshots: target/embed-screenshots/.
 * <p>
 * Without Chromium or axe-core the test is skipped with a message, except in CI ({@code CI=true}), where it fails.
 * axe-core comes from npm: {@code .ci/run} installs it into {@code .local/tools} (see the module README).
 */
@QuarkusTest
class EmbedBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of(System.getenv().getOrDefault("AXE_CORE_JS",
            "../.local/tools/node_modules/axe-core/axe.min.js"));
    private static final Path SCREENSHOTS = Path.of("target/embed-screenshots");

    @TestHTTPResource("/")
    URL service;

    private HttpServer partnerSite;
    private String partnerOrigin;
    private String serviceOrigin;
    private ChromeDriver browser;

    @BeforeEach
    void partnerPage() throws IOException {
        requireTool(CHROMIUM, "Chromium (apt-get install -y chromium)");
        requireTool(CHROMEDRIVER, "chromedriver (apt-get install -y chromium-driver)");
        requireTool(AXE, "axe-core (npm install --prefix .local/tools axe-core)");
        serviceOrigin = "http://localhost:" + service.getPort();
        partnerSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partnerOrigin = "http://127.0.0.1:" + partnerSite.getAddress().getPort();
        String key = key(partner("standard", partnerOrigin), "PUBLISHABLE");
        byte[] page = partnerHtml(key).getBytes(StandardCharsets.UTF_8);
        partnerSite.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        partnerSite.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (partnerSite != null) {
            partnerSite.stop(0);
        }
    }

    @Test
    void twoEmbeddedQuestionsLoadCleanlyFitTheirFramesAndPassAxeInBothThemes() throws Exception {
        browser = start();
        for (String theme : List.of("light", "dark")) {
            prefer(theme);
            for (int width : new int[] {375, 1024}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(partnerOrigin + "/");
                List<WebElement> frames = awaitFrames();
                String at = theme + " at " + width + " px";
                assertNoHorizontalOverflow(at + ", partner page");
                for (int i = 0; i < frames.size(); i++) {
                    assertFrameFitsItsContent(frames.get(i), at + ", question " + (i + 1));
                }
                screenshot(theme, width);
                assertNoSeriousAxeViolations(at + ", partner page", Map.of("iframes", false));
                for (int i = 0; i < frames.size(); i++) {
                    browser.switchTo().frame(frames.get(i));
                    String frame = at + ", question " + (i + 1);
                    assertNoHorizontalOverflow(frame);
                    assertOnlyOwnOriginRequested(frame);
                    assertNoSeriousAxeViolations(frame, Map.of());
                    browser.switchTo().defaultContent();
                }
                assertTopLevelRequestsStayWithThePartnerAndTheService(at);
                assertNoConsoleErrors(at);
            }
        }
    }

    private ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1024,900",
                // frames in the page's own process, so that their console messages reach the browser log
                "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(driver, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** The color scheme pages loaded from now on see as the user's preference ({@code light} or {@code dark}). */
    private void prefer(String theme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
    }

    private List<WebElement> awaitFrames() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<WebElement> frames = browser.findElements(By.cssSelector("[data-prepline-question] > iframe"));
            boolean loaded = frames.size() == 2 && Boolean.TRUE.equals(js("return document.readyState === 'complete'"));
            if (loaded) {
                return frames;
            }
            if (System.nanoTime() > end) {
                fail("embed.js did not create two iframes: " + browser.getPageSource());
            }
            Thread.sleep(100);
        }
    }

    private void assertFrameFitsItsContent(WebElement frame, String where) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double outer = 0;
        double inner = 0;
        while (System.nanoTime() < end) {
            outer = ((Number) js("return arguments[0].getBoundingClientRect().height", frame)).doubleValue();
            browser.switchTo().frame(frame);
            inner = ((Number) js("return document.body.getBoundingClientRect().height")).doubleValue();
            browser.switchTo().defaultContent();
            if (inner > 100 && Math.abs(outer - Math.ceil(inner)) <= 1) {
                return;
            }
            Thread.sleep(100);
        }
        fail(where + ": the iframe is " + outer + " px tall, its content " + inner + " px");
    }

    private void assertNoHorizontalOverflow(String where) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number client = (Number) js("return document.documentElement.clientWidth");
        assertTrue(scroll.intValue() <= client.intValue(), where + ": " + scroll + " px of content in " + client + " px");
    }

    private void assertOnlyOwnOriginRequested(String where) {
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        for (String url : requested) {
            assertTrue(url.startsWith(serviceOrigin + "/"), where + " requested " + url);
        }
        assertEquals(serviceOrigin, js("return location.origin"), where);
    }

    private void assertTopLevelRequestsStayWithThePartnerAndTheService(String where) {
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        for (String url : requested) {
            assertTrue(url.startsWith(serviceOrigin + "/embed/") || url.startsWith(partnerOrigin + "/"),
                    where + ": the partner page requested " + url);
        }
    }

    private void assertNoSeriousAxeViolations(String where, Map<String, Object> options) throws IOException {
        js(Files.readString(AXE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, Object.assign({resultTypes: ['violations']}, arguments[0]))
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                         nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));""", options);
        List<Map<String, Object>> serious = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v);
            }
        }
        assertTrue(serious.isEmpty(), where + ": " + serious);
    }

    private void assertNoConsoleErrors(String where) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), where + ": " + errors);
    }

    private void screenshot(String theme, int width) throws IOException {
        Number height = (Number) js("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, Math.min(8000, height.intValue() + 20)));
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve("partner-page-" + theme + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(width, 900));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String partnerHtml(String key) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="data:,">
                <title>Interview Club: practice questions</title>
                <style>body { margin: 0; font-family: sans-serif; } main { max-width: 960px; margin: 0 auto; padding: 16px; }
                       [data-prepline-question] { margin: 24px 0; }</style>
                </head>
                <body>
                <header><p>Interview Club</p></header>
                <main>
                <h1>This week's questions</h1>
                <p>Two questions from Prepline, embedded.</p>
                <div data-prepline-question="%s" data-key="%s"></div>
                <div data-prepline-question="%s" data-key="%s"></div>
                </main>
                <footer><p>Interview Club</p></footer>
                <script src="%s/embed/v1/embed.js"></script>
                </body>
                </html>
                """.formatted(PRUNING_AMAZON, key, KEY_ML_AMAZON, key, serviceOrigin);
    }

    private static void requireTool(Path path, String what) {
        if (Files.isReadable(path)) {
            return;
        }
        String message = what + " is missing at " + path.toAbsolutePath();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ": CI must install it (.ci/run)");
        }
        Assumptions.abort(message + ": the browser test is skipped (CI runs it)");
    }
}
