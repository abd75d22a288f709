package io.augur.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 4: what the database or the HTTP layer refuses is answered as a problem naming the field,
 * never as a 500: unique names under concurrent creates and renames (409), NUL characters and unpaired
 * surrogates in any text (400), dates outside 0001-9999 (400), unparseable media types (415), malformed
 * multipart (400), unreadable query parameters (400), over-long URIs (414), whatever the Accept header.
 */
@QuarkusTest
class ErrorMappingTest {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    @TestHTTPResource("/")
    URL base;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends all requests at once (after a common start signal) and counts the answers per status. */
    private Map<Integer, Integer> concurrently(List<HttpRequest> requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (HttpRequest r : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(r, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> response = f.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 400) {
                    assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
                    assertTrue(response.body().contains("\"field\":\"name\""), response.body());
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest json(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json").header(io.augur.testing.TestKeys.HEADER, io.augur.testing.TestKeys.ADMIN).method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    void sixteenConcurrentCreatesOfOneNameGiveOne201AndFifteen409() throws Exception {
        for (String resource : new String[] { "models", "benchmarks" }) {
            String name = unique("race-" + resource);
            String body = resource.equals("models") ? "{\"name\":\"" + name + "\"}"
                    : "{\"name\":\"" + name + "\",\"metric\":\"accuracy\"}";
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                requests.add(json("POST", "/api/v1/" + resource, body));
            }
            Map<Integer, Integer> statuses = concurrently(requests);
            assertEquals(Map.of(201, 1, 409, 15), statuses, resource + ": " + statuses);
            given().queryParam("name", name).get("/api/v1/" + resource).then().statusCode(200)
                    .body("items.size()", equalTo(1));
        }
    }

    @Test
    void sixteenConcurrentRenamesToOneNameGiveOne200AndFifteen409() throws Exception {
        for (String resource : new String[] { "models", "benchmarks" }) {
            String target = unique("rename-" + resource);
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String own = resource.equals("models") ? "{\"name\":\"" + unique("own") + "\"}"
                        : "{\"name\":\"" + unique("own") + "\",\"metric\":\"accuracy\"}";
                String id = given().contentType(ContentType.JSON).body(own).post("/api/v1/" + resource)
                        .then().statusCode(201).extract().jsonPath().getString("id");
                String rename = resource.equals("models") ? "{\"name\":\"" + target + "\"}"
                        : "{\"name\":\"" + target + "\",\"metric\":\"accuracy\"}";
                requests.add(json("PUT", "/api/v1/" + resource + "/" + id, rename));
            }
            Map<Integer, Integer> statuses = concurrently(requests);
            assertEquals(Map.of(200, 1, 409, 15), statuses, resource + ": " + statuses);
            given().queryParam("name", target).get("/api/v1/" + resource).then().statusCode(200)
                    .body("items.size()", equalTo(1));
        }
    }

    @Test
    void nulCharactersAreRefusedInEveryKindOfText() {
        String name = unique("nul");
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\u0000b\"}").post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"))
                .body("detail", containsString("NUL"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"attributes\":{\"notes\":[1,{\"k\":\"x\\u0000\"}]}}")
                .post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("attributes.notes[1].k"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"metric\":\"acc\",\"description\":\"\\u0000\"}")
                .post("/api/v1/benchmarks")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("description"));
        given().contentType(ContentType.JSON)
                .body("[{\"model\":\"m\\u0000\",\"benchmark\":\"b\",\"value\":1}]").post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("[0].model"));
        given().contentType("text/csv").body("model,benchmark,value\nm\u0000,b,1\n").post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("model"))
                .body("errors[0].row", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\\u0000\"}").post("/api/v1/arenas")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"));
        for (String path : new String[] { "/api/v1/models?name=%00", "/api/v1/benchmarks?metric=a%00",
                "/api/v1/evaluations?family=%00" }) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType(PROBLEM)
                    .body("field", equalTo(path.substring(path.indexOf('?') + 1, path.indexOf('='))));
        }
        // an unpaired surrogate is not a Unicode character: it would be stored as '?'
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\ud800b\"}").post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"))
                .body("detail", containsString("surrogate"));
        given().queryParam("name", name).get("/api/v1/models").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void datesOutsideFourDigitYearsAreRefusedUpFront() {
        for (String date : new String[] { "+10000-01-01", "+999999-01-01", "-0001-01-01", "0000-12-31" }) {
            given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("date") + "\",\"releaseDate\":\"" + date + "\"}")
                    .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                    .body("field", equalTo("releaseDate"));
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("date") + "\",\"releaseDate\":\"9999-12-31\"}")
                .post("/api/v1/models").then().statusCode(201).body("releaseDate", equalTo("9999-12-31"));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIs415OnEveryEndpoint() {
        for (String path : new String[] { "/api/v1/models", "/api/v1/evaluations", "/api/v1/retrieval/evaluations",
                "/api/v1/retrieval/comparisons", "/api/v1/forecasts/fit", "/api/v1/arenas" }) {
            given().header("Content-Type", "garbage").body("{}".getBytes()).post(path)
                    .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
        }
    }

    @Test
    void malformedMultipartIs400() {
        for (String path : new String[] { "/api/v1/retrieval/evaluations", "/api/v1/retrieval/comparisons" }) {
            // truncated: the closing boundary never comes
            given().header("Content-Type", "multipart/form-data; boundary=XX")
                    .body("--XX\r\nContent-Disposition: form-data; name=\"qrels\"; filename=\"q\"\r\n\r\nq1 0 d1 1\r\n".getBytes())
                    .post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("/problems/malformed-multipart"));
            // a boundary other than the declared one
            given().header("Content-Type", "multipart/form-data; boundary=XX").body("--YY\r\n\r\nx\r\n--YY--\r\n".getBytes())
                    .post(path).then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void unreadableQueryParametersAre400NamingTheParameter() {
        given().get("/api/v1/models?limit=abc").then().statusCode(400).contentType(PROBLEM).body("field", equalTo("limit"));
        given().get("/api/v1/evaluations?limit=1e99").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("limit"));
        given().get("/api/v1/models?limit=0").then().statusCode(400).contentType(PROBLEM).body("field", equalTo("limit"));
        // a path id that is not a number names no resource
        given().get("/api/v1/models/abc").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void routerAnswersAreProblemsToo() throws Exception {
        given().get("/api/v1/models?name=" + "x".repeat(9000)).then().statusCode(414).contentType(PROBLEM)
                .body("status", equalTo(414)).body("detail", containsString("8192"));
        // Targets java.net.URI cannot parse (Quarkus's own check would answer them with a bodiless 400):
        // a problem naming the part, and the connection closed
        String[][] targets = { { "/api/v1/models/%zz", "path" }, { "/api/v1/models/%", "path" },
                { "/api/v1/mo[dels", "path" }, { "/api/v1/models/a|b", "path" }, { "/api/v1/models/{x}", "path" },
                { "/api/v1/models/%u1234", "path" }, { "/api/v1/models/\u0001", "path" }, { "/%zz", "path" },
                { "/q/health/live/%zz", "path" }, { "/api/v1/models?name=%zz", "query" },
                { "/api/v1/models?name=%", "query" }, { "/api/v1/models?name=%E0%A4%A", "query" },
                { "/api/v1/models?name=a\"b", "query" }, { "/api/v1/models?na%me=1", "query" } };
        for (String[] target : targets) {
            for (String method : new String[] { "GET", "POST" }) {
                String answer = RawHttp.exchange(base, method + " " + target[0] + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                assertTrue(answer.startsWith("HTTP/1.1 400"), target[0] + ": " + answer);
                assertTrue(answer.contains("Content-Type: application/problem+json"), target[0] + ": " + answer);
                assertTrue(answer.contains("\"field\":\"" + target[1] + "\""), target[0] + ": " + answer);
                assertTrue(answer.contains("is not a valid URI"), target[0] + ": " + answer);
                assertTrue(!answer.endsWith(RawHttp.STILL_OPEN), target[0] + ": connection left open");
            }
        }
        // still served: percent-encoded bytes that are no UTF-8, an encoded slash, a NUL (refused as text)
        given().get("/api/v1/models/%FF").then().statusCode(404).contentType(PROBLEM);
        given().urlEncodingEnabled(false).get("/api/v1/models?name=%FF").then().statusCode(200);
    }

    @Test
    void errorsAreProblemsWhateverTheAcceptHeader() {
        for (String accept : new String[] { "application/json", "*/*", "application/problem+json", "application/*" }) {
            given().accept(accept).contentType(ContentType.JSON).body("{\"name\":\"\"}").post("/api/v1/models")
                    .then().statusCode(400).contentType(startsWith(PROBLEM)).body("field", equalTo("name"));
        }
        // an operation that cannot produce what the client accepts says so, as a problem
        for (String accept : new String[] { "text/plain", "application/xml", "text/html", "image/png" }) {
            given().accept(accept).contentType(ContentType.JSON).body("{\"name\":\"\"}").post("/api/v1/models")
                    .then().statusCode(406).contentType(startsWith(PROBLEM)).body("status", equalTo(406));
            given().accept(accept).get("/api/v1/models/987654321").then().statusCode(406).contentType(startsWith(PROBLEM));
        }
    }

    @Test
    void databaseStatesMapToFieldsAndStatuses() {
        assertEquals("name", DatabaseProblems.fieldOf("model_name_unique", null, null));
        assertEquals("name", DatabaseProblems.fieldOf(null, null, "Key (name)=(pythia) already exists."));
        assertEquals("releaseDate", DatabaseProblems.fieldOf(null, "release_date", null));
        var unique = DatabaseProblems.classify(new io.vertx.pgclient.PgException("duplicate key", "ERROR", "23505",
                        "Key (name)=(x) already exists."));
        assertEquals(409, unique.status());
        assertEquals(503, DatabaseProblems.classify(new RuntimeException(new java.net.ConnectException("refused"))).status());
        // what the SQL client fails a query with on a connection that closed under it (seen in DatabaseOutageTest)
        assertEquals(503, DatabaseProblems.classify(new io.vertx.core.impl.NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED")).status());
        assertEquals(400, DatabaseProblems.classify(new java.sql.SQLException("bad", "22021")).status());
        assertEquals(null, DatabaseProblems.classify(new IllegalStateException("not a database failure")));
        // a client that went away is not a database outage
        assertEquals(null, DatabaseProblems.classify(new java.io.IOException(
                new io.vertx.core.http.HttpClosedException("Connection was closed"))));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsServed() throws Exception {
        String body = "{\"name\":\"chunked-" + UUID.randomUUID() + "\"}";
        String answer = RawHttp.exchange(base, "POST /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 201"), "[" + answer + "]");
    }
}
