package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The dashboard in headless Chromium (Debian's chromium and chromium-driver), at phone and desktop width. */
@Tag("browser")
class DashboardBrowserTest {
    private static final String ADMIN = "admin-secret-0123456789";

    @TempDir
    Path dir;

    AssayServer server;
    WebDriver browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, null, 1 << 20, ADMIN));
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a click that submits a form returns before the next page loads: look-ups wait for it
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() throws Exception {
        browser.quit();
        server.close();
    }

    @Test
    void aViewerSignsInSeesTheModelAndSignsOut() throws Exception {
        api("PUT", "/api/v1/models/credit", "{}");
        String rows = IntStream.range(0, 240).mapToObj(i -> String.format("{\"id\": \"r%d\", \"timestamp\": %d, \"version\": \"%s\", "
                + "\"features\": {\"duration\": %d}, \"prediction\": \"good\", \"score\": 0.7}", i, 1764580000000L + i * 60_000L,
                i < 120 ? "v1" : "v2", i % 48)).collect(Collectors.joining(",", "[", "]"));
        assertThat(api("POST", "/api/v1/models/credit/predictions", rows).statusCode()).isEqualTo(200);
        api("POST", "/api/v1/models/credit/labels", "[{\"id\": \"r1\", \"label\": \"good\"}, {\"id\": \"r2\", \"label\": \"bad\"}]");
        String viewer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api("POST", "/api/v1/tokens",
                "{\"name\": \"ops <script>\", \"role\": \"viewer\"}").body()).path("token").asText("");
        String ops = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api("POST", "/api/v1/tokens",
                "{\"name\": \"ops\", \"role\": \"viewer\"}").body()).get("token").asText();
        assertThat(viewer).as("a name with markup is refused").isEmpty();

        browser.get(url("/models/credit"));
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fmodels%2Fcredit");
        browser.findElement(By.id("token")).sendKeys("wrong-token");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".error-box")).getText()).isEqualTo("Unknown token.");
        browser.findElement(By.id("token")).sendKeys(ops);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String cards = browser.findElement(By.cssSelector("#totals")).getText();
        assertThat(browser.getCurrentUrl()).endsWith("/models/credit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("credit");
        assertThat(cards).contains("predictions\n240").contains("labels\n2").contains("label coverage\n0.8%");
        String versions = browser.findElement(By.cssSelector("#versions")).getText();
        assertThat(versions).contains("No registry configured").contains("v1 2025-12-01 00:00 UTC 2025-12-01 00:00 UTC 120")
                .contains("v2 2025-12-01 00:00 UTC 2025-12-01 00:00 UTC 120");
        assertThat(browser.findElement(By.cssSelector("#verdict .verdict")).getText()).isEqualTo("WARNING");
        assertThat(browser.findElement(By.cssSelector("#verdict")).getText()).contains("label coverage 0.0% is below 20.0%");
        assertThat(browser.findElements(By.cssSelector("figure svg"))).as("rows and label coverage").hasSize(2);
        for (int width : new int[] {390, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            assertThat(overflow()).as("horizontal overflow at %d px", width).isLessThanOrEqualTo(0);
            screenshot("dashboard-" + width);
        }

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        browser.findElement(By.id("token"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.get(url("/models"));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void theModelPageShowsEverySectionAtPhoneAndDesktopWidthAndEscapesNames() throws Exception {
        try (MonitoredCredit service = MonitoredCredit.start(dir.resolve("credit"))) {
            browser.get(service.url("/login"));
            browser.findElement(By.id("token")).sendKeys(ADMIN);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            browser.findElement(By.cssSelector("table.models"));
            assertThat(browser.findElement(By.cssSelector("table.models")).getText()).contains("credit WARNING v1");
            browser.get(service.url("/models/credit"));
            for (int width : new int[] {390, 1280}) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                for (String id : List.of("verdict", "totals", "drift", "performance", "volume", "drift-trend", "versions")) {
                    WebElement section = browser.findElement(By.id(id));
                    assertThat(section.isDisplayed()).as(id).isTrue();
                    assertThat(section.getRect().getX() + section.getRect().getWidth()).as("%s at %d px", id, width)
                            .isLessThanOrEqualTo(width);
                }
                assertThat(overflow()).as("horizontal overflow at %d px", width).isLessThanOrEqualTo(0);
                assertThat(browser.findElements(By.cssSelector("#drift tbody tr")).get(0).getText()).startsWith("age");
                assertThat(browser.findElement(By.cssSelector("#versions")).getText()).contains("production");
                screenshot("dashboard-credit-" + width);
            }
            browser.get(service.url("/models/markup"));
            for (int width : new int[] {390, 1280}) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                assertThat(overflow()).as("horizontal overflow at %d px", width).isLessThanOrEqualTo(0);
                screenshot("dashboard-markup-" + width);
            }
            assertThat(browser.findElements(By.cssSelector("#drift tbody td .code")).stream().map(WebElement::getText))
                    .contains(MonitoredCredit.MARKUP_FEATURE);
            assertThat(browser.findElement(By.cssSelector(".version-nav a[aria-current]")).getText()).isEqualTo(MonitoredCredit.MARKUP_VERSION);
            assertThat(browser.findElement(By.cssSelector("#verdict")).getText()).contains(MonitoredCredit.MARKUP_FEATURE);
            assertThat(browser.findElements(By.tagName("script"))).isEmpty();
            assertThat(browser.findElements(By.tagName("b"))).isEmpty();
        }
    }

    @Test
    void signingOutNeedsTheFormsCsrfToken() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN
                        + "&next=https://evil.example/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/models");
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(url("/logout"))).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=guess"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url("/models"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        // the API never accepts the cookie
        assertThat(client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/models"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /** How far the page is wider than the window, in CSS pixels. */
    private long overflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    /** Saves the whole page (its full height) to target/NAME.png. */
    private void screenshot(String name) throws Exception {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 200, 8000)));
        Files.write(Path.of("target", name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
