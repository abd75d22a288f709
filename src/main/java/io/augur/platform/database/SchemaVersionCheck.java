package io.augur.platform.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness: the database holds the schema version this build needs ({@link #REQUIRED_VERSION}, the
 * highest migration in {@code db/migration}), read from Flyway's {@code flyway_schema_history}
 * through the reactive client: the serving process runs no Flyway and opens no JDBC connection.
 * A newer schema (a later migration applied by a newer release) also satisfies it, since the required
 * version stays in the history. Once found, the answer is kept (a schema does not go back); until then
 * every probe asks again, and each change of the answer is logged once, with what to do.
 */
@Readiness
@ApplicationScoped
public class SchemaVersionCheck implements AsyncHealthCheck {

    /** The schema version this build needs: keep equal to the highest V*__ file (SchemaVersionTest). */
    public static final String REQUIRED_VERSION = "9";
    static final String NAME = "Database schema";
    private static final Logger LOG = Logger.getLogger(SchemaVersionCheck.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;
    private volatile boolean found;
    private volatile String lastProblem;

    public SchemaVersionCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (found) {
            return Uni.createFrom().item(up());
        }
        return pool.query("SELECT to_regclass('flyway_schema_history') IS NOT NULL").execute()
                .flatMap(rows -> rows.iterator().next().getBoolean(0)
                        ? pool.query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                                .execute().map(versions -> {
                                    List<String> applied = new ArrayList<>();
                                    for (Row r : versions) {
                                        applied.add(r.getString(0));
                                    }
                                    return applied;
                                })
                        : Uni.createFrom().item(List.<String>of()))
                .ifNoItem().after(QUERY_TIMEOUT).fail()
                .map(this::judge)
                .onFailure().recoverWithItem(e -> down("database not reachable: " + e.getMessage(), null));
    }

    /**
     * Whether the schema this build needs is present (for work that must not touch tables before it is, such as
     * the job runner's timers): the readiness answer, asked again until it is yes.
     */
    public Uni<Boolean> present() {
        return found ? Uni.createFrom().item(true)
                : call().map(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    }

    private HealthCheckResponse judge(List<String> applied) {
        if (applied.contains(REQUIRED_VERSION)) {
            found = true;
            LOG.infof("Database schema version %s present: ready to serve", REQUIRED_VERSION);
            return up();
        }
        String highest = applied.stream().map(org.flywaydb.core.api.MigrationVersion::fromVersion)
                .max(Comparable::compareTo).map(Object::toString).orElse("none");
        return down("the database schema is at version " + highest + ", this build needs " + REQUIRED_VERSION
                + ": run the migrations first (`java -jar quarkus-run.jar migrate`, in Kubernetes the augur-migrate Job)",
                highest);
    }

    private HealthCheckResponse up() {
        return HealthCheckResponse.named(NAME).up().withData("version", REQUIRED_VERSION).build();
    }

    private HealthCheckResponse down(String problem, String foundVersion) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            LOG.warnf("Not ready: %s", problem);
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).down().withData("required", REQUIRED_VERSION)
                .withData("problem", problem);
        if (foundVersion != null) {
            b.withData("found", foundVersion);
        }
        return b.build();
    }
}
