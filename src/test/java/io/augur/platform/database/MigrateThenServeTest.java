package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.AugurMain;
import io.quarkus.runtime.Quarkus;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's "done when": the {@code migrate} run mode applies the migrations to a new embedded database
 * and exits 0; a second run finds nothing to do; then the service starts in serve-only mode on that
 * database (no Flyway, no JDBC pool) and becomes ready.
 */
@QuarkusMainTest
@TestProfile(MigrateThenServeTest.Profile.class)
class MigrateThenServeTest {

    static final Path DATA_DIR = Path.of("target", "augur-migrate-then-serve-" + ProcessHandle.current().pid());
    static final int PORT = freePort();
    static final int MANAGEMENT_PORT = freePort();

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("augur.data-dir", DATA_DIR.toString(),
                    "augur.database.migrate-at-start", "false",
                    "quarkus.flyway.migrations.clean-at-start", "false",
                    "quarkus.http.test-port", Integer.toString(PORT),
                    "quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT));
        }
    }

    @Test
    void migrateModeThenServeOnly(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult first = migrate(launcher);
        assertEquals(0, first.exitCode(), first::getOutput);
        assertTrue(first.getOutput().contains("Migration finished: the database schema is at version "
                + SchemaVersionCheck.REQUIRED_VERSION), first::getOutput);
        assertTrue(first.getOutput().contains("Migrations applied: 10"), first::getOutput);
        assertEquals(List.of("1", "2", "3", "4", "5", "5.1", "6", "7", "8", "9"), appliedVersions());
        // the migrate mode also creates the first admin key (here the test profile's augur.auth.bootstrap-key)
        assertTrue(first.getOutput().contains("Bootstrap admin key"), first::getOutput);

        LaunchResult again = migrate(launcher);
        assertEquals(0, again.exitCode(), again::getOutput);
        assertTrue(again.getOutput().contains("Migrations applied: 0"), again::getOutput);

        // serve-only: a watcher waits for readiness, looks at the database's sessions, then stops the service
        AtomicReference<String> ready = new AtomicReference<>();
        AtomicReference<List<String>> sessions = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread launching = Thread.currentThread();
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                ready.set(awaitReady());
                sessions.set(clientSessions());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                stopTheService(launching.getContextClassLoader());
            }
        });
        LaunchResult serve = launcher.launch();
        watcher.join();
        assertEquals(null, failure.get(), () -> "watcher failed: " + failure.get() + "\n" + serve.getOutput());
        assertEquals(0, serve.exitCode(), serve::getOutput);
        assertTrue(ready.get().contains("\"Database schema\""), ready::get);
        assertTrue(!serve.getOutput().contains("org.flywaydb"), () -> "no Flyway in serve-only mode:\n" + serve.getOutput());
        assertTrue(sessions.get().stream().noneMatch(name -> name.contains("JDBC")),
                () -> "no JDBC connection from the serving process, sessions: " + sessions.get());
        assertTrue(sessions.get().contains("vertx-pg-client"), () -> "the reactive client's session: " + sessions.get());
    }

    /**
     * Quarkus.asyncExit of the running application: the launcher runs it in its own class loader, which
     * is the launching thread's context class loader while it runs.
     */
    private static void stopTheService(ClassLoader applicationClassLoader) {
        try {
            Class.forName(Quarkus.class.getName(), true, applicationClassLoader).getMethod("asyncExit", int.class)
                    .invoke(null, 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LaunchResult migrate(QuarkusMainLauncher launcher) {
        // what AugurMain.main does before Quarkus starts (the launcher calls run(), not main())
        Map<String, String> props = AugurMain.runModeProperties(AugurMain.MIGRATE);
        props.forEach(System::setProperty);
        try {
            return launcher.launch(AugurMain.MIGRATE);
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    private static String awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("serve-only mode never became ready");
    }

    private static Connection connect() throws Exception {
        String password = Files.readString(DATA_DIR.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        String port = System.getProperty("augur.embedded-database.port." + DATA_DIR.toAbsolutePath().normalize());
        return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(Integer.parseInt(port)),
                EmbeddedDatabase.USERNAME, password);
    }

    private static List<String> appliedVersions() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select version from flyway_schema_history where success order by installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** application_name of every other client session (pgjdbc: "PostgreSQL JDBC Driver"). */
    private static List<String> clientSessions() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select application_name from pg_stat_activity"
                        + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
