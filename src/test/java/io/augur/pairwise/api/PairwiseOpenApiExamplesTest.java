package io.augur.pairwise.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request examples of the pairwise operations in the OpenAPI document work when pasted. */
@QuarkusTest
class PairwiseOpenApiExamplesTest {

    @Test
    void examplesWorkWhenPasted() throws Exception {
        JsonNode doc = PairwiseTestData.tree(given().queryParam("format", "json").get("/api/openapi").then()
                .statusCode(200).extract().asString());
        JsonNode paths = doc.get("paths");
        String arena = "{\"name\":\"" + ArenaResourceTest.unique("example") + "\"}";
        String id = given().contentType("application/json").body(arena).post("/api/v1/arenas").then().statusCode(201)
                .extract().jsonPath().getString("id");
        int posted = 0;
        for (Map.Entry<String, String> op : Map.of("/api/v1/leaderboards/elo", "computeEloLeaderboard",
                "/api/v1/leaderboards/elo/csv", "computeEloLeaderboardFromCsv",
                "/api/v1/leaderboards/bradley-terry", "computeBradleyTerryLeaderboard",
                "/api/v1/leaderboards/bradley-terry/csv", "computeBradleyTerryLeaderboardFromCsv",
                "/api/v1/leaderboards/plackett-luce", "computePlackettLuceLeaderboard",
                "/api/v1/arenas/{id}/battles", "appendArenaBattles").entrySet()) {
            JsonNode post = paths.get(op.getKey()).get("post");
            assertEquals(op.getValue(), post.get("operationId").asText());
            assertTrue(post.get("responses").has("400"), op.getKey() + " documents 400");
            JsonNode content = post.get("requestBody").get("content");
            String media = content.has("text/csv") ? "text/csv" : "application/json";
            // JSON examples are kept under components/examples (OpenApiConventions), text ones on the media type
            java.util.Collection<String> values = media.equals("text/csv")
                    ? java.util.stream.StreamSupport.stream(content.get(media).get("examples").spliterator(), false)
                            .map(e -> e.get("value").asText()).toList()
                    : io.augur.testing.OpenApiExamples.requestExamples(doc, op.getValue()).values();
            assertTrue(!values.isEmpty(), op.getKey() + " has an example");
            for (String value : values) {
                given().contentType(media).body(value).post(op.getKey().replace("{id}", id)).then().statusCode(200);
                posted++;
            }
        }
        assertTrue(posted >= 6, "examples found: " + posted);
        assertNotNull(paths.get("/api/v1/arenas/{id}/next-pairs").get("get").get("description"));
        assertTrue(paths.get("/api/v1/arenas/{id}/next-pairs").get("get").get("description").asText()
                .contains("A-optimal"), "the criterion is stated");
        given().get("/api/v1/arenas/" + id + "/leaderboard").then().statusCode(200);
    }
}
