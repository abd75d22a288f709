package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.chinchillaPoints;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.Management;
import io.augur.testing.Patient;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Heavy fits run on the compute pool, not on the event loop: while several are in progress the
 * liveness probe still answers. No timing is asserted; the client timeouts are generous.
 */
@QuarkusTest
class ForecastConcurrencyTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final Pattern ACTIVE = Pattern.compile("(?m)^augur_compute_active(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    private double computeActive() {
        String metrics = Management.given(management).config(Patient.CONFIG).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = ACTIVE.matcher(metrics);
        assertTrue(m.find(), "augur_compute_active is exported");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void healthStaysResponsiveWhileHeavyFitsRun() throws Exception {
        String heavy = "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 4000, \"seed\": 1}}";
        int fits = 3;
        ExecutorService clients = Executors.newFixedThreadPool(fits);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < fits; i++) {
                futures.add(clients.submit(() -> given().config(Patient.CONFIG).contentType(ContentType.JSON).body(heavy)
                        .post("/api/v1/forecasts/fit").then().extract().statusCode()));
            }
            // wait (without a deadline on speed) until the pool has picked the fits up
            while (computeActive() < 1 && futures.stream().noneMatch(Future::isDone)) {
                Thread.sleep(20);
            }
            Management.given(management).config(Patient.CONFIG).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            long running = futures.stream().filter(f -> !f.isDone()).count();
            assertTrue(running > 0, "the liveness probe answered while fits were still in progress");
            for (Future<Integer> f : futures) {
                assertEquals(200, f.get(10, TimeUnit.MINUTES), "every heavy fit completes");
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
