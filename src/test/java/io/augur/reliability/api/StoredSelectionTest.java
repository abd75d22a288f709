package io.augur.reliability.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.hamcrest.Matchers.nullValue;

import io.augur.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 on stored data: error bars, paired comparisons and power over item results imported by
 * importItemResultsFromFile give exactly the answer the same data inline gives (everything but the added
 * selection report), with items aligned by their intersection across models.
 */
@QuarkusTest
class StoredSelectionTest {

    static final int ITEMS = 60;
    static final String[] MODELS = {"A", "B", "C", "D"};

    /** Model m's 0/1 score on item i (a fixed pattern with different accuracies and correlations). */
    static int score(int m, int i) {
        return ((i * (m + 3) + m * 7 + i / 4) % (5 + m)) < 3 + m / 2 ? 1 : 0;
    }

    /** Model E's sample s on item i, a fraction in [0, 1]. */
    static double sample(int i, int s) {
        return ((i * 13 + s * 5) % 11) / 10.0;
    }

    static String subject(int i) {
        return "s" + (i % 5);
    }

    static ValidatableResponse post(String key, String path, String body) {
        return given().header(TestKeys.HEADER, key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reliability/" + path).then();
    }

    /** The response as a map, without the stored selection's report. */
    static Map<String, Object> answer(ValidatableResponse r) {
        Map<String, Object> m = new HashMap<>(r.statusCode(200).extract().jsonPath().getMap(""));
        m.remove("selection");
        return m;
    }

    static String list(List<?> values) {
        return values.stream().map(v -> v instanceof String s ? "\"" + s + "\"" : String.valueOf(v))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Uploads the data set to a benchmark of the default workspace: A, B, C on every item, D on the first 50, E 3 samples. */
    static String upload() {
        String bench = "rel-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("model,benchmark,item,score,subject,sample\n");
        // item-major order, as a harness writes it, so the catalog order is the item order
        for (int i = 0; i < ITEMS; i++) {
            for (int m = 0; m < MODELS.length; m++) {
                if (m == 3 && i >= 50) {
                    continue;
                }
                csv.append(bench).append('-').append(MODELS[m]).append(',').append(bench).append(",item").append(i)
                        .append(',').append(score(m, i)).append(',').append(subject(i)).append(",0\n");
            }
            for (int s = 0; s < 3; s++) {
                csv.append(bench).append("-E,").append(bench).append(",item").append(i).append(',').append(sample(i, s))
                        .append(',').append(subject(i)).append(',').append(s).append('\n');
            }
        }
        given().multiPart("file", "items.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("createMissing", "true").post("/api/v1/item-results/file").then().statusCode(200)
                .body("cells", equalTo(ITEMS * 3 + 50 + ITEMS * 3));
        return bench;
    }

    @Test
    void errorBarsFromStoredItemsEqualInline() {
        String b = upload();
        List<String> scores = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            scores.add("[" + score(0, i) + "]");
            clusters.add(subject(i));
            samples.add("[" + sample(i, 0) + ", " + sample(i, 1) + ", " + sample(i, 2) + "]");
        }
        String boot = "\"bootstrap\": {\"rounds\": 500, \"seed\": 11}";
        Map<String, Object> inline = answer(post(TestKeys.ADMIN, "error-bars", "{\"scores\": [" + String.join(", ", scores)
                + "], \"clusters\": " + list(clusters) + ", " + boot + "}"));
        ValidatableResponse r = post(TestKeys.ADMIN, "error-bars", "{\"stored\": {\"benchmark\": \"" + b
                + "\", \"models\": [\"" + b + "-A\"], \"clusterBySubject\": true}, " + boot + "}");
        r.body("selection.itemsUsed", equalTo(ITEMS)).body("selection.itemsLeftOut", equalTo(0))
                .body("selection.clusteredBySubject", equalTo(true));
        assertEquals(inline, answer(r));
        assertNotNull(inline.get("clusteredStandardError"));
        // several samples per item
        Map<String, Object> inlineSamples = answer(post(TestKeys.ADMIN, "error-bars", "{\"scores\": ["
                + String.join(", ", samples) + "], " + boot + "}"));
        Map<String, Object> storedSamples = answer(post(TestKeys.ADMIN, "error-bars", "{\"stored\": {\"benchmark\": \""
                + b + "\", \"models\": [\"" + b + "-E\"]}, " + boot + "}").body("selection.maxSamplesPerItem", equalTo(3)));
        assertEquals(inlineSamples, storedSamples);
        assertEquals(3, inlineSamples.get("maxSamplesPerItem"));
    }

    @Test
    void pairedComparisonsAndPowerUseTheItemsEveryModelHas() {
        String b = upload();
        // inline: the 50 items D was scored on, in item order
        StringBuilder models = new StringBuilder("{");
        for (int m = 0; m < MODELS.length; m++) {
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                v.add(score(m, i));
            }
            models.append(m == 0 ? "" : ", ").append('"').append(b).append('-').append(MODELS[m]).append("\": ").append(list(v));
        }
        models.append('}');
        String boot = "\"bootstrap\": {\"rounds\": 300, \"seed\": 5}";
        ValidatableResponse inlineResponse = post(TestKeys.ADMIN, "paired-comparisons", "{\"models\": " + models + ", "
                + boot + "}");
        // an inline request has no stored selection to report
        inlineResponse.body("selection", nullValue());
        Map<String, Object> inline = answer(inlineResponse);
        String names = list(List.of(b + "-A", b + "-B", b + "-C", b + "-D"));
        ValidatableResponse r = post(TestKeys.ADMIN, "paired-comparisons", "{\"stored\": {\"benchmark\": \"" + b
                + "\", \"models\": " + names + "}, " + boot + "}");
        r.body("selection.itemsUsed", equalTo(50)).body("selection.itemsLeftOut", equalTo(10))
                .body("selection.benchmarkItems", equalTo(ITEMS)).body("comparisons.size()", equalTo(6));
        assertEquals(inline, answer(r));
        // power with the paired variance of A and B
        List<Integer> a = new ArrayList<>();
        List<Integer> bb = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            a.add(score(0, i));
            bb.add(score(1, i));
        }
        Map<String, Object> power = answer(post(TestKeys.ADMIN, "power", "{\"items\": 60, \"effect\": 0.05, \"first\": "
                + list(a) + ", \"second\": " + list(bb) + "}"));
        Map<String, Object> storedPower = answer(post(TestKeys.ADMIN, "power", "{\"effect\": 0.05, \"stored\": "
                + "{\"benchmark\": \"" + b + "\", \"models\": " + list(List.of(b + "-A", b + "-B")) + "}}"));
        assertEquals(power.get("sdDifference"), storedPower.get("sdDifference"));
        assertEquals(power.get("minimumDetectableEffect"), storedPower.get("minimumDetectableEffect"));
        assertEquals(power.get("itemsNeeded"), storedPower.get("itemsNeeded"));
        assertEquals(60, storedPower.get("items"));
    }

