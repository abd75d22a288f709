package io.augur.pairwise.api;

import static io.augur.pairwise.api.PairwiseTestData.batch;
import static io.augur.pairwise.api.PairwiseTestData.battlesJson;
import static io.augur.pairwise.api.PairwiseTestData.tree;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArenaResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createArena(String name) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"description\":\"test\"}")
                .post("/api/v1/arenas").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static ValidatableResponse append(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/arenas/" + id + "/battles").then();
    }

    static String board(String id, int rounds, long seed) {
        return given().queryParam("rounds", rounds).queryParam("seed", seed)
                .get("/api/v1/arenas/" + id + "/leaderboard").then().statusCode(200).extract().asString();
    }

    @Test
    void createReadListDelete() {
        String name = unique("arena");
        var created = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/arenas").then().statusCode(201);
        String id = created.body("name", equalTo(name)).body("battles", equalTo(0)).body("models", equalTo(0))
                .extract().jsonPath().getString("id");
        created.header("Location", endsWith("/api/v1/arenas/" + id));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("id", equalTo(id));
        given().queryParam("limit", 1000).get("/api/v1/arenas").then().statusCode(200)
                .body("items.name", hasItem(name));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/arenas").then()
                .statusCode(409).contentType(PROBLEM).body("field", equalTo("name"));
        given().delete("/api/v1/arenas/" + id).then().statusCode(204);
        given().get("/api/v1/arenas/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("does not exist"));
        given().delete("/api/v1/arenas/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void listingPagesByCursor() {
        createArena(unique("page"));
        createArena(unique("page"));
        var first = given().queryParam("limit", 1).get("/api/v1/arenas").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        String next = first.getString("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/arenas").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", not(equalTo(first.getString("items[0].id"))));
        given().queryParam("cursor", "x").get("/api/v1/arenas").then().statusCode(400).body("field", equalTo("cursor"));
        given().queryParam("limit", 0).get("/api/v1/arenas").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badArenasAreProblems() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \"}").post("/api/v1/arenas").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"owner\":\"me\"}").post("/api/v1/arenas").then()
                .statusCode(400).body("field", equalTo("owner"));
    }

    @Test
    void appendsAreIdempotentByBattleId() {
        String id = createArena(unique("idem"));
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(30, 3);
        append(id, batch(battles, 0, 20, "b")).statusCode(200)
                .body("received", equalTo(20)).body("added", equalTo(20)).body("alreadyKnown", equalTo(0));
        // the retried request counts nothing twice
        append(id, batch(battles, 0, 20, "b")).statusCode(200)
                .body("received", equalTo(20)).body("added", equalTo(0)).body("alreadyKnown", equalTo(20));
        // an overlapping batch adds only the new ones
        append(id, batch(battles, 10, 30, "b")).statusCode(200)
                .body("added", equalTo(10)).body("alreadyKnown", equalTo(10));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(30));
    }

    @Test
    void aBadBattleFailsTheWholeBatchAndStoresNothing() {
        String id = createArena(unique("atomic"));
        String good = "{\"battleId\":\"g1\",\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"battleId\":\"g2\",\"modelA\":\"y\",\"modelB\":\"x\",\"outcome\":\"tie\"}";
        append(id, "{\"battles\":[" + good + ",{\"battleId\":\"g3\",\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"won\"}]}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("battles[2].outcome"))
                .body("errors[0].row", equalTo(3)).body("detail", containsString("nothing was stored"));
        append(id, "{\"battles\":[" + good + ",{\"battleId\":\"g3\",\"modelA\":\"x\",\"modelB\":\"x\",\"outcome\":\"a\"}]}")
                .statusCode(400).body("field", equalTo("battles[2].modelB")).body("detail", containsString("self-battle"));
        append(id, "{\"battles\":[" + good + ",{\"battleId\":\"g1\",\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"}]}")
                .statusCode(400).body("field", equalTo("battles[2].battleId"));
        append(id, "{\"battles\":[" + good + ",{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"}]}")
                .statusCode(400).body("field", equalTo("battles[2].battleId"));
        append(id, "{\"battles\":[]}").statusCode(400).body("field", equalTo("battles"));
        given().get("/api/v1/arenas/" + id).then().body("battles", equalTo(0));
        // nothing was stored, not even the battle ids: the good battles are still new
        append(id, "{\"battles\":[" + good + "]}").statusCode(200).body("added", equalTo(2));
    }

    @Test
    void unknownArenasAre404() {
        String missing = java.util.UUID.randomUUID().toString();
        append(missing, "{\"battles\":[{\"battleId\":\"1\",\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"}]}")
                .statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/arenas/" + missing + "/leaderboard").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/arenas/" + missing + "/next-pairs").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anEmptyArenaHasNoLeaderboard() {
        String id = createArena(unique("empty"));
        given().get("/api/v1/arenas/" + id + "/leaderboard").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("battles")).body("detail", containsString("no battles yet"));
        given().get("/api/v1/arenas/" + id + "/next-pairs").then().statusCode(400).body("field", equalTo("battles"));
        given().queryParam("rounds", 1).get("/api/v1/arenas/" + id + "/leaderboard").then().statusCode(400)
                .body("field", equalTo("rounds"));
    }

    @Test
    void unboundedArenaIsReportedUnlessRegularised() {
        String id = createArena(unique("unbounded"));
        append(id, "{\"battles\":[{\"battleId\":\"1\",\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"battleId\":\"2\",\"modelA\":\"z\",\"modelB\":\"x\",\"outcome\":\"b\"}]}").statusCode(200);
        given().get("/api/v1/arenas/" + id + "/leaderboard").then().statusCode(400)
                .body("type", equalTo("/problems/unbounded-likelihood")).body("detail", containsString("ALL_WINS"));
        given().queryParam("regularization", 0.01).queryParam("rounds", 20).get("/api/v1/arenas/" + id + "/leaderboard")
                .then().statusCode(200).body("entries[0].model", equalTo("x")).body("unbounded[0].kind", equalTo("ALL_WINS"));
    }

    @Test
    void batchesWithARetryGiveTheStatelessLeaderboard() throws Exception {
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(400, 17);
        sameAsStateless(battles, 150);
    }

    @Test
    void llmfaoInBatchesGivesTheStatelessLeaderboard() throws Exception {
        sameAsStateless(PairwiseTestData.llmfao(), 3000);
    }

    private void sameAsStateless(List<PairwiseTestData.B> battles, int batchSize) throws Exception {
        String id = createArena(unique("same"));
        int n = battles.size();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            append(id, batch(battles, from, to, "s")).statusCode(200).body("added", equalTo(to - from));
            if (from == 0) {
                append(id, batch(battles, from, to, "s")).statusCode(200).body("added", equalTo(0));
            }
        }
        given().get("/api/v1/arenas/" + id).then().body("battles", equalTo(n));
        JsonNode stored = tree(board(id, 200, 5));
        JsonNode inline = tree(given().contentType(ContentType.JSON)
                .body("{\"battles\":" + battlesJson(battles) + ",\"bootstrap\":{\"rounds\":200,\"seed\":5}}")
                .post("/api/v1/leaderboards/bradley-terry").then().statusCode(200).extract().asString());
        assertEquals(inline, stored, "same battles, same seed: the same leaderboard");
        assertEquals(5, stored.get("bootstrap").get("seed").asLong());
    }

    @Test
    void concurrentRetriesOfOneBatchCountEachBattleOnce() throws Exception {
        String id = createArena(unique("race"));
        String body = batch(PairwiseTestData.synthetic(200, 23), 0, 200, "r");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> added = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                added.add(pool.submit(() -> append(id, body).statusCode(200).extract().jsonPath().getInt("added")));
            }
            int total = 0;
            for (Future<Integer> f : added) {
                total += f.get();
            }
            assertEquals(200, total, "each battle is added by exactly one of the concurrent requests");
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/arenas/" + id).then().body("battles", equalTo(200)).body("models", equalTo(6));
    }

    @Test
    void nextPairsSayTheCriterionAndRankByIt() throws Exception {
        String id = createArena(unique("next"));
        append(id, batch(PairwiseTestData.synthetic(120, 29), 0, 120, "n")).statusCode(200);
        String body = given().queryParam("count", 4).get("/api/v1/arenas/" + id + "/next-pairs").then().statusCode(200)
                .body("pairs", hasSize(4)).body("criterion", containsString("A-optimal"))
                .body("totalRatingVariance", greaterThan(0f)).extract().asString();
        JsonNode pairs = tree(body).get("pairs");
        for (int k = 1; k < pairs.size(); k++) {
            assertTrue(pairs.get(k - 1).get("expectedVarianceReduction").asDouble()
                    >= pairs.get(k).get("expectedVarianceReduction").asDouble());
        }
        given().queryParam("count", 0).get("/api/v1/arenas/" + id + "/next-pairs").then().statusCode(400)
                .body("field", equalTo("count"));
    }
}
