package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The embedded database keeps its data across restarts, is durable by default, and admits only the
 * service: a password from a 0600 file, 127.0.0.1 only, no Unix socket.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void secondStartFindsTheFirstStartsData() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-pg-");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, false);
                Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USERNAME, first.password());
                Statement s = c.createStatement()) {
            s.execute("create table note (id int primary key, body text)");
            s.execute("insert into note values (1, 'written by the first start')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dir, false);
                Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USERNAME, second.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select body from note where id = 1")) {
            rs.next();
            assertEquals("written by the first start", rs.getString(1));
        }
    }

    @Test
    void durableByDefaultAndReachableOnlyWithThePassword() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "secure-pg-");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            Path passwordFile = dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(passwordFile), "password file is 0600");
            assertEquals(db.password(), Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            assertTrue(db.password().length() >= 32);

            SQLException noPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USERNAME, "").close());
            assertTrue(noPassword.getMessage().contains("SCRAM"), () -> "the server asks for a password: " + noPassword);
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USERNAME, "wrong").close());
            assertEquals("28P01", wrong.getSQLState(), () -> "invalid_password: " + wrong);

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USERNAME, db.password());
                    Statement s = c.createStatement()) {
                assertEquals("on", show(s, "fsync"));
                assertEquals("on", show(s, "synchronous_commit"));
                assertEquals("on", show(s, "full_page_writes"));
                assertEquals("127.0.0.1", show(s, "listen_addresses"));
                assertEquals("", show(s, "unix_socket_directories"), "no Unix socket");
                try (ResultSet rs = s.executeQuery(
                        "select count(*) from pg_hba_file_rules where auth_method not in ('scram-sha-256', 'reject')")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "every pg_hba.conf rule asks for a password");
                }
            }
        }
        try (EmbeddedDatabase fast = EmbeddedDatabase.start(dir, false);
                Connection c = DriverManager.getConnection(fast.jdbcUrl(), EmbeddedDatabase.USERNAME, fast.password());
                Statement s = c.createStatement()) {
            assertEquals("off", show(s, "fsync"), "the opt-out for throwaway data");
            assertEquals("off", show(s, "synchronous_commit"));
        }
    }

    @Test
    void aClusterCreatedWithTrustAuthenticationGetsAPassword() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "trust-pg-");
        // a cluster as an earlier version made it: zonky's defaults, trust authentication, no password file
        try (var old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir)
                .setCleanDataDirectory(false).start();
                Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(old.getPort()),
                        EmbeddedDatabase.USERNAME, "");
                Statement s = c.createStatement()) {
            s.execute("create table kept (id int)");
        }
        assertFalse(Files.exists(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, false)) {
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USERNAME, "").close());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USERNAME, db.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from kept")) {
                assertTrue(rs.next(), "data of the old cluster kept");
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, false)) {
            assertEquals(Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip(), again.password());
            DriverManager.getConnection(again.jdbcUrl(), EmbeddedDatabase.USERNAME, again.password()).close();
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
