package io.augur.platform.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "Done when": a database restart in the middle of a write load gives only 2xx and 503 answers
 * (each 503 a problem with Retry-After) and loses or doubles no write. The service runs against its own
 * PostgreSQL (the same binaries as the embedded one) that the test stops and starts again on the same
 * port and data directory. The writes are idempotent by design (evaluations upsert by identity, arena
 * battles are keyed by their id), so a client retrying every 503 until it gets a 2xx must end with exactly
 * one stored row per write.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class));
        }
    }

    /** A PostgreSQL server on a fixed port and data directory, which the test can stop and start. */
    public static class StoppableDatabase implements QuarkusTestResourceLifecycleManager {
        private Path directory;
        private int port;
        private volatile EmbeddedPostgres server;

        @Override
        public Map<String, String> start() {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
                directory = Files.createTempDirectory(Path.of("target"), "outage-pg-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = startServer();
            String url = "postgresql://127.0.0.1:" + port + "/postgres";
            return Map.of("quarkus.datasource.reactive.url", url, "augur.database.migrate-at-start", "true",
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "");
        }

        private EmbeddedPostgres startServer() {
            try {
                return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                        .setPort(port).setServerConfig("listen_addresses", "127.0.0.1")
                        .setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Hands the test its stop and start controls, typed by JDK interfaces that every class loader shares. */
        @Override
        public void inject(TestInjector injector) {
            AutoCloseable stop = () -> server.close();
            Supplier<AutoCloseable> start = () -> {
                server = startServer();
                return server;
            };
            injector.injectIntoFields(stop, f -> f.getName().equals("stopDatabase"));
            injector.injectIntoFields(start, f -> f.getName().equals("startDatabase"));
        }

        @Override
        public void stop() {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestHTTPResource("/")
    URL base;

    /** Injected by {@link StoppableDatabase}. */
    AutoCloseable stopDatabase;
    Supplier<AutoCloseable> startDatabase;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();

    @Test
    void aDatabaseRestartMidLoadGivesOnly2xxAnd503AndLosesOrDoublesNothing() throws Exception {
        String model = "outage-model";
        String benchmark = "outage-benchmark";
        given().contentType("application/json").body("{\"name\":\"" + model + "\"}").post("/api/v1/models")
                .then().statusCode(201);
        given().contentType("application/json").body("{\"name\":\"" + benchmark + "\",\"metric\":\"accuracy\"}")
                .post("/api/v1/benchmarks").then().statusCode(201);
        String arena = given().contentType("application/json").body("{\"name\":\"outage-arena\"}").post("/api/v1/arenas")
                .then().statusCode(201).extract().jsonPath().getString("id");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong next = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<Long>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(workers.submit(() -> {
                long writes = 0;
                while (running.get()) {
                    long i = next.getAndIncrement();
                    writeUntilDone("/api/v1/evaluations", "[{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark
                            + "\",\"seed\":" + i + ",\"value\":" + (i % 100) / 100.0 + "}]");
                    writeUntilDone("/api/v1/arenas/" + arena + "/battles", "{\"battles\":[{\"battleId\":\"b-" + i
                            + "\",\"modelA\":\"m" + (i % 7) + "\",\"modelB\":\"m" + (i % 7 + 1) + "\",\"outcome\":\"a\"}]}");
                    writes++;
                }
                return writes;
            }));
        }
        try {
            awaitCompleted(20);
            LOG.info("stopping the database under load");
            stopDatabase.close();
            long before = unavailable.get();
            for (int i = 0; i < 600 && unavailable.get() < before + 40; i++) {
                Thread.sleep(50);
            }
            LOG.infof("starting the database again (%d answers 503 so far)", unavailable.get());
            startDatabase.get();
            awaitCompleted(completed.get() + 20);
        } finally {
            running.set(false);
        }
        long writes = 0;
        for (Future<Long> f : writers) {
            writes += f.get();
        }
        workers.shutdownNow();

        Map<Integer, Long> summary = new TreeMap<>();
        statuses.forEach((s, n) -> summary.put(s, n.get()));
        LOG.infof("outage load: %d writes of an evaluation and a battle; answers per status %s", writes, summary);
        assertTrue(violations.isEmpty(), violations.size() + " violations, first: "
                + violations.subList(0, Math.min(5, violations.size())));
        assertTrue(summary.getOrDefault(503, 0L) > 0, "the outage was seen: " + summary);
        for (int status : summary.keySet()) {
            assertTrue(status / 100 == 2 || status == 503, "status " + status + " in " + summary);
        }
        long stored = countEvaluations(model);
        assertEquals(writes, stored, "evaluations stored vs acknowledged writes");
        long battles = given().get("/api/v1/arenas/" + arena).then().statusCode(200).extract().jsonPath().getLong("battles");
        assertEquals(writes, battles, "battles stored vs acknowledged appends");
    }

    /** Sends one idempotent write until it is acknowledged, retrying each 503; records every answer. */
    private void writeUntilDone(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json").header(io.augur.testing.TestKeys.HEADER,
                        io.augur.testing.TestKeys.ADMIN).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; attempt < 1200; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            if (status / 100 == 2) {
                completed.incrementAndGet();
                return;
            }
            if (status != 503) {
                violations.add(path + " -> " + status + " " + response.body());
                return;
            }
            unavailable.incrementAndGet();
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)
                    || response.headers().firstValue("Retry-After").isEmpty()) {
                violations.add(path + " -> 503 without a problem body or Retry-After: " + response.body());
            }
            Thread.sleep(50);
        }
        violations.add(path + ": no 2xx after 1200 attempts");
    }

    private void awaitCompleted(long target) throws InterruptedException {
        for (int i = 0; i < 2400 && completed.get() < target && violations.isEmpty(); i++) {
            Thread.sleep(50);
        }
    }

    private static long countEvaluations(String model) {
        long n = 0;
        String cursor = null;
        do {
            var request = given().queryParam("model", model).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
            n += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return n;
    }
}
