package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Generated clients (OpenAPI Generator's Java client without containerDefaultToNull, for one) send an empty
 * list or map for a container the caller never set. Where a body takes one of two alternatives, an empty
 * container beside the other alternative counts as absent, so such a client's request is served; an empty
 * container alone is still refused.
 */
@QuarkusTest
class EmptyAlternativeListsTest {

    static final String QRELS = "q1 0 d1 1\\nq1 0 d2 0\\nq2 0 d1 1\\n";
    static final String RUN = "q1 Q0 d1 1 2 r\\nq1 Q0 d2 2 1 r\\nq2 Q0 d2 1 2 r\\nq2 Q0 d1 2 1 r\\n";

    @Test
    void retrievalTextWithEmptyArrays() {
        // q1: d1 relevant at rank 1 (AP 1); q2: d1 relevant at rank 2 (AP 1/2); MAP 0.75
        given().contentType("application/json")
                .body("{\"qrels\": \"" + QRELS + "\", \"judgments\": [], \"run\": \"" + RUN + "\", \"results\": [],"
                        + " \"measures\": [\"map\"]}")
                .post("/api/v1/retrieval/evaluations").then().statusCode(200).body("summary.map", equalTo(0.75f));
        given().contentType("application/json").body("{\"judgments\": [], \"run\": \"" + RUN + "\"}")
                .post("/api/v1/retrieval/evaluations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void runComparisonWithEmptyScoreMaps() {
        String other = "q1 Q0 d2 1 2 s\\nq1 Q0 d1 2 1 s\\nq2 Q0 d1 1 2 s\\nq2 Q0 d2 2 1 s\\n";
        given().contentType("application/json")
                .body("{\"qrels\": \"" + QRELS + "\", \"runs\": [{\"name\": \"r\", \"run\": \"" + RUN + "\", \"scores\": {}},"
                        + " {\"name\": \"s\", \"run\": \"" + other + "\", \"scores\": {}}], \"measures\": [\"map\"]}")
                .post("/api/v1/retrieval/comparisons").then().statusCode(200).body("runs", hasSize(2));
    }

    @Test
    void plackettLuceRankingsWithEmptyChoices() {
        given().contentType("application/json")
                .body("{\"rankings\": [[\"a\", \"b\", \"c\"], [\"b\", \"a\"], [\"c\", \"a\", \"b\"], [\"a\", \"c\"]],"
                        + " \"choices\": [], \"alpha\": 0.01, \"bootstrap\": {\"rounds\": 10, \"seed\": 1}}")
                .post("/api/v1/leaderboards/plackett-luce").then().statusCode(200).body("entries", hasSize(3));
        given().contentType("application/json").body("{\"rankings\": [], \"choices\": []}")
                .post("/api/v1/leaderboards/plackett-luce").then().statusCode(400);
    }
}
