package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.PROBLEM;
import static io.augur.forecast.api.ForecastJson.chinchilla;
import static io.augur.forecast.api.ForecastJson.chinchillaPoints;
import static io.augur.forecast.api.ForecastJson.num;
import static io.augur.forecast.api.ForecastJson.post;
import static io.augur.forecast.api.ForecastJson.sigmoid;
import static io.augur.forecast.api.ForecastJson.sigmoidPoints;
import static io.augur.forecast.api.ForecastJson.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** The same computations over stored evaluations give the same answers, in the same shape, as inline points. */
@QuarkusTest
class ForecastSelectionTest {

    private static void createBenchmark(String name, String metric, Double chance) {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"metric\":\"" + metric + "\",\"higherIsBetter\":true"
                        + (chance == null ? "" : ",\"chanceLevel\":" + chance) + "}")
                .post("/api/v1/benchmarks").then().statusCode(201);
    }

    private static void createModel(String name, String family, Long parameters, Double tokens, Double compute) {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"family\":\"" + family + "\""
                        + (parameters == null ? "" : ",\"parameters\":" + parameters)
                        + (tokens == null ? "" : ",\"trainingTokens\":" + num(tokens))
                        + (compute == null ? "" : ",\"trainingCompute\":" + num(compute)) + "}")
                .post("/api/v1/models").then().statusCode(201);
    }

    private static void importEvaluations(String json) {
        given().contentType(ContentType.JSON).body(json).post("/api/v1/evaluations").then().statusCode(200);
    }

    @Test
    void sigmoidOverStoredEvaluationsMatchesInlinePointsAndUsesTheChanceLevel() {
        String benchmark = unique("arc");
        String family = unique("fam");
        createBenchmark(benchmark, "accuracy", 0.25);
        StringJoiner evals = new StringJoiner(",", "[", "]");
        for (int k = 0; k <= 10; k++) {
            double x = Math.pow(10, 19 + 0.6 * k);
            String model = family + "-" + k;
            createModel(model, family, 1_000_000L * (k + 1), null, x);
            double y = sigmoid(x) + (k % 2 == 0 ? 0.004 : -0.004);
            evals.add("{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\",\"value\":" + num(y) + "}");
        }
        importEvaluations(evals.toString());
        // a model without compute is skipped and said so
        createModel(family + "-nocompute", family, 5L, null, null);
        importEvaluations("[{\"model\":\"" + family + "-nocompute\",\"benchmark\":\"" + benchmark + "\",\"value\":0.5}]");

        JsonPath stored = post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark
                + "\", \"family\": \"" + family + "\", \"x\": \"trainingCompute\"}, \"bootstrap\": {\"rounds\": 100, \"seed\": 5}}")
                .statusCode(200)
                .body("data.source", equalTo("selection"))
                .body("data.points", equalTo(11))
                .body("data.chanceLevel", equalTo(0.25))
                .body("data.metric", equalTo("accuracy"))
                .body("data.notes", hasItem(containsString("1 evaluation(s) skipped")))
                .extract().jsonPath();
        JsonPath inline = post("fit", "{\"form\": \"sigmoid\", \"floor\": 0.25, \"points\": " + sigmoidPoints()
                + ", \"bootstrap\": {\"rounds\": 100, \"seed\": 5}}").statusCode(200).extract().jsonPath();
        assertEquals(inline.getList("fit.parameters.estimate", Double.class), stored.getList("fit.parameters.estimate", Double.class));
        assertEquals(inline.getList("fit.parameters.interval.lower", Double.class),
                stored.getList("fit.parameters.interval.lower", Double.class));
        assertEquals(inline.getMap("fit").keySet(), stored.getMap("fit").keySet(), "same response shape");

        post("predict", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"family\": \""
                + family + "\"}, \"bootstrap\": {\"rounds\": 50}, \"at\": [{\"x\": 1e25}]}")
                .statusCode(200).body("predictions[0].value", org.hamcrest.Matchers.greaterThan(0.9));
        post("backtest", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"family\": \""
                + family + "\"}, \"bootstrap\": {\"rounds\": 50}}")
                .statusCode(200).body("candidates[0].heldOutPoints", equalTo(2)).body("data.source", equalTo("selection"));
        // restricting to named models
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"models\": [\""
                + family + "-0\", \"" + family + "-1\", \"" + family + "-2\", \"" + family + "-3\"]}, \"bootstrap\": {\"rounds\": 0}}")
                .statusCode(200).body("data.points", equalTo(4));
    }

    @Test
    void chinchillaOverStoredModelsAveragesRepeatedRuns() {
        String benchmark = unique("pile");
        String family = unique("chin");
        createBenchmark(benchmark, "loss", null);
        StringJoiner evals = new StringJoiner(",", "[", "]");
        int k = 0;
        for (double n : new double[] {1e7, 1e8, 1e9, 1e10}) {
            for (double d : new double[] {1e9, 1e10, 1e11, 1e12}) {
                String model = family + "-" + k;
                // tokens stored for half the models, compute (D = C / 6N) for the rest
                createModel(model, family, (long) n, k % 2 == 0 ? d : null, k % 2 == 0 ? null : 6 * n * d);
                double loss = chinchilla(n, d) * (k % 2 == 0 ? 1.002 : 0.998);
                evals.add("{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\",\"seed\":1,\"value\":" + num(loss) + "}");
                if (k == 0) {
                    evals.add("{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\",\"seed\":2,\"value\":" + num(loss) + "}");
                }
                k++;
            }
        }
        importEvaluations(evals.toString());
        JsonPath stored = post("fit", "{\"form\": \"chinchilla\", \"selection\": {\"benchmark\": \"" + benchmark
                + "\", \"family\": \"" + family + "\"}, \"bootstrap\": {\"rounds\": 0}}")
                .statusCode(200).body("data.points", equalTo(16))
                .body("data.notes", hasItem(containsString("2 evaluations at repeated inputs were averaged")))
                .extract().jsonPath();
        JsonPath inline = post("fit", "{\"form\": \"chinchilla\", \"points\": " + chinchillaPoints()
                + ", \"bootstrap\": {\"rounds\": 0}}").statusCode(200).extract().jsonPath();
        List<Double> a = inline.getList("fit.parameters.estimate", Double.class);
        List<Double> b = stored.getList("fit.parameters.estimate", Double.class);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-6 * Math.abs(a.get(i)), "parameter " + i);
        }
        post("compute-optimal", "{\"selection\": {\"benchmark\": \"" + benchmark + "\", \"family\": \"" + family
                + "\"}, \"compute\": 1e22, \"bootstrap\": {\"rounds\": 20}}").statusCode(200)
                .body("data.source", equalTo("selection"));
    }

    @Test
    void badSelections() {
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + unique("none") + "\"}}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("selection.benchmark"))
                .body("detail", containsString("no benchmark"));
        String benchmark = unique("empty");
        createBenchmark(benchmark, "accuracy", 0.5);
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\"}}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("selection"))
                .body("detail", containsString("no stored evaluation"));
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"x\": \"flops\"}}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("selection.x"));
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"\"}}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("selection.benchmark"));
        // too few stored points for the form: the problem names the selection
        String family = unique("few");
        createModel(family + "-a", family, 10L, null, 1e20);
        importEvaluations("[{\"model\":\"" + family + "-a\",\"benchmark\":\"" + benchmark + "\",\"value\":0.6}]");
        post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"family\": \"" + family + "\"}}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("selection"))
                .body("detail", containsString("parameters"));
    }
}
