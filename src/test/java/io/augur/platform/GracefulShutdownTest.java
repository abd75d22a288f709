package io.augur.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's "SIGTERM ends the process within the grace period, even with work running": launches the
 * packaged application ({@code target/quarkus-app/quarkus-run.jar}, or the native runner) as its own process
 * on a temporary data directory and HTTP port 0, starts two computations that would run for minutes (a
 * Chinchilla fit with 10,000 bootstrap rounds over 4,000 points, and a Bradley-Terry leaderboard with 10,000
 * rounds over 100,000 battles), sends SIGTERM to that process, and checks that it exits, with status 0 or
 * 143, within the (test-shortened) shutdown timeout plus a margin, and that both requests got an answer (503
 * problem+json "shutting down", or their result had they finished) or a closed connection, never a hang.
 *
 * <p>Runs in {@code ./mvnw test}: the build packages the application at process-classes, before the tests
 * (see pom.xml); skipped when nothing is packaged.
 */
class GracefulShutdownTest {

    /** The test's shutdown timeout (the service's default is 20 s against a 40 s Kubernetes grace period). */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);
    /** Slack for stopping the database, the HTTP server and the JVM: a hang bound, not a speed claim. */
    static final Duration MARGIN = Duration.ofSeconds(20);
    static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:\\s]+:(\\d+)");
    static final Pattern MANAGEMENT = Pattern.compile("Management interface listening on http://[^:\\s]+:(\\d+)");
    static final Pattern ACTIVE = Pattern.compile("(?m)^augur_compute_active(?:\\{[^}]*})? ([0-9.]+)");

    @Test
    void sigtermWithComputationsRunningEndsTheProcessAndAnswersThem() throws Exception {
        List<String> app = packagedApplication();
        assumeTrue(app != null, "skipped: no packaged application (run ./mvnw verify, or package first)");
        Path dataDir = Files.createTempDirectory("augur-graceful-shutdown-");
        Path log = Path.of("target", "graceful-shutdown-it.log");
        List<String> command = new ArrayList<>();
        command.add(app.getFirst());
        command.addAll(List.of("-Daugur.data-dir=" + dataDir, "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-Dquarkus.shutdown.timeout=" + SHUTDOWN_TIMEOUT.toSeconds() + "S",
                "-Daugur.compute.time-budget=10M", "-Daugur.compute.threads=2",
                "-Daugur.auth.bootstrap-key=" + io.augur.testing.TestKeys.ADMIN));
        command.addAll(app.subList(1, app.size()));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(service, log, LISTENING);
            int managementPort = awaitPort(service, log, MANAGEMENT);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(
                    post(http, port, "/api/v1/forecasts/fit", chinchillaFit()),
                    post(http, port, "/api/v1/leaderboards/bradley-terry", bradleyTerry()));
            awaitRunning(http, managementPort, inFlight);

            service.destroy(); // SIGTERM on Linux
            Duration bound = SHUTDOWN_TIMEOUT.plus(MARGIN);
            boolean exited = service.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(exited, () -> "still running " + bound.toSeconds() + " s after SIGTERM\n" + tail(log));
            int status = service.exitValue();
            assertTrue(status == 0 || status == 143, () -> "exit status " + status + "\n" + tail(log));

            int answered503 = 0;
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                try {
                    // the process is gone, so its connections are closed: this completes at once
                    HttpResponse<String> r = request.get(30, TimeUnit.SECONDS);
                    if (r.statusCode() == 503) {
                        answered503++;
                        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""),
                                r::body);
                        assertTrue(r.body().contains("shutting down"), r::body);
                        assertTrue(r.headers().firstValue("retry-after").isPresent(), r::toString);
                    } else {
                        assertEquals(200, r.statusCode(), r::body);
                    }
                } catch (ExecutionException closed) {
                    assertTrue(closed.getCause() instanceof IOException,
                            () -> "a closed connection, not " + closed.getCause() + "\n" + tail(log));
                }
            }
            String output = Files.readString(log);
            assertJsonLogLines(log);
            assertTrue(output.contains("Shutdown: stopping"), () -> "the running computations were stopped\n"
                    + tail(log));
            assertTrue(answered503 >= 1, () -> "the stopped computations were answered 503 while their connections"
                    + " were open\n" + tail(log));
        } finally {
            if (service.isAlive()) {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            deleteQuietly(dataDir);
        }
    }

    /**
     * Issue 11: JSON logs from the first line of start-up in prod (the packaged application runs the prod
     * profile): every line the process wrote is one JSON object with a level and a message, except the JVM's own
     * warnings on stderr (before any application code runs). The start-up line names both ports.
     */
    static void assertJsonLogLines(Path log) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = Files.readAllLines(log);
        int records = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("WARNING: ")) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
            assertTrue(record.isObject() && record.has("level") && record.has("message"), line);
            records++;
        }
        assertTrue(records > 5, () -> "JSON log records: " + lines);
    }

    /** The command that runs the packaged application: java -jar quarkus-run.jar, or the native runner. */
    private static List<String> packagedApplication() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (Files.isRegularFile(jar)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return List.of(java, "-jar", jar.toString());
        }
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return List.of(nativeImage);
        }
        return null;
    }

    /** A port from the start-up log line (the service was asked for port 0): the public one or the management one. */
    static int awaitPort(Process service, Path log, Pattern line) throws Exception {
        while (service.isAlive()) {
            Matcher m = line.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        return fail("the service exited during start-up with status " + service.exitValue() + "\n" + tail(log));
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, int port, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header(io.augur.testing.TestKeys.HEADER,
                        io.augur.testing.TestKeys.ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until both requests are on the compute pool (a hang guard only: they run for minutes). */
    private static void awaitRunning(HttpClient http, int managementPort, List<CompletableFuture<HttpResponse<String>>> requests)
            throws Exception {
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/metrics")).build();
        for (int attempt = 0; attempt < 1200; attempt++) {
            if (requests.stream().anyMatch(CompletableFuture::isDone)) {
                fail("a long computation was answered before SIGTERM: " + requests.stream()
                        .filter(CompletableFuture::isDone).map(CompletableFuture::join).map(HttpResponse::body)
                        .map(b -> b.substring(0, Math.min(500, b.length()))).toList());
            }
            Matcher m = ACTIVE.matcher(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
            if (m.find() && Double.parseDouble(m.group(1)) >= 2) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the two computations never started");
    }

    /** Chinchilla loss L = E + A / N^alpha + B / D^beta (1.69, 406.4, 0.34, 410.7, 0.28) at 4,000 points, +-0.2 %. */
    static String chinchillaFit() {
        StringBuilder sb = new StringBuilder("{\"form\":\"chinchilla\",\"points\":[");
        int k = 0;
        for (int i = 0; i < 80; i++) {
            double n = Math.pow(10, 7 + 3.0 * i / 79);
            for (int j = 0; j < 50; j++) {
                double d = Math.pow(10, 9 + 3.0 * j / 49);
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (k % 2 == 0 ? 1.002 : 0.998);
                sb.append(k++ > 0 ? "," : "").append("{\"n\":").append(n).append(",\"d\":").append(d)
                        .append(",\"loss\":").append(loss).append('}');
            }
        }
        return sb.append("],\"bootstrap\":{\"rounds\":10000,\"seed\":1}}").toString();
    }

    /** 100,000 battles among 100 models (seeded), 10,000 bootstrap rounds. */
    static String bradleyTerry() {
        Random rng = new Random(8);
        StringBuilder sb = new StringBuilder("{\"battles\":[");
        for (int k = 0; k < 100_000; k++) {
            int a = rng.nextInt(100);
            int b = (a + 1 + rng.nextInt(99)) % 100;
            String outcome = rng.nextDouble() < (a + 1.0) / (a + b + 2.0) ? "a" : "b";
            sb.append(k > 0 ? "," : "").append("{\"modelA\":\"m").append(a).append("\",\"modelB\":\"m").append(b)
                    .append("\",\"outcome\":\"").append(outcome).append("\"}");
        }
        return sb.append("],\"bootstrap\":{\"rounds\":10000,\"seed\":2}}").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it up
        }
    }
}
