package io.augur.platform.database;

import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * The {@code migrate} run mode's work: applies the Flyway migrations in {@code db/migration} over the
 * JDBC datasource {@value EmbeddedDatabaseConfigSource#MIGRATIONS} and checks that the schema reached
 * {@link SchemaVersionCheck#REQUIRED_VERSION}. Looked up lazily: in a serving process that datasource
 * is inactive and Flyway is never created.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    private final Instance<Flyway> flyway;

    public SchemaMigrations(@FlywayDataSource(EmbeddedDatabaseConfigSource.MIGRATIONS) Instance<Flyway> flyway) {
        this.flyway = flyway;
    }

    /** Migrates; returns the schema version reached. Throws with a readable message when it fails. */
    public String migrate() {
        Flyway f = flyway.get();
        MigrateResult result = f.migrate();
        MigrationInfo current = f.info().current();
        String version = current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
        if (!result.success) {
            throw new IllegalStateException("Flyway reported failure; schema at version " + version);
        }
        LOG.infof("Migrations applied: %d (schema version %s -> %s; this build needs %s)", result.migrationsExecuted,
                result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, version,
                SchemaVersionCheck.REQUIRED_VERSION);
        if (f.info().applied().length == 0 || java.util.Arrays.stream(f.info().applied())
                .noneMatch(m -> m.getVersion() != null && m.getState().isApplied()
                        && SchemaVersionCheck.REQUIRED_VERSION.equals(m.getVersion().toString()))) {
            throw new IllegalStateException("after migrating, version " + SchemaVersionCheck.REQUIRED_VERSION
                    + " is not in flyway_schema_history (found " + version + ")");
        }
        return version;
    }
}
