package io.augur.access.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.augur.testing.JwksServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens, verified against the key set the tests serve themselves ({@link JwksServer}): the workspace
 * and role come from the configured claims; a token signed by another key, expired, or of another issuer is a
 * 401; a token without a known workspace or role is a 403.
 */
@QuarkusTest
@QuarkusTestResource(value = JwksServer.class, restrictToAnnotatedClass = true)
class BearerTokenTest {

    static JwtClaimsBuilder claims(String workspace, Object role) {
        JwtClaimsBuilder c = Jwt.issuer(JwksServer.ISSUER).subject("alice@example.org").expiresIn(300);
        if (workspace != null) {
            c.claim("augur_workspace", workspace);
        }
        if (role != null) {
            c.claim("augur_role", role);
        }
        return c;
    }

    static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(JwksServer.KEY_ID).sign(JwksServer.privateKey());
    }

    @Test
    void aWriterTokenWritesInItsWorkspace() {
        String workspace = Keys.unique("oidc");
        Keys.workspace(workspace);
        String token = sign(claims(workspace, "writer"));
        String name = Keys.unique("m");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/models").then().statusCode(201);
        given().header("Authorization", "Bearer " + token).get("/api/v1/models?name=" + name).then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", "Bearer " + token).get("/api/v1/workspaces/current").then().statusCode(200)
                .body("name", equalTo(workspace));
        // the default workspace does not see it
        given().get("/api/v1/models?name=" + name).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theHighestRoleOfAListCountsAndAReaderCannotWrite() {
        String reader = sign(claims("default", List.of("reader", "unknown")));
        given().header("Authorization", "Bearer " + reader).get("/api/v1/models").then().statusCode(200);
        given().header("Authorization", "Bearer " + reader).contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/v1/models")
                .then().statusCode(403).contentType("application/problem+json");
        String admin = sign(claims("default", List.of("reader", "admin")));
        given().header("Authorization", "Bearer " + admin).get("/api/v1/keys").then().statusCode(200);
    }

    @Test
    void tokensNotFromTheKeySetAre401() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String forged = claims("default", "admin").jws().keyId(JwksServer.KEY_ID).sign(g.generateKeyPair().getPrivate());
        var challenges = given().header("Authorization", "Bearer " + forged).get("/api/v1/models").then().statusCode(401)
                .contentType("application/problem+json").extract().headers().getValues("WWW-Authenticate");
        org.hamcrest.MatcherAssert.assertThat(challenges, org.hamcrest.Matchers.hasItem(containsString("invalid_token")));
        String expired = sign(Jwt.issuer(JwksServer.ISSUER).subject("bob").claim("augur_workspace", "default")
                .claim("augur_role", "admin").issuedAt(1_000_000_000L).expiresAt(1_000_000_300L));
        given().header("Authorization", "Bearer " + expired).get("/api/v1/models").then().statusCode(401);
        String otherIssuer = sign(Jwt.issuer("https://evil.example").subject("eve").claim("augur_workspace", "default")
                .claim("augur_role", "admin").expiresIn(300));
        given().header("Authorization", "Bearer " + otherIssuer).get("/api/v1/models").then().statusCode(401);
        given().header("Authorization", "Bearer " + "not.a.jwt").get("/api/v1/models").then().statusCode(401);
    }

    @Test
    void aTokenWithoutWorkspaceOrRoleIs403() {
        given().header("Authorization", "Bearer " + sign(claims(null, "admin"))).get("/api/v1/models").then().statusCode(403)
                .body("detail", containsString("augur_workspace"));
        given().header("Authorization", "Bearer " + sign(claims("default", null))).get("/api/v1/models").then().statusCode(403);
        given().header("Authorization", "Bearer " + sign(claims(Keys.unique("nowhere"), "admin"))).get("/api/v1/models").then()
                .statusCode(403).body("detail", containsString("does not exist"));
    }
}
