package io.augur.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.augur.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** API keys: 401 without or with a wrong one, roles (403), revocation, key management, rate limit (429). */
@QuarkusTest
class AuthenticationTest {

    static final String PROBLEM = "application/problem+json";
    static final String COMPUTATION = "/api/v1/rankings/agreement";
    static final String COMPUTATION_BODY = "{\"first\":{\"a\":1,\"b\":2,\"c\":3},\"second\":{\"a\":1,\"b\":3,\"c\":2}}";

    @Test
    void anonymousRequestsAre401WithAChallenge() {
        given().header(TestKeys.ANONYMOUS, "1").get("/api/v1/models").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", notNullValue())
                .body("status", equalTo(401)).body("detail", containsString("X-API-Key"));
        // the challenge names both schemes
        var challenges = given().header(TestKeys.ANONYMOUS, "1").get("/api/v1/models").then().statusCode(401)
                .extract().headers().getValues("WWW-Authenticate");
        org.hamcrest.MatcherAssert.assertThat(challenges, hasItems(startsWith("ApiKey"), startsWith("Bearer")));
        // writes and stateless computations too (augur.auth.anonymous-compute is false by default)
        given().header(TestKeys.ANONYMOUS, "1").contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/api/v1/models").then().statusCode(401).contentType(PROBLEM);
        given().header(TestKeys.ANONYMOUS, "1").contentType(ContentType.JSON).body(COMPUTATION_BODY)
                .post(COMPUTATION).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void wrongKeysAre401() {
        String valid = Keys.key(TestKeys.ADMIN, "reader");
        String handle = valid.substring(0, valid.lastIndexOf('_'));
        for (String wrong : new String[] {"not-a-key", "augur_", "augur_ffffffffffff_" + "A".repeat(43),
                handle + "_" + "B".repeat(43), valid + "x"}) {
            given().header(TestKeys.HEADER, wrong).get("/api/v1/models").then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("realm=\"augur\""));
        }
        given().header(TestKeys.HEADER, valid).get("/api/v1/models").then().statusCode(200);
        // the key works as a bearer token too
        given().header("Authorization", "Bearer " + valid).get("/api/v1/models").then().statusCode(200);
    }

    @Test
    void aReaderReadsAndComputesButCannotWrite() {
        String reader = Keys.key(TestKeys.ADMIN, "reader");
        given().header(TestKeys.HEADER, reader).get("/api/v1/models").then().statusCode(200);
        given().header(TestKeys.HEADER, reader).contentType(ContentType.JSON).body(COMPUTATION_BODY).post(COMPUTATION)
                .then().statusCode(200);
        given().header(TestKeys.HEADER, reader).contentType(ContentType.JSON)
                .body("{\"name\":\"" + Keys.unique("m") + "\"}").post("/api/v1/models").then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("writer"));
        given().header(TestKeys.HEADER, reader).contentType(ContentType.JSON).body("{\"name\":\"" + Keys.unique("a")
                + "\"}").post("/api/v1/arenas").then().statusCode(403).contentType(PROBLEM);
        given().header(TestKeys.HEADER, reader).contentType(ContentType.JSON)
                .body("[{\"model\":\"m\",\"benchmark\":\"b\",\"value\":1}]").post("/api/v1/evaluations").then()
                .statusCode(403);
        given().header(TestKeys.HEADER, reader).delete("/api/v1/models/" + java.util.UUID.randomUUID()).then()
                .statusCode(403);
        given().header(TestKeys.HEADER, reader).get("/api/v1/keys").then().statusCode(403);
    }

    @Test
    void aWriterWritesButCannotManageKeys() {
        String writer = Keys.key(TestKeys.ADMIN, "writer");
        String name = Keys.unique("m");
        given().header(TestKeys.HEADER, writer).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/models").then().statusCode(201);
        given().header(TestKeys.HEADER, writer).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"role\":\"admin\"}").post("/api/v1/keys").then().statusCode(403);
        given().header(TestKeys.HEADER, writer).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/api/v1/workspaces").then().statusCode(403);
        given().header(TestKeys.HEADER, writer).get("/api/v1/workspaces/current").then().statusCode(200)
                .body("name", equalTo("default"));
    }

    @Test
    void keysAreShownOnceListedWithoutSecretAndRevokedAtOnce() {
        String name = Keys.unique("script");
        JsonPath created = Keys.create(TestKeys.ADMIN, "{\"name\":\"" + name + "\",\"role\":\"writer\"}");
        String key = created.getString("key");
        String id = created.getString("apiKey.id");
        org.junit.jupiter.api.Assertions.assertTrue(key.startsWith(created.getString("apiKey.prefix") + "_"));
        given().header(TestKeys.HEADER, key).get("/api/v1/models").then().statusCode(200);
        String listing = given().get("/api/v1/keys?limit=1000").then().statusCode(200)
                .body("items.name", hasItem(name)).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(listing.contains(key), "the listing shows no secret");
        given().get("/api/v1/keys/" + id).then().statusCode(200).body("role", equalTo("writer"))
                .body("revokedAt", equalTo(null)).body("$", not(org.hamcrest.Matchers.hasKey("key")));

        given().delete("/api/v1/keys/" + id).then().statusCode(204);
        given().header(TestKeys.HEADER, key).get("/api/v1/models").then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("revoked"));
        given().get("/api/v1/keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        given().delete("/api/v1/keys/" + id).then().statusCode(204); // idempotent
    }

    @Test
    void badKeyInputIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"role\":\"root\"}").post("/api/v1/keys").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("role"));
        given().contentType(ContentType.JSON).body("{\"role\":\"reader\"}").post("/api/v1/keys").then()
                .statusCode(400).body("field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"role\":\"reader\",\"requestsPerSecond\":-1}")
                .post("/api/v1/keys").then().statusCode(400).body("field", equalTo("requestsPerSecond"));
    }

    @Test
    void aKeyOverItsRateIsAnswered429WithRetryAfter() {
        // one request per 1000 s: the bucket holds one token, so the second request within the test is refused
        String slow = Keys.create(TestKeys.ADMIN, "{\"name\":\"" + Keys.unique("slow") + "\",\"role\":\"reader\","
                + "\"requestsPerSecond\":0.001}").getString("key");
        given().header(TestKeys.HEADER, slow).get("/api/v1/models").then().statusCode(200);
        given().header(TestKeys.HEADER, slow).get("/api/v1/models").then().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        // other keys are not affected
        given().get("/api/v1/models").then().statusCode(200);
    }
}
