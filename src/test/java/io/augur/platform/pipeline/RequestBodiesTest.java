package io.augur.platform.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.Management;
import io.augur.testing.Patient;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bodies that used to stall an event-loop thread for minutes (Bean Validation of every element, a problem
 * listing every violation): parsed and validated on the compute pool, stopping after 20 violations, with a
 * small problem body. No timing is asserted; the client timeouts are generous.
 */
@QuarkusTest
class RequestBodiesTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** 20 field errors of a few dozen bytes each, plus the envelope. */
    private static final int MAX_PROBLEM_BYTES = 4_096;

    static String repeated(String prefix, String element, int n, String suffix) {
        StringBuilder sb = new StringBuilder(prefix.length() + n * (element.length() + 1) + suffix.length());
        sb.append(prefix);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(element);
        }
        return sb.append(suffix).toString();
    }

    @Test
    void twentyThousandNullPointsAnswerTwentyErrorsInOrder() {
        String body = repeated("{\"form\":\"power-law\",\"points\":[", "null", 20_000, "]}");
        Response r = given().config(Patient.CONFIG).contentType(ContentType.JSON).body(body).post("/api/v1/forecasts/fit");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("points[0]"))
                .body("errors", hasSize(RequestBodies.MAX_VIOLATIONS))
                .body("errors[19].field", equalTo("points[19]"))
                .body("detail", containsString("the first 20 of 21+ invalid fields"));
        assertTrue(r.asByteArray().length < MAX_PROBLEM_BYTES, "problem of " + r.asByteArray().length + " bytes");
    }

    @Test
    void aHundredThousandEmptyScoresAnswerABoundedProblem() {
        String body = repeated("{\"scores\":[", "{}", 100_000, "]}");
        Response r = given().config(Patient.CONFIG).contentType(ContentType.JSON).body(body).post("/api/v1/score-tables/aggregates");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(RequestBodies.MAX_VIOLATIONS))
                .body("field", equalTo("scores[0].system"))
                .body("detail", containsString("21+"));
        assertTrue(r.asByteArray().length < MAX_PROBLEM_BYTES, "problem of " + r.asByteArray().length + " bytes");
    }

    @Test
    void aFewViolationsAreAllListed() {
        given().contentType(ContentType.JSON).body("{\"form\":\"power-law\",\"points\":[{\"x\":1,\"y\":2},null,{\"x\":3,\"y\":4},null]}")
                .post("/api/v1/forecasts/fit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("points[1]", "points[3]")))
                .body("detail", equalTo("2 invalid fields. First: points[1]: must not be null"));
    }

    @Test
    void anEmptyOrNullBodyNamesTheBody() {
        given().contentType(ContentType.JSON).body("null").post("/api/v1/forecasts/fit")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        given().contentType(ContentType.JSON).post("/api/v1/score-tables/aggregates")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void livenessAnswersWhileLargeInvalidBodiesAreValidated() throws Exception {
        // 50,000 nulls gave no answer in 8 minutes when validation ran on the event loop
        String body = repeated("{\"form\":\"power-law\",\"points\":[", "null", 50_000, "]}");
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> given().config(Patient.CONFIG).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/forecasts/fit").then().extract().statusCode()));
            }
            while (answers.stream().anyMatch(f -> !f.isDone())) {
                Management.given(management).config(Patient.CONFIG).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            }
            for (Future<Integer> f : answers) {
                assertEquals(400, f.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
