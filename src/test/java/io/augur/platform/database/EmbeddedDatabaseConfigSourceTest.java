package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** Which datasource settings the config source supplies, without Quarkus around it. */
class EmbeddedDatabaseConfigSourceTest {

    private static List<ConfigSource> sources(Map<String, String> configured) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = configured.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return configured.keySet().iterator();
            }
        };
        List<ConfigSource> out = new ArrayList<>();
        new EmbeddedDatabaseConfigSource().getConfigSources(context).forEach(out::add);
        return out;
    }

    private static String value(List<ConfigSource> sources, String key) {
        return sources.isEmpty() ? null : sources.getFirst().getValue(key);
    }

    @Test
    void anExternalDatabaseStartsNothingAndServesWithoutJdbc() {
        List<ConfigSource> s = sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db.example:5432/augur",
                "quarkus.datasource.username", "augur", "quarkus.datasource.password", "secret"));
        assertEquals("false", value(s, "augur.database.migrate-at-start"));
        assertNull(value(s, "quarkus.datasource.migrations.jdbc.url"),
                "no JDBC URL, so the migrations datasource (and Flyway) stays inactive in a serving process");
        assertNull(value(s, "quarkus.datasource.username"),
                "no embedded server was started: credentials come from the operator");
    }

    @Test
    void theMigrateRunModeGivesFlywayItsJdbcUrlAndCredentials() {
        List<ConfigSource> s = sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db.example:5432/augur",
                "quarkus.datasource.username", "augur", "quarkus.datasource.password", "secret",
                "augur.run-mode", "migrate"));
        assertEquals("jdbc:postgresql://db.example:5432/augur", value(s, "quarkus.datasource.migrations.jdbc.url"));
        assertEquals("augur", value(s, "quarkus.datasource.migrations.username"));
        assertEquals("secret", value(s, "quarkus.datasource.migrations.password"));
        assertEquals("false", value(s, "augur.database.migrate-at-start"), "migrates once, in the run mode itself");
    }

    @Test
    void migrationCredentialsAndUrlSetByTheOperatorAreLeftAlone() {
        List<ConfigSource> s = sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db:5432/a",
                "quarkus.datasource.username", "app", "augur.run-mode", "migrate",
                "quarkus.datasource.migrations.username", "owner",
                "quarkus.datasource.migrations.jdbc.url", "jdbc:postgresql://other:5432/a"));
        assertNull(value(s, "quarkus.datasource.migrations.jdbc.url"));
        assertNull(value(s, "quarkus.datasource.migrations.username"));
    }

    @Test
    void migrateAtStartCanBeAskedForWithAnExternalDatabase() {
        List<ConfigSource> s = sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db:5432/a",
                "augur.database.migrate-at-start", "true"));
        assertEquals("jdbc:postgresql://db:5432/a", value(s, "quarkus.datasource.migrations.jdbc.url"));
    }

    @Test
    void disabledEmbeddedDatabaseStartsNothingAndMigratesNothing() {
        List<ConfigSource> s = sources(Map.of("augur.embedded-database.enabled", "false",
                "augur.data-dir", "target/never-started"));
        assertNull(value(s, "quarkus.datasource.reactive.url"));
        assertNull(value(s, "quarkus.datasource.migrations.jdbc.url"));
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("target/never-started")));
    }
}
