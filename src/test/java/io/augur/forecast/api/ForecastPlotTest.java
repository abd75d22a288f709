package io.augur.forecast.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** POST /api/v1/forecasts/plot draws the fit as SVG, marking held-out points when a holdout is given. */
@QuarkusTest
class ForecastPlotTest {

    private static final String POINTS = """
            "points": [{"x": 1e17, "y": 4.21}, {"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                       {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
            "bootstrap": {"rounds": 50, "seed": 3}""";

    @Test
    void drawsTheFitWithItsBand() {
        String svg = given().contentType(ContentType.JSON).body("{\"form\": \"power-law\", " + POINTS + "}")
                .post("/api/v1/forecasts/plot").then().statusCode(200).contentType("image/svg+xml")
                .body(startsWith("<svg")).body(containsString("class=\"curve\"")).body(containsString("class=\"band\""))
                .body(not(containsString("class=\"held-out\""))).extract().asString();
        assertEquals(7, svg.split("class=\"point\"", -1).length - 1, "every observed point is drawn");
    }

    @Test
    void marksHeldOutPointsOfABacktest() {
        String svg = given().contentType(ContentType.JSON)
                .body("{\"form\": \"power-law\", \"holdout\": {\"ordersOfMagnitude\": 1}, " + POINTS + "}")
                .post("/api/v1/forecasts/plot").then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        int held = svg.split("class=\"held-out\"", -1).length - 1;
        int kept = svg.split("class=\"point\"", -1).length - 1;
        assertEquals(7, held + kept);
        assertEquals(true, held >= 1, "the top order of magnitude is marked as held out");
    }

    @Test
    void theOpenApiExampleReportsItsDegenerateResamples() {
        // the OpenAPI example: five points for three parameters once the top order of magnitude is held out;
        // 12 of its 100 resamples are degenerate (8 with fewer than 3 distinct points) and left out
        String body = "{\"form\": \"power-law\", \"holdout\": {\"ordersOfMagnitude\": 1}, " + POINTS.replace("50", "100") + "}";
        String svg = given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/forecasts/plot").then().statusCode(200).extract().asString();
        assertEquals(true, svg.contains("class=\"legend\""));
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/forecasts/backtest").then().statusCode(200)
                .body("candidates[0].trainFit.bootstrap.degenerateRounds", equalTo(12))
                .body("candidates[0].trainFit.warnings[0]", containsString("degenerate"))
                .body("candidates[0].heldOut[0].prediction.upper", lessThan(10f));
    }

    @Test
    void labelsAndLogYFromTheRequest() {
        String svg = given().contentType(ContentType.JSON).body("{\"form\": \"power-law\", \"plot\": {\"xLabel\": \"training "
                + "compute (FLOP)\", \"yLabel\": \"validation loss\", \"logY\": true}, " + POINTS + "}")
                .post("/api/v1/forecasts/plot").then().statusCode(200).extract().asString();
        assertEquals(true, svg.contains(">training compute (FLOP) (log scale)</text>"));
        assertEquals(true, svg.contains(">validation loss (log scale)</text>"));
        assertEquals(true, svg.contains("class=\"legend\""));
    }

    @Test
    void chinchillaIsDrawnAgainstCompute() {
        String svg = given().contentType(ContentType.JSON).body("""
                {"form": "chinchilla", "bootstrap": {"rounds": 20, "seed": 1},
                 "points": [{"n": 4.0e7, "d": 8.0e9, "loss": 3.93}, {"n": 4.0e7, "d": 3.2e10, "loss": 3.71},
                            {"n": 1.6e8, "d": 8.0e9, "loss": 3.48}, {"n": 1.6e8, "d": 3.2e10, "loss": 3.23},
                            {"n": 6.4e8, "d": 8.0e9, "loss": 3.26}, {"n": 6.4e8, "d": 3.2e10, "loss": 2.99},
                            {"n": 2.56e9, "d": 8.0e9, "loss": 3.15}, {"n": 2.56e9, "d": 3.2e10, "loss": 2.86},
                            {"n": 2.56e9, "d": 1.28e11, "loss": 2.69}, {"n": 6.4e8, "d": 1.28e11, "loss": 2.85}]}""")
                .post("/api/v1/forecasts/plot").then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertEquals(10, svg.split("class=\"point\"", -1).length - 1);
        assertEquals(true, svg.contains("training compute C = 6ND (FLOP)"));
        assertEquals(true, svg.contains("loss at the compute-optimal N, D"));
    }

    @Test
    void twoStageIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"form\": \"two-stage\", \"points\": [{\"x\": 1e20, \"loss\": 3.2, \"y\": 0.3}]}")
                .post("/api/v1/forecasts/plot").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("form"));
    }
}
