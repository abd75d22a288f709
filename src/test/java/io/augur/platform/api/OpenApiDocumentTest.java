package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
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

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static OpenAPI document() {
        String json = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200)
                .extract().asString();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                () -> "the OpenAPI document does not validate: " + result.getMessages());
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    /**
     * One bootstrap dialect (issue 8): the only schemas about the bootstrap are the shared settings and report,
     * and every object property named {@code bootstrap} refers to one of them, so no capability grows its own.
     */
    @Test
    @SuppressWarnings("rawtypes")
    void everyBootstrapIsTheSharedSettingsOrReport() {
        OpenAPI api = document();
        Map<String, io.swagger.v3.oas.models.media.Schema> schemas = api.getComponents().getSchemas();
        List<String> dialects = schemas.keySet().stream().filter(n -> n.toLowerCase().contains("bootstrap"))
                .filter(n -> !n.equals("BootstrapSettings") && !n.equals("BootstrapReport")).toList();
        assertTrue(dialects.isEmpty(), () -> "bootstrap schemas besides the shared ones: " + dialects);
        List<String> wrong = new ArrayList<>();
        int properties = 0;
        for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e : schemas.entrySet()) {
            Map<String, io.swagger.v3.oas.models.media.Schema> props = e.getValue().getProperties();
            io.swagger.v3.oas.models.media.Schema b = props == null ? null : props.get("bootstrap");
            if (b == null || e.getKey().equals("RunPairComparison")) {
                // RunPairComparison.bootstrap is the paired bootstrap test's result (statistic, p-value), not settings
                continue;
            }
            properties++;
            String ref = b.get$ref() != null ? b.get$ref()
                    : b.getAllOf() != null && b.getAllOf().size() == 1
                            ? ((io.swagger.v3.oas.models.media.Schema) b.getAllOf().getFirst()).get$ref() : null;
            if (!"#/components/schemas/BootstrapSettings".equals(ref) && !"#/components/schemas/BootstrapReport".equals(ref)) {
                wrong.add(e.getKey() + ".bootstrap -> " + ref);
            }
        }
        assertTrue(properties >= 30, "bootstrap properties found: " + properties);
        assertTrue(wrong.isEmpty(), () -> "bootstrap properties not on the shared records: " + wrong);
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
        assertNotNull(importOp.getRequestBody().getContent().get("application/json"), "JSON import documented");
        assertNotNull(api.getPaths().get("/api/v1/evaluations/csv").getPost().getRequestBody().getContent()
                .get("text/csv"), "CSV import documented");
        assertTrue(importOp.getDescription().contains("replaces"), "the upsert rule is stated");
        assertFalse(api.getPaths().get("/api/v1/models").getPost().getResponses().get("409") == null,
                "duplicate model names are documented as 409");
    }

    /** What client generators need: see OpenApiConventions and issue 10. */
    @Test
    void generatorsCanTakeTheDocumentAsItIs() {
        String json = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200).extract().asString();
        io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(json);
        assertEquals("http://localhost:8080", doc.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertTrue(doc.getJsonObject("info").getString("version").matches("\\d+\\.\\d+\\.\\d+.*"),
                "info.version is the project's version");
        io.vertx.core.json.JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        List<String> problems = new ArrayList<>();
        walk(doc, "", schemas, problems);
        for (String name : schemas.fieldNames()) {
            if (name.matches("Page\\d*") || name.matches(".*\\d$")) {
                problems.add("schema named " + name);
            }
        }
        io.vertx.core.json.JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                io.vertx.core.json.JsonObject op = paths.getJsonObject(path).getJsonObject(method);
                String where = method + " " + path;
                if (!OpenApiConventions.OPERATION_ID.matcher(op.getString("operationId")).matches()) {
                    problems.add(where + ": operationId " + op.getString("operationId") + " is not verbNoun");
                }
                io.vertx.core.json.JsonObject body = op.getJsonObject("requestBody");
                if (body != null && body.getJsonObject("content").size() != 1) {
                    problems.add(where + ": request media types " + body.getJsonObject("content").fieldNames());
                }
                if (body != null) {
                    // the Java generator ignores, with a warning, an example on a structured body's media type
                    body.getJsonObject("content").forEach(m -> {
                        io.vertx.core.json.JsonObject media = (io.vertx.core.json.JsonObject) m.getValue();
                        boolean text = "string".equals(media.getJsonObject("schema").getString("type"));
                        if (!text && (media.containsKey("examples") || media.containsKey("example"))) {
                            problems.add(where + ": " + m.getKey() + " example on the media type");
                        }
                    });
                }
                List<String> codes = new ArrayList<>(op.getJsonObject("responses").fieldNames());
                boolean errorSeen = false;
                for (String code : codes) {
                    io.vertx.core.json.JsonObject content = op.getJsonObject("responses").getJsonObject(code)
                            .getJsonObject("content");
                    if (code.startsWith("2")) {
                        if (errorSeen) {
                            problems.add(where + ": " + code + " listed after an error");
                        }
                        if (content != null && content.size() != 1) {
                            problems.add(where + ": " + code + " media types " + content.fieldNames());
                        }
                    } else {
                        errorSeen = true;
                        if (content == null || !content.fieldNames().equals(Set.of("application/problem+json"))) {
                            problems.add(where + ": " + code + " is not a problem");
                        }
                    }
                }
            }
        }
        // the request examples OpenApiConventions keeps: named operationId.name
        Set<String> operationIds = new HashSet<>();
        paths.forEach(p -> ((io.vertx.core.json.JsonObject) p.getValue()).forEach(
                o -> operationIds.add(((io.vertx.core.json.JsonObject) o.getValue()).getString("operationId"))));
        for (String example : doc.getJsonObject("components").getJsonObject("examples").fieldNames()) {
            int dot = example.indexOf('.');
            if (!example.matches("[A-Za-z0-9.\\-_]+") || dot < 0 || !operationIds.contains(example.substring(0, dot))) {
                problems.add("components/examples/" + example + " is not named operationId.name");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals(Set.of("apiKey", "bearer"),
                doc.getJsonObject("components").getJsonObject("securitySchemes").fieldNames(),
                "the declared security schemes, no auto-added duplicate");
        assertEquals(Boolean.TRUE, paths.getJsonObject("/api/v1/jobs/{id}/result").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getValue("additionalProperties"),
                "a job's result is a free-form object");
        assertNotNull(schemas.getJsonObject("FitRequest").getValue("example"),
                "a body schema carries its first example");
        assertEquals(List.of("items"), schemas.getJsonObject("ModelPage").getJsonArray("required").getList());
        assertTrue(schemas.getJsonObject("Problem").getJsonArray("required").getList().contains("status"),
                "a primitive component of a response record is required");
        assertEquals("binary", schemas.getJsonObject("RunComparisonUpload").getJsonObject("properties")
                .getJsonObject("run").getJsonObject("items").getString("format"));
    }

    /**
     * Every $ref resolves and keeps no sibling but its description; no untyped map values except the free-form
     * ones (a model's attributes, a job's body: whatever the named operation takes).
     */
    private static void walk(Object node, String at, io.vertx.core.json.JsonObject schemas, List<String> problems) {
        if (node instanceof io.vertx.core.json.JsonObject o) {
            String ref = o.getString("$ref");
            if (ref != null) {
                if (!schemas.containsKey(ref.substring("#/components/schemas/".length()))) {
                    problems.add(at + ": missing schema " + ref);
                }
                if (!Set.of("$ref", "description").containsAll(o.fieldNames())) {
                    problems.add(at + ": $ref with siblings " + o.fieldNames());
                }
            }
            if (o.getValue("additionalProperties") instanceof io.vertx.core.json.JsonObject ap && ap.isEmpty()
                    && !at.endsWith("/attributes") && !at.endsWith("/JobRequest/properties/body")) {
                problems.add(at + ": untyped map values");
            }
            if (o.getValue("items") instanceof io.vertx.core.json.JsonObject items && items.isEmpty()) {
                problems.add(at + ": untyped items");
            }
            for (String key : o.fieldNames()) {
                if (!key.equals("examples") && !key.equals("example")) {
                    walk(o.getValue(key), at + "/" + key, schemas, problems);
                }
            }
        } else if (node instanceof io.vertx.core.json.JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.getValue(i), at + "[" + i + "]", schemas, problems);
            }
        }
    }

    @Test
    void swaggerUiIsServed() {
        Management.given(management).get("/q/swagger-ui/").then().statusCode(200);
    }
}
