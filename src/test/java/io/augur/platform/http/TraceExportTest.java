package io.augur.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.audit.AuditLog;
import io.augur.testing.OtlpReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "OpenTelemetry traces exported over OTLP when configured": with the SDK enabled (it is off by default,
 * quarkus.otel.sdk.disabled=true) and the OTLP traces exporter pointed at a receiver the test serves itself
 * ({@link OtlpReceiver}, protocol http/protobuf), a request's server span arrives there with the service name, the
 * route template (never the raw id) and the request id; and the request's log line still carries the request id,
 * and the trace id of that very span.
 */
@QuarkusTest
@TestProfile(TraceExportTest.Tracing.class)
class TraceExportTest {

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // runtime properties in Quarkus 3.33: the SDK switch, and the batch processor's delay (5 s by default)
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100MS");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }

    @Test
    void aRequestsSpanIsExportedOverOtlpWithItsRouteAndRequestId() throws InterruptedException {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
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
        Logger audit = Logger.getLogger(AuditLog.CATEGORY);
        audit.addHandler(capture);
        String id;
        try {
            id = given().contentType(ContentType.JSON).header("X-Request-Id", "traced-create-1")
                    .body("{\"name\": \"traced-model\", \"family\": \"t\"}").post("/api/v1/models").then().statusCode(201)
                    .extract().path("id").toString();
        } finally {
            audit.removeHandler(capture);
        }
        given().header("X-Request-Id", "traced-get-1").get("/api/v1/models/" + id).then().statusCode(200);

        // the write's audit line: logged with the request id, and the trace id of the request's span
        ExtLogRecord line = records.stream().filter(r -> r.getMessage().contains("traced-create-1")).findFirst()
                .orElseThrow(() -> new AssertionError("no audit line for the traced write: " + records));
        assertEquals("traced-create-1", line.getMdc(io.augur.platform.http.RequestIds.MDC_KEY), line.getMdcCopy()::toString);
        String traceId = line.getMdc("traceId");
        assertNotNull(traceId, () -> "no trace id in the log line's MDC: " + line.getMdcCopy());

        byte[] created = awaitExport("traced-create-1");
        assertTrue(contains(created, HexFormat.of().parseHex(traceId)), "the log line's trace id is the span's");
        assertTrue(contains(created, utf8("augur")), "the service name");
        assertTrue(contains(created, utf8("/api/v1/models")), "the route");

        byte[] read = awaitExport("traced-get-1");
        assertTrue(contains(read, utf8("GET /api/v1/models/{id}")), "the span is named by the route template");
    }

    /**
     * Waits until an export holding {@code requestId} has arrived (the batch processor exports every 100 ms); the
     * two minutes are a hang bound, not a speed claim.
     */
    private static byte[] awaitExport(String requestId) throws InterruptedException {
        byte[] wanted = utf8(requestId);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            for (byte[] export : OtlpReceiver.exports()) {
                if (contains(export, wanted)) {
                    return export;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no span with request id " + requestId + " exported in " + OtlpReceiver.exports().size()
                + " export(s)");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code needle} occurs in {@code haystack} (protobuf keeps strings and ids as raw bytes). */
    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
