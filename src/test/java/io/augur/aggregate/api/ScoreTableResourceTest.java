package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapSettings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoreTableResourceTest {


    /** Numbers as doubles, not floats, so that closeTo(x, 1e-12) means what it says (per request: the global config is shared). */
    static final RestAssuredConfig DOUBLES = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static final String PROBLEM = "application/problem+json";
    static final String BASE = "/api/v1/score-tables/";

    /** One score row as JSON; value is written verbatim (so "\"NaN\"" is possible). */
    static String row(String system, String task, Object run, String value) {
        return "{\"system\":\"" + system + "\",\"task\":\"" + task + "\"" + (run == null ? "" : ",\"run\":\"" + run + "\"")
                + ",\"value\":" + value + "}";
    }

    /** A: t1 runs 1..4, t2 runs 5, 6, 7, 20. B: every run 0.5 lower. C: t1 0, t2 0. */
    static String table() {
        List<String> rows = new ArrayList<>();
        double[] t1 = {1, 2, 3, 4};
        double[] t2 = {5, 6, 7, 20};
        for (int r = 0; r < 4; r++) {
            rows.add(row("A", "t1", r, String.valueOf(t1[r])));
            rows.add(row("A", "t2", r, String.valueOf(t2[r])));
            rows.add(row("B", "t1", r, String.valueOf(t1[r] - 0.5)));
            rows.add(row("B", "t2", r, String.valueOf(t2[r] - 0.5)));
        }
        rows.add(row("C", "t1", 0, "0"));
        rows.add(row("C", "t2", 0, "0"));
        return "\"scores\":[" + String.join(",", rows) + "]";
    }

    static ValidatableResponse post(String path, String body) {
        return given().config(DOUBLES).contentType(ContentType.JSON).body(body).post(BASE + path).then();
    }

    static void problem(String path, String body, String field) {
        post(path, body).statusCode(400).contentType(PROBLEM).body("status", equalTo(400)).body("field", equalTo(field));
    }

    @Test
    void aggregatesAreRliablesWithIntervalsAndTheDefaultSeedStated() {
        JsonPath json = post("aggregates", "{" + table() + ",\"bootstrap\":{\"rounds\":500}}").statusCode(200)
                .body("table.source", equalTo("inline"))
                .body("table.systems", equalTo(List.of("A", "B", "C")))
                .body("table.tasks", equalTo(List.of("t1", "t2")))
                .body("table.normalization", equalTo("none"))
                .body("table.scores", equalTo(18))
                .body("bootstrap.rounds", equalTo(500))
                .body("bootstrap.seed", equalTo((int) BootstrapSettings.DEFAULT_SEED))
                .body("bootstrap.seedSource", equalTo("default"))
                .body("bootstrap.level", equalTo(0.95))
                .body("systems", hasSize(3))
                .body("systems[0].system", equalTo("A"))
                .body("systems[0].runs", equalTo(8))
                .body("systems[0].estimates.aggregate", equalTo(List.of("mean", "median", "iqm", "optimality-gap")))
                .extract().jsonPath();
        // mean over tasks of per-task means (2.5, 9.5); median of two tasks = their mean; IQM of
        // 1,2,3,4,5,6,7,20 = mean(3,4,5,6); every score is above gamma = 1
        assertEquals(6.0, json.getDouble("systems[0].estimates[0].value"), 1e-12);
        assertEquals(6.0, json.getDouble("systems[0].estimates[1].value"), 1e-12);
        assertEquals(4.5, json.getDouble("systems[0].estimates[2].value"), 1e-12);
        assertEquals(0.0, json.getDouble("systems[0].estimates[3].value"), 1e-12);
        assertEquals(4.0, json.getDouble("systems[1].estimates[2].value"), 1e-12);
        assertEquals(1.0, json.getDouble("systems[2].estimates[3].value"), 1e-12);
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 4; a++) {
                String e = "systems[" + s + "].estimates[" + a + "].";
                double v = json.getDouble(e + "value");
                assertEquals(true, json.getDouble(e + "interval.lower") <= v && v <= json.getDouble(e + "interval.upper"), e);
                assertEquals(0.95, json.getDouble(e + "interval.level"), 1e-12);
                assertEquals(true, json.getString(e + "interval.method").contains("seed 42"), e);
            }
        }
    }

    @Test
    void theSeedReproducesTheIntervalsAndIsEchoed() {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            rows.add(row("A", "t1", r, String.valueOf(Math.sin(r * 1.7) + r * 0.01)));
            rows.add(row("A", "t2", r, String.valueOf(Math.cos(r * 0.9) * 3)));
        }
        String body = "{\"scores\":[" + String.join(",", rows) + "],\"aggregates\":[\"iqm\"],\"bootstrap\":{\"rounds\":300,\"seed\":7,\"level\":0.9}}";
        JsonPath first = post("aggregates", body).statusCode(200).body("bootstrap.seed", equalTo(7))
                .body("bootstrap.seedSource", equalTo("request")).body("bootstrap.level", equalTo(0.9))
                .body("systems[0].estimates", hasSize(1)).extract().jsonPath();
        JsonPath again = post("aggregates", body).statusCode(200).extract().jsonPath();
        assertEquals(first.getDouble("systems[0].estimates[0].interval.lower"), again.getDouble("systems[0].estimates[0].interval.lower"));
        assertEquals(first.getDouble("systems[0].estimates[0].interval.upper"), again.getDouble("systems[0].estimates[0].interval.upper"));
        JsonPath other = post("aggregates", body.replace("\"seed\":7", "\"seed\":8")).statusCode(200).extract().jsonPath();
        assertNotEquals(List.of(first.getDouble("systems[0].estimates[0].interval.lower"), first.getDouble("systems[0].estimates[0].interval.upper")),
                List.of(other.getDouble("systems[0].estimates[0].interval.lower"), other.getDouble("systems[0].estimates[0].interval.upper")));
    }

    @Test
    void normalisationByBaselinesAndMinMax() {
        // baselines t1 [0, 10], t2 [0, 20]: A's per-task means 0.25 and 0.475
        post("aggregates", "{" + table() + ",\"aggregates\":[\"mean\"],\"normalization\":{\"type\":\"baselines\",\"baselines\":"
                + "{\"t1\":{\"low\":0,\"high\":10},\"t2\":{\"low\":0,\"high\":20},\"unused\":{\"low\":0,\"high\":1}}},\"bootstrap\":{\"rounds\":10}}")
                .statusCode(200).body("table.normalization", containsString("baselines"))
                .body("systems[0].estimates[0].value", closeTo(0.3625, 1e-9));
        // min-max: C's zeros map to 0, A's top scores to 1
        post("aggregates", "{" + table() + ",\"aggregates\":[\"optimality-gap\"],\"normalization\":{\"type\":\"min-max\"},"
                + "\"bootstrap\":{\"rounds\":10}}")
                .statusCode(200).body("table.normalization", equalTo("min-max per task"))
                .body("systems[2].estimates[0].value", closeTo(1.0, 1e-12));
        post("aggregates", "{" + table() + ",\"aggregates\":[\"optimality-gap\"],\"optimalityGapTarget\":0.5,"
                + "\"bootstrap\":{\"rounds\":10}}")
                .statusCode(200).body("systems[2].estimates[0].value", closeTo(0.5, 1e-12));
    }

    @Test
    void missingTasksAreRejectedOrDroppedOnRequest() {
        String body = "{" + table().replace("]", "," + row("A", "t3", 0, "1") + "]");
        problem("aggregates", body + "}", "scores");
        post("aggregates", body + ",\"missingTasks\":\"reject\"}").statusCode(400).body("detail", containsString("t3"));
        post("aggregates", body + ",\"missingTasks\":\"common-tasks\",\"bootstrap\":{\"rounds\":10}}").statusCode(200)
                .body("table.tasks", equalTo(List.of("t1", "t2"))).body("table.droppedTasks", equalTo(List.of("t3")))
                .body("table.missingTasks", equalTo("common-tasks"));
        problem("aggregates", body + ",\"missingTasks\":\"drop\"}", "missingTasks");
    }

    @Test
    void performanceProfileFromTausOrGrid() {
        JsonPath json = post("performance-profile", "{" + table() + ",\"taus\":[0.5, 4.5, 100],\"bootstrap\":{\"rounds\":200,\"seed\":3}}")
                .statusCode(200).body("taus", equalTo(List.of(0.5, 4.5, 100.0))).body("systems", hasSize(3))
                .body("bootstrap.seed", equalTo(3)).extract().jsonPath();
        // A: all 8 above 0.5, 4 of 8 above 4.5, none above 100; C: none above 0.5
        assertEquals(1.0, json.getDouble("systems[0].points[0].fraction"), 1e-12);
        assertEquals(0.5, json.getDouble("systems[0].points[1].fraction"), 1e-12);
        assertEquals(0.0, json.getDouble("systems[0].points[2].fraction"), 1e-12);
        assertEquals(0.0, json.getDouble("systems[2].points[0].fraction"), 1e-12);
        assertEquals(true, json.getDouble("systems[0].points[1].interval.lower") <= 0.5
                && json.getDouble("systems[0].points[1].interval.upper") >= 0.5);
        post("performance-profile", "{" + table() + ",\"tauGrid\":{\"from\":0,\"to\":10,\"count\":11},\"bootstrap\":{\"rounds\":10}}")
                .statusCode(200).body("taus", hasSize(11)).body("taus[10]", equalTo(10.0)).body("systems[0].points", hasSize(11))
                .body("bootstrap.seedSource", equalTo("default"));
    }

    @Test
    void probabilityOfImprovement() {
        // A beats B on every pair of runs except equal values: on t1 A's runs 1..4 vs B's 0.5..3.5
        JsonPath json = post("probability-of-improvement", "{" + table() + ",\"x\":\"A\",\"y\":\"C\",\"bootstrap\":{\"rounds\":200}}")
                .statusCode(200).body("x", equalTo("A")).body("y", equalTo("C"))
                .body("perTask", hasSize(2)).body("perTask[0].task", equalTo("t1"))
                .body("bootstrap.seedSource", equalTo("default")).extract().jsonPath();
        assertEquals(1.0, json.getDouble("probability"), 1e-12);
        assertEquals(1.0, json.getDouble("interval.lower"), 1e-12);
        // P(A > B) on t1: pairs (a, b) with a > b, a - b multiple of 0.5: 10 of 16
        post("probability-of-improvement", "{" + table() + ",\"x\":\"A\",\"y\":\"B\",\"bootstrap\":{\"rounds\":200}}")
                .statusCode(200).body("perTask[0].probability", closeTo(10.0 / 16, 1e-12))
                .body("interval.lower", lessThanOrEqualTo(0.625)).body("interval.upper", greaterThanOrEqualTo(0.625));
    }

    @Test
    void rankingsByEachMethod() {
        post("rankings", "{" + table() + ",\"method\":\"borda\"}").statusCode(200)
                .body("method", equalTo("borda")).body("optimal", equalTo(true))
                .body("ranking.system", equalTo(List.of("A", "B", "C")))
                .body("ranking.position", equalTo(List.of(1, 2, 3)))
                .body("ranking[0].score", equalTo(4.0)).body("kendallDistance", equalTo(0.0))
                .body("table.tasks", equalTo(List.of("t1", "t2")));
        post("rankings", "{" + table() + ",\"method\":\"copeland\"}").statusCode(200).body("ranking[0].system", equalTo("A"));
        post("rankings", "{" + table() + ",\"method\":\"kemeny\"}").statusCode(200)
                .body("algorithm", containsString("exact")).body("ranking.system", equalTo(List.of("A", "B", "C")));
        post("rankings", "{" + table() + ",\"method\":\"kemeny\",\"exactLimit\":0}").statusCode(200)
                .body("algorithm", containsString("heuristic"));
        // lower is better on both tasks reverses the order
        post("rankings", "{" + table() + ",\"method\":\"borda\",\"lowerIsBetter\":[\"t1\",\"t2\"]}").statusCode(200)
                .body("ranking.system", equalTo(List.of("C", "B", "A"))).body("lowerIsBetter", equalTo(List.of("t1", "t2")));
        // ties: one task says A > B, the other B > A
        String tie = "{\"scores\":[" + row("A", "t1", null, "1") + "," + row("B", "t1", null, "0") + "," + row("A", "t2", null, "0") + ","
                + row("B", "t2", null, "1") + "],\"method\":\"borda\"}";
        post("rankings", tie).statusCode(200).body("ranking.position", equalTo(List.of(1, 1)))
                .body("ranking.tied", equalTo(List.of(true, true)));
    }

    @Test
    void badInputIsA400NamingTheField() {
        // NaN score (Jackson reads "NaN" as a double; Bean Validation rejects it)
        problem("aggregates", "{\"scores\":[" + row("A", "t1", 0, "1") + "," + row("A", "t1", 1, "\"NaN\"") + "]}", "scores[1].value");
        problem("aggregates", "{\"scores\":[" + row("A", "t1", 0, "\"Infinity\"") + "]}", "scores[0].value");
        problem("aggregates", "{\"scores\":[{\"task\":\"t1\",\"value\":1}]}", "scores[0].system");
        problem("aggregates", "{\"scores\":[" + row("A", "t1", 0, "1") + "," + row("A", "t1", 0, "2") + "]}", "scores[1].run");
        // no scores, no selection / both
        problem("aggregates", "{}", "scores");
        problem("aggregates", "{\"scores\":[]}", "scores");
        problem("aggregates", "{" + table() + ",\"selection\":{\"family\":\"x\"}}", "selection");
        // normalisation
        problem("aggregates", "{" + table() + ",\"normalization\":{\"type\":\"baselines\",\"baselines\":{\"t1\":{\"low\":0,\"high\":1}}}}",
                "normalization.baselines.t2");
        problem("aggregates", "{" + table() + ",\"normalization\":{\"type\":\"baselines\",\"baselines\":{\"t1\":{\"low\":1,\"high\":1},"
                + "\"t2\":{\"low\":0,\"high\":1}}}}", "normalization.baselines.t1");
        problem("aggregates", "{" + table() + ",\"normalization\":{\"type\":\"baselines\"}}", "normalization.baselines");
        problem("aggregates", "{" + table() + ",\"normalization\":{\"type\":\"z-score\"}}", "normalization.type");
        problem("aggregates", "{" + table() + ",\"normalization\":{\"type\":\"baselines\",\"baselines\":{\"t1\":{\"low\":\"NaN\",\"high\":1}}}}",
                "normalization.baselines[t1].low");
        // bootstrap settings
        problem("aggregates", "{" + table() + ",\"bootstrap\":{\"rounds\":0}}", "bootstrap.rounds");
        problem("aggregates", "{" + table() + ",\"bootstrap\":{\"rounds\":100001}}", "bootstrap.rounds");
        problem("aggregates", "{" + table() + ",\"bootstrap\":{\"level\":1}}", "bootstrap.level");
        problem("aggregates", "{" + table() + ",\"bootstrap\":{\"rounds\":\"many\"}}", "bootstrap.rounds");
        // aggregates
        problem("aggregates", "{" + table() + ",\"aggregates\":[\"mode\"]}", "aggregates[0]");
        problem("aggregates", "{" + table() + ",\"aggregates\":[\"iqm\",\"iqm\"]}", "aggregates[1]");
        problem("aggregates", "{" + table() + ",\"aggregates\":[\"iqm\"],\"optimalityGapTarget\":2}", "optimalityGapTarget");
        // unknown fields and malformed JSON
        problem("aggregates", "{" + table() + ",\"normalisation\":{\"type\":\"none\"}}", "normalisation");
        post("aggregates", "{\"scores\":[").statusCode(400).contentType(PROBLEM);
        post("aggregates", "").statusCode(400).contentType(PROBLEM);
        // min-max over a constant task
        problem("aggregates", "{\"scores\":[" + row("A", "t1", 0, "1") + "," + row("B", "t1", 0, "1") + "],"
                + "\"normalization\":{\"type\":\"min-max\"}}", "scores[0].task");
        // performance profile
        problem("performance-profile", "{" + table() + "}", "taus");
        problem("performance-profile", "{" + table() + ",\"taus\":[]}", "taus");
        problem("performance-profile", "{" + table() + ",\"taus\":[1, \"NaN\"]}", "taus[1]");
        problem("performance-profile", "{" + table() + ",\"taus\":[1],\"tauGrid\":{\"from\":0,\"to\":1,\"count\":2}}", "tauGrid");
        problem("performance-profile", "{" + table() + ",\"tauGrid\":{\"from\":0,\"to\":1,\"count\":1001}}", "tauGrid.count");
        problem("performance-profile", "{" + table() + ",\"tauGrid\":{\"from\":1,\"to\":0,\"count\":3}}", "tauGrid.to");
        // probability of improvement
        problem("probability-of-improvement", "{" + table() + ",\"x\":\"A\",\"y\":\"Z\"}", "y");
        problem("probability-of-improvement", "{" + table() + ",\"x\":\"A\",\"y\":\"A\"}", "y");
        problem("probability-of-improvement", "{" + table() + ",\"y\":\"A\"}", "x");
        problem("probability-of-improvement", "{\"scores\":[" + row("A", "t1", 0, "1") + "],\"x\":\"A\",\"y\":\"B\"}", "scores");
        // rankings
        problem("rankings", "{" + table() + "}", "method");
        problem("rankings", "{" + table() + ",\"method\":\"plurality\"}", "method");
        problem("rankings", "{\"scores\":[" + row("A", "t1", 0, "1") + "],\"method\":\"borda\"}", "scores");
        problem("rankings", "{" + table() + ",\"method\":\"borda\",\"lowerIsBetter\":[\"t9\"]}", "lowerIsBetter");
        problem("rankings", "{" + table() + ",\"method\":\"kemeny\",\"exactLimit\":23}", "exactLimit");
    }
}
