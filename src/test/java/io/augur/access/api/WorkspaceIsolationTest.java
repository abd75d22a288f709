package io.augur.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.augur.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workspaces holding models, benchmarks, evaluations and arenas of the same names: each sees only its own
 * through every list, get, selection-driven computation and arena; an id of the other workspace is a 404.
 */
@QuarkusTest
class WorkspaceIsolationTest {

    String a;
    String b;
    String model;
    String benchmark;
    String arena;
    final String[] modelIds = new String[2];
    final String[] benchmarkIds = new String[2];
    final String[] evaluationIds = new String[2];
    final String[] arenaIds = new String[2];

    ValidatableResponse as(String key, String method, String path, String body) {
        var r = given().header(TestKeys.HEADER, key).contentType(ContentType.JSON);
        if (body != null) {
            r = r.body(body);
        }
        return r.request(method, path).then();
    }

    @BeforeEach
    void twoWorkspacesWithTheSameNames() {
        a = Keys.workspace(Keys.unique("team-a"));
        b = Keys.workspace(Keys.unique("team-b"));
        model = Keys.unique("pythia");
        benchmark = Keys.unique("arc");
        arena = Keys.unique("arena");
        String[] keys = {a, b};
        for (int w = 0; w < 2; w++) {
            String k = keys[w];
            modelIds[w] = as(k, "POST", "/api/v1/models", "{\"name\":\"" + model + "\",\"family\":\"f\"}")
                    .statusCode(201).extract().jsonPath().getString("id");
            as(k, "POST", "/api/v1/models", "{\"name\":\"" + model + "-2\",\"family\":\"f\"}").statusCode(201);
            benchmarkIds[w] = as(k, "POST", "/api/v1/benchmarks", "{\"name\":\"" + benchmark + "\",\"metric\":\"acc\"}")
                    .statusCode(201).extract().jsonPath().getString("id");
            // workspace a scores 0.1.., workspace b 0.6..
            double base = w == 0 ? 0.1 : 0.6;
            as(k, "POST", "/api/v1/evaluations", "[{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark
                    + "\",\"seed\":1,\"value\":" + base + "},{\"model\":\"" + model + "-2\",\"benchmark\":\""
                    + benchmark + "\",\"seed\":1,\"value\":" + (base + 0.2) + "}]").statusCode(200)
                    .body("inserted", equalTo(2));
            evaluationIds[w] = as(k, "GET", "/api/v1/evaluations?model=" + model, null).statusCode(200)
                    .body("items", hasSize(1)).extract().jsonPath().getString("items[0].id");
            arenaIds[w] = as(k, "POST", "/api/v1/arenas", "{\"name\":\"" + arena + "\"}").statusCode(201)
                    .extract().jsonPath().getString("id");
            // in a, model wins; in b, model-2 wins
            String winner = w == 0 ? "a" : "b";
            as(k, "POST", "/api/v1/arenas/" + arenaIds[w] + "/battles", "{\"battles\":[{\"battleId\":\"x1\",\"modelA\":\""
                    + model + "\",\"modelB\":\"" + model + "-2\",\"outcome\":\"" + winner + "\"},{\"battleId\":\"x2\","
                    + "\"modelA\":\"" + model + "\",\"modelB\":\"" + model + "-2\",\"outcome\":\"" + winner + "\"},"
                    + "{\"battleId\":\"x3\",\"modelA\":\"" + model + "\",\"modelB\":\"" + model + "-2\",\"outcome\":\"tie\"}]}")
                    .statusCode(200).body("added", equalTo(3));
        }
    }

    @Test
    void namesAreUniquePerWorkspaceAndIdsAreNotSequential() {
        assertNotEquals(modelIds[0], modelIds[1]);
        as(a, "POST", "/api/v1/models", "{\"name\":\"" + model + "\"}").statusCode(409);
        org.junit.jupiter.api.Assertions.assertTrue(modelIds[0].matches("[0-9a-f-]{36}"), modelIds[0]);
    }

