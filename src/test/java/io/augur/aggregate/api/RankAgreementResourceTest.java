package io.augur.aggregate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RankAgreementResourceTest {


    static ValidatableResponse post(String body) {
        return given().config(ScoreTableResourceTest.DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/rankings/agreement").then();
    }

    @Test
    void oneSwapOfFour() {
        // 6 pairs, one discordant: tau = (5 - 1) / 6; rho = 1 - 6 * 2 / (4 * 15)
        post("{\"first\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4},\"second\":{\"a\":1,\"b\":3,\"c\":2,\"d\":4}}").statusCode(200)
                .body("systems", equalTo(4)).body("kendallTauB", closeTo(4.0 / 6, 1e-12))
                .body("spearmanRho", closeTo(0.8, 1e-12)).body("concordantPairs", equalTo(5))
                .body("discordantPairs", equalTo(1)).body("tiedInFirst", equalTo(0));
    }

    @Test
    void tiesAndReversal() {
        post("{\"first\":{\"a\":1,\"b\":2,\"c\":3},\"second\":{\"a\":30,\"b\":20,\"c\":10}}").statusCode(200)
                .body("kendallTauB", closeTo(-1, 1e-12)).body("discordantPairs", equalTo(3));
        // tau-b with ties: first ties a and b
        post("{\"first\":{\"a\":1,\"b\":1,\"c\":2},\"second\":{\"a\":1,\"b\":2,\"c\":3}}").statusCode(200)
                .body("tiedInFirst", equalTo(1)).body("concordantPairs", equalTo(2))
                .body("kendallTauB", closeTo(2 / Math.sqrt(2 * 3), 1e-12));
    }

    @Test
    void badInputNamesTheField() {
        post("{\"first\":{\"a\":1,\"b\":2},\"second\":{\"a\":1,\"c\":2}}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("second"));
        post("{\"first\":{\"a\":1},\"second\":{\"a\":1}}").statusCode(400).body("field", equalTo("first"));
        post("{\"first\":{\"a\":1,\"b\":1},\"second\":{\"a\":1,\"b\":2}}").statusCode(400).body("field", equalTo("first"));
        post("{\"first\":{\"a\":1,\"b\":2}}").statusCode(400).body("field", equalTo("second"));
        post("{\"first\":{\"a\":\"NaN\",\"b\":2},\"second\":{\"a\":1,\"b\":2}}").statusCode(400).body("field", startsWith("first"));
        post("{\"first\":{\"a\":null,\"b\":2},\"second\":{\"a\":1,\"b\":2}}").statusCode(400).body("field", startsWith("first"));
        post("{\"first\":[1,2],\"second\":{\"a\":1,\"b\":2}}").statusCode(400).body("field", equalTo("first"));
    }
}
