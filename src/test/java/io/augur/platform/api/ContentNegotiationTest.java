package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation takes Accept: application/problem+json (alone or in a list), wildcards and lists: a
 * success answers in its own media type, an error is always a problem, whatever the Accept header.
 */
@QuarkusTest
class ContentNegotiationTest {

    static final String PROBLEM = "application/problem+json";
    static final String QRELS = "q1 0 d1 1\nq1 0 d2 0\nq2 0 d1 1\n";
    static final String RUN = "q1 Q0 d1 1 2 r\nq1 Q0 d2 2 1 r\nq2 Q0 d2 1 2 r\nq2 Q0 d1 2 1 r\n";

    @ParameterizedTest
    @ValueSource(strings = { PROBLEM, "*/*", "application/json, application/problem+json",
            "application/problem+json;q=0.9, application/json", "text/html, application/*;q=0.8" })
    void jsonOperationsAnswerJson(String accept) {
        given().accept(accept).get("/api/v1/models?limit=1").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void aDeleteTakesTheProblemTypeAlone() {
        String id = given().contentType("application/json").body("{\"name\": \"negotiation-" + System.nanoTime() + "\"}")
                .post("/api/v1/arenas").then().statusCode(201).extract().jsonPath().getString("id");
        given().accept(PROBLEM).delete("/api/v1/arenas/" + id).then().statusCode(204);
        given().accept(PROBLEM).delete("/api/v1/arenas/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    @Test
    void textAndSvgOperationsAnswerTheirOwnType() {
        String body = "{\"qrels\": \"" + QRELS.replace("\n", "\\n") + "\", \"run\": \"" + RUN.replace("\n", "\\n")
                + "\", \"measures\": [\"map\"]}";
        for (String accept : new String[] { PROBLEM, "text/plain, application/problem+json", "*/*" }) {
            String text = given().accept(accept).contentType("application/json").body(body)
                    .post("/api/v1/retrieval/evaluations/text").then().statusCode(200)
                    .contentType(startsWith("text/plain")).extract().asString();
            assertEquals("map                   \tall\t0.7500\n", text.lines().filter(l -> l.startsWith("map"))
                    .findFirst().orElseThrow() + "\n");
        }
        String points = "[{\"x\": 1e17, \"y\": 4.21}, {\"x\": 1e18, \"y\": 3.62}, {\"x\": 1e19, \"y\": 3.12},"
                + " {\"x\": 1e20, \"y\": 2.78}, {\"x\": 1e21, \"y\": 2.55}]";
        given().accept("image/svg+xml, application/problem+json").contentType("application/json")
                .body("{\"form\": \"power-law\", \"points\": " + points + ", \"bootstrap\": {\"rounds\": 20, \"seed\": 1}}")
                .post("/api/v1/forecasts/plot").then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = { PROBLEM, "application/json", "*/*", "application/problem+json, application/json" })
    void errorsAreProblemsWhateverTheAcceptHeader(String accept) {
        given().accept(accept).get("/api/v1/models/999999999").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        given().accept(accept).contentType("application/json").body("{\"name\": \"\"}").post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"));
    }

    /** An Accept the operation cannot serve is refused before the request is looked at, as a 406 problem. */
    @ParameterizedTest
    @ValueSource(strings = { "text/csv", "text/plain" })
    void anUnservableAcceptIsA406Problem(String accept) {
        given().accept(accept).get("/api/v1/models").then().statusCode(406).contentType(PROBLEM)
                .body("status", equalTo(406));
        given().accept(accept).get("/api/v1/models/999999999").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void csvOnlyQueryOptionsAreRefusedWithJsonBodies() {
        given().contentType("application/json").queryParam("rounds", 50)
                .body("{\"battles\": [{\"modelA\": \"x\", \"modelB\": \"y\", \"outcome\": \"a\"}]}")
                .post("/api/v1/leaderboards/bradley-terry").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("rounds"));
    }

    @Test
    void withoutProblemRewritesOnlyListsThatNameIt() {
        assertNull(ContentNegotiation.withoutProblem("application/json"));
        assertEquals("*/*", ContentNegotiation.withoutProblem("application/problem+json"));
        assertEquals("application/json", ContentNegotiation.withoutProblem("application/json, application/problem+json"));
        assertEquals("text/plain;q=0.5", ContentNegotiation.withoutProblem("Application/Problem+JSON;q=1, text/plain;q=0.5"));
    }
}
