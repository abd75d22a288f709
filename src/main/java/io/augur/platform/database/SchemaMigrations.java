package io.augur.platform.database;

import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
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
        String before = result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion;
        String after = result.targetSchemaVersion != null ? result.targetSchemaVersion : before;
        LOG.infof("Migrations applied: %d (schema version %s -> %s; this build needs %s)", result.migrationsExecuted,
                before, after, SchemaVersionCheck.REQUIRED_VERSION);
        boolean reached = !"none".equals(after) && MigrationVersion.fromVersion(after)
                .compareTo(MigrationVersion.fromVersion(SchemaVersionCheck.REQUIRED_VERSION)) >= 0;
        if (!result.success || !reached) {
            throw new IllegalStateException("the schema is at version " + after + " after migrating, this build needs "
                    + SchemaVersionCheck.REQUIRED_VERSION);
        }
        return after;
    }
}
