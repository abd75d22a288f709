package io.augur.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.AugurMain;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migrate mode against a database that is not there: exit status 1 and a line that says so. */
@QuarkusMainTest
@TestProfile(MigrateFailureTest.Profile.class)
class MigrateFailureTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("augur.embedded-database.enabled", "false",
                    // a port nothing listens on: taken and released
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + closedPort() + "/augur",
                    "quarkus.datasource.username", "augur", "quarkus.datasource.password", "x",
                    "quarkus.flyway.migrations.clean-at-start", "false",
                    "quarkus.datasource.migrations.jdbc.acquisition-timeout", "5S");
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheMigrationWithStatus1(QuarkusMainLauncher launcher) {
        Map<String, String> props = AugurMain.runModeProperties(AugurMain.MIGRATE);
        props.forEach(System::setProperty);
        LaunchResult result;
        try {
            result = launcher.launch(AugurMain.MIGRATE);
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
        assertEquals(1, result.exitCode(), result::getOutput);
        String all = result.getOutput() + result.getErrorOutput();
        assertTrue(all.contains("Migration failed:"), () -> all);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
