package io.augur.aggregate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Atari 100k end to end: the raw scores and the random/human baselines posted to the endpoint give
 * the published human-normalised IQMs (Agarwal et al. 2021; IRIS, Micheli et al. 2023) to the printed
 * precision, with intervals that contain them.
 */
@QuarkusTest
class AtariEndpointTest {


    @Test
    void publishedIqmsThroughTheEndpoint() throws IOException {
        Path scores = SharedData.require("aggregate/atari100k_scores_long.csv");
        Path base = SharedData.require("aggregate/atari100k_random_human.csv");
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(scores);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add("{\"system\":\"" + f[0] + "\",\"task\":\"" + f[1] + "\",\"run\":\"" + f[2] + "\",\"value\":" + f[3] + "}");
        }
        List<String> baselines = new ArrayList<>();
        List<String> b = Files.readAllLines(base);
        for (String line : b.subList(1, b.size())) {
            String[] f = line.split(",");
            baselines.add("\"" + f[0] + "\":{\"low\":" + f[1] + ",\"high\":" + f[2] + "}");
        }
        String body = "{\"scores\":[" + String.join(",", rows) + "],\"normalization\":{\"type\":\"baselines\",\"baselines\":{"
                + String.join(",", baselines) + "}},\"aggregates\":[\"iqm\"],\"bootstrap\":{\"rounds\":1000,\"seed\":1}}";
        JsonPath json = given().config(ScoreTableResourceTest.DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/score-tables/aggregates")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(26, json.getList("table.tasks").size());
        Map<String, Double> published = Map.of("SPR", 0.337, "DrQ(eps)", 0.280, "CURL", 0.113, "SimPLe", 0.130, "IRIS", 0.501);
        for (var e : published.entrySet()) {
            String p = "systems.find { it.system == '" + e.getKey() + "' }.estimates[0].";
            double iqm = json.getDouble(p + "value");
            assertEquals(e.getValue(), Math.round(iqm * 1000) / 1000.0, 1e-9, e.getKey() + " IQM " + iqm);
            assertTrue(json.getDouble(p + "interval.lower") <= iqm && iqm <= json.getDouble(p + "interval.upper"), e.getKey());
            assertTrue(json.getDouble(p + "interval.upper") - json.getDouble(p + "interval.lower") > 0, e.getKey());
        }
    }
}
