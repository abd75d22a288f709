package io.augur.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks, against the running test service, that POST operations are documented and their examples work when pasted. */
public final class OpenApiExamples {

    private OpenApiExamples() {
    }

    /** The served document. */
    public static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().queryParam("format", "json").get("/api/openapi").then()
                    .statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The named JSON request examples of an operation, as the bodies to post, by name. OpenApiConventions keeps
     * them under components/examples, keyed {@code <operationId>.<name>}, with the first one also the body
     * schema's example (the media type carries none: the Java generator cannot take a structured one).
     */
    public static Map<String, String> requestExamples(JsonNode document, String operationId) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : document.path("components").path("examples").properties()) {
            if (e.getKey().startsWith(operationId + ".")) {
                JsonNode value = e.getValue().path("value");
                bodies.put(e.getValue().path("summary").asText(e.getKey()),
                        value.isTextual() ? value.asText() : value.toString());
            }
        }
        return bodies;
    }

    /**
     * For each path: the POST operation has an operationId, a summary, a 400 problem response and at least one
     * JSON request example, the first of them its body schema's example, and every example posted as written
     * answers 200.
     */
    public static void assertEveryExampleWorks(List<String> paths) {
        JsonNode doc = document();
        for (String path : paths) {
            JsonNode op = doc.path("paths").path(path).path("post");
            assertFalse(op.isMissingNode(), path);
            assertNotNull(op.get("operationId"), path);
            assertNotNull(op.get("summary"), path);
            assertFalse(op.path("responses").path("400").path("content").path("application/problem+json")
                    .isMissingNode(), path);
            Map<String, String> examples = requestExamples(doc, op.get("operationId").asText());
            assertFalse(examples.isEmpty(), path + " has an example");
            JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.has("$ref")) {
                schema = doc.at(schema.get("$ref").asText().substring(1));
            }
            assertTrue(schema.has("example"), path + ": the body schema has an example");
            for (var e : examples.entrySet()) {
                int status = given().contentType(ContentType.JSON).body(e.getValue()).post(path).then().extract()
                        .statusCode();
                assertEquals(200, status, path + " example '" + e.getKey() + "'");
            }
        }
    }
}