    @Test
    void badSelectionsAreNamed() {
        String b = upload();
        post(TestKeys.ADMIN, "error-bars", "{\"scores\": [[1], [0]], \"stored\": {\"benchmark\": \"" + b + "\", \"models\": [\""
                + b + "-A\"]}}").statusCode(400).body("field", equalTo("scores"));
        post(TestKeys.ADMIN, "error-bars", "{}").statusCode(400).body("field", equalTo("scores"));
        post(TestKeys.ADMIN, "error-bars", "{\"stored\": {\"benchmark\": \"" + b + "\"}}").statusCode(400)
                .body("field", equalTo("stored.models"));
        post(TestKeys.ADMIN, "error-bars", "{\"stored\": {\"benchmark\": \"" + b + "\", \"models\": [\"nobody\"]}}")
                .statusCode(400).body("field", equalTo("stored.models[0]"));
        post(TestKeys.ADMIN, "power", "{\"items\": 10, \"stored\": {\"benchmark\": \"" + b + "\", \"models\": [\"" + b
                + "-A\"]}}").statusCode(400).body("field", equalTo("stored.models"));
        post(TestKeys.ADMIN, "paired-comparisons", "{\"stored\": {\"benchmark\": \"no-such-" + b + "\"}}").statusCode(404);
        // another workspace does not see the benchmark
        String other = given().contentType(ContentType.JSON).body("{\"name\":\"rel-" + b + "\"}").post("/api/v1/workspaces")
                .then().statusCode(201).extract().jsonPath().getString("adminKey.key");
        post(other, "paired-comparisons", "{\"stored\": {\"benchmark\": \"" + b + "\"}}").statusCode(404);
        // every model of the benchmark by default
        post(TestKeys.ADMIN, "paired-comparisons", "{\"stored\": {\"benchmark\": \"" + b + "\"}, \"baseline\": \"" + b
                + "-A\", \"bootstrap\": {\"rounds\": 0}}").statusCode(200).body("comparisons.size()", equalTo(4))
                .body("selection.models.size()", equalTo(5)).body("selection.itemsUsed", equalTo(50));
    }
}
