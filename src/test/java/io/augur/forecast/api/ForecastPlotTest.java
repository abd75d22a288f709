package io.augur.forecast.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
    void twoInputFormsAreRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"form\": \"chinchilla\", \"points\": [{\"n\": 1e8, \"d\": 1e9, \"loss\": 3.2}]}")
                .post("/api/v1/forecasts/plot").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("form"));
    }
}
