package io.augur.platform;

import io.augur.platform.database.SchemaMigrations;
import io.augur.platform.problem.RouteProblems;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.augur.platform.auth.KeyBootstrap;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The two run modes of the one artifact (JVM jar or native binary):
 * <ul>
 * <li>no argument: serve the API until stopped. The serving process runs no migrations (except on the
 * embedded database, which is migrated at start) and is ready only once the database holds the schema
 * version it needs.</li>
 * <li>{@code migrate}: apply the Flyway migrations and exit, 0 when the schema is at the version this
 * build needs, 1 with the reason logged otherwise; no HTTP port is opened. Used by the Kubernetes
 * Job {@code augur-migrate}. The same mode is selected by {@code augur.run-mode=migrate}.</li>
 * </ul>
 */
@QuarkusMain
public class AugurMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(AugurMain.class);
    public static final String MIGRATE = "migrate";

    @Inject
    SchemaMigrations migrations;

    @Inject
    KeyBootstrap bootstrap;

    @ConfigProperty(name = "augur.run-mode", defaultValue = "serve")
    String runMode;

    public static void main(String... args) {
        // request targets that are not URIs are answered by RouteProblems with a problem body, not by
        // Quarkus's bodiless 400 (read once, when the HTTP recorder is initialised)
        if (System.getProperty(RouteProblems.DISABLE_URI_VALIDATION) == null) {
            System.setProperty(RouteProblems.DISABLE_URI_VALIDATION, "true");
        }
        runModeProperties(args).forEach(System::setProperty);
        Quarkus.run(AugurMain.class, args);
    }

    /**
     * What the arguments set before Quarkus reads its configuration: {@code migrate} selects the run mode
     * (which activates the migrations datasource, see EmbeddedDatabaseConfigSource) and opens no HTTP
     * listener, neither the public one nor the management interface.
     */
    public static Map<String, String> runModeProperties(String... args) {
        return commands(args).equals(List.of(MIGRATE))
                ? Map.of("augur.run-mode", MIGRATE, "quarkus.http.host-enabled", "false",
                        "quarkus.management.host-enabled", "false")
                : Map.of();
    }

    /** The arguments other than -Dkey=value and -X/-XX options (a native binary may pass those on). */
    static List<String> commands(String... args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-D") && !a.startsWith("-X")).toList();
    }

    @Override
    public int run(String... args) {
        List<String> commands = commands(args);
        if (!commands.isEmpty() && !commands.equals(List.of(MIGRATE))) {
            LOG.errorf("Unknown arguments %s: run with no argument to serve, or with `migrate`", commands);
            return 2;
        }
        boolean migrate = MIGRATE.equals(runMode) || !commands.isEmpty();
        if (!migrate) {
            Quarkus.waitForExit();
            return 0;
        }
        try {
            String version = migrations.migrate();
            bootstrap.ensure().await().atMost(Duration.ofSeconds(60));
            LOG.infof("Migration finished: the database schema is at version %s", version);
            return 0;
        } catch (RuntimeException e) {
            LOG.errorf("Migration failed: %s", rootMessage(e));
            LOG.debug("Migration failure", e);
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append(": ").append(c.getMessage());
            }
        }
        return b.toString();
    }
}
