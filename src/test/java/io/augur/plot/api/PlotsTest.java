package io.augur.plot.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.testing.SvgDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every plot type: the SVG parses (JDK XML parser), carries its title, axis labels from the data, a legend where
 * it has more than one series and a caption with the interval method, level and seed, and has one mark per
 * datum; the same endpoint answers a Vega-Lite v5 spec with the same data inline under Accept:
 * application/vnd.vegalite+json.
 */
@QuarkusTest
class PlotsTest {

    static final String VEGA_LITE = "application/vnd.vegalite+json";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String BATTLES = """
            [{"modelA": "gpt-4", "modelB": "claude-2", "outcome": "a"},
             {"modelA": "claude-2", "modelB": "llama-2-70b", "outcome": "a"},
             {"modelA": "llama-2-70b", "modelB": "gpt-4", "outcome": "tie"},
             {"modelA": "gpt-4", "modelB": "llama-2-70b", "outcome": "a"},
             {"modelA": "claude-2", "modelB": "gpt-4", "outcome": "a"},
             {"modelA": "llama-2-70b", "modelB": "claude-2", "outcome": "b"},
             {"modelA": "llama-2-70b", "modelB": "claude-2", "outcome": "a"},
             {"modelA": "mistral-7b", "modelB": "llama-2-70b", "outcome": "b"},
             {"modelA": "mistral-7b", "modelB": "claude-2", "outcome": "a"},
             {"modelA": "gpt-4", "modelB": "mistral-7b", "outcome": "a"}]""";
    static final String BT_BODY = "{\"battles\": " + BATTLES + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}";

    static String svg(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
    }

    static JsonNode vegaLite(String path, String body) throws Exception {
        String spec = given().contentType(ContentType.JSON).accept(VEGA_LITE).body(body).post(path).then().statusCode(200)
                .contentType(VEGA_LITE).extract().asString();
        JsonNode n = JSON.readTree(spec);
        assertEquals("https://vega.github.io/schema/vega-lite/v5.json", n.get("$schema").asText());
        assertTrue(n.get("data").get("values").isArray());
        assertTrue(n.has("layer") || n.has("facet") || n.has("mark"), "a layer, facet or mark");
        return n;
    }

    @Test
    void bradleyTerryLeaderboardDrawsEachModelWithItsIntervalAndRank() throws Exception {
        JsonPath lb = given().contentType(ContentType.JSON).body(BT_BODY).post("/api/v1/leaderboards/bradley-terry")
                .then().statusCode(200).extract().jsonPath();
        List<String> models = lb.getList("entries.model");
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/leaderboards/bradley-terry/plot", BT_BODY))
                .assertFramed("Bradley-Terry leaderboard", true);
        assertEquals(4, doc.marks("circle"), "one point per model");
        assertEquals(4, doc.byClass("line", "mark-interval").size(), "one interval per model");
        assertEquals(List.of("#" + lb.getInt("entries[0].rank") + " " + models.get(0), "#" + lb.getInt("entries[1].rank") + " "
                + models.get(1), "#" + lb.getInt("entries[2].rank") + " " + models.get(2), "#" + lb.getInt("entries[3].rank") + " "
                + models.get(3)), doc.texts("category"), "best first, ranks shown");
        assertEquals("rating (Elo scale)", doc.text("x-label"));
        assertEquals("model (rank)", doc.text("y-label"));
        assertTrue(doc.caption().contains("level 0.95") && doc.caption().contains("seed 7") && doc.caption().contains("200 rounds"),
                doc.caption());

        JsonNode spec = vegaLite("/api/v1/leaderboards/bradley-terry/plot", BT_BODY);
        JsonNode values = spec.get("data").get("values");
        assertEquals(4, values.size());
        for (int i = 0; i < 4; i++) {
            // (rest-assured reads JSON numbers as floats: 7 significant digits)
            assertEquals(lb.getDouble("entries[" + i + "].rating"), values.get(i).get("value").asDouble(), 1e-3);
            assertEquals(lb.getDouble("entries[" + i + "].interval.lower"), values.get(i).get("lower").asDouble(), 1e-3);
        }
        assertTrue(spec.get("title").get("subtitle").asText().contains("seed 7"));
    }

    @Test
    void eloLeaderboard() throws Exception {
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/leaderboards/elo/plot", BT_BODY)).assertFramed("Online Elo leaderboard", true);
        assertEquals(4, doc.marks("circle"));
        assertTrue(doc.caption().contains("seed 7"), doc.caption());
        assertEquals(4, vegaLite("/api/v1/leaderboards/elo/plot", BT_BODY).get("data").get("values").size());
    }

    @Test
    void winRateHeatmapHasACellPerOrderedPairWithTheBradleyTerryProbability() throws Exception {
        JsonPath lb = given().contentType(ContentType.JSON).body(BT_BODY).post("/api/v1/leaderboards/bradley-terry")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Double> rating = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            rating.put(lb.getString("entries[" + i + "].model"), lb.getDouble("entries[" + i + "].rating"));
        }
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/leaderboards/bradley-terry/win-rates/plot", BT_BODY))
                .assertFramed("Bradley-Terry predicted win rates", true);
        assertEquals(12, doc.marks("rect"), "4 x 3 off-diagonal cells");
        assertEquals("model B (column)", doc.text("x-label"));
        assertEquals("model A (row)", doc.text("y-label"));
        JsonNode values = vegaLite("/api/v1/leaderboards/bradley-terry/win-rates/plot", BT_BODY).get("data").get("values");
        assertEquals(12, values.size());
        for (JsonNode v : values) {
            // Bradley-Terry on the Elo scale with half-win ties: P(A beats B) = 1 / (1 + 10^((R_B - R_A) / 400))
            double expected = 1 / (1 + Math.pow(10, (rating.get(v.get("column").asText()) - rating.get(v.get("row").asText())) / 400));
            assertEquals(expected, v.get("value").asDouble(), 1e-6, v.toString());
        }
    }

    @Test
    void arenaLeaderboardAndWinRatesFromStoredBattles() throws Exception {
        String id = given().contentType(ContentType.JSON).body("{\"name\": \"plots-arena\"}").post("/api/v1/arenas")
                .then().statusCode(201).extract().path("id");
        StringBuilder battles = new StringBuilder("{\"battles\": [");
        String[][] rows = {{"gpt-4", "claude-2", "a"}, {"claude-2", "llama-2-70b", "a"}, {"llama-2-70b", "gpt-4", "tie"},
                {"gpt-4", "llama-2-70b", "a"}, {"claude-2", "gpt-4", "a"}, {"llama-2-70b", "claude-2", "b"}, {"llama-2-70b", "claude-2", "a"}};
        for (int i = 0; i < rows.length; i++) {
            battles.append(i == 0 ? "" : ",").append(String.format("{\"battleId\": \"b%d\", \"modelA\": \"%s\", \"modelB\": \"%s\", \"outcome\": \"%s\"}",
                    i, rows[i][0], rows[i][1], rows[i][2]));
        }
        given().contentType(ContentType.JSON).body(battles.append("]}").toString()).post("/api/v1/arenas/" + id + "/battles")
                .then().statusCode(200);
        List<Float> ratings = given().get("/api/v1/arenas/" + id + "/leaderboard?rounds=100&seed=3").then().statusCode(200)
                .extract().jsonPath().getList("entries.rating");
        String svg = given().get("/api/v1/arenas/" + id + "/leaderboard/plot?rounds=100&seed=3").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        SvgDocument doc = SvgDocument.parse(svg).assertFramed("Arena plots-arena: Bradley-Terry leaderboard", true);
        assertEquals(3, doc.marks("circle"));
        assertTrue(doc.caption().contains("seed 3") && doc.caption().contains("100 rounds"), doc.caption());
        JsonNode spec = JSON.readTree(given().accept(VEGA_LITE).get("/api/v1/arenas/" + id + "/leaderboard/plot?rounds=100&seed=3")
                .then().statusCode(200).contentType(VEGA_LITE).extract().asString());
        for (int i = 0; i < 3; i++) {
            assertEquals(ratings.get(i), spec.get("data").get("values").get(i).get("value").asDouble(), 1e-3);
        }
        SvgDocument heat = SvgDocument.parse(given().get("/api/v1/arenas/" + id + "/win-rates/plot?rounds=100").then().statusCode(200)
                .extract().asString()).assertFramed("Arena plots-arena: predicted win rates", true);
        assertEquals(6, heat.marks("rect"));
        given().get("/api/v1/arenas/" + java.util.UUID.randomUUID() + "/leaderboard/plot").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rliableIntervalEstimatesHaveAPanelPerAggregateAndARowPerSystem() throws Exception {
        String body = io.augur.aggregate.api.ExamplesAccess.aggregates();
        JsonPath out = given().contentType(ContentType.JSON).body(body).post("/api/v1/score-tables/aggregates").then().statusCode(200)
                .extract().jsonPath();
        int systems = out.getList("systems").size();
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/score-tables/aggregates/plot", body));
        assertEquals("Aggregate scores with 95% intervals", doc.text("title"));
        assertEquals(systems * 4, doc.marks("circle"), "one point per system and aggregate");
        assertEquals(List.of("Mean", "Median", "IQM", "Optimality gap (lower is better)"), doc.texts("panel"));
        assertEquals(out.getList("systems.system"), doc.texts("category"));
        assertEquals(4, doc.texts("x-label").size());
        assertTrue(doc.caption().contains("seed 42") && doc.caption().contains("level 0.95"), doc.caption());
        JsonNode spec = vegaLite("/api/v1/score-tables/aggregates/plot", body);
        assertEquals(systems * 4, spec.get("data").get("values").size());
        assertEquals("panel", spec.get("facet").get("column").get("field").asText());
        assertEquals(out.getDouble("systems[0].estimates[2].value"), spec.get("data").get("values").get(2 * systems).get("value").asDouble(), 1e-6);
    }

    @Test
    void performanceProfilesHaveALineAndABandPerSystem() throws Exception {
        String body = io.augur.aggregate.api.ExamplesAccess.performanceProfile();
        JsonPath out = given().contentType(ContentType.JSON).body(body).post("/api/v1/score-tables/performance-profile").then()
                .statusCode(200).extract().jsonPath();
        int systems = out.getList("systems").size();
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/score-tables/performance-profile/plot", body))
                .assertFramed("Performance profiles with 95% bands", systems > 1);
        assertEquals(systems, doc.marks("path"), "one line per system");
        assertEquals(systems, doc.byClass("polygon", "band").size(), "one band per system");
        assertEquals(systems, doc.byClass("g", "legend-entry").size());
        assertEquals("fraction of runs with score > tau", doc.text("y-label"));
        assertTrue(doc.text("x-label").startsWith("score threshold tau"));
        JsonNode values = vegaLite("/api/v1/score-tables/performance-profile/plot", body).get("data").get("values");
        assertEquals(systems * 11, values.size(), "11 thresholds per system");
    }

    static final String POINTS = """
            "points": [{"x": 1e17, "y": 4.21}, {"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                       {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
            "bootstrap": {"rounds": 50, "seed": 3}""";

    @Test
    void backtestDrawsEveryCandidateAndMarksTheHeldOutPoints() throws Exception {
        String body = "{\"form\": \"auto\", \"candidates\": [\"power-law\", \"pow3\"], \"plot\": {\"xLabel\": \"compute (FLOP)\", "
                + "\"yLabel\": \"loss\"}, " + POINTS + "}";
        JsonPath bt = given().contentType(ContentType.JSON).body(body).post("/api/v1/forecasts/backtest").then().statusCode(200)
                .extract().jsonPath();
        int candidates = bt.getList("candidates").size();
        int held = bt.getInt("candidates[0].heldOutPoints");
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/forecasts/backtest/plot", body));
        assertTrue(doc.text("title").startsWith("Backtest: "), doc.text("title"));
        assertEquals(candidates, doc.marks("path"), "one curve per candidate");
        assertEquals(7, doc.marks("circle"), "every point, kept or held out");
        assertEquals(candidates + 2, doc.byClass("g", "legend-entry").size());
        assertEquals("compute (FLOP) (log scale)", doc.text("x-label"));
        assertEquals("loss", doc.text("y-label"));
        assertTrue(doc.caption().contains("seed 3") && doc.caption().contains("mean absolute error"), doc.caption());
        JsonNode values = vegaLite("/api/v1/forecasts/backtest/plot", body).get("data").get("values");
        long heldOut = 0;
        for (JsonNode v : values) {
            heldOut += v.get("series").asText().equals("held-out points") ? 1 : 0;
        }
        assertEquals(held, heldOut);
    }

    @Test
    void theFitPlotAnswersVegaLiteToo() throws Exception {
        String body = "{\"form\": \"power-law\", " + POINTS + "}";
        JsonNode spec = vegaLite("/api/v1/forecasts/plot", body);
        long points = 0;
        for (JsonNode v : spec.get("data").get("values")) {
            points += v.get("style").asText().equals("points") ? 1 : 0;
        }
        assertEquals(7, points);
        assertTrue(spec.get("title").get("subtitle").asText().contains("seed 3"));
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/forecasts/plot", body));
        assertTrue(doc.caption().contains("seed 3") && doc.caption().contains("level 0.95"), doc.caption());
    }

    @Test
    void learningCurveEnsembleDrawsTheCurveTheForecastAndItsMembers() throws Exception {
        String body = """
                {"points": [{"x": 1, "y": 0.42}, {"x": 2, "y": 0.53}, {"x": 3, "y": 0.59}, {"x": 4, "y": 0.63},
                            {"x": 5, "y": 0.66}, {"x": 6, "y": 0.68}, {"x": 7, "y": 0.695}, {"x": 8, "y": 0.707},
                            {"x": 9, "y": 0.716}, {"x": 10, "y": 0.724}], "metric": "accuracy",
                 "horizon": 40, "threshold": 0.75}""";
        JsonPath out = given().contentType(ContentType.JSON).body(body).post("/api/v1/forecasts/learning-curve").then().statusCode(200)
                .extract().jsonPath();
        long weighted = out.getList("members.weight", Float.class).stream().filter(w -> w != null && w > 0).count();
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/forecasts/learning-curve/plot", body))
                .assertFramed("Learning-curve ensemble forecast at step 40", true);
        assertEquals(1, doc.marks("path"), "the observed curve");
        assertEquals(1 + weighted, doc.marks("circle"), "the ensemble forecast and each weighted member");
        assertEquals(1, doc.byClass("line", "mark-interval").size(), "the ensemble's interval");
        assertEquals("step", doc.text("x-label"));
        assertEquals("accuracy", doc.text("y-label"));
        assertTrue(doc.caption().contains("no seed"), doc.caption());
        JsonNode values = vegaLite("/api/v1/forecasts/learning-curve/plot", body).get("data").get("values");
        assertEquals(10 + 1 + weighted, values.size());
    }

    @Test
    void retrievalComparisonDrawsEachQueryDifferenceSorted() throws Exception {
        String body = """
                {"runs": [{"name": "bm25", "scores": {"q1": 0.50, "q2": 0.25, "q3": 0.90, "q4": 0.40, "q5": 0.10}},
                          {"name": "dense", "scores": {"q1": 0.60, "q2": 0.35, "q3": 0.85, "q4": 0.55, "q5": 0.30}}],
                 "values": ["map"], "bootstrap": {"seed": 7}}""";
        SvgDocument doc = SvgDocument.parse(svg("/api/v1/retrieval/comparisons/plot", body))
                .assertFramed("Per-query differences in map, sorted", false);
        assertEquals(5, doc.marks("circle"), "one point per query");
        assertEquals("difference in map (A - B)", doc.text("y-label"));
        assertEquals("query (sorted by difference)", doc.text("x-label"));
        assertTrue(doc.caption().contains("seed 7") && doc.caption().contains("level 0.95"), doc.caption());
        JsonNode values = vegaLite("/api/v1/retrieval/comparisons/plot", body).get("data").get("values");
        // bm25 - dense per query: q1 -0.1, q2 -0.1, q3 0.05, q4 -0.15, q5 -0.2, sorted from the largest
        double[] expected = {0.05, -0.1, -0.1, -0.15, -0.2};
        assertEquals(5, values.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], values.get(i).get("y").asDouble(), 1e-12);
            assertEquals(i + 1, values.get(i).get("x").asInt());
        }
    }

    @Test
    void badInputIsAProblemWhateverTheAcceptHeader() {
        given().contentType(ContentType.JSON).accept(VEGA_LITE).body("{\"battles\": []}").post("/api/v1/leaderboards/bradley-terry/plot")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
