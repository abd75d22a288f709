package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Data written by one start of the embedded database is read by the next start on the same directory. */
class EmbeddedDatabaseRestartTest {

    @Test
    void secondStartFindsTheFirstStartsData() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-pg-");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir);
                Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USERNAME, "");
                Statement s = c.createStatement()) {
            s.execute("create table note (id int primary key, body text)");
            s.execute("insert into note values (1, 'written by the first start')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dir);
                Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USERNAME, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select body from note where id = 1")) {
            rs.next();
            assertEquals("written by the first start", rs.getString(1));
        }
    }
}
