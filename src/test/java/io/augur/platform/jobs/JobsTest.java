package io.augur.platform.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.testing.Patient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous jobs end to end: a large Bradley-Terry bootstrap as a job with progress read from the SSE
 * stream, the same result as the synchronous call, a stored arena of 2,000,000 battles ranked with 10,000 rounds
 * as a job (getArenaLeaderboard, a GET whose job body carries its query parameters), Prefer: respond-async,
 * cancellation (queued and running),
 * bad submissions, expiry, and recovery of a job whose replica died (a stale lease, simulated in the table).
 */
@QuarkusTest
class JobsTest {

    static final Logger LOG = Logger.getLogger(JobsTest.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM = "application/problem+json";
    static final String BT = "/api/v1/leaderboards/bradley-terry";

    @TestHTTPResource("/")
    URL base;

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    /**
     * {@code n} battles among {@code models} models of strengths 1/(1+i), a fifth of them ties, as a JSON array;
     * deterministic given the seed. Model names are short so that the most battles fit the 16M body limit.
     */
    static String battles(int n, int models, long seed) {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder(n * 48).append('[');
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(models);
            int j = rng.nextInt(models - 1);
            j = j >= i ? j + 1 : j;
            double si = 1.0 / (1 + i);
            double sj = 1.0 / (1 + j);
            double u = rng.nextDouble();
            String outcome = u < 0.2 ? "tie" : u < 0.2 + 0.8 * si / (si + sj) ? "a" : "b";
            sb.append(k > 0 ? "," : "").append("{\"modelA\":\"m").append(i).append("\",\"modelB\":\"m").append(j)
                    .append("\",\"outcome\":\"").append(outcome).append("\"}");
        }
        return sb.append(']').toString();
    }

    static String btBody(String battles, int rounds, long seed) {
        return "{\"battles\":" + battles + ",\"bootstrap\":{\"rounds\":" + rounds + ",\"seed\":" + seed + "}}";
    }

    static String job(String operation, String body) {
        return "{\"operation\":\"" + operation + "\",\"body\":" + body + "}";
    }

    static String submit(String operation, String body) {
        return given().contentType(ContentType.JSON).body(job(operation, body)).post("/api/v1/jobs").then()
                .statusCode(202).header("Location", containsString("/api/v1/jobs/"))
                .body("operation", equalTo(operation)).body("status", equalTo("queued"))
                .extract().path("id");
    }

    static JsonNode status(String id) throws Exception {
        return JSON.readTree(given().get("/api/v1/jobs/" + id).then().statusCode(200).extract().asString());
    }

