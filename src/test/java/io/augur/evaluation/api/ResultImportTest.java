package io.augur.evaluation.api;

import static io.augur.testing.Multipart.tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The importers of issue 14, each on a sample written for this test in the tool's own layout. */
@QuarkusTest
class ResultImportTest {


    /** An lm-evaluation-harness v0.4 results file, as results_<date>.json holds it (abridged, values invented). */
    static String lmEval(String model, String t) {
        return """
                {
                  "results": {
                    "arc_easy_%2$s": {"alias": "arc_easy", "acc,none": 0.7567, "acc_stderr,none": 0.0088,
                                      "acc_norm,none": 0.7201, "acc_norm_stderr,none": 0.0092},
                    "gsm8k_%2$s": {"alias": "gsm8k", "exact_match,strict-match": 0.1213, "exact_match_stderr,strict-match": 0.009,
                                   "exact_match,flexible-extract": 0.1304, "exact_match_stderr,flexible-extract": "N/A"}
                  },
                  "group_subtasks": {"arc_easy_%2$s": [], "gsm8k_%2$s": []},
                  "configs": {"arc_easy_%2$s": {"task": "arc_easy", "dataset_path": "allenai/ai2_arc", "num_fewshot": 0}},
                  "versions": {"arc_easy_%2$s": 1.0, "gsm8k_%2$s": 3.0},
                  "n-shot": {"arc_easy_%2$s": 0, "gsm8k_%2$s": 5},
                  "config": {"model": "hf", "model_args": "pretrained=%1$s,dtype=bfloat16", "batch_size": "auto",
                             "limit": null, "bootstrap_iters": 100000},
                  "git_hash": "a1b2c3d",
                  "date": 1718000000.0
                }
                """.formatted(model, t);
    }

    @Test
    void lmEvalHarnessResultsSeveralFilesAtOnce() {
        String t = tag();
        given().multiPart("file", "results_a.json", lmEval("org/model-a-" + t, t).getBytes(StandardCharsets.UTF_8))
                .multiPart("file", "results_b.json", lmEval("org/model-b-" + t, t).getBytes(StandardCharsets.UTF_8))
                .multiPart("createMissing", "true")
                .post("/api/v1/evaluations/imports/lm-eval-harness").then().statusCode(200)
                .body("inserted", equalTo(8)).body("modelsCreated", equalTo(2)).body("benchmarksCreated", equalTo(2));
        JsonPath page = given().queryParam("model", "org/model-a-" + t).queryParam("benchmark", "gsm8k_" + t)
                .get("/api/v1/evaluations").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertEquals(java.util.Set.of("exact_match/strict-match", "exact_match/flexible-extract"),
                java.util.Set.copyOf(page.getList("items.metric")));
        given().queryParam("model", "org/model-a-" + t).queryParam("benchmark", "arc_easy_" + t).queryParam("metric", "acc")
                .get("/api/v1/evaluations").then().body("items[0].value", equalTo(0.7567f))
                .body("items[0].stdError", equalTo(0.0088f));
        // a file that is not a results file names itself
        given().multiPart("file", "x.json", "{\"rows\": []}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/evaluations/imports/lm-eval-harness").then().statusCode(400)
                .body("field", equalTo("file[0].results"));
    }

    @Test
    void rliableScoreDictionary() {
        String t = tag();
        // rliable's score_dict layout: {algorithm: runs x tasks}
        String scores = "{\"DER-" + t + "\": [[0.1, 0.5, 1.2], [0.2, 0.4, 1.0]], \"CURL-" + t
                + "\": [[0.3, 0.2, 0.9], [0.25, 0.3, 0.8]]}";
        given().multiPart("file", "scores.json", scores.getBytes(StandardCharsets.UTF_8))
                .multiPart("tasks", "Alien-" + t + ",Amidar-" + t + ",Assault-" + t)
                .multiPart("metric", "human_normalized_score").multiPart("createMissing", "true")
                .post("/api/v1/evaluations/imports/rliable").then().statusCode(200).body("inserted", equalTo(12))
                .body("modelsCreated", equalTo(2)).body("benchmarksCreated", equalTo(3));
        given().queryParam("model", "DER-" + t).queryParam("benchmark", "Assault-" + t).get("/api/v1/evaluations").then()
                .body("items", hasSize(2)).body("items.seed", org.hamcrest.Matchers.containsInAnyOrder(0, 1));
        // a run with the wrong number of tasks names it
        given().multiPart("file", "scores.json", "{\"A\": [[0.1, 0.2]]}".getBytes(StandardCharsets.UTF_8))
                .multiPart("tasks", "x,y,z").post("/api/v1/evaluations/imports/rliable").then().statusCode(400)
                .body("field", equalTo("file.A[0]"));
    }

    @Test
    void wideTableWithUnitColumns() {
        String t = tag();
        // Open LLM Leaderboard layout (abridged): units in the headers, a type column to ignore
        String csv = "T,Model,Average ⬆️,ARC-" + t + ",HellaSwag-" + t + ",#Params (B),Tokens (T),FLOPs (1e21)\n"
                + "pretrained,\"m-one-" + t + "\",61.2,60.5,81.9,6.74,2.0,81\n"
                + "fine-tuned,m-two-" + t + ",55.0,-,78.1,1.4,0.3,\n";
        given().multiPart("file", "open_llm.csv", csv.getBytes(StandardCharsets.UTF_8)).multiPart("metric", "accuracy")
                .multiPart("ignore", "T,Average ⬆️", "text/plain; charset=UTF-8").multiPart("createMissing", "true")
                .post("/api/v1/evaluations/imports/wide-table").then().statusCode(200).body("inserted", equalTo(3))
                .body("modelsCreated", equalTo(2)).body("benchmarksCreated", equalTo(2));
        given().queryParam("name", "m-one-" + t).get("/api/v1/models").then().statusCode(200)
                .body("items[0].parameters", equalTo(6_740_000_000L))
                .body("items[0].trainingTokens", equalTo(2.0e12f)).body("items[0].trainingCompute", equalTo(8.1e22f));
        // a non-numeric benchmark cell names its line and column
        given().multiPart("file", "bad.csv", ("Model,ARC\nx,0.5\ny,high\n").getBytes(StandardCharsets.UTF_8))
                .multiPart("createMissing", "true").post("/api/v1/evaluations/imports/wide-table").then().statusCode(400)
                .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("ARC"));
    }

    @Test
    void unitsInHeaders() {
        assertEquals(1e9, ResultFiles.unit("#Params (B)"));
        assertEquals(1e12, ResultFiles.unit("Tokens (T)"));
        assertEquals(1e21, ResultFiles.unit("FLOPs (1e21)"));
        assertEquals(1e21, ResultFiles.unit("Training compute (1e21 FLOPs)"));
        assertEquals(1e6, ResultFiles.unit("Params (M)"));
        assertEquals(1, ResultFiles.unit("Model Size"));
    }
}
