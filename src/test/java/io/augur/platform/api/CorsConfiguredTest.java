package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CORS configured by origin list (it is off by default, see OperationsEndpointsTest): a listed origin is
 * allowed, any other gets no Access-Control-Allow-Origin; and HSTS can be turned off.
 */
@QuarkusTest
@TestProfile(CorsConfiguredTest.OneOrigin.class)
class CorsConfiguredTest {

    static final String ALLOWED = "https://dashboard.example.com";

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", ALLOWED,
                    "augur.http.hsts-max-age", "0S");
        }
    }

    @Test
    void aListedOriginIsAllowedAndNoOther() {
        Response preflight = given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/models");
        assertEquals(ALLOWED, preflight.header("Access-Control-Allow-Origin"), preflight.headers()::toString);
        Response simple = given().header("Origin", ALLOWED).get("/api/v1/models");
        assertEquals(ALLOWED, simple.header("Access-Control-Allow-Origin"), simple.headers()::toString);
        assertEquals("nosniff", simple.header("X-Content-Type-Options"));

        Response other = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/models");
        assertNull(other.header("Access-Control-Allow-Origin"), other.headers()::toString);
        Response otherSimple = given().header("Origin", "https://elsewhere.example").get("/api/v1/models");
        assertNull(otherSimple.header("Access-Control-Allow-Origin"), otherSimple.headers()::toString);
    }

    @Test
    void hstsCanBeTurnedOff() {
        assertNull(given().header("X-Forwarded-Proto", "https").get("/api/v1/models")
                .header("Strict-Transport-Security"));
    }
}
