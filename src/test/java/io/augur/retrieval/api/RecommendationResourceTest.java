package io.augur.retrieval.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecommendationResourceTest {

    /** JSON numbers read as doubles, so that tolerances can be tight. */
    static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    static final String PROBLEM = "application/problem+json";
    static final String PATH = "/api/v1/recommendations/evaluations";

    @Test
    void exampleByHand() {
        // k = 3. u1: i1 (gain 1) at 1, i3 (gain 2) at 3 -> P 2/3, R 1, RR 1,
        //   nDCG = (1 + 2/log2 4) / (2 + 1/log2 3) = 2 / 2.6309 = 0.7602
        // u2: i2 at 2 -> P 1/3, R 1, RR 1/2, nDCG = (1/log2 3) / 1 = 0.6309
        // u3: relevant i5 never recommended -> 0 everywhere
        given().contentType(ContentType.JSON).body(RecommendationResource.EXAMPLE).post(PATH).then().statusCode(200)
                .body("k", equalTo(3)).body("usersScored", equalTo(3)).body("usersWithoutRelevant", equalTo(0))
                .body("precision.estimate", closeTo(1.0 / 3, 1e-6))
                .body("recall.estimate", closeTo(2.0 / 3, 1e-6))
                .body("mrr.estimate", closeTo(0.5, 1e-6))
                .body("ndcg.estimate", closeTo((0.760230 + 0.630930) / 3, 1e-4))
                .body("precision.interval.level", equalTo(0.95))
                .body("precision.seed", equalTo(7))
                .body("bootstrap.seed", equalTo(7)).body("bootstrap.seedSource", equalTo("request"))
                // 4 of 5 catalogue items recommended
                .body("beyondAccuracy.itemCoverage", closeTo(0.8, 1e-6))
                .body("beyondAccuracy.catalogSize", equalTo(5))
                // ARP: u1 (120+40+5)/3, u2 the same, u3 (1+120+40)/3
                .body("beyondAccuracy.averageRecommendationPopularity", closeTo((165 + 165 + 161) / 9.0, 1e-4))
                .body("perUser", hasSize(3))
                .body("perUser[0].user", equalTo("u1"));
    }

    @Test
    void defaultSeedIsStated() {
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a", "b"]}, {"user": "u2", "items": ["b", "a"]}],
                 "relevance": {"u1": {"a": 1}, "u2": {"a": 1}}}""").post(PATH).then().statusCode(200)
                .body("bootstrap.seed", equalTo(42)).body("bootstrap.seedSource", equalTo("default")).body("k", equalTo(10))
                .body("bootstrap.rounds", equalTo(1000)).body("bootstrap.level", equalTo(0.95)).body("perUser", nullValue())
                .body("precision.estimate", closeTo(0.1, 1e-9))
                .body("ndcg.interval.method", containsString("bootstrap"));
    }

    @Test
    void badInput() {
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a", "a"]}], "relevance": {"u1": {"a": 1}}}""").post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("lists[0].items[1]"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a"]}], "relevance": {"u1": {"a": 1}}, "catalog": ["b"]}""").post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("lists[0].items[0]"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a"]}], "relevance": {"u2": {"a": 1}}}""").post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("relevance"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a"]}], "relevance": {"u1": {"a": 1}}, "k": 0}""").post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("k"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a"]}], "relevance": {"u1": {"a": 1}}, "popularity": {"a": -3}}""")
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", containsString("popularity"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [], "relevance": {}}""").post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("lists"));
        given().contentType(ContentType.JSON).body("""
                {"lists": [{"user": "u1", "items": ["a"]}, {"user": "u1", "items": ["b"]}], "relevance": {"u1": {"a": 1}}}""")
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("lists[1].user"));
    }
}
