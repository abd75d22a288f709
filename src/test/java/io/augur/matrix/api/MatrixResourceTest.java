package io.augur.matrix.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@QuarkusTest
class MatrixResourceTest {

    static final List<String> PATHS = List.of("completions", "capability-index", "observational-scaling", "backtests",
            "next-measurement", "model-choice", "router-evaluation");

    static final io.restassured.config.RestAssuredConfig DOUBLES = io.restassured.config.RestAssuredConfig.config().jsonConfig(
            io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));

    static ValidatableResponse post(String path, String body) {
        return given().config(DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/matrix/" + path).then();
    }

    @Test
    void everyExampleWorksWhenPasted() {
        io.augur.testing.OpenApiExamples.assertEveryExampleWorks(PATHS.stream().map(p -> "/api/v1/matrix/" + p).toList());
    }

    @Test
    void completionAnswersEveryMissingCellWithAnInterval() {
        post("completions", MatrixExamples.COMPLETION).statusCode(200)
                .body("method", equalTo("als")).body("setting", startsWith("alternating least squares, rank 1"))
                .body("predictions", hasSize(3))
                .body("predictions[0].interval.level", closeTo(0.95, 1e-12))
                .body("predictions[0].method", startsWith("alternating least squares"))
                .body("bootstrap.rounds", equalTo(200)).body("bootstrap.seed", equalTo(7));
    }

    @Test
    void routerMetricsMatchTheHandComputedCase() {
        post("router-evaluation", MatrixExamples.ROUTER).statusCode(200)
                .body("auc", closeTo(0.5625, 1e-12)).body("apgr", closeTo(0.625, 1e-12))
                .body("strongShareFor50", closeTo(0.25, 1e-12)).body("aiq", closeTo(0.59375, 1e-12))
                .body("curve[0].threshold", equalTo(null));
    }

    @Test
    void observationalScalingNeverPredictsBelowChance() {
        post("observational-scaling", MatrixExamples.OBSERVATIONAL).statusCode(200)
                .body("trainingModels", equalTo(6)).body("components", hasSize(1))
                .body("predictions.find { it.model == 'c-70b' }.estimate", notNullValue())
                .body("predictions.find { it.model == 'c-70b' }.observed", equalTo(null));
    }

    @Test
    void badInputNamesTheField() {
        String empty = "{\"models\":[\"a\",\"b\"],\"benchmarks\":[\"x\",\"y\"],\"scores\":[[0.1,0.2],[null,null]]}";
        post("completions", empty).statusCode(400).contentType("application/problem+json").body("field", equalTo("models[1]"));
        String table = MatrixExamples.TABLE;
        post("completions", "{" + table + ",\"rank\":5}").statusCode(400).body("field", equalTo("rank"));
        post("completions", "{" + table + ",\"method\":\"magic\"}").statusCode(400).body("field", equalTo("method"));
        post("completions", "{" + table + ",\"bootstrap\":{\"rounds\":1}}").statusCode(400).body("field", equalTo("bootstrap.rounds"));
        String constant = "{\"models\":[\"a\",\"b\",\"c\"],\"benchmarks\":[\"x\",\"y\"],\"scores\":[[0.1,0.5],[0.2,0.5],[0.3,null]]}";
        post("completions", constant).statusCode(400).body("field", equalTo("benchmarks[1]"));
        post("model-choice", "{" + table + ",\"candidates\":[\"llama-70b\",\"qwen-72b\"],\"profile\":{\"GSM8K\":1},"
                + "\"costs\":{\"llama-70b\":1}}").statusCode(400).body("field", equalTo("costs.qwen-72b"));
        post("backtests", "{" + table + ",\"holdout\":{\"kind\":\"compute-threshold\",\"threshold\":1,\"targets\":[\"GSM8K\"]}}")
                .statusCode(400).body("field", equalTo("holdout.targets"));
        post("observational-scaling", MatrixExamples.OBSERVATIONAL.replace("\"threshold\": 50", "\"threshold\": 1"))
                .statusCode(400).body("field", equalTo("holdout"));
        post("completions", "{" + table.replace("0.44", "\"NaN\"") + "}").statusCode(400).body("field", startsWith("scores"));
        post("router-evaluation", MatrixExamples.ROUTER.replace("\"p4\": 0.1", "\"p5\": 0.1")).statusCode(400)
                .body("field", equalTo("routerScores.p4"));
        // null names: a 400 naming the element, not a NullPointerException from an immutable copy (found by BadRequestFuzzTest)
        post("completions", "{" + table.replace("\"llama-13b\"", "null") + "}").statusCode(400).body("field", equalTo("models[1]"));
        post("capability-index", "{" + table.replace("\"GSM8K\"", "null") + "}").statusCode(400).body("field", equalTo("benchmarks[1]"));
        post("model-choice", "{" + table + ",\"candidates\":[null],\"profile\":{\"GSM8K\":1}}").statusCode(400)
                .body("field", equalTo("candidates[0]"));
        post("next-measurement", "{" + table + ",\"model\":\"qwen-72b\",\"asked\":[null]}").statusCode(400)
                .body("field", equalTo("asked[0]"));
    }

    /**
     * Issue 12's bad-input list, each through the API: a 400 problem naming the field and saying why — a model or
     * benchmark with no observed cell, a rank (or capability dimensions) larger than the data allows, a target with no
     * training rows under the holdout, constant columns (scores, predictors, features), costs missing for a candidate.
     */
    @Test
    void issueTwelveBadInputsNameTheFieldAndTheReason() {
        String table = MatrixExamples.TABLE;
        String[][] cases = {
            {"completions", "{\"models\":[\"a\",\"b\"],\"benchmarks\":[\"x\",\"y\"],\"scores\":[[0.1,0.2],[null,null]]}",
                "models[1]", "has no observed score"},
            {"capability-index", "{\"models\":[\"a\",\"b\"],\"benchmarks\":[\"x\",\"y\"],\"scores\":[[0.1,null],[0.3,null]]}",
                "benchmarks[1]", "has no observed score"},
            {"completions", "{" + table + ",\"method\":\"als\",\"rank\":3}", "rank", "larger than the data allows"},
            {"next-measurement", "{" + table + ",\"model\":\"qwen-72b\",\"asked\":[\"GSM8K\"],\"rank\":9}", "rank",
                "larger than the data allows"},
            {"capability-index", "{" + table + ",\"dimensions\":4}", "dimensions", "larger than the data allows"},
            {"capability-index", "{" + table + ",\"dimensions\":0}", "dimensions", "at least 1"},
            {"capability-index", "{" + table + ",\"prior\":-1}", "prior", "positive"},
            {"backtests", "{" + table + ",\"holdout\":{\"kind\":\"compute-threshold\",\"threshold\":1,\"targets\":[\"GSM8K\"]}}",
                "holdout.targets", "no training rows"},
            {"observational-scaling", MatrixExamples.OBSERVATIONAL.replace("\"threshold\": 50", "\"threshold\": 1"), "holdout",
                "no training rows"},
            {"completions", "{\"models\":[\"a\",\"b\",\"c\"],\"benchmarks\":[\"x\",\"y\"],\"scores\":[[0.1,0.5],[0.2,0.5],[0.3,null]]}",
                "benchmarks[1]", "constant"},
            {"observational-scaling", MatrixExamples.OBSERVATIONAL.replace("[0.26, 0.30, 0.45], [0.30, 0.38, 0.58], [0.45, 0.50, 0.72], [0.28, 0.33, 0.50],",
                "[0.26, 0.30, 0.45], [0.30, 0.30, 0.58], [0.45, 0.30, 0.72], [0.28, 0.30, 0.50],").replace("[0.52, 0.55, 0.78], [0.25, 0.29, null], [0.55, 0.58, 0.80], [0.69, 0.67, 0.84]",
                "[0.52, 0.30, 0.78], [0.25, 0.30, null], [0.55, 0.30, 0.80], [0.69, 0.30, 0.84]"), "predictors.ARC-C", "constant"},
            {"completions", "{" + table + ",\"modelFeatures\":{\"numeric\":{\"logParams\":[1,1,1,1,1,1]}}}", "modelFeatures.logParams",
                "constant"},
            {"model-choice", "{" + table + ",\"candidates\":[\"llama-70b\",\"qwen-72b\"],\"profile\":{\"GSM8K\":1},\"costs\":{\"llama-70b\":1}}",
                "costs.qwen-72b", "cost"},
        };
        for (String[] c : cases) {
            Response r = given().contentType(ContentType.JSON).body(c[1]).post("/api/v1/matrix/" + c[0]);
            r.then().statusCode(400).contentType("application/problem+json").body("field", equalTo(c[2]));
            String detail = r.jsonPath().getString("detail");
            assertTrue(detail != null && detail.contains(c[3]), c[0] + " " + c[2] + ": detail '" + detail + "' should say '" + c[3] + "'");
        }
    }

    /** Parsed on the compute pool; the table's own checks name the first bad row, not 20,000 of them. */
    @Test
    void twentyThousandNullRowsAnswerABoundedProblem() {
        String nulls = String.join(",", Collections.nCopies(20_000, "null"));
        String models = IntStream.range(0, 20_000).mapToObj(i -> "\"m" + i + "\"").collect(Collectors.joining(","));
        for (String[] c : new String[][] { {"completions", "{\"models\": [" + models + "], \"benchmarks\": [\"x\"], \"scores\": [" + nulls + "]}", "scores[0]"},
                {"router-evaluation", "{\"results\": [" + nulls + "], \"strong\": \"a\", \"weak\": \"b\", \"routerScores\": {}}", "results[0]"} }) {
            Response r = given().contentType(ContentType.JSON).body(c[1]).post("/api/v1/matrix/" + c[0]);
            r.then().statusCode(400).contentType("application/problem+json").body("field", equalTo(c[2]))
                    .body("errors.size()", org.hamcrest.Matchers.lessThanOrEqualTo(20));
            assertTrue(r.asByteArray().length < 4_096, c[0] + ": problem of " + r.asByteArray().length + " bytes");
        }
    }
}
