package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** The schema version the serving process waits for is the highest migration the build ships. */
class SchemaVersionTest {

    @Test
    void requiredVersionIsTheHighestMigration() throws IOException {
        MigrationVersion highest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            highest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .max(Comparable::compareTo).orElseThrow();
        }
        assertEquals(highest, MigrationVersion.fromVersion(SchemaVersionCheck.REQUIRED_VERSION),
                "SchemaVersionCheck.REQUIRED_VERSION must name the newest migration in db/migration");
    }
}
