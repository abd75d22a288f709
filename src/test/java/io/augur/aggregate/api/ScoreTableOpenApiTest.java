package io.augur.aggregate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document of this capability: ids, summaries, 400 problems, and examples that work when pasted. */
@QuarkusTest
class ScoreTableOpenApiTest {

    static final List<String> PATHS = List.of("/api/v1/score-tables/aggregates", "/api/v1/score-tables/performance-profile",
            "/api/v1/score-tables/probability-of-improvement", "/api/v1/score-tables/rankings", "/api/v1/rankings/agreement");

    @Test
    void everyExampleWorksWhenPasted() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : PATHS) {
            Map<String, Object> op = doc.getMap("paths.'" + path + "'.post");
            assertNotNull(op, path);
            assertNotNull(op.get("operationId"), path);
            assertNotNull(op.get("summary"), path);
            assertNotNull(doc.get("paths.'" + path + "'.post.responses.'400'.content.'application/problem+json'"), path);
            Map<String, Map<String, Object>> examples = doc.getMap("paths.'" + path + "'.post.requestBody.content.'application/json'.examples");
            assertFalse(examples == null || examples.isEmpty(), path + " has an example");
            for (var e : examples.entrySet()) {
                Object value = e.getValue().get("value");
                String body = value instanceof String s ? s : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value).toString();
                int status = given().contentType(ContentType.JSON).body(body).post(path).then().extract().statusCode();
                assertEquals(200, status, path + " example '" + e.getKey() + "'");
            }
        }
    }
}