    /** Polls the job until {@code until} (a status) or a final status; fails after 5 minutes. */
    static JsonNode await(String id, String... until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = status(id);
            String st = s.get("status").asText();
            if (List.of(until).contains(st) || st.equals("succeeded") || st.equals("failed") || st.equals("cancelled")) {
                return s;
            }
            Thread.sleep(100);
        }
        return fail("job " + id + " did not reach " + List.of(until));
    }

    static String sync(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(200).extract().asString();
    }

    static String result(String id) {
        return given().get("/api/v1/jobs/" + id + "/result").then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
    }

    record Event(String name, JsonNode data) {
    }

    /** Reads the job's SSE stream to its end (the server ends it after the final status). */
    List<Event> events(String id) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .header(io.augur.testing.TestKeys.HEADER, io.augur.testing.TestKeys.ADMIN).GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Event> out = new ArrayList<>();
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && !data.isEmpty()) {
                out.add(new Event(name, JSON.readTree(data.toString())));
                name = null;
                data.setLength(0);
            }
        }
        return out;
    }

    @Test
    void aLargeBradleyTerryBootstrapRunsAsAJobWithProgressEvents() throws Exception {
        // 300,000 battles among 60 models (14 MB of JSON, near the 16M body limit: the largest inline input),
        // 10,000 bootstrap rounds: several seconds of work on 2 cores, more than a request should wait for
        String battles = battles(300_000, 60, 20261126L);
        String body = btBody(battles, 10_000, 11);
        assertTrue(body.length() > 12_000_000 && body.length() < 16_000_000, "body of " + body.length() + " bytes");
        String id = submit("computeBradleyTerryLeaderboard", body);

        List<Event> events = events(id);
        Event last = events.getLast();
        assertEquals("succeeded", last.name(), () -> "events: " + events);
        assertEquals("succeeded", last.data().get("status").asText());
        assertRoundsProgressed(events, 10_000);
        JsonNode board = JSON.readTree(result(id));
        assertEquals(60, board.get("entries").size());
        assertEquals(300_000, board.get("observations").asLong());
        assertEquals(10_000, board.get("bootstrap").get("rounds").asInt());
        assertEquals(11, board.get("bootstrap").get("seed").asLong());
        assertEquals("m0", board.get("entries").get(0).get("model").asText(), "the strongest model leads");
        JsonNode done = status(id);
        assertEquals("/api/v1/jobs/" + id + "/result", done.get("result").asText());
        assertTrue(done.hasNonNull("expiresAt") && done.hasNonNull("finishedAt") && done.hasNonNull("startedAt"));
    }

    /**
     * {@code n} battles as a gzip CSV file (model_a, model_b, winner; no ids, so the arena derives them from
     * positions), drawn as {@link #battles} draws them; written as they are drawn, so memory stays small.
     */
    static Path battleFile(int n, int models, long seed) throws IOException {
        Path file = Files.createTempFile("augur-battles-", ".csv.gz");
        Random rng = new Random(seed);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("model_a,model_b,winner\n");
            for (int k = 0; k < n; k++) {
                int i = rng.nextInt(models);
                int j = rng.nextInt(models - 1);
                j = j >= i ? j + 1 : j;
                double si = 1.0 / (1 + i);
                double sj = 1.0 / (1 + j);
                double u = rng.nextDouble();
                String winner = u < 0.2 ? "tie" : u < 0.2 + 0.8 * si / (si + sj) ? "model_a" : "model_b";
                w.write("m" + i + ",m" + j + "," + winner + "\n");
            }
        }
        return file;
    }

    @Test
    void aStoredArenasLeaderboardOverTwoMillionBattlesRunsAsAJob() throws Exception {
        // issue 13: a 10,000-round Bradley-Terry bootstrap over 2,000,000 battles as a job, with progress events,
        // giving the synchronous call's answer. The battles go into a stored arena as one gzip CSV upload.
        String arena = given().contentType(ContentType.JSON).body("{\"name\":\"jobs-2m-" + UUID.randomUUID() + "\"}")
                .post("/api/v1/arenas").then().statusCode(201).extract().jsonPath().getString("id");
        // 60 models: 1,770 pairs, so that 10,000 rounds take long enough for progress events to show them running
        Path file = battleFile(2_000_000, 60, 20261126L);
        try {
            long start = System.nanoTime();
            given().config(Patient.CONFIG).multiPart("file", file.toFile(), "application/gzip")
                    .post("/api/v1/arenas/" + arena + "/battles/file")
                    .then().statusCode(200).body("received", equalTo(2_000_000)).body("added", equalTo(2_000_000));
            LOG.infof("2,000,000 battles (%d bytes gzip) uploaded into arena %s in %d ms", Files.size(file), arena,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            Files.deleteIfExists(file);
        }
        given().get("/api/v1/arenas/" + arena).then().statusCode(200).body("battles", equalTo(2_000_000));

        String settings = "\"rounds\":10000,\"seed\":13,\"level\":0.9";
        long start = System.nanoTime();
        String id = submit("getArenaLeaderboard", "{\"arena\":\"" + arena + "\"," + settings + "}");
        List<Event> events = events(id);
        LOG.infof("10,000-round job over the arena ran in %d ms", (System.nanoTime() - start) / 1_000_000);
        Event last = events.getLast();
        assertEquals("succeeded", last.name(), () -> "events: " + events);
        assertRoundsProgressed(events, 10_000);
        JsonNode board = JSON.readTree(result(id));
        assertEquals(2_000_000, board.get("observations").asLong());
        assertEquals(60, board.get("entries").size());
        assertEquals("m0", board.get("entries").get(0).get("model").asText(), "the strongest model leads");
        assertEquals(10_000, board.get("bootstrap").get("rounds").asInt());
        assertEquals(13, board.get("bootstrap").get("seed").asLong());
        assertEquals(0.9, board.get("bootstrap").get("level").asDouble());

        // the synchronous GET with the same settings gives the same answer, to the last digit (seeded)
        start = System.nanoTime();
        String sync = given().get("/api/v1/arenas/" + arena + "/leaderboard?rounds=10000&seed=13&level=0.9").then()
                .statusCode(200).extract().asString();
        LOG.infof("the synchronous 10,000-round GET took %d ms", (System.nanoTime() - start) / 1_000_000);
        assertEquals(JSON.readTree(sync), board);

        // the plot as a job draws the same leaderboard, every model labelled
        String plot = submit("plotArenaLeaderboard", "{\"arena\":\"" + arena + "\",\"rounds\":200,\"seed\":13}");
        assertEquals("succeeded", await(plot).get("status").asText());
        String svg = given().get("/api/v1/jobs/" + plot + "/result").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        assertEquals(given().accept("image/svg+xml").get("/api/v1/arenas/" + arena + "/leaderboard/plot?rounds=200&seed=13")
                .then().statusCode(200).extract().asString(), svg);
        assertTrue(svg.contains("#1 m0<") && svg.contains(" m59<"), "the plot labels the models, the strongest first");

        // bad bodies are 400s naming the field inside the job request, at submission
        given().contentType(ContentType.JSON).body(job("getArenaLeaderboard", "{\"arena\":\"" + arena + "\",\"rounds\":1}"))
                .post("/api/v1/jobs").then().statusCode(400).contentType(PROBLEM).body("field", equalTo("body.rounds"));
        given().contentType(ContentType.JSON).body(job("getArenaLeaderboard", "{\"rounds\":100}"))
                .post("/api/v1/jobs").then().statusCode(400).contentType(PROBLEM).body("field", equalTo("body.arena"));
        // an arena that does not exist: the job fails with the GET's 404
        JsonNode missing = await(submit("getArenaLeaderboard", "{\"arena\":\"" + UUID.randomUUID() + "\"}"));
        assertEquals("failed", missing.get("status").asText());
        assertEquals(404, missing.get("problem").get("status").asInt());
    }

    @Test
    void aJobGivesTheSynchronousAnswer() throws Exception {
        String body = btBody(battles(20_000, 12, 5), 1000, 3);
        String id = submit("computeBradleyTerryLeaderboard", body);
        assertEquals("succeeded", await(id).get("status").asText());
        assertEquals(JSON.readTree(sync(BT, body)), JSON.readTree(result(id)));

        // a score-table bootstrap (rliable-style aggregates) reports its rounds too, and equals the synchronous call
        StringBuilder scores = new StringBuilder("{\"scores\":[");
        Random rng = new Random(9);
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 5; t++) {
                for (int r = 0; r < 4; r++) {
                    scores.append(s + t + r > 0 ? "," : "").append("{\"system\":\"s").append(s).append("\",\"task\":\"t")
                            .append(t).append("\",\"run\":\"").append(r).append("\",\"value\":")
                            .append(0.3 * s + rng.nextDouble()).append('}');
                }
            }
        }
        String aggregates = scores.append("],\"bootstrap\":{\"rounds\":500,\"seed\":4}}").toString();
        String agg = submit("computeScoreTableAggregates", aggregates);
        JsonNode done = await(agg);
        assertEquals("succeeded", done.get("status").asText(), done::toString);
        assertEquals(500, done.get("progress").get("done").asLong());
        assertEquals(JSON.readTree(sync("/api/v1/score-tables/aggregates", aggregates)), JSON.readTree(result(agg)));
    }

    @Test
    void preferRespondAsyncOnTheEndpointSubmitsAJob() throws Exception {
        String body = btBody(battles(5_000, 8, 7), 200, 5);
        Response accepted = given().contentType(ContentType.JSON).header("Prefer", "respond-async, wait=10").body(body)
                .post(BT);
        accepted.then().statusCode(202).header("Preference-Applied", equalTo("respond-async"))
                .header("Location", startsWith("/api/v1/jobs/")).body("operation", equalTo("computeBradleyTerryLeaderboard"));
        String id = accepted.path("id");
        assertEquals("succeeded", await(id).get("status").asText());
        assertEquals(JSON.readTree(sync(BT, body)), JSON.readTree(result(id)));
        // an invalid body is the endpoint's own 400, at submission
        given().contentType(ContentType.JSON).header("Prefer", "respond-async").body("{\"battles\":[{\"modelA\":\"\","
                + "\"modelB\":\"y\",\"outcome\":\"a\"}]}").post(BT).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("battles[0].modelA"));
        // without the preference the endpoint answers at once, as always
        given().contentType(ContentType.JSON).body(body).post(BT).then().statusCode(200);
    }

    @Test
    void badSubmissionsAre400sNamingTheField() {
        given().contentType(ContentType.JSON).body(job("computeNothing", "{}")).post("/api/v1/jobs").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("operation"))
                .body("detail", containsString("computeBradleyTerryLeaderboard"));
        given().contentType(ContentType.JSON).body(job("computeBradleyTerryLeaderboard",
                "{\"battles\":[{\"modelA\":\"\",\"modelB\":\"y\",\"outcome\":\"a\"}]}")).post("/api/v1/jobs").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("body.battles[0].modelA"))
                .body("errors[0].field", equalTo("body.battles[0].modelA"));
        given().contentType(ContentType.JSON).body(job("computeBradleyTerryLeaderboard",
                "{\"battles\":[], \"colour\": 1}")).post("/api/v1/jobs").then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("body.colour"));
        given().contentType(ContentType.JSON).body("{\"operation\":\"computeBradleyTerryLeaderboard\"}").post("/api/v1/jobs")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("body"));
        given().get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/jobs/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aJobThatFailsCarriesTheSynchronousProblem() throws Exception {
        // an unknown outcome passes the cheap check at submission (the body is well-formed) and fails the job with
        // the problem the synchronous call answers, naming the field
        String unknownOutcome = "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"maybe\"}]}";
        JsonNode syncProblem = JSON.readTree(given().contentType(ContentType.JSON).body(unknownOutcome).post(BT).then()
                .statusCode(400).extract().asString());
        JsonNode outcome = await(submit("computeBradleyTerryLeaderboard", unknownOutcome));
        assertEquals("failed", outcome.get("status").asText());
        assertEquals(syncProblem.get("field"), outcome.get("problem").get("field"));
        assertEquals(syncProblem.get("detail"), outcome.get("problem").get("detail"));

        // a model that never lost: the synchronous call is a 400 problem listing it; cheap validation cannot see it
        String body = "{\"battles\":[{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"},"
                + "{\"modelA\":\"x\",\"modelB\":\"y\",\"outcome\":\"a\"}]}";
        String problem = given().contentType(ContentType.JSON).body(body).post(BT).then().statusCode(400).extract().asString();
        String id = submit("computeBradleyTerryLeaderboard", body);
        JsonNode failed = await(id);
        assertEquals("failed", failed.get("status").asText());
        assertEquals(400, failed.get("problem").get("status").asInt());
        JsonNode sync = JSON.readTree(problem);
        assertEquals(sync.get("detail"), failed.get("problem").get("detail"));
        given().get("/api/v1/jobs/" + id + "/result").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo(sync.get("detail").asText()));
    }

    @Test
    void cancellingStopsAQueuedAndARunningJob() throws Exception {
        String big = btBody(battles(20_000, 60, 1), 10_000, 1);
        // fill every job slot of this replica, so that one more job waits in the queue
        List<String> running = new ArrayList<>();
        for (int k = 0; k < runner.slots(); k++) {
            running.add(submit("computeBradleyTerryLeaderboard", big));
        }
        for (String id : running) {
            assertEquals("running", await(id, "running").get("status").asText());
        }
        String queued = submit("computeBradleyTerryLeaderboard", big);
        given().delete("/api/v1/jobs/" + queued).then().statusCode(200).body("status", equalTo("cancelled"))
                .body("problem.type", equalTo("/problems/job-cancelled"));
        for (String id : running) {
            given().delete("/api/v1/jobs/" + id).then().statusCode(200).body("cancelRequested", equalTo(true));
        }
        for (String id : running) {
            JsonNode stopped = await(id);
            assertEquals("cancelled", stopped.get("status").asText(), stopped::toString);
            assertTrue(stopped.get("progress").get("done").asLong() < 10_000, stopped::toString);
            given().get("/api/v1/jobs/" + id + "/result").then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("/problems/job-cancelled"));
        }
        String done = running.getFirst();
        // cancelling a finished job leaves it as it is
        given().delete("/api/v1/jobs/" + done).then().statusCode(200).body("status", equalTo("cancelled"));
        given().delete("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anExpiredResultIsGoneThenPurged() throws Exception {
        String id = submit("computeBradleyTerryLeaderboard", btBody(battles(1_000, 5, 2), 100, 2));
        assertEquals("succeeded", await(id).get("status").asText());
        result(id);
        // as if augur.jobs.retention (24 h) had passed since it finished: the result is gone, the record stays
        sql("update job set expires_at = now() - interval '1 hour' where id = $1", UUID.fromString(id));
        given().get("/api/v1/jobs/" + id + "/result").then().statusCode(410).contentType(PROBLEM)
                .body("detail", containsString("augur.jobs.retention"));
        runner.sweep().await().atMost(Duration.ofSeconds(30));
        given().get("/api/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("succeeded"));
        // and one retention later the record is deleted
        sql("update job set expires_at = now() - interval '49 hours' where id = $1", UUID.fromString(id));
        runner.sweep().await().atMost(Duration.ofSeconds(30));
        given().get("/api/v1/jobs/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("augur.jobs.retention"));
    }

    @Test
    void aJobWhoseReplicaDiedRunsAgainThenFailsAfterMaxAttempts() throws Exception {
        String body = btBody(battles(2_000, 6, 4), 200, 8);
        // a job that a dead replica claimed an hour ago and never renewed: the sweep queues it again and it runs here
        UUID again = UUID.randomUUID();
        sql("insert into job (id, operation, status, body, body_type, body_sha256, attempts, owner, heartbeat_at, started_at,"
                + " workspace_id) values ($1, 'computeBradleyTerryLeaderboard', 'running', $2, 'application/json', 'x', 1,"
                + " 'dead-replica', now() - interval '1 hour', now() - interval '1 hour',"
                + " (select id from workspace where name = 'default'))", again,
                io.vertx.core.buffer.Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
        // the same, already attempted max-attempts (2) times: it is failed with a problem saying why
        UUID lost = UUID.randomUUID();
        sql("insert into job (id, operation, status, body, body_type, body_sha256, attempts, owner, heartbeat_at, started_at,"
                + " workspace_id) values ($1, 'computeBradleyTerryLeaderboard', 'running', $2, 'application/json', 'x', 2,"
                + " 'dead-replica', now() - interval '1 hour', now() - interval '1 hour',"
                + " (select id from workspace where name = 'default'))", lost,
                io.vertx.core.buffer.Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
        // the sweep runs on every heartbeat of every replica; run one now rather than wait for it
        runner.sweep().await().atMost(Duration.ofSeconds(30));
        JsonNode failed = await(lost.toString());
        assertEquals("failed", failed.get("status").asText());
        assertEquals("/problems/job-lost", failed.get("problem").get("type").asText());
        assertTrue(failed.get("problem").get("detail").asText().contains("augur.jobs.max-attempts"));
        JsonNode rerun = await(again.toString());
        assertEquals("succeeded", rerun.get("status").asText(), rerun::toString);
        assertEquals(2, rerun.get("attempts").asInt());
        assertEquals(JSON.readTree(sync(BT, body)), JSON.readTree(result(again.toString())));
        // a live job's lease is renewed, so a sweep leaves it alone
        assertFalse(status(again.toString()).get("status").asText().equals("queued"));
    }

    @Test
    void theTimeBudgetProblemPointsToTheJobApi() {
        // the 503's advice names the real API; checked on the message the pool builds
        String detail = io.augur.platform.compute.ComputePool.jobBudgetSpent(Duration.ofHours(1)).getMessage();
        assertTrue(detail.contains("augur.jobs.time-budget"), detail);
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(30));
    }

    /**
     * A job's event stream for a bootstrap of {@code rounds}: the last event reports rounds done = total = rounds,
     * progress was reported while it ran, and never went back.
     */
    private static void assertRoundsProgressed(List<Event> events, long rounds) {
        JsonNode progress = events.getLast().data().get("progress");
        assertEquals("rounds", progress.get("unit").asText());
        assertEquals(rounds, progress.get("done").asLong());
        assertEquals(rounds, progress.get("total").asLong());
        assertTrue(events.stream().anyMatch(e -> e.name().equals("progress") && e.data().get("status").asText().equals("running")
                && e.data().get("progress").get("total").asLong() == rounds
                && e.data().get("progress").get("done").asLong() < rounds), () -> "events: " + events);
        long previous = -1;
        for (Event e : events) {
            JsonNode p = e.data().get("progress");
            if (p.get("total").asLong() == rounds) {
                assertTrue(p.get("done").asLong() >= previous, () -> "progress went back: " + events);
                previous = p.get("done").asLong();
            }
        }
    }
}
