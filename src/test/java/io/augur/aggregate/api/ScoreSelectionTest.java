package io.augur.aggregate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same computations over stored evaluations: systems = models, tasks = benchmarks, runs = seeds. */
@QuarkusTest
class ScoreSelectionTest {


    String family;
    String m1, m2, m3, outsider;
    String b1, b2, loss;
    /** The inline equivalent of the stored accuracy table (b1, b2 x m1..m3 x seeds 1..3, latest step). */
    final List<String> inline = new ArrayList<>();

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void create(String path, String body) {
        given().config(ScoreTableResourceTest.DOUBLES).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    static ValidatableResponse post(String path, String body) {
        return given().config(ScoreTableResourceTest.DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/score-tables/" + path).then();
    }

    String eval(String model, String benchmark, String metric, int seed, long step, double value) {
        return "{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\",\"metric\":\"" + metric + "\",\"seed\":" + seed
                + ",\"step\":" + step + ",\"value\":" + value + "}";
    }

    @BeforeEach
    void store() {
        family = unique("fam");
        m1 = unique("m1");
        m2 = unique("m2");
        m3 = unique("m3");
        outsider = unique("other");
        for (String m : List.of(m1, m2, m3)) {
            create("/api/v1/models", "{\"name\":\"" + m + "\",\"family\":\"" + family + "\"}");
        }
        create("/api/v1/models", "{\"name\":\"" + outsider + "\",\"family\":\"" + unique("fam") + "\"}");
        b1 = unique("arc");
        b2 = unique("hellaswag");
        loss = unique("wikitext");
        create("/api/v1/benchmarks", "{\"name\":\"" + b1 + "\",\"metric\":\"accuracy\"}");
        create("/api/v1/benchmarks", "{\"name\":\"" + b2 + "\",\"metric\":\"accuracy\"}");
        create("/api/v1/benchmarks", "{\"name\":\"" + loss + "\",\"metric\":\"loss\",\"higherIsBetter\":false}");
        List<String> rows = new ArrayList<>();
        List<String> models = List.of(m1, m2, m3);
        for (int m = 0; m < 3; m++) {
            for (int s = 1; s <= 3; s++) {
                double a = 0.3 + 0.1 * m + 0.01 * s;
                double h = 0.5 + 0.05 * m - 0.02 * s;
                rows.add(eval(models.get(m), b1, "accuracy", s, 200, a));
                rows.add(eval(models.get(m), b2, "accuracy", s, 200, h));
                rows.add(eval(models.get(m), loss, "loss", s, 200, 3.0 - 0.5 * m + 0.01 * s));
                inline.add(ScoreTableResourceTest.row(models.get(m), b1, s, String.valueOf(a)));
                inline.add(ScoreTableResourceTest.row(models.get(m), b2, s, String.valueOf(h)));
            }
        }
        rows.add(eval(m1, b1, "accuracy", 1, 100, 0.99)); // an earlier step: not used unless asked for
        rows.add(eval(outsider, b1, "accuracy", 1, 200, 0.9));
        given().contentType(ContentType.JSON).body("[" + String.join(",", rows) + "]").post("/api/v1/evaluations")
                .then().statusCode(200);
    }

    String selection(String extra) {
        return "\"selection\":{\"metric\":\"accuracy\",\"family\":\"" + family + "\",\"benchmarks\":[\"" + b1 + "\",\"" + b2 + "\"]"
                + extra + "}";
    }

    @Test
    void aSelectionGivesTheSameAnswerAsTheSameScoresInline() {
        String rest = ",\"bootstrap\":{\"rounds\":300,\"seed\":11}}";
        JsonPath stored = post("aggregates", "{" + selection("") + rest).statusCode(200)
                .body("table.source", equalTo("selection")).body("table.systems", equalTo(List.of(m1, m2, m3)))
                .body("table.tasks", equalTo(List.of(b1, b2).stream().sorted().toList())).body("table.scores", equalTo(18))
                .extract().jsonPath();
        JsonPath given = post("aggregates", "{\"scores\":[" + String.join(",", inline) + "]" + rest).statusCode(200)
                .body("table.source", equalTo("inline")).extract().jsonPath();
        assertEquals(given.getList("systems"), stored.getList("systems"));
        assertEquals(given.getMap("bootstrap"), stored.getMap("bootstrap"));
        // m1 on b1 used its latest step (0.31, not 0.99): mean of 0.31..0.33 and 0.48..0.44
        assertEquals((0.32 + 0.46) / 2, stored.getDouble("systems[0].estimates[0].value"), 1e-12);
        post("probability-of-improvement", "{" + selection("") + ",\"x\":\"" + m3 + "\",\"y\":\"" + m1 + "\"}").statusCode(200)
                .body("probability", equalTo(1.0));
        post("performance-profile", "{" + selection("") + ",\"taus\":[0.5]}").statusCode(200)
                .body("systems[0].points[0].fraction", equalTo(0.0))
                .body("systems[1].points[0].fraction", closeTo(2.0 / 6, 1e-12))
                .body("systems[2].points[0].fraction", equalTo(1.0));
    }

    @Test
    void aStepAndModelsNarrowTheSelection() {
        post("aggregates", "{\"selection\":{\"models\":[\"" + m1 + "\"],\"benchmarks\":[\"" + b1 + "\"],\"step\":100},"
                + "\"aggregates\":[\"mean\"],\"bootstrap\":{\"rounds\":10}}").statusCode(200)
                .body("table.scores", equalTo(1)).body("systems[0].estimates[0].value", equalTo(0.99));
    }

    @Test
    void rankingsTakeLowerIsBetterFromTheStoredBenchmark() {
        // the loss benchmark has its own metric, so no metric filter: each benchmark's own metric
        post("rankings", "{\"selection\":{\"family\":\"" + family + "\"},\"method\":\"borda\"}").statusCode(200)
                .body("table.tasks", equalTo(List.of(b1, b2, loss).stream().sorted().toList()))
                .body("lowerIsBetter", equalTo(List.of(loss)))
                .body("ranking[0].system", equalTo(m3));
        post("rankings", "{\"selection\":{\"family\":\"" + family + "\",\"benchmarks\":[\"" + loss + "\"]},\"method\":\"kemeny\"}")
                .statusCode(200).body("ranking.system", equalTo(List.of(m3, m2, m1)));
    }

    @Test
    void badSelectionsAre400sNamingTheField() {
        post("aggregates", "{" + selection(",\"models\":[\"" + m1 + "\",\"" + unique("nobody") + "\"]") + "}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("selection.models[1]"));
        post("aggregates", "{\"selection\":{\"benchmarks\":[\"" + unique("nope") + "\"]}}").statusCode(400)
                .body("field", equalTo("selection"));
        post("aggregates", "{\"selection\":{\"family\":\"" + unique("nobody") + "\"}}").statusCode(400)
                .body("field", equalTo("selection")).body("detail", containsString("matches no stored evaluations"));
        // the outsider has b1 only: rejected (naming the selection, not scores) or b2 dropped on request
        String both = "\"selection\":{\"models\":[\"" + m1 + "\",\"" + outsider + "\"],\"benchmarks\":[\"" + b1 + "\",\"" + b2 + "\"]}";
        post("aggregates", "{" + both + "}").statusCode(400).body("field", equalTo("selection"))
                .body("detail", containsString(b2));
        post("aggregates", "{" + both + ",\"missingTasks\":\"common-tasks\",\"bootstrap\":{\"rounds\":10}}").statusCode(200)
                .body("table.droppedTasks", equalTo(List.of(b2)));
        post("aggregates", "{\"selection\":{\"models\":[\" \"]}}").statusCode(400).body("field", equalTo("selection.models[0]"));
        post("aggregates", "{\"selection\":{\"step\":-1}}").statusCode(400).body("field", equalTo("selection.step"));
        post("aggregates", "{\"selection\":{\"seed\":1}}").statusCode(400).body("field", equalTo("selection.seed"));
    }
}
