package io.augur.page;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page at / in a real browser: Debian's headless Chromium driven by Selenium through Debian's chromedriver,
 * against this test's running application. Data are seeded through the public API; the test shows an arena's
 * leaderboard (model names, ratings, the plots as SVG), runs it again as a 10,000-round job followed to its end
 * (progress bar, then the job's result in the table and plot), and runs a forecast from stored evaluations (fit and
 * backtest plots), with no console errors. Screenshots go to target/screenshots/ (the README's come from here).
 * Without chromium and chromedriver the test fails on CI (CI set) and is skipped on a developer's machine.
 */
@QuarkusTest
class PageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL page;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if (System.getenv("CI") != null) {
                fail(missing + " (CI is set, so the test cannot be skipped)");
            }
            Assumptions.abort(missing + " (skipped because CI is not set)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1500,1100", "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // a bound on waiting for the page's requests (bootstrap fits on a loaded machine), not a timing assertion
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void showsALeaderboardAndRunsAForecast() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String arena = seedArena("chat-arena-" + suffix);
        String benchmark = "arc-" + suffix;
        String family = "pythia-" + suffix;
        seedEvaluations(benchmark, family);
        JsonPath expected = given().get("/api/v1/arenas/" + arena + "/leaderboard?rounds=200&seed=42&level=0.95").then()
                .statusCode(200).extract().jsonPath();

        driver.get(page.toString());
        // without a key the page asks for one; with the key it loads the workspace's data
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Enter an API key"));
        driver.findElement(By.id("api-key")).sendKeys(io.augur.testing.TestKeys.ADMIN);
        driver.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("Ready."));
        WebElement row = driver.findElement(By.cssSelector("#arena-table tr[data-id='" + arena + "']"));
        assertTrue(row.getText().contains("chat-arena-" + suffix));
        row.findElement(By.className("show-leaderboard")).click();
        wait.until(d -> d.findElements(By.cssSelector("#leaderboard-plot svg")).size() == 1
                && d.findElements(By.cssSelector("#winrate-plot svg")).size() == 1);

        List<WebElement> rows = driver.findElements(By.cssSelector("#leaderboard-table tbody tr"));
        List<String> models = expected.getList("entries.model");
        assertEquals(models.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertEquals(models.get(i), cells.get(1).getText(), "models in leaderboard order");
            assertEquals(expected.getDouble("entries[" + i + "].rating"), Double.parseDouble(cells.get(2).getText()), 0.05,
                    "the rating shown is the API's (5 significant digits)");
        }
        assertEquals(models.size(), driver.findElements(By.cssSelector("#leaderboard-plot svg circle.mark")).size(),
                "one point per model in the leaderboard plot");
        assertEquals(models.size() * (models.size() - 1), driver.findElements(By.cssSelector("#winrate-plot svg rect.mark")).size());
        String plotText = driver.findElement(By.cssSelector("#leaderboard-plot svg")).getText();
        for (String m : models) {
            assertTrue(plotText.contains(m), "the plot names " + m);
        }
        screenshot(driver.findElement(By.id("arenas")), "leaderboard.png");

        // the same leaderboard with 10,000 rounds as a job: progress from its event stream, then its result
        JsonPath viaJob = given().get("/api/v1/arenas/" + arena + "/leaderboard?rounds=10000&seed=42&level=0.95").then()
                .statusCode(200).extract().jsonPath();
        WebElement rounds = driver.findElement(By.cssSelector("#job-form input[name=rounds]"));
        assertEquals("10000", rounds.getDomProperty("value"));
        driver.findElement(By.id("job-run")).click();
        // until the page shows the job's result, or an error (the status line loses its "ok" class)
        wait.until(d -> d.findElement(By.id("status")).getText().contains("from job")
                || !d.findElement(By.id("status")).getDomAttribute("class").equals("ok"));
        assertTrue(driver.findElement(By.id("status")).getText().contains("from job"), driver.findElement(By.id("status")).getText());
        WebElement jobStatus = driver.findElement(By.id("job-status"));
        assertEquals("succeeded", jobStatus.getDomAttribute("data-status"));
        assertTrue(jobStatus.getText().endsWith("succeeded: 10,000 of 10,000 rounds"), jobStatus.getText());
        WebElement bar = driver.findElement(By.id("job-progress"));
        assertEquals("10000", bar.getDomProperty("value"));
        assertEquals("10000", bar.getDomProperty("max"));
        List<WebElement> jobRows = driver.findElements(By.cssSelector("#leaderboard-table tbody tr"));
        assertEquals(viaJob.getList("entries.model"), jobRows.stream()
                .map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList(), "the job's models, in order");
        for (int i = 0; i < jobRows.size(); i++) {
            List<WebElement> cells = jobRows.get(i).findElements(By.tagName("td"));
            assertEquals(viaJob.getDouble("entries[" + i + "].interval.upper"),
                    Double.parseDouble(cells.get(3).getText().replaceAll("^\\[.*, |\\]$", "")), 0.05,
                    "the 10,000-round interval shown is the synchronous call's");
        }
        assertTrue(driver.findElement(By.id("leaderboard-method")).getText().contains("10000 bootstrap rounds"));
        assertEquals(models.size(), driver.findElements(By.cssSelector("#leaderboard-plot svg circle.mark")).size());
        assertTrue(driver.findElement(By.id("job-cancel")).getDomProperty("hidden").equals("true"), "no cancel once done");
        screenshot(driver.findElement(By.id("leaderboard")), "job.png");

        new Select(driver.findElement(By.cssSelector("#forecast-form select[name=benchmark]"))).selectByValue(benchmark);
        driver.findElement(By.cssSelector("#forecast-form input[name=family]")).sendKeys(family);
        new Select(driver.findElement(By.cssSelector("#forecast-form select[name=form]"))).selectByValue("sigmoid");
        driver.findElement(By.cssSelector("#forecast-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#fit-plot svg")).size() == 1
                && d.findElements(By.cssSelector("#backtest-plot svg")).size() == 1);
        assertEquals(8, driver.findElements(By.cssSelector("#fit-plot svg circle.point")).size(), "every stored evaluation drawn");
        JsonPath fit = given().contentType(ContentType.JSON).body("{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark
                + "\", \"family\": \"" + family + "\", \"x\": \"trainingCompute\"}, \"bootstrap\": {\"rounds\": 200, \"seed\": 20261122}}")
                .post("/api/v1/forecasts/fit").then().statusCode(200).extract().jsonPath();
        List<WebElement> parameters = driver.findElements(By.cssSelector("#parameter-table tbody tr"));
        assertEquals(fit.getList("fit.parameters.name"), parameters.stream().map(r -> r.findElement(By.tagName("td")).getText()).toList(),
                "the fitted parameters listed");
        assertTrue(driver.findElement(By.id("status")).getText().startsWith("Fitted"), driver.findElement(By.id("status")).getText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("forecast")));
        screenshot(driver.findElement(By.id("forecast")), "forecast.png");

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
    }

    private void screenshot(WebElement element, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = element.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String seedArena(String name) {
        String id = given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"description\": \"browser test\"}")
                .post("/api/v1/arenas").then().statusCode(201).extract().path("id");
        // 600 battles among five models drawn from Bradley-Terry strengths (a fixed seed: the same battles every run)
        String[] models = {"gpt-4", "claude-2", "mixtral-8x7b", "llama-2-70b", "mistral-7b"};
        double[] rating = {1250, 1180, 1100, 1060, 960};
        java.util.Random random = new java.util.Random(2026);
        StringJoiner body = new StringJoiner(",", "{\"battles\": [", "]}");
        for (int i = 0; i < 600; i++) {
            int a = random.nextInt(models.length);
            int b = (a + 1 + random.nextInt(models.length - 1)) % models.length;
            double pa = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
            double u = random.nextDouble();
            String outcome = u < 0.1 ? "tie" : random.nextDouble() < pa ? "a" : "b";
            body.add(String.format("{\"battleId\": \"%d\", \"modelA\": \"%s\", \"modelB\": \"%s\", \"outcome\": \"%s\"}", i,
                    models[a], models[b], outcome));
        }
        given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/arenas/" + id + "/battles").then().statusCode(200);
        return id;
    }

    /**
     * Eight models of one family on a sigmoid in log compute (chance 0.25), each with one evaluation; before them, 1,000
     * other benchmarks, so the page must follow the listing past its first page to offer this one.
     */
    private static void seedEvaluations(String benchmark, String family) {
        StringJoiner others = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1000; i++) {
            others.add("{\"name\": \"" + benchmark + "-other-" + i + "\", \"metric\": \"accuracy\"}");
        }
        given().contentType(ContentType.JSON).body(others.toString()).post("/api/v1/benchmarks/batch").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"name\": \"" + benchmark + "\", \"metric\": \"accuracy\", "
                + "\"higherIsBetter\": true, \"chanceLevel\": 0.25}").post("/api/v1/benchmarks").then().statusCode(201);
        StringJoiner evals = new StringJoiner(",", "[", "]");
        for (int k = 0; k < 8; k++) {
            double compute = Math.pow(10, 19 + 0.7 * k);
            String model = family + "-" + k;
            given().contentType(ContentType.JSON).body("{\"name\": \"" + model + "\", \"family\": \"" + family
                    + "\", \"parameters\": " + (70_000_000L << k) + ", \"trainingCompute\": " + compute + "}")
                    .post("/api/v1/models").then().statusCode(201);
            double y = 0.25 + 0.75 / (1 + Math.exp(-1.5 * (Math.log10(compute) - 22))) + (k % 2 == 0 ? 0.006 : -0.006);
            evals.add("{\"model\": \"" + model + "\", \"benchmark\": \"" + benchmark + "\", \"value\": " + y + "}");
        }
        given().contentType(ContentType.JSON).body(evals.toString()).post("/api/v1/evaluations").then().statusCode(200);
    }
}
