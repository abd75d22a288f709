package io.augur.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Checks, against the running test service, that POST operations are documented and their examples work when pasted. */
public final class OpenApiExamples {

    private OpenApiExamples() {
    }

    /**
     * For each path: the POST operation has an operationId, a summary, a 400 problem response and at least one
     * JSON request example, and every example posted as written answers 200.
     */
    public static void assertEveryExampleWorks(List<String> paths) {
        JsonPath doc = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200).extract().jsonPath();
        ObjectMapper json = new ObjectMapper();
        for (String path : paths) {
            Map<String, Object> op = doc.getMap("paths.'" + path + "'.post");
            assertNotNull(op, path);
            assertNotNull(op.get("operationId"), path);
            assertNotNull(op.get("summary"), path);
            assertNotNull(doc.get("paths.'" + path + "'.post.responses.'400'.content.'application/problem+json'"), path);
            Map<String, Map<String, Object>> examples = doc.getMap("paths.'" + path + "'.post.requestBody.content.'application/json'.examples");
            assertFalse(examples == null || examples.isEmpty(), path + " has an example");
            for (var e : examples.entrySet()) {
                Object value = e.getValue().get("value");
                String body = value instanceof String s ? s : json.valueToTree(value).toString();
                int status = given().contentType(ContentType.JSON).body(body).post(path).then().extract().statusCode();
                assertEquals(200, status, path + " example '" + e.getKey() + "'");
            }
        }
    }
}
