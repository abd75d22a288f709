package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document parses and validates, and every operation is documented. */
@QuarkusTest
class OpenApiDocumentTest {

    private static OpenAPI document() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                () -> "the OpenAPI document does not validate: " + result.getMessages());
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void everyOperationHasAUniqueOperationIdASummaryAndResponses() {
        OpenAPI api = document();
        Set<String> ids = new HashSet<>();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            assertTrue(path.getKey().startsWith("/api/v1/"), () -> "unversioned path " + path.getKey());
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String where = op.getKey() + " " + path.getKey();
                Operation o = op.getValue();
                if (o.getOperationId() == null || o.getOperationId().isBlank()) {
                    missing.add(where + ": operationId");
                } else if (!ids.add(o.getOperationId())) {
                    missing.add(where + ": duplicate operationId " + o.getOperationId());
                }
                if (o.getSummary() == null || o.getSummary().isBlank()) {
                    missing.add(where + ": summary");
                }
                if (o.getTags() == null || o.getTags().isEmpty()) {
                    missing.add(where + ": tag");
                }
                if (o.getResponses() == null || o.getResponses().keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                    missing.add(where + ": success response");
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "undocumented: " + missing);
        assertTrue(operations >= 14, "expected every endpoint in the document, found " + operations);
    }

    @Test
    void documentsTheCatalogueAndProblemSchemas() {
        OpenAPI api = document();
        assertEquals("Augur API", api.getInfo().getTitle());
        for (String schema : List.of("Problem", "Model", "ModelInput", "Benchmark", "Evaluation", "EvaluationInput",
                "ImportResult")) {
            assertNotNull(api.getComponents().getSchemas().get(schema), "schema " + schema);
        }
        Operation importOp = api.getPaths().get("/api/v1/evaluations").getPost();
        assertNotNull(importOp.getRequestBody().getContent().get("text/csv"), "CSV import documented");
        assertNotNull(importOp.getRequestBody().getContent().get("application/json"), "JSON import documented");
        assertTrue(importOp.getDescription().contains("replaces"), "the upsert rule is stated");
        assertFalse(api.getPaths().get("/api/v1/models").getPost().getResponses().get("409") == null,
                "duplicate model names are documented as 409");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
