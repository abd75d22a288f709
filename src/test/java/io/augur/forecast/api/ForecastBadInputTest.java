package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.PROBLEM;
import static io.augur.forecast.api.ForecastJson.chinchillaPoints;
import static io.augur.forecast.api.ForecastJson.post;
import static io.augur.forecast.api.ForecastJson.powerLawPoints;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Bad input is a problem+json 400 naming the offending JSON path and the reason. */
@QuarkusTest
class ForecastBadInputTest {

    private static ValidatableResponse rejects(String path, String body, String field, String reason) {
        return post(path, body).statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", containsString(reason));
    }

    @Test
    void fewerPointsThanParameters() {
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6, \"y\": 3.1}, {\"x\": 1e7, \"y\": 2.9}]}",
                "points", "3 parameters");
        rejects("fit", "{\"form\": \"chinchilla\", \"points\": [{\"n\": 1e7, \"d\": 1e9, \"loss\": 3.1}]}",
                "points", "5 parameters");
    }

    @Test
    void nonPositiveScaleForLogForms() {
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6, \"y\": 3.1}, {\"x\": 0, \"y\": 2.9}, "
                + "{\"x\": 1e8, \"y\": 2.7}, {\"x\": 1e9, \"y\": 2.6}]}", "points[1].x", "must be > 0");
        rejects("fit", "{\"form\": \"chinchilla\", \"points\": [{\"n\": 1e7, \"d\": 1e9, \"loss\": 3.1}, "
                + "{\"n\": 1e8, \"d\": 1e9, \"loss\": 3.0}, {\"n\": 1e9, \"d\": 1e9, \"loss\": 2.9}, "
                + "{\"n\": 1e7, \"d\": -1e10, \"loss\": 2.8}, {\"n\": 1e8, \"d\": 1e10, \"loss\": 2.7}]}",
                "points[3].d", "must be > 0");
    }

    @Test
    void nanAndInfiniteValues() {
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6, \"y\": 3.1}, {\"x\": 1e7, \"y\": \"NaN\"}, "
                + "{\"x\": 1e8, \"y\": 2.7}, {\"x\": 1e9, \"y\": 2.6}]}", "points[1].y", "finite");
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6, \"y\": 3.1}, {\"x\": 1e7, \"y\": 2.9}, "
                + "{\"x\": 1e999, \"y\": 2.7}, {\"x\": 1e9, \"y\": 2.6}]}", "points[2].x", "finite");
        rejects("predict", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"at\": [{\"x\": \"Infinity\"}]}", "at[0].x", "finite");
    }

    @Test
    void duplicatedXWithConflictingY() {
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6, \"y\": 3.1}, {\"x\": 1e7, \"y\": 2.9}, "
                + "{\"x\": 1e8, \"y\": 2.7}, {\"x\": 1e7, \"y\": 2.8}]}", "points[3].y", "duplicates the x of points[1]");
    }

    @Test
    void scoresOutsideTheUnitIntervalForSigmoids() {
        rejects("fit", "{\"form\": \"sigmoid\", \"points\": [{\"x\": 1e20, \"y\": 0.3}, {\"x\": 1e21, \"y\": 1.4}, "
                + "{\"x\": 1e22, \"y\": 0.7}]}", "points[1].y", "[0, 1]");
    }

    @Test
    void successesAboveAttempts() {
        rejects("fit", "{\"form\": \"pass-counts\", \"points\": [{\"x\": 1e20, \"successes\": 1, \"attempts\": 100}, "
                + "{\"x\": 1e21, \"successes\": 120, \"attempts\": 100}, {\"x\": 1e22, \"successes\": 50, \"attempts\": 100}]}",
                "points[1].successes", "exceed");
        rejects("fit", "{\"form\": \"pass-counts\", \"points\": [{\"x\": 1e20, \"successes\": 1, \"attempts\": 0}, "
                + "{\"x\": 1e21, \"successes\": 2, \"attempts\": 100}, {\"x\": 1e22, \"successes\": 50, \"attempts\": 100}]}",
                "points[0].attempts", "greater than 0");
        rejects("fit", "{\"form\": \"pass-counts\", \"points\": [{\"x\": 1e20, \"successes\": 1}, "
                + "{\"x\": 1e21, \"successes\": 2, \"attempts\": 100}, {\"x\": 1e22, \"successes\": 50, \"attempts\": 100}]}",
                "points[0].attempts", "go together");
    }

    @Test
    void missingInputsOfTheForm() {
        rejects("fit", "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints().replaceFirst("\"d\": [0-9.e+]+, ", "") + "}",
                "points[0].d", "required");
        rejects("fit", "{\"form\": \"power-law\", \"points\": [{\"x\": 1e6}, {\"x\": 1e7, \"y\": 2.9}, {\"x\": 1e8, \"y\": 2.7}]}",
                "points[0].y", "required");
        rejects("predict", "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 0}, \"at\": [{\"n\": 1e9}]}", "at[0].d", "required");
    }

    @Test
    void requestShapeAndLimits() {
        rejects("fit", "{\"form\": \"spline\", \"points\": " + powerLawPoints() + "}", "form", "unknown form");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"colour\": 1}", "colour", "unknown field");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"loss\": \"l1\"}", "loss", "one of");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"bootstrap\": {\"rounds\": 10001}}",
                "bootstrap.rounds", "10000");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"bootstrap\": {\"level\": 1.5}}",
                "bootstrap.level", "1");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"starts\": [[1, 2]]}",
                "starts[0]", "3 values");
        rejects("fit", "{\"form\": \"power-law\"}", "points", "inline");
        rejects("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"selection\": {\"benchmark\": \"b\"}}",
                "selection", "not both");
        rejects("fit", "{\"points\": " + powerLawPoints() + "}", "form", "blank");
        rejects("fit", "{\"form\": \"sigmoid\", \"floor\": 1.2, \"points\": [{\"x\": 1e20, \"y\": 0.3}, {\"x\": 1e21, \"y\": 0.4}, "
                + "{\"x\": 1e22, \"y\": 0.7}]}", "floor", "floor");
        rejects("fit", "{\"form\": \"auto\", \"candidates\": [\"two-stage\"], \"points\": " + powerLawPoints() + "}",
                "candidates[0]", "single curve forms");
        post("fit", "not json").statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
    }

    @Test
    void endpointSpecificErrors() {
        rejects("compute-optimal", "{\"points\": " + chinchillaPoints() + ", \"compute\": -1}", "compute", "greater than 0");
        rejects("compute-optimal", "{\"points\": " + chinchillaPoints() + "}", "compute", "null");
        rejects("target", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + "}", "target", "null");
        rejects("backtest", "{\"form\": \"two-stage\", \"points\": [{\"x\": 1e19, \"loss\": 3.1, \"y\": 0.3}]}",
                "form", "two-stage");
        rejects("backtest", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"holdout\": {\"ordersOfMagnitude\": 1, \"lastFraction\": 0.2}}", "holdout", "not both");
        rejects("backtest", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"holdout\": {\"lastFraction\": 0.9}}", "points", "fewer than the 3 parameters");
        rejects("learning-curve", "{\"points\": [{\"x\": 1, \"y\": 0.4}, {\"x\": 2, \"y\": 1.5}, {\"x\": 3, \"y\": 0.6}], "
                + "\"horizon\": 40}", "points[1].y", "[0, 1]");
        rejects("learning-curve", "{\"points\": [{\"x\": 0, \"y\": 0.4}, {\"x\": 2, \"y\": 0.5}, {\"x\": 3, \"y\": 0.6}], "
                + "\"horizon\": 40}", "points[0].x", "step >= 1");
        rejects("learning-curve", "{\"points\": [{\"x\": 1, \"y\": 0.4}, {\"x\": 2, \"y\": 0.5}], \"horizon\": 40}",
                "points", "size");
        rejects("learning-curve", "{\"points\": [{\"x\": 1, \"y\": 0.4}, {\"x\": 2, \"y\": 0.5}, {\"x\": 3, \"y\": 0.6}], "
                + "\"horizon\": 40, \"forms\": [\"pow3\", \"cubic\"]}", "forms[1]", "unknown");
    }
}
