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

    @Test
    void anExternalDatabaseStartsNothingAndGivesFlywayItsJdbcUrl() {
        List<ConfigSource> s = sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db.example:5432/augur"));
        assertEquals(1, s.size());
        assertEquals("jdbc:postgresql://db.example:5432/augur", s.getFirst().getValue("quarkus.datasource.jdbc.url"));
        assertNull(s.getFirst().getValue("quarkus.datasource.username"),
                "no embedded server was started: credentials come from the operator");
    }

    @Test
    void anExplicitJdbcUrlIsLeftAlone() {
        assertTrue(sources(Map.of("quarkus.datasource.reactive.url", "postgresql://db:5432/a",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://other:5432/a")).isEmpty());
    }

    @Test
    void disabledEmbeddedDatabaseSuppliesNothing() {
        assertTrue(sources(Map.of("augur.embedded-database.enabled", "false",
                "augur.data-dir", "target/never-started")).isEmpty());
    }
}
