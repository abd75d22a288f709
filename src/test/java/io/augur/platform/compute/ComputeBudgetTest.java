package io.augur.platform.compute;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a time budget of one second, a request that needs far more answers 503 "time budget spent", and the
 * work stops: the pool is idle again long before the work could have finished (it is not interrupted, it
 * checks the cancellation token). No timing is asserted: the test waits for the pool to become idle and
 * checks the cancellation counter.
 */
@QuarkusTest
@TestProfile(ComputeBudgetTest.OneSecond.class)
class ComputeBudgetTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("augur.compute.time-budget", "1S");
        }
    }

    @Inject
    ComputePool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void aSpentBudgetAnswers503AndStopsTheWork() throws InterruptedException {
        double before = registry.counter("augur.compute.cancelled", "reason", "budget").count();
        Response r = given().contentType(ContentType.JSON).body(HeavyWork.body()).post("/api/v1/forecasts/fit");
        r.then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/time-budget-spent"))
                .body("title", equalTo("Time budget spent"));
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, "Retry-After " + r.header("Retry-After"));
        while (pool.active() > 0 || pool.queued() > 0) {
            Thread.sleep(20);
        }
        assertTrue(registry.counter("augur.compute.cancelled", "reason", "budget").count() > before);
        // the 503 is counted as a rejection of its route (counted when the response has ended: a hang guard only)
        io.micrometer.core.instrument.Counter rejected = null;
        for (int i = 0; i < 3000 && rejected == null; i++) {
            rejected = registry.find("augur.http.rejected").tag("status", "503").tag("route", "/api/v1/forecasts/fit")
                    .counter();
            Thread.sleep(rejected == null ? 10 : 0);
        }
        assertTrue(rejected != null && rejected.count() >= 1, "augur_http_rejected_total{status=503, route} counted");
        // the pool takes new work afterwards
        given().contentType(ContentType.JSON).body("""
                {"form": "power-law", "points": [{"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                 {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}], "bootstrap": {"rounds": 0}}""")
                .post("/api/v1/forecasts/fit").then().statusCode(200);
        // compute seconds per operation, named by its route
        io.micrometer.core.instrument.Timer time = registry.find("augur.compute.time")
                .tag("operation", "/api/v1/forecasts/fit").timer();
        assertTrue(time != null && time.count() >= 2, "augur_compute_time_seconds{operation} recorded both fits");
        assertTrue(time.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
    }
}