    @Test
    void listsAndGetsShowOnlyTheWorkspacesOwn() {
        String[] keys = {a, b};
        for (int w = 0; w < 2; w++) {
            String k = keys[w];
            as(k, "GET", "/api/v1/models?name=" + model, null).statusCode(200).body("items", hasSize(1))
                    .body("items[0].id", equalTo(modelIds[w]));
            as(k, "GET", "/api/v1/models?family=f&limit=1000", null).statusCode(200).body("items", hasSize(2));
            as(k, "GET", "/api/v1/benchmarks?name=" + benchmark, null).statusCode(200).body("items", hasSize(1))
                    .body("items[0].id", equalTo(benchmarkIds[w]));
            as(k, "GET", "/api/v1/evaluations?benchmark=" + benchmark, null).statusCode(200).body("items", hasSize(2))
                    .body("items.value", equalTo(w == 0 ? List.of(0.1f, 0.3f) : List.of(0.6f, 0.8f)));
            as(k, "GET", "/api/v1/arenas?limit=1000", null).statusCode(200).body("items", hasSize(1))
                    .body("items[0].id", equalTo(arenaIds[w]));
            as(k, "GET", "/api/v1/models/" + modelIds[w], null).statusCode(200);
            as(k, "GET", "/api/v1/evaluations/" + evaluationIds[w], null).statusCode(200);
        }
        // the default workspace (the test admin key) sees none of them
        as(TestKeys.ADMIN, "GET", "/api/v1/models?name=" + model, null).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anIdOfTheOtherWorkspaceIs404() {
        String[][] paths = {
                {"/api/v1/models/", modelIds[1]}, {"/api/v1/benchmarks/", benchmarkIds[1]},
                {"/api/v1/evaluations/", evaluationIds[1]}, {"/api/v1/arenas/", arenaIds[1]}};
        for (String[] p : paths) {
            as(a, "GET", p[0] + p[1], null).statusCode(404).contentType("application/problem+json");
            as(a, "DELETE", p[0] + p[1], null).statusCode(404);
            as(b, "GET", p[0] + p[1], null).statusCode(200); // still there
        }
        as(a, "PUT", "/api/v1/models/" + modelIds[1], "{\"name\":\"stolen\"}").statusCode(404);
        as(a, "PUT", "/api/v1/benchmarks/" + benchmarkIds[1], "{\"name\":\"stolen\",\"metric\":\"acc\"}").statusCode(404);
        as(a, "GET", "/api/v1/arenas/" + arenaIds[1] + "/leaderboard?rounds=10", null).statusCode(404);
        as(a, "GET", "/api/v1/arenas/" + arenaIds[1] + "/next-pairs", null).statusCode(404);
        as(a, "POST", "/api/v1/arenas/" + arenaIds[1] + "/battles", "{\"battles\":[{\"battleId\":\"y\",\"modelA\":\"p\","
                + "\"modelB\":\"q\",\"outcome\":\"a\"}]}").statusCode(404);
        as(b, "GET", "/api/v1/arenas/" + arenaIds[1], null).statusCode(200).body("battles", equalTo(3));
        // battle files and exports: the other workspace's arena is a 404 for uploads, battles and counts
        byte[] file = ("battle_id,model_a,model_b,winner\nx1,p,q,model_a\nz9,p,q,tie\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().header(TestKeys.HEADER, a).multiPart("file", "b.csv", file, "text/csv")
                .post("/api/v1/arenas/" + arenaIds[1] + "/battles/file").then().statusCode(404);
        as(a, "GET", "/api/v1/arenas/" + arenaIds[1] + "/battles", null).statusCode(404);
        as(a, "GET", "/api/v1/arenas/" + arenaIds[1] + "/counts", null).statusCode(404);
        as(b, "GET", "/api/v1/arenas/" + arenaIds[1], null).statusCode(200).body("battles", equalTo(3));
        // the same battle id x1 in a's own arena is a's battle: with another content than a's x1 it is a 409 there,
        // whatever b stored under x1
        given().header(TestKeys.HEADER, a).multiPart("file", "b.csv", file, "text/csv")
                .post("/api/v1/arenas/" + arenaIds[0] + "/battles/file").then().statusCode(409)
                .body("detail", containsString("x1"));
        String own = "battle_id,model_a,model_b,winner\nx1," + model + "," + model + "-2,model_a\nz9,p,q,tie\n";
        given().header(TestKeys.HEADER, a).multiPart("file", "a.csv", own.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/arenas/" + arenaIds[0] + "/battles/file").then().statusCode(200)
                .body("added", equalTo(1)).body("alreadyKnown", equalTo(1));
        String exported = given().header(TestKeys.HEADER, a).get("/api/v1/arenas/" + arenaIds[0] + "/battles").then()
                .statusCode(200).extract().asString();
        assertEquals("battle_id,model_a,model_b,winner\nx1," + model + "," + model + "-2,model_a\nx2," + model + ","
                + model + "-2,model_a\nx3," + model + "," + model + "-2,tie\nz9,p,q,tie\n", exported);
        as(b, "GET", "/api/v1/arenas/" + arenaIds[1], null).statusCode(200).body("battles", equalTo(3));
        // keys: an admin of a cannot read or revoke a key of b
        String bKey = Keys.create(b, "{\"name\":\"r\",\"role\":\"reader\"}").getString("apiKey.id");
        as(a, "GET", "/api/v1/keys/" + bKey, null).statusCode(404);
        as(a, "DELETE", "/api/v1/keys/" + bKey, null).statusCode(404);
        as(b, "GET", "/api/v1/keys/" + bKey, null).statusCode(200).body("revokedAt", equalTo(null));
    }

    @Test
    void importsResolveNamesInTheirOwnWorkspace() {
        String onlyInB = Keys.unique("only-b");
        as(b, "POST", "/api/v1/models", "{\"name\":\"" + onlyInB + "\"}").statusCode(201);
        as(a, "POST", "/api/v1/evaluations", "[{\"model\":\"" + onlyInB + "\",\"benchmark\":\"" + benchmark
                + "\",\"value\":1}]").statusCode(400).body("detail", containsString("unknown model"));
    }

    @Test
    void selectionDrivenComputationsReadTheWorkspacesOwnEvaluations() {
        String body = "{\"selection\":{\"benchmarks\":[\"" + benchmark + "\"]},\"aggregates\":[\"mean\"],"
                + "\"bootstrap\":{\"rounds\":10}}";
        double[] top = new double[2];
        String[] keys = {a, b};
        for (int w = 0; w < 2; w++) {
            var json = as(keys[w], "POST", "/api/v1/score-tables/aggregates", body).statusCode(200)
                    .body("table.scores", equalTo(2)).extract().jsonPath();
            top[w] = json.getDouble("systems.find { it.system == '" + model + "-2' }.estimates[0].value");
        }
        assertEquals(0.3, top[0], 1e-12);
        assertEquals(0.8, top[1], 1e-12);
        // the default workspace has no such benchmark
        as(TestKeys.ADMIN, "POST", "/api/v1/score-tables/aggregates", body).statusCode(400)
                .body("field", equalTo("selection"));
        // a forecast selection names a benchmark: the other workspace's is unknown here
        as(TestKeys.ADMIN, "POST", "/api/v1/forecasts/fit", "{\"form\":\"sigmoid\",\"selection\":{\"benchmark\":\""
                + benchmark + "\"}}").statusCode(400).body("field", equalTo("selection.benchmark"));
    }

    @Test
    void jobsRunInTheirWorkspaceAndOnlyItSeesThem() throws Exception {
        String body = "{\"selection\":{\"benchmarks\":[\"" + benchmark + "\"]},\"aggregates\":[\"mean\"],"
                + "\"bootstrap\":{\"rounds\":10}}";
        String[] keys = {a, b};
        String[] jobs = new String[2];
        // one by POST /api/v1/jobs, one by Prefer: respond-async on the endpoint itself
        jobs[0] = as(a, "POST", "/api/v1/jobs", "{\"operation\":\"computeScoreTableAggregates\",\"body\":" + body + "}")
                .statusCode(202).extract().jsonPath().getString("id");
        jobs[1] = given().header(TestKeys.HEADER, b).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(body).post("/api/v1/score-tables/aggregates").then().statusCode(202).extract().jsonPath()
                .getString("id");
        double[] expected = {0.3, 0.8};
        for (int w = 0; w < 2; w++) {
            String status = null;
            for (int poll = 0; poll < 3000 && (status == null || !List.of("succeeded", "failed", "cancelled").contains(status)); poll++) {
                status = as(keys[w], "GET", "/api/v1/jobs/" + jobs[w], null).statusCode(200).extract().jsonPath()
                        .getString("status");
                Thread.sleep(100);
            }
            assertEquals("succeeded", status);
            var result = as(keys[w], "GET", "/api/v1/jobs/" + jobs[w] + "/result", null).statusCode(200)
                    .extract().jsonPath();
            assertEquals(expected[w], result.getDouble("systems.find { it.system == '" + model
                    + "-2' }.estimates[0].value"), 1e-12);
            // the other workspace does not see the job, its result, or its events, and cannot cancel it
            String other = keys[1 - w];
            as(other, "GET", "/api/v1/jobs/" + jobs[w], null).statusCode(404);
            as(other, "GET", "/api/v1/jobs/" + jobs[w] + "/result", null).statusCode(404);
            as(other, "DELETE", "/api/v1/jobs/" + jobs[w], null).statusCode(404);
        }
        // a job needs a caller: anonymous submissions are refused, on both paths
        given().header(TestKeys.ANONYMOUS, "1").header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(body).post("/api/v1/score-tables/aggregates").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue());
        given().header(TestKeys.ANONYMOUS, "1").contentType(ContentType.JSON)
                .body("{\"operation\":\"computeScoreTableAggregates\",\"body\":" + body + "}").post("/api/v1/jobs")
                .then().statusCode(401);
    }

    @Test
    void arenasRankTheirOwnBattles() {
        String[] keys = {a, b};
        String[] leaders = new String[2];
        for (int w = 0; w < 2; w++) {
            leaders[w] = as(keys[w], "GET", "/api/v1/arenas/" + arenaIds[w] + "/leaderboard?rounds=20&regularization=0.1",
                    null).statusCode(200).extract().jsonPath().getString("entries[0].model");
        }
        assertEquals(model, leaders[0]);
        assertEquals(model + "-2", leaders[1]);
        as(a, "GET", "/api/v1/arenas/" + arenaIds[0], null).statusCode(200).body("battles", equalTo(3))
                .body("name", equalTo(arena)).body("id", not(equalTo(arenaIds[1])));
    }
}
