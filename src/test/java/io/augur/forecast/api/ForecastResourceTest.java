package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.chinchillaPoints;
import static io.augur.forecast.api.ForecastJson.post;
import static io.augur.forecast.api.ForecastJson.powerLawPoints;
import static io.augur.forecast.api.ForecastJson.sigmoidPoints;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast endpoints on inline points with known parameters. */
@QuarkusTest
class ForecastResourceTest {

    private static double param(JsonPath json, String prefix, String name, String what) {
        return json.getDouble(prefix + "parameters.find { it.name == '" + name + "' }." + what);
    }

    @Test
    void powerLawFitRecoversItsParametersWithIntervalsAndEchoesTheSeed() {
        JsonPath json = post("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7, \"level\": 0.9}}")
                .statusCode(200)
                .body("form", equalTo("power-law"))
                .body("fit.form", equalTo("power-law"))
                .body("fit.converged", equalTo(true))
                .body("fit.loss", containsString("huber"))
                .body("fit.residuals", hasSize(9))
                .body("fit.bootstrap.seed", equalTo(7))
                .body("fit.bootstrap.rounds", equalTo(200))
                .body("fit.bootstrap.level", equalTo(0.9))
                .body("fit.parameters.interval.method", everyItem(containsString("seed 7")))
                .body("data.source", equalTo("inline"))
                .body("data.points", equalTo(9))
                .extract().jsonPath();
        assertEquals(ForecastJson.ALPHA, param(json, "fit.", "alpha", "estimate"), 0.03);
        assertEquals(ForecastJson.E, param(json, "fit.", "E", "estimate"), 0.05);
        double lo = param(json, "fit.", "alpha", "interval.lower");
        double hi = param(json, "fit.", "alpha", "interval.upper");
        assertTrue(lo <= ForecastJson.ALPHA && ForecastJson.ALPHA <= hi, "alpha interval [" + lo + ", " + hi + "]");
        assertEquals(0.9, json.getDouble("fit.parameters[0].interval.level"), 1e-12);
        assertTrue(json.getDouble("fit.objective") >= 0);
        // same seed, same intervals; another seed, other intervals
        JsonPath again = post("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7, \"level\": 0.9}}").statusCode(200).extract().jsonPath();
        assertEquals(lo, param(again, "fit.", "alpha", "interval.lower"));
        JsonPath other = post("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 8, \"level\": 0.9}}").statusCode(200).extract().jsonPath();
        assertNotEquals(lo, param(other, "fit.", "alpha", "interval.lower"));
    }

    @Test
    void defaultsAreStated() {
        post("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + "}")
                .statusCode(200)
                .body("fit.bootstrap.seed", equalTo(42))
                .body("fit.bootstrap.seedSource", equalTo("default"))
                .body("fit.bootstrap.rounds", equalTo(1000))
                .body("fit.bootstrap.level", equalTo(0.95))
                .body("fit.bootstrap.failedRounds", equalTo(0))
                .body("fit.bootstrap.method", containsString("seed 42"));
        post("fit", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"bootstrap\": {\"rounds\": 0}}")
                .statusCode(200)
                .body("fit.parameters[0].interval", nullValue())
                .body("fit.warnings", hasItem(containsString("no bootstrap rounds")));
    }

    @Test
    void theDocumentedExampleWorksWhenPasted() {
        post("fit", ForecastRequests.POWER_LAW_EXAMPLE).statusCode(200)
                .body("fit.converged", equalTo(true)).body("fit.parameters", hasSize(3));
    }

