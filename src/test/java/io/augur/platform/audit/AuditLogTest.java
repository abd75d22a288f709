package io.augur.platform.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: every write of stored data gives one JSON line on augur.audit with the request id, the
 * principal (anonymous without authentication), the method, the route template (never the raw path), the status
 * and the resource id; reads and stateless computations give none; the line is logged with the request id in
 * the MDC. And every PUT, PATCH and DELETE operation of the code base is marked {@link Audited}.
 */
@QuarkusTest
class AuditLogTest {

    final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyAll();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AuditLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(AuditLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void writesAreAuditedWithTheirRouteTemplateAndId() throws InterruptedException {
        String created = given().contentType(ContentType.JSON).header("X-Request-Id", "audit-create")
                .body("{\"name\": \"audited-model\", \"family\": \"t\"}").post("/api/v1/models").then().statusCode(201)
                .extract().path("id").toString();
        given().contentType(ContentType.JSON).header("X-Request-Id", "audit-replace")
                .body("{\"name\": \"audited-model\", \"family\": \"u\"}").put("/api/v1/models/" + created).then()
                .statusCode(200);
        given().get("/api/v1/models/" + created).then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                {"form": "power-law", "points": [{"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                 {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}], "bootstrap": {"rounds": 0}}""")
                .post("/api/v1/forecasts/fit").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Request-Id", "audit-bad").body("{\"name\": \"\"}")
                .post("/api/v1/models").then().statusCode(400);
        given().header("X-Request-Id", "audit-delete").delete("/api/v1/models/" + created).then().statusCode(204);

        List<JsonObject> lines = awaitLines(4);
        assertEquals(4, lines.size(), lines::toString);
        check(lines.get(0), "audit-create", "POST", "/api/v1/models", 201, created);
        check(lines.get(1), "audit-replace", "PUT", "/api/v1/models/{id}", 200, created);
        check(lines.get(2), "audit-bad", "POST", "/api/v1/models", 400, null);
        check(lines.get(3), "audit-delete", "DELETE", "/api/v1/models/{id}", 204, created);
        for (ExtLogRecord r : records) {
            String id = new JsonObject(r.getMessage()).getString("requestId");
            assertEquals(id, r.getMdc("requestId"), "the log record carries the request id in its MDC");
        }
    }

    private List<JsonObject> awaitLines(int expected) throws InterruptedException {
        // the line is written when the response has gone out, just after the client has read it: a hang guard only
        for (int i = 0; i < 1500 && records.size() < expected; i++) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // lets a wrongly audited read or computation show up before counting
        List<JsonObject> lines = new ArrayList<>();
        for (ExtLogRecord r : records) {
            lines.add(new JsonObject(r.getMessage()));
        }
        return lines;
    }

    private static void check(JsonObject line, String requestId, String method, String route, int status, String id) {
        assertEquals("augur", line.getString("audit"), line::encode);
        assertEquals(requestId, line.getString("requestId"), line::encode);
        // the test admin key's id (never the key itself) and its workspace
        assertTrue(line.getString("principal").matches("key:[0-9a-f-]{36} in workspace default"), line::encode);
        assertFalse(line.encode().contains(io.augur.testing.TestKeys.ADMIN), line::encode);
        assertEquals(method, line.getString("method"), line::encode);
        assertEquals(route, line.getString("route"), line::encode);
        assertEquals(status, line.getInteger("status"), line::encode);
        assertEquals(id, line.getString("resourceId"), line::encode);
        assertTrue(line.getString("time").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), line::encode);
        assertFalse(line.encode().contains("Bearer") || line.encode().contains("Authorization"), line::encode);
    }

    /** Every operation that writes by its HTTP method (PUT, PATCH, DELETE) is audited; POSTs are listed in the class comment of Audited. */
    @Test
    void everyPutPatchAndDeleteIsAudited() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method m : resource.getDeclaredMethods()) {
                boolean writes = m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(PATCH.class)
                        || m.isAnnotationPresent(DELETE.class);
                boolean reads = m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(HEAD.class)
                        || m.isAnnotationPresent(OPTIONS.class);
                if (writes && !reads && !m.isAnnotationPresent(Audited.class)
                        && !resource.isAnnotationPresent(Audited.class)) {
                    missing.add(resource.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "not audited: " + missing);
    }

    /** The JAX-RS resource classes under io.augur (compiled classes on the test's class path). */
    private static List<Class<?>> resourceClasses() throws IOException {
        URL root = AuditLog.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path classes;
        try {
            classes = Paths.get(root.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith("Resource.class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, AuditLog.class.getClassLoader());
                    if (c.isAnnotationPresent(Path.class)) {
                        found.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }
        }
        assertTrue(found.size() >= 5, () -> "resource classes found: " + found);
        return found;
    }
}
