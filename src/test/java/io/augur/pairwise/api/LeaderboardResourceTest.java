package io.augur.pairwise.api;

import static io.augur.pairwise.api.PairwiseTestData.battlesJson;
import static io.augur.pairwise.api.PairwiseTestData.entries;
import static io.augur.pairwise.api.PairwiseTestData.tree;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeaderboardResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String SMALL = battlesJson(PairwiseTestData.synthetic(300, 11));

    static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/leaderboards/" + path).then();
    }

    static void badInput(String path, String body, String field) {
        post(path, body).statusCode(400).contentType(PROBLEM).body("status", equalTo(400)).body("field", equalTo(field));
    }

    // ----- Elo

    @Test
    void eloGivesRatingsIntervalsRanksAndEchoesTheSeed() throws Exception {
        String body = post("elo", "{\"battles\":" + SMALL + ",\"bootstrap\":{\"rounds\":200,\"seed\":7}}")
                .statusCode(200)
                .body("entries", hasSize(6))
                .body("bootstrap.rounds", equalTo(200)).body("bootstrap.seed", equalTo(7))
                .body("bootstrap.level", equalTo(0.95f))
                .body("observations", equalTo(300))
                .body("method", containsString("online Elo"))
                .body("entries[0].interval.method", containsString("200 rounds"))
                .body("entries[0].rank", equalTo(1))
                .extract().asString();
        JsonNode board = tree(body);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode e : board.get("entries")) {
            assertTrue(e.get("rating").asDouble() <= previous, "best first");
            previous = e.get("rating").asDouble();
            assertTrue(e.get("interval").get("lower").asDouble() <= e.get("interval").get("upper").asDouble());
        }
        // online Elo with K = 4 is noisy on 300 battles, but the two strongest synthetic models lead
        assertTrue(List.of("m-alpha", "m-bravo").contains(board.get("entries").get(0).get("model").asText()));
        // the same seed reproduces the answer; the default seed is 42
        String again = post("elo", "{\"battles\":" + SMALL + ",\"bootstrap\":{\"rounds\":200,\"seed\":7}}")
                .statusCode(200).extract().asString();
        assertEquals(body, again);
        post("elo", "{\"battles\":" + SMALL + "}").statusCode(200).body("bootstrap.seed", equalTo(42))
                .body("bootstrap.rounds", equalTo(1000));
    }

    @Test
    void eloOnLlmfaoEqualsEvalica() throws Exception {
        Map<String, Double> golden = PairwiseTestData.golden("elo");
        String csv = PairwiseTestData.llmfaoCsv();
        String body = given().contentType("text/csv").body(csv).queryParam("rounds", 2)
                .post("/api/v1/leaderboards/elo").then().statusCode(200).extract().asString();
        Map<String, JsonNode> got = entries(tree(body));
        assertEquals(golden.size(), got.size());
        golden.forEach((model, rating) -> assertEquals(rating, got.get(model).get("rating").asDouble(), 1e-9, model));
        // and the same battles as JSON give the same ratings
        String json = post("elo", "{\"battles\":" + battlesJson(PairwiseTestData.llmfao())
                + ",\"bootstrap\":{\"rounds\":2}}").statusCode(200).extract().asString();
        Map<String, JsonNode> fromJson = entries(tree(json));
        golden.forEach((model, rating) -> assertEquals(rating, fromJson.get(model).get("rating").asDouble(), 1e-9));
    }

    // ----- Bradley-Terry

    @Test
    void bradleyTerryOnLlmfaoEqualsEvalica() throws Exception {
        Map<String, Double> golden = PairwiseTestData.golden("bradley_terry");
        String body = post("bradley-terry", "{\"battles\":" + battlesJson(PairwiseTestData.llmfao())
                + ",\"bootstrap\":{\"rounds\":100,\"seed\":3}}")
                .statusCode(200).body("convergence.converged", equalTo(true)).body("ties", equalTo("half-win"))
                .body("observations", equalTo(8931)).body("unbounded", hasSize(0))
                .extract().asString();
        Map<String, JsonNode> got = entries(tree(body));
        assertEquals(golden.size(), got.size());
        // ratings are 1000 + 400 log10(strength): back to strengths summing to one
        double sum = 0;
        for (JsonNode e : got.values()) {
            sum += Math.pow(10, (e.get("rating").asDouble() - 1000) / 400);
        }
        for (Map.Entry<String, Double> g : golden.entrySet()) {
            double strength = Math.pow(10, (got.get(g.getKey()).get("rating").asDouble() - 1000) / 400) / sum;
            assertEquals(0, Math.abs(strength - g.getValue()) / g.getValue(), 1e-6, g.getKey());
        }
        // CSV upload of the file gives the same leaderboard as the JSON battles
        String csv = given().contentType("text/csv").body(PairwiseTestData.llmfaoCsv())
                .queryParam("rounds", 100).queryParam("seed", 3)
                .post("/api/v1/leaderboards/bradley-terry").then().statusCode(200).extract().asString();
        assertEquals(tree(body).get("entries"), tree(csv).get("entries"));
    }

    @Test
    void bradleyTerryRanksByTheIntervalRuleAndPredictsPairs() throws Exception {
        String body = post("bradley-terry", "{\"battles\":" + SMALL + ",\"bootstrap\":{\"rounds\":300,\"seed\":5},"
                + "\"pairs\":[{\"modelA\":\"m-alpha\",\"modelB\":\"m-foxtrot\"}]}")
                .statusCode(200)
                .body("winProbabilities", hasSize(1))
                .body("winProbabilities[0].aWins", greaterThan(0.6f))
                .body("winProbabilities[0].tie", equalTo(0.0f))
                .body("winProbabilities[0].aWinsInterval.level", equalTo(0.95f))
                .body("entries[0].interval.method", containsString("300 rounds"))
                .extract().asString();
        JsonNode entries = tree(body).get("entries");
        for (JsonNode e : entries) {
            int beaten = 0;
            for (JsonNode o : entries) {
                if (o != e && o.get("interval").get("lower").asDouble() > e.get("interval").get("upper").asDouble()) {
                    beaten++;
                }
            }
            assertEquals(1 + beaten, e.get("rank").asInt(), e.get("model").asText());
            assertTrue(e.get("interval").get("lower").asDouble() <= e.get("rating").asDouble()
                    && e.get("rating").asDouble() <= e.get("interval").get("upper").asDouble());
        }
        assertTrue(entries.get(entries.size() - 1).get("rank").asInt() > 1, "the weakest is ranked below the best");
    }

    @Test
    void davidsonTiesAndAnchor() {
        post("bradley-terry", "{\"battles\":" + SMALL + ",\"ties\":\"davidson\",\"anchor\":{\"model\":\"m-charlie\","
                + "\"rating\":1200},\"bootstrap\":{\"rounds\":50}}")
                .statusCode(200).body("ties", equalTo("davidson")).body("tieParameter", greaterThan(0f))
                .body("anchor.model", equalTo("m-charlie"))
                .body("entries.find { it.model == 'm-charlie' }.rating", equalTo(1200.0f));
    }

    @Test
    void unboundedBattlesAreReportedAndRegularisationHandlesThem() {
        String battles = "[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"y\",\"modelB\":\"z\",\"outcome\":\"a\"},{\"modelA\":\"z\",\"modelB\":\"y\",\"outcome\":\"a\"}]";
        post("bradley-terry", "{\"battles\":" + battles + "}").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/unbounded-likelihood")).body("field", equalTo("battles"))
                .body("detail", containsString("ALL_WINS")).body("errors[0].message", containsString("x"));
        post("bradley-terry", "{\"battles\":" + battles + ",\"regularization\":0.01,\"bootstrap\":{\"rounds\":20}}")
                .statusCode(200).body("regularization", equalTo(0.01f)).body("unbounded[0].kind", equalTo("ALL_WINS"))
                .body("unbounded[0].models[0]", equalTo("x")).body("entries[0].model", equalTo("x"));
        // a disconnected comparison graph
        post("bradley-terry", "{\"battles\":[{\"modelA\":\"p\",\"modelB\":\"q\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"q\",\"modelB\":\"p\",\"outcome\":\"a\"},{\"modelA\":\"r\",\"modelB\":\"s\",\"outcome\":\"tie\"}]}")
                .statusCode(400).body("detail", containsString("DISCONNECTED"));
    }

    @Test
    void badBattlesAreProblemsNamingTheField() {
        badInput("bradley-terry", "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"x\",\"modelB\":\"x\",\"outcome\":\"a\"}]}", "battles[1].modelB");
        badInput("bradley-terry", "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"won\"}]}",
                "battles[0].outcome");
        badInput("elo", "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"maybe\"}]}", "battles[1].outcome");
        badInput("elo", "{\"battles\":[{\"modelB\":\"y\",\"outcome\":\"a\"}]}", "battles[0].modelA");
        badInput("bradley-terry", "{\"battles\":[]}", "battles");
        badInput("bradley-terry", "{}", "battles");
        badInput("bradley-terry", "{\"battles\":[null]}", "battles[0]");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"colour\":\"red\"}", "colour");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"ties\":\"sometimes\"}", "ties");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"bootstrap\":{\"rounds\":100000}}", "bootstrap.rounds");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"bootstrap\":{\"level\":1.5}}", "bootstrap.level");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"regularization\":-1}", "regularization");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"anchor\":{\"model\":\"nobody\",\"rating\":1000}}",
                "anchor.model");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"pairs\":[{\"modelA\":\"nobody\",\"modelB\":\"m-alpha\"}]}",
                "pairs[0].modelA");
        badInput("bradley-terry", "{\"battles\":" + SMALL + ",\"pairs\":[{\"modelA\":\"m-alpha\",\"modelB\":\"m-alpha\"}]}",
                "pairs[0].modelB");
        badInput("bradley-terry", "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"y\",\"modelB\":\"x\",\"outcome\":\"a\"}],\"ties\":\"davidson\"}", "ties");
        badInput("elo", "{\"battles\":" + SMALL + ",\"k\":-4}", "k");
        post("elo", "{\"battles\": [").statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
    }

    @Test
    void badCsvIsAProblemNamingTheLine() {
        given().contentType("text/csv").body("model_a,model_b,winner\nx,y,model_a\nx,y,perhaps\n")
                .post("/api/v1/leaderboards/bradley-terry").then().statusCode(400).contentType(PROBLEM)
                .body("field", containsString("line 3"));
        given().contentType("text/csv").body("model_a,model_b,winner\nx,x,model_a\n")
                .post("/api/v1/leaderboards/elo").then().statusCode(400).contentType(PROBLEM)
                .body("field", notNullValue());
        given().contentType("text/csv").body("a,b\n").post("/api/v1/leaderboards/elo").then().statusCode(400)
                .contentType(PROBLEM).body("field", containsString("csv"));
        given().contentType("text/csv").body("model_a,model_b,winner\nx,y,model_a\ny,x,model_a\n")
                .queryParam("rounds", 1).post("/api/v1/leaderboards/bradley-terry").then().statusCode(400)
                .contentType(PROBLEM).body("field", containsString("rounds"));
    }

    // ----- Plackett-Luce

    @Test
    void plackettLuceOnPartialRankingsAndChoices() {
        post("plackett-luce", """
                {"rankings": [["a", "b", "c"], ["b", "a"], ["c", "b"], ["a", "c"], ["b", "c", "a"], ["a", "b"]],
                 "bootstrap": {"rounds": 100, "seed": 9}}""")
                .statusCode(200).body("entries", hasSize(3)).body("entries[0].model", equalTo("a"))
                .body("observations", equalTo(6)).body("convergence.converged", equalTo(true))
                .body("bootstrap.seed", equalTo(9)).body("entries[0].interval.level", equalTo(0.95f))
                .body("entries.find { it.model == 'c' }.battles", equalTo(4));
        post("plackett-luce", """
                {"choices": [{"chosen": "a", "others": ["b", "c"]}, {"chosen": "b", "others": ["a"]},
                             {"chosen": "c", "others": ["b"]}, {"chosen": "b", "others": ["c", "a"]},
                             {"chosen": "a", "others": ["c"]}],
                 "alpha": 0.01, "bootstrap": {"rounds": 50}}""")
                .statusCode(200).body("entries", hasSize(3)).body("regularization", equalTo(0.01f))
                .body("entries[2].rating", lessThan(1000f));
    }

    @Test
    void badRankingsAreProblems() {
        badInput("plackett-luce", "{\"rankings\":[[\"a\",\"b\"]],\"choices\":[{\"chosen\":\"a\",\"others\":[\"b\"]}]}",
                "rankingsOrChoices");
        badInput("plackett-luce", "{}", "rankingsOrChoices");
        badInput("plackett-luce", "{\"rankings\":[[\"a\",\"b\"],[\"a\"]]}", "rankings[1]");
        badInput("plackett-luce", "{\"rankings\":[[\"a\",\"b\"],[\"b\",\"a\",\"a\"]]}", "rankings[1][2]");
        badInput("plackett-luce", "{\"choices\":[{\"chosen\":\"a\",\"others\":[]}]}", "choices[0].others");
        badInput("plackett-luce", "{\"rankings\":[[\"a\",\"a\"]]}", "rankings[0][1]");
        post("plackett-luce", "{\"rankings\":[[\"a\",\"b\"],[\"a\",\"b\"]]}").statusCode(400)
                .body("type", equalTo("/problems/unbounded-likelihood"));
    }
}