    @Test
    void chinchillaFitReportsDerivedParametersAndComputeOptimalAllocation() {
        JsonPath fit = post("fit", "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 100, \"seed\": 3}}")
                .statusCode(200)
                .body("fit.inputs", equalTo(List.of("n", "d")))
                .body("fit.converged", equalTo(true))
                .body("fit.parameters.find { it.name == 'A' }.derived", equalTo(true))
                .extract().jsonPath();
        assertEquals(0.34, param(fit, "fit.", "alpha", "estimate"), 0.03);
        assertEquals(0.37, param(fit, "fit.", "beta", "estimate"), 0.03);
        assertEquals(1.8, param(fit, "fit.", "E", "estimate"), 0.1);

        JsonPath opt = post("compute-optimal", "{\"points\": " + chinchillaPoints()
                + ", \"compute\": 1e22, \"targetLoss\": 2.3, \"bootstrap\": {\"rounds\": 100, \"seed\": 3}}")
                .statusCode(200)
                .body("compute", equalTo(1e22))
                .body("parameters.interval.level", equalTo(0.95))
                .body("tokens.interval.method", containsString("seed 3"))
                .body("targetLoss.compute.estimate", greaterThan(0.0))
                .body("fit.bootstrap.seed", equalTo(3))
                .extract().jsonPath();
        double n = opt.getDouble("parameters.estimate");
        double d = opt.getDouble("tokens.estimate");
        assertEquals(1e22, 6 * n * d, 1e22 * 1e-6, "C = 6ND");
        assertEquals(d / n, opt.getDouble("tokensPerParameter.estimate"), d / n * 1e-6);
        assertTrue(opt.getDouble("parameters.interval.lower") <= n && n <= opt.getDouble("parameters.interval.upper"));
        // a budget far beyond the data is answered with a warning
        post("compute-optimal", "{\"points\": " + chinchillaPoints() + ", \"compute\": 1e30, \"bootstrap\": {\"rounds\": 0}}")
                .statusCode(200).body("warnings", hasItem(containsString("extrapolation")));
    }

    @Test
    void predictionsCarryIntervalsAndFlagFarExtrapolation() {
        JsonPath json = post("predict", "{\"form\": \"power-law\", \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 1}, \"at\": [{\"x\": 1e11}, {\"x\": 1e14}]}")
                .statusCode(200)
                .body("predictions", hasSize(2))
                .body("predictions[0].warnings", empty())
                .body("predictions[1].warnings", hasItem(containsString("orders of magnitude")))
                .body("warnings", hasItem(containsString("at[1]")))
                .body("fit.fit.bootstrap.seed", equalTo(1))
                .extract().jsonPath();
        double v = json.getDouble("predictions[0].value");
        assertEquals(ForecastJson.powerLaw(1e11), v, 0.05);
        assertTrue(json.getDouble("predictions[0].prediction.lower") <= v && v <= json.getDouble("predictions[0].prediction.upper"));
        assertTrue(json.getDouble("predictions[0].confidence.upper") > json.getDouble("predictions[0].confidence.lower"));
        // chinchilla predicts at n and d
        post("predict", "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 50}, \"at\": [{\"n\": 7e10, \"d\": 1.4e12}]}")
                .statusCode(200)
                .body("predictions[0].value", closeTo(ForecastJson.chinchilla(7e10, 1.4e12), 0.05))
                .body("predictions[0].at.n", equalTo(7e10));
    }

