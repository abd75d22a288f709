package io.augur.platform.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multipart forms of the evaluation and forecast file uploads are form beans read by RESTEasy Reactive; their
 * fields are parsed by {@link Uploads}: a missing file part or a bad field value is a 400 problem naming the field,
 * before anything is read or stored (the battle-file forms: BattleFileTest). The forms' schemas keep the property
 * order the generated clients' parameters follow.
 */
@QuarkusTest
class UploadFormsTest {

    static final String PROBLEM = "application/problem+json";

    static RequestSpecification upload(String... form) {
        return Multipart.file("f", "x\n".getBytes(StandardCharsets.UTF_8), form);
    }

    static void named(RequestSpecification request, String path, String field) {
        request.post(path).then().statusCode(400).contentType(PROBLEM).body("field", equalTo(field));
    }

    @Test
    void aMissingFilePartIsNamed() {
        for (String path : List.of("/api/v1/evaluations/file", "/api/v1/item-results/file",
                "/api/v1/evaluations/imports/rliable", "/api/v1/evaluations/imports/wide-table",
                "/api/v1/evaluations/imports/lm-eval-harness", "/api/v1/forecasts/fit/file")) {
            named(given().multiPart("tasks", "a,b"), path, "file");
        }
    }

    @Test
    void aBadFieldValueIsNamed() {
        for (String path : List.of("/api/v1/evaluations/file", "/api/v1/item-results/file")) {
            named(upload("format", "json"), path, "format");
            named(upload("createMissing", "yes"), path, "createMissing");
        }
        named(upload("tasks", "a,b", "createMissing", "1"), "/api/v1/evaluations/imports/rliable", "createMissing");
        named(upload("tasks", "a,a"), "/api/v1/evaluations/imports/rliable", "tasks");
        named(upload(), "/api/v1/evaluations/imports/rliable", "tasks");
        named(upload("createMissing", "no"), "/api/v1/evaluations/imports/wide-table", "createMissing");
        named(upload("createMissing", "on"), "/api/v1/evaluations/imports/lm-eval-harness", "createMissing");
        named(upload("rounds", "-1"), "/api/v1/forecasts/fit/file", "rounds");
        named(upload("rounds", "10001"), "/api/v1/forecasts/fit/file", "rounds");
        named(upload("seed", "0x10"), "/api/v1/forecasts/fit/file", "seed");
    }

    /**
     * A form bean's schema lists its properties in the order the generated clients take them as parameters; fields
     * a form inherits come first unless the form says otherwise, so the published order is pinned here.
     */
    @Test
    void theFormSchemasKeepTheirPropertyOrder() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().queryParam("format", "json").get("/api/openapi").then()
                .statusCode(200).extract().asString()).path("components").path("schemas");
        Map<String, List<String>> expected = Map.of(
                "BradleyTerryUpload", List.of("file", "format", "anony", "dedup", "ties", "regularization", "anchorModel",
                        "anchorRating", "rounds", "seed", "level"),
                "EloUpload", List.of("file", "format", "anony", "dedup", "k", "rounds", "seed", "level"),
                "ArenaBattlesUpload", List.of("file", "format", "anony", "dedup", "idPrefix"),
                "EvaluationsUpload", List.of("file", "format", "createMissing"),
                "ItemResultsUpload", List.of("file", "format", "createMissing"),
                "LmEvalHarnessUpload", List.of("file", "model", "createMissing"),
                "RliableScoresUpload", List.of("file", "tasks", "metric", "createMissing"),
                "WideTableUpload", List.of("file", "metric", "ignore", "createMissing"),
                "ScalingPointsUpload", List.of("file", "rounds", "seed"));
        for (var e : expected.entrySet()) {
            List<String> names = new ArrayList<>();
            schemas.path(e.getKey()).path("properties").fieldNames().forEachRemaining(names::add);
            assertEquals(e.getValue(), names, e.getKey());
        }
    }
}
