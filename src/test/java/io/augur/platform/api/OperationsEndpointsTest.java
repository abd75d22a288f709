package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 4 on the running service: the operations endpoints on the management interface only (the public
 * port answers 404 for /q/...), the OpenAPI document on both, security headers on every response, CORS off,
 * request ids in headers and problems, and HTTP metrics whose route label is a template even after requests with
 * many distinct ids and unknown paths.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL base;

    @Test
    void healthProbesAreUpOnTheManagementInterface() {
        Management.given(management).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given(management).get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        Management.given(management).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void thePublicPortServesNoOperationsEndpoints() {
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics",
                "/q/openapi", "/q/swagger-ui/" }) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Management.given(management).get("/q/metrics").then().statusCode(200);
        Management.given(management).get("/q/swagger-ui/").then().statusCode(200);
        // the management interface serves the operations endpoints only, not the API
        Management.given(management).get("/api/v1/models").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentIsOnThePublicPortAsOnTheManagementInterface() {
        String publicJson = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        String managementJson = Management.given(management).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertEquals(new JsonObject(managementJson), new JsonObject(publicJson));
        given().get("/api/openapi").then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("openapi: 3.0.3"));
        assertFalse(new JsonObject(publicJson).getJsonObject("paths").containsKey("/api/openapi"),
                "the document is not an operation of itself");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        checkSecurityHeaders(given().get("/api/v1/models"), true);
        checkSecurityHeaders(given().get("/api/v1/models/999999999"), true); // 404 problem from a resource
        checkSecurityHeaders(given().get("/no/such/path"), true); // 404 before any resource
        String tooLarge = tooLarge("/api/v1/models", "early-0");
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        for (String header : new String[] { "x-content-type-options: nosniff", "content-security-policy: frame-ancestors 'none'",
                "cache-control: no-store", "x-request-id: early-0" }) {
            assertTrue(tooLarge.toLowerCase().contains("\r\n" + header + "\r\n"), () -> header + " in " + tooLarge);
        }
        checkSecurityHeaders(given().get("/api/v1/x-" + "a".repeat(9000)), true); // 414 answered before routing
        checkSecurityHeaders(given().get("/api/openapi"), true);
        checkSecurityHeaders(Management.given(management).get("/q/health/live"), false);
        checkSecurityHeaders(Management.given(management).get("/q/metrics"), false);
    }

    private static void checkSecurityHeaders(Response r, boolean api) {
        String what = r.statusCode() + " " + r.headers();
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("frame-ancestors 'none'", r.header("Content-Security-Policy"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
        if (api) {
            assertEquals("no-store", r.header("Cache-Control"), what);
            assertNotNull(r.header("X-Request-Id"), what);
        }
        assertNull(r.header("Strict-Transport-Security"), () -> "no HSTS over plain HTTP: " + what);
        assertNull(r.header("Access-Control-Allow-Origin"), () -> "CORS is off: " + what);
    }

    @Test
    void hstsWhenTheRequestCameOverTlsToTheProxy() {
        Response r = given().header("X-Forwarded-Proto", "https").get("/api/v1/models");
        assertEquals("max-age=31536000; includeSubDomains", r.header("Strict-Transport-Security"));
        assertNull(given().header("X-Forwarded-Proto", "http").get("/api/v1/models")
                .header("Strict-Transport-Security"));
    }

    @Test
    void corsIsOffByDefault() {
        Response preflight = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "DELETE").options("/api/v1/models/1");
        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.headers()::toString);
        Response simple = given().header("Origin", "https://elsewhere.example").get("/api/v1/models");
        assertNull(simple.header("Access-Control-Allow-Origin"), simple.headers()::toString);
    }

    @Test
    void theRequestIdIsTakenOrMadeAndReturnedInHeaderAndProblem() throws Exception {
        Response taken = given().header("X-Request-Id", "trace-42.a_b:c").get("/api/v1/models/999999999");
        taken.then().statusCode(404).contentType("application/problem+json").body("requestId", equalTo("trace-42.a_b:c"));
        assertEquals("trace-42.a_b:c", taken.header("X-Request-Id"));

        // an id that could forge log lines (spaces, quotes, newlines) or is too long is replaced by a new one
        for (String bad : new String[] { "two words", "quote\"d", "x".repeat(129) }) {
            Response made = given().header("X-Request-Id", bad).get("/api/v1/models/999999999");
            String id = made.header("X-Request-Id");
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
            made.then().body("requestId", equalTo(id));
        }
        // problems written before any resource runs carry it too
        String early = tooLarge("/api/v1/models", "early-1");
        assertTrue(early.startsWith("HTTP/1.1 413") && early.contains("\"requestId\":\"early-1\""), early);
        given().header("X-Request-Id", "early-2").get("/api/v1/x-" + "a".repeat(9000)).then().statusCode(414)
                .body("requestId", equalTo("early-2"));
        Response invalid = given().contentType(ContentType.JSON).body("{\"name\": \"\"}").header("X-Request-Id", "v-1")
                .post("/api/v1/models");
        invalid.then().statusCode(400).body("requestId", equalTo("v-1"));
        String generated = given().get("/api/v1/models").header("X-Request-Id");
        assertNotEquals(generated, given().get("/api/v1/models").header("X-Request-Id"), "a new id per request");
    }

    /** A request announcing a body past the limit, answered 413 before its body is read: the raw response head and body. */
    private String tooLarge(String path, String requestId) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: " + requestId + "\r\nContent-Length: 999999999999\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            int length = -1;
            int c;
            while ((c = in.read()) != -1) {
                response.append((char) c);
                int headEnd = response.indexOf("\r\n\r\n");
                if (headEnd >= 0 && length < 0) {
                    Matcher m = Pattern.compile("(?i)\r\ncontent-length: (\\d+)").matcher(response);
                    length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
                if (length >= 0 && response.length() >= response.indexOf("\r\n\r\n") + 4 + length) {
                    break;
                }
            }
            return response.toString();
        }
    }

    static final Pattern URI_LABEL = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void httpMetricsLabelRoutesByTemplateOnly() {
        for (int i = 0; i < 150; i++) {
            given().get("/api/v1/models/" + (7_000_000 + i)).then().statusCode(404);
            given().get("/api/v1/arenas/" + (8_000_000 + i) + "/leaderboard").then().statusCode(404);
            given().get("/api/v1/unknown-" + (9_000_000 + i)).then().statusCode(404);
            given().get("/api/v1/too-long-" + (6_000_000 + i) + "-" + "a".repeat(9000)).then().statusCode(414);
        }
        given().contentType(ContentType.JSON).body("{\"rounds\": 1}").post("/api/v1/forecasts/fit").then().statusCode(400);
        String metrics = Management.given(management).get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI_LABEL.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.contains("/api/v1/models/{id}"), uris::toString);
        assertTrue(uris.contains("/api/v1/arenas/{id}/leaderboard"), uris::toString);
        assertTrue(uris.contains("/api/v1/forecasts/fit"), uris::toString);
        for (String uri : uris) {
            assertFalse(uri.matches(".*\\d{7}.*"), () -> "a raw id in a route label: " + uri + " of " + uris);
        }
        assertTrue(uris.size() < 100, () -> uris.size() + " route labels: " + uris);
        System.out.println("HTTP metric route labels: " + uris);
        assertTrue(uris.stream().anyMatch(u -> u.contains("UNMATCHED")), () -> "requests no route matched: " + uris);
        // p95 / p99 per route, and the buckets for histogram_quantile across replicas
        assertTrue(metrics.contains("http_server_requests_seconds{") && metrics.contains("quantile=\"0.95\"")
                && metrics.contains("quantile=\"0.99\""), "p95 and p99 are exported");
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), "histogram buckets are exported");
        assertTrue(metrics.contains("augur_compute_active"));
    }
}
