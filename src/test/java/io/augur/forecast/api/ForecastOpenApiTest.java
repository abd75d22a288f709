package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.num;
import static io.augur.forecast.api.ForecastJson.sigmoid;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Every forecast operation is documented with a 400 problem and request examples that work when pasted. */
@QuarkusTest
class ForecastOpenApiTest {

    /** The stored data the "stored evaluations" example selects: benchmark arc-challenge, family pythia. */
    private static void seedExampleData() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"arc-challenge\",\"metric\":\"accuracy\",\"higherIsBetter\":true,\"chanceLevel\":0.25}")
                .post("/api/v1/benchmarks").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        StringJoiner evals = new StringJoiner(",", "[", "]");
        for (int k = 0; k <= 8; k++) {
            String model = "pythia-example-" + k;
            double c = Math.pow(10, 19 + 0.6 * k);
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + model + "\",\"family\":\"pythia\",\"trainingCompute\":" + num(c) + "}")
                    .post("/api/v1/models").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
            evals.add("{\"model\":\"" + model + "\",\"benchmark\":\"arc-challenge\",\"value\":"
                    + num(sigmoid(c) + (k % 2 == 0 ? 0.01 : -0.01)) + "}");
        }
        given().contentType(ContentType.JSON).body(evals.toString()).post("/api/v1/evaluations").then().statusCode(200);
    }

    @Test
    void everyForecastOperationIsDocumentedAndItsExamplesWork() {
        seedExampleData();
        String json = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200).extract().asString();
        OpenAPI api = new OpenAPIV3Parser().readContents(json).getOpenAPI();
        List<String> operations = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            if (!e.getKey().startsWith("/api/v1/forecasts/")) {
                continue;
            }
            Operation op = e.getValue().getPost();
            assertNotNull(op, e.getKey());
            operations.add(op.getOperationId());
            assertEquals(List.of("forecasts"), op.getTags(), e.getKey());
            assertNotNull(op.getResponses().get("400").getContent().get("application/problem+json"), e.getKey() + " 400");
            String produces = e.getKey().endsWith("/plot") ? "image/svg+xml" : "application/json";
            assertNotNull(op.getResponses().get("200").getContent().get(produces).getSchema(), e.getKey() + " 200");
            if (op.getRequestBody().getContent().get("multipart/form-data") != null) {
                continue; // file uploads (fitCurveFromFile) have no JSON example to paste; ScalingFileTest covers them
            }
            // the JSON examples are kept under components/examples, named operationId.name (OpenApiConventions)
            Map<String, Example> ex = new java.util.TreeMap<>(api.getComponents().getExamples());
            ex.keySet().removeIf(name -> !name.startsWith(op.getOperationId() + "."));
            assertFalse(ex.isEmpty(), e.getKey() + " has request examples");
            for (Map.Entry<String, Example> x : ex.entrySet()) {
                examples++;
                String body = String.valueOf(x.getValue().getValue());
                given().contentType(ContentType.JSON).body(body).post(e.getKey()).then()
                        .statusCode(200);
            }
        }
        assertTrue(operations.containsAll(List.of("fitCurve", "predictCurve", "backtestCurve", "computeOptimalAllocation",
                "findInputForTarget", "forecastLearningCurve", "plotCurve")), operations.toString());
        assertTrue(examples >= 9, "examples tried: " + examples);
    }
}
