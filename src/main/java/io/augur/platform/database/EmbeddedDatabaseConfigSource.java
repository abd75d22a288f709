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
 * Supplies the datasource settings before Quarkus creates its clients.
 * <ul>
 * <li>{@code quarkus.datasource.reactive.url} set (e.g. {@code QUARKUS_DATASOURCE_REACTIVE_URL} in
 * Kubernetes): nothing is started, and migrations are off unless asked for.</li>
 * <li>No URL and {@code augur.embedded-database.enabled} (default true): an {@link EmbeddedDatabase}
 * is started once per JVM on {@code augur.data-dir} (durable unless
 * {@code augur.embedded-database.durable=false}) and its URL and credentials are supplied; it is
 * migrated at start ({@code augur.database.migrate-at-start} defaults to true here).</li>
 * </ul>
 * The JDBC datasource {@value #MIGRATIONS} that Flyway uses gets a URL, and so becomes active, only in
 * a process that migrates: the {@code migrate} run mode ({@code augur.run-mode=migrate}, see
 * {@code io.augur.platform.AugurMain}) or {@code augur.database.migrate-at-start=true}. A serving
 * process otherwise has no JDBC pool at all. The JDBC URL is derived from the reactive one, the
 * credentials from {@code quarkus.datasource.username/password}; each can be set itself
 * ({@code quarkus.datasource.migrations.jdbc.url}, {@code .username}, {@code .password}), e.g. for a
 * migration user with DDL rights.
 * <p>
 * Registered in META-INF/services/io.smallrye.config.ConfigSourceFactory. The ordinal (150) sits
 * below application.properties, environment and system properties, so anything set there wins.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSourceFactory {

    /** The name of the JDBC datasource only Flyway uses. */
    public static final String MIGRATIONS = "migrations";
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String MIGRATIONS_JDBC_URL = "quarkus.datasource." + MIGRATIONS + ".jdbc.url";
    static final String MIGRATE_AT_START = "augur.database.migrate-at-start";
    static final String RUN_MODE = "augur.run-mode";
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (atBuildTime()) {
            return List.of(); // what it supplied here would be recorded as runtime defaults
        }
        boolean mayStartEmbedded = !nativeImage();
        Map<String, String> supplied = new HashMap<>();
        String reactiveUrl = value(context, REACTIVE_URL);
        String username = value(context, "quarkus.datasource.username");
        String password = value(context, "quarkus.datasource.password");
        boolean embedded = false;
        if (reactiveUrl == null && mayStartEmbedded
                && !"false".equalsIgnoreCase(value(context, "augur.embedded-database.enabled"))) {
            boolean durable = !"false".equalsIgnoreCase(value(context, "augur.embedded-database.durable"));
            Path dataDirectory = dataDirectory(context);
            int port = startOnce(dataDirectory, durable);
            embedded = true;
            reactiveUrl = EmbeddedDatabase.reactiveUrl(port);
            username = EmbeddedDatabase.USERNAME;
            password = System.getProperty(passwordKey(dataDirectory));
            supplied.put(REACTIVE_URL, reactiveUrl);
            supplied.put("quarkus.datasource.username", username);
            supplied.put("quarkus.datasource.password", password);
        }
        boolean migrateMode = "migrate".equals(value(context, RUN_MODE));
        String migrateAtStart = value(context, MIGRATE_AT_START);
        if (migrateAtStart == null) {
            // the migrate run mode migrates once, itself, after start
            migrateAtStart = Boolean.toString(embedded && !migrateMode);
            supplied.put(MIGRATE_AT_START, migrateAtStart);
        }
        boolean migrates = migrateMode || Boolean.parseBoolean(migrateAtStart);
        if (migrates && reactiveUrl != null && value(context, MIGRATIONS_JDBC_URL) == null
                && reactiveUrl.startsWith("postgresql://")) {
            supplied.put(MIGRATIONS_JDBC_URL, "jdbc:" + reactiveUrl);
            putIfAbsent(context, supplied, "quarkus.datasource." + MIGRATIONS + ".username", username);
            putIfAbsent(context, supplied, "quarkus.datasource." + MIGRATIONS + ".password", password);
        }
        return supplied.isEmpty() ? List.of()
                : List.of(new PropertiesConfigSource(supplied, "augur-embedded-database", ORDINAL));
    }

    private static void putIfAbsent(ConfigSourceContext context, Map<String, String> supplied, String key,
            String value) {
        if (value != null && value(context, key) == null) {
            supplied.put(key, value);
        }
    }

    /**
     * Quarkus also builds its configuration while it augments the application (package, test and dev
     * builds) and records what it saw as runtime defaults; there is no switch to keep a factory out of
     * that phase (quarkusio/quarkus#21678), so the factory recognises it by QuarkusAugmentor on the stack
     * (dev mode and tests start the application outside it), and the native-image build by GraalVM's
     * {@code org.graalvm.nativeimage.imagecode=buildtime}.
     */
    static boolean atBuildTime() {
        if ("buildtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
            return true;
        }
        return StackWalker.getInstance().walk(frames -> frames
                .anyMatch(f -> f.getClassName().equals("io.quarkus.deployment.QuarkusAugmentor")));
    }

    /**
     * A native binary never starts the embedded server (its binaries are not in the image): it needs
     * QUARKUS_DATASOURCE_REACTIVE_URL; the migrations datasource is still derived from it here.
     */
    static boolean nativeImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }

    private static Path dataDirectory(ConfigSourceContext context) {
        String configured = value(context, "augur.data-dir");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".augur", "postgres");
        return dir.toAbsolutePath().normalize();
    }

    private static String passwordKey(Path dataDirectory) {
        return "augur.embedded-database.password." + dataDirectory;
    }

    /**
     * One server per data directory and JVM, however often the configuration is built: Quarkus builds
     * it in more than one class loader (tests, dev mode), so the running server's port (and password)
     * is kept in a system property, which every class loader sees. The server stops when the JVM exits.
     */
    private static int startOnce(Path dataDirectory, boolean durable) {
        String key = "augur.embedded-database.port." + dataDirectory;
        synchronized (System.class) {
            String port = System.getProperty(key);
            if (port == null) {
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory, durable);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
                port = Integer.toString(db.port());
                System.setProperty(passwordKey(dataDirectory), db.password());
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
