package io.augur.retrieval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes each retrieval operation, one operation per request and response media type. */
@QuarkusTest
class RetrievalOpenApiTest {

    @Test
    void operationsAreDocumented() {
        given().queryParam("format", "json").get("/api/openapi").then().statusCode(200)
                .body("paths.'/api/v1/retrieval/evaluations'.post.operationId", equalTo("evaluateRetrievalRun"))
                .body("paths.'/api/v1/retrieval/evaluations'.post.requestBody.content.'application/json'.schema", notNullValue())
                .body("paths.'/api/v1/retrieval/evaluations'.post.responses.'200'.content.'application/json'", notNullValue())
                .body("paths.'/api/v1/retrieval/evaluations'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/retrieval/evaluations/text'.post.operationId", equalTo("evaluateRetrievalRunAsText"))
                .body("paths.'/api/v1/retrieval/evaluations/text'.post.responses.'200'.content.'text/plain'", notNullValue())
                .body("paths.'/api/v1/retrieval/evaluations/upload'.post.operationId", equalTo("evaluateRetrievalUpload"))
                .body("paths.'/api/v1/retrieval/evaluations/upload'.post.requestBody.content.'multipart/form-data'.schema", notNullValue())
                .body("paths.'/api/v1/retrieval/evaluations/upload/text'.post.operationId", equalTo("evaluateRetrievalUploadAsText"))
                .body("paths.'/api/v1/retrieval/evaluations/upload/text'.post.responses.'200'.content.'text/plain'", notNullValue())
                .body("paths.'/api/v1/retrieval/comparisons'.post.operationId", equalTo("compareRetrievalRuns"))
                .body("paths.'/api/v1/retrieval/comparisons/upload'.post.operationId", equalTo("compareRetrievalUploads"))
                .body("paths.'/api/v1/retrieval/comparisons/upload'.post.requestBody.content.'multipart/form-data'.schema", notNullValue())
                .body("paths.'/api/v1/retrieval/measures'.get.operationId", equalTo("listRetrievalMeasures"))
                .body("paths.'/api/v1/recommendations/evaluations'.post.operationId", equalTo("evaluateRecommendations"))
                .body("paths.'/api/v1/recommendations/evaluations'.post.summary", notNullValue());
    }

    @Test
    void relevanceBoundsAreInTheSchema() {
        given().queryParam("format", "json").get("/api/openapi").then().statusCode(200)
                .body("components.schemas.TrecJudgment.properties.relevance.maximum", equalTo(1000000))
                .body("components.schemas.TrecJudgment.properties.relevance.minimum", equalTo(-1000000))
                .body("components.schemas.TrecEvaluationRequest.properties.relevanceLevel.maximum", equalTo(1000000))
                .body("components.schemas.TrecEvaluationUpload.properties.relevanceLevel.maximum", equalTo(1000000))
                .body("components.schemas.RunComparisonRequest.properties.wilcoxonZeroMethod.enum[1]", equalTo("pratt"));
    }
}
