package io.augur.platform.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Serve-only mode on a database nobody migrated: the service starts (no Flyway, no JDBC), but is not
 * ready, and says why; once the migrations have run (here by Flyway on the test's side, standing in for
 * the migration Job finishing while the pod waits), the next probe finds the schema and it is ready.
 */
@QuarkusTest
@TestProfile(ServeWithoutSchemaTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeWithoutSchemaTest {

    @jakarta.inject.Inject
    io.augur.platform.auth.KeyBootstrap bootstrap;

    @jakarta.inject.Inject
    io.augur.platform.jobs.JobRunner jobs;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    static final Path DATA_DIR = Path.of("target", "augur-no-schema-" + ProcessHandle.current().pid());

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("augur.data-dir", DATA_DIR.toString(), "augur.database.migrate-at-start", "false");
        }
    }

    @Test
    @Order(1)
    void notReadyWhileTheSchemaIsMissing() {
        for (int probe = 0; probe < 2; probe++) {
            Management.given(management).get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database schema' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database schema' }.data.required",
                            equalTo(SchemaVersionCheck.REQUIRED_VERSION))
                    .body("checks.find { it.name == 'Database schema' }.data.found", equalTo("none"))
                    .body("checks.find { it.name == 'Database schema' }.data.problem", containsString("migrate"));
        }
        Management.given(management).get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(1)
    void theJobRunnerLeavesTheMissingJobTableAlone() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture); // the embedded server's own log is relayed through the application's logging
        try {
            long before = jobs.ticksWithoutSchema();
            long bound = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // a hang bound, not a speed claim
            while (jobs.ticksWithoutSchema() < before + 3 && System.nanoTime() < bound) {
                Thread.sleep(50);
            }
            assertTrue(jobs.ticksWithoutSchema() >= before + 3, "the job timers ticked");
        } finally {
            root.removeHandler(capture);
        }
        // without the check each tick was an SQL error in the server's log (with its statement): one per poll
        assertTrue(lines.stream().noneMatch(l -> l.contains("relation \"job\" does not exist")),
                () -> String.join("\n", lines));
    }

    @Test
    @Order(2)
    void readyOnceTheMigrationsHaveRun() throws Exception {
        Path dir = DATA_DIR.toAbsolutePath().normalize();
        int port = Integer.parseInt(System.getProperty("augur.embedded-database.port." + dir));
        String password = Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        Flyway.configure().dataSource(EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USERNAME, password)
                .locations("classpath:db/migration").load().migrate();
        // the migration Job also creates the first admin key (AugurMain's migrate mode): the same step here
        bootstrap.ensure().await().atMost(java.time.Duration.ofSeconds(60));

        Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database schema"));
        given().get("/api/v1/models").then().statusCode(200);
    }
}