    @Test
    void sigmoidAndPassCountsAndTwoStage() {
        JsonPath sig = post("fit", "{\"form\": \"sigmoid\", \"floor\": 0.25, \"points\": " + sigmoidPoints()
                + ", \"bootstrap\": {\"rounds\": 100}}")
                .statusCode(200).body("fit.form", equalTo("sigmoid")).body("fit.loss", equalTo("least squares"))
                .extract().jsonPath();
        assertEquals(1.5, param(sig, "fit.", "k", "estimate"), 0.2);
        assertEquals(22, param(sig, "fit.", "x0", "estimate"), 0.2);

        post("fit", """
                {"form": "pass-counts", "points": [{"x": 1e19, "successes": 0, "attempts": 10000},
                 {"x": 1e20, "successes": 3, "attempts": 10000}, {"x": 1e21, "successes": 41, "attempts": 10000},
                 {"x": 1e22, "successes": 460, "attempts": 10000}, {"x": 1e23, "successes": 2900, "attempts": 10000}],
                 "bootstrap": {"rounds": 100}}""")
                .statusCode(200).body("form", equalTo("pass-counts")).body("fit.loss", containsString("binomial"))
                .body("fit.converged", equalTo(true));

        post("predict", """
                {"form": "two-stage",
                 "points": [{"x": 1e19, "loss": 3.10, "y": 0.26}, {"x": 1e20, "loss": 2.80, "y": 0.29},
                            {"x": 1e21, "loss": 2.57, "y": 0.36}, {"x": 1e22, "loss": 2.41, "y": 0.47},
                            {"x": 1e23, "loss": 2.30, "y": 0.58}],
                 "floor": 0.25, "bootstrap": {"rounds": 100, "seed": 20261122}, "at": [{"x": 1e24}]}""")
                .statusCode(200)
                .body("fit.fit.form", equalTo("power-law"))
                .body("fit.lossToScore.form", equalTo("sigmoid-of-loss"))
                .body("fit.lossToScore.inputs", equalTo(List.of("loss")))
                .body("predictions[0].loss.value", lessThan(2.30))
                .body("predictions[0].value", greaterThan(0.5))
                // five points for a three-parameter power law: more than 10% of the resamples are degenerate, so
                // the intervals are withheld (with the reason) rather than shown
                .body("predictions[0].confidence", nullValue())
                .body(containsString("intervals withheld"));
    }

    @Test
    void targetAnswersTheXThatReachesAValue() {
        JsonPath json = post("target", "{\"form\": \"power-law\", \"target\": 1.9, \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 2}}")
                .statusCode(200).body("quantity", equalTo("x")).body("x.interval.method", containsString("seed 2"))
                .extract().jsonPath();
        double x = json.getDouble("x.estimate");
        double truth = Math.pow((1.9 - ForecastJson.E) / ForecastJson.A, -1 / ForecastJson.ALPHA);
        assertEquals(Math.log10(truth), Math.log10(x), 0.5);
        // below the fitted floor E: never reached
        post("target", "{\"form\": \"power-law\", \"target\": 1.0, \"points\": " + powerLawPoints()
                + ", \"bootstrap\": {\"rounds\": 50}}")
                .statusCode(200).body("x.estimate", nullValue()).body("warnings", hasItem(containsString("does not reach")));
        post("target", "{\"form\": \"chinchilla\", \"target\": 2.3, \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 50}}")
                .statusCode(200).body("quantity", containsString("compute")).body("x.estimate", greaterThan(0.0));
    }

    @Test
    void backtestHoldsOutTheLargestPointsAndAutoReportsEveryCandidate() {
        post("backtest", "{\"form\": \"power-law\", \"points\": " + powerLawPoints() + ", \"bootstrap\": {\"rounds\": 100}}")
                .statusCode(200)
                .body("holdout", containsString("order"))
                .body("candidates", hasSize(1))
                .body("candidates[0].heldOutPoints", equalTo(3))
                .body("candidates[0].trainPoints", equalTo(6))
                .body("candidates[0].heldOut.index", equalTo(List.of(6, 7, 8)))
                .body("candidates[0].meanRelativeError", lessThan(0.05))
                .body("candidates[0].coverage", notNullValue())
                .body("candidates[0].trainFit.residuals", hasSize(6));
        JsonPath auto = post("backtest", "{\"form\": \"auto\", \"candidates\": [\"power-law\", \"pow3\", \"sigmoid\"], "
                + "\"points\": " + sigmoidPoints() + ", \"floor\": 0.25, \"bootstrap\": {\"rounds\": 50}}")
                .statusCode(200)
                .body("candidates", hasSize(3))
                .body("fit.converged", notNullValue())
                .extract().jsonPath();
        String chosen = auto.getString("chosenForm");
        List<Double> maes = auto.getList("candidates.meanAbsoluteError", Double.class);
        List<String> forms = auto.getList("candidates.form", String.class);
        double best = maes.stream().min(Double::compare).orElseThrow();
        assertEquals(forms.get(maes.indexOf(best)), chosen, "auto picks the lowest held-out error");
        JsonPath fit = post("fit", "{\"form\": \"auto\", \"candidates\": [\"power-law\", \"sigmoid\"], \"points\": "
                + sigmoidPoints() + ", \"floor\": 0.25, \"bootstrap\": {\"rounds\": 50}}")
                .statusCode(200).body("auto.candidates", hasSize(2)).body("auto.holdout", containsString("order"))
                .extract().jsonPath();
        assertEquals(fit.getString("auto.chosenForm"), fit.getString("fit.form"));
        List<Double> fitMaes = fit.getList("auto.candidates.meanAbsoluteError", Double.class);
        assertEquals(fit.getList("auto.candidates.form", String.class).get(fitMaes.indexOf(
                fitMaes.stream().min(Double::compare).orElseThrow())), fit.getString("auto.chosenForm"));
    }

