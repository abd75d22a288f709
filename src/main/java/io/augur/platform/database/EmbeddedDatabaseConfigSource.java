package io.augur.platform.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource settings before Quarkus creates its pools.
 * <ul>
 * <li>{@code quarkus.datasource.reactive.url} set (e.g. {@code QUARKUS_DATASOURCE_REACTIVE_URL} in
 * Kubernetes): nothing is started; only the JDBC URL Flyway migrates through is derived from it
 * when it is not set itself.</li>
 * <li>No URL and {@code augur.embedded-database.enabled} (default true): an {@link EmbeddedDatabase}
 * is started once per JVM on {@code augur.data-dir} and its URLs and credentials are supplied.</li>
 * </ul>
 * Registered in META-INF/services/io.smallrye.config.ConfigSourceFactory. The ordinal (150) sits
 * below application.properties, environment and system properties, so anything set there wins.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> supplied = new HashMap<>();
        String reactiveUrl = value(context, REACTIVE_URL);
        if (reactiveUrl != null) {
            if (value(context, JDBC_URL) == null && reactiveUrl.startsWith("postgresql://")) {
                supplied.put(JDBC_URL, "jdbc:" + reactiveUrl);
            }
        } else if (!"false".equalsIgnoreCase(value(context, "augur.embedded-database.enabled")) && !atBuildTime()) {
            int port = startOnce(dataDirectory(context));
            supplied.put(REACTIVE_URL, EmbeddedDatabase.reactiveUrl(port));
            supplied.put(JDBC_URL, EmbeddedDatabase.jdbcUrl(port));
            supplied.put("quarkus.datasource.username", EmbeddedDatabase.USERNAME);
            supplied.put("quarkus.datasource.password", "");
        }
        return supplied.isEmpty() ? List.of()
                : List.of(new PropertiesConfigSource(supplied, "augur-embedded-database", ORDINAL));
    }

    /**
     * Quarkus also builds its configuration while it augments the application (package, test and dev
     * builds) and records what it saw as runtime defaults; there is no switch to keep a factory out of
     * that phase (quarkusio/quarkus#21678), so the factory recognises it by QuarkusAugmentor on the stack
     * (dev mode and tests start the application outside it). A native image never starts the embedded server (the binaries are not in the image):
     * it needs QUARKUS_DATASOURCE_REACTIVE_URL.
     */
    static boolean atBuildTime() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return true;
        }
        return StackWalker.getInstance().walk(frames -> frames
                .anyMatch(f -> f.getClassName().equals("io.quarkus.deployment.QuarkusAugmentor")));
    }

    private static Path dataDirectory(ConfigSourceContext context) {
        String configured = value(context, "augur.data-dir");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".augur", "postgres");
        return dir.toAbsolutePath().normalize();
    }

    /**
     * One server per data directory and JVM, however often the configuration is built: Quarkus builds
     * it in more than one class loader (tests, dev mode), so the running server's port is kept in a
     * system property, which every class loader sees. The server stops when the JVM exits.
     */
    private static int startOnce(Path dataDirectory) {
        String key = "augur.embedded-database.port." + dataDirectory;
        synchronized (System.class) {
            String port = System.getProperty(key);
            if (port == null) {
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
                port = Integer.toString(db.port());
                System.setProperty(key, port);
            }
            return Integer.parseInt(port);
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue();
    }
}