    @Test
    void learningCurveForecastsTheFinalValueAndEarlyStoppingProbabilities() {
        StringBuilder pts = new StringBuilder("[");
        for (int x = 1; x <= 10; x++) {
            pts.append(x > 1 ? ", " : "").append("{\"x\": ").append(x).append(", \"y\": ")
                    .append(ForecastJson.num(0.8 - 0.4 * Math.pow(x, -0.7) + (x % 2 == 0 ? 0.004 : -0.004))).append("}");
        }
        pts.append("]");
        JsonPath json = post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 40, \"threshold\": 0.65}")
                .statusCode(200)
                .body("members", hasSize(11))
                .body("weighting", containsString("stacking"))
                .body("interval.level", equalTo(0.95))
                .extract().jsonPath();
        double v = json.getDouble("value");
        assertEquals(0.8 - 0.4 * Math.pow(40, -0.7), v, 0.03);
        assertTrue(json.getDouble("interval.lower") <= v && v <= json.getDouble("interval.upper"), () -> json.prettify());
        assertEquals(1.0, json.getDouble("probabilityAbove") + json.getDouble("probabilityBelow"), 1e-9);
        assertTrue(json.getDouble("probabilityAbove") > 0.5, () -> "the curve is at 0.72 after 10 epochs and headed to about 0.77: " + json.prettify());
        post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 40, \"forms\": [\"pow3\", \"exp4\"]}")
                .statusCode(200).body("members", hasSize(2)).body("probabilityAbove", nullValue());
    }

    @Test
    void learningCurveBoundsComeFromTheRequestOrTheMetricName() {
        StringBuilder pts = new StringBuilder("[");
        for (int x = 1; x <= 6; x++) {
            pts.append(x > 1 ? ", " : "").append("{\"x\": ").append(x).append(", \"y\": ")
                    .append(ForecastJson.num(100 * (0.05 + 0.5 * Math.pow(x, -0.8)))).append("}");
        }
        pts.append("]");
        // a top-1 error in percent: the forecast and its interval stay within [0, 100]
        JsonPath byName = post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 200, \"lowerIsBetter\": true, "
                + "\"metric\": \"top-1 error %\"}").statusCode(200).extract().jsonPath();
        assertTrue(byName.getDouble("interval.lower") >= 0 && byName.getDouble("interval.upper") <= 100, () -> byName.prettify());
        JsonPath byBounds = post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 200, \"lowerIsBetter\": true, "
                + "\"bounds\": {\"lower\": 0, \"upper\": 100}}").statusCode(200).extract().jsonPath();
        assertEquals(byName.getDouble("value"), byBounds.getDouble("value"), 1e-12);
        // without a name or bounds the values must lie in [0, 1]
        post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 40}").statusCode(400)
                .body("field", containsString("points[0].y"));
        post("learning-curve", "{\"points\": " + pts + ", \"horizon\": 40, \"bounds\": {\"lower\": 100, \"upper\": 0}}")
                .statusCode(400).body("field", equalTo("bounds"));
    }
}
