package io.augur.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public reference data in {@code ../shared/data} beside the project (never copied into the
 * repository). Tests that need it call {@link #require(String)}, which skips the test with a clear
 * message when the folder is absent, as it is in a user's fresh clone.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The root of the shared data, from -Daugur.shared-data or ../shared/data. */
    public static Path root() {
        String override = System.getProperty("augur.shared-data");
        return (override != null ? Path.of(override) : Path.of("..", "shared", "data")).toAbsolutePath().normalize();
    }

    /** A file or folder under the shared data; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), () -> "skipped: reference data " + p
                + " is absent (it lives in ../shared/data beside the project and is not part of the repository)");
        return p;
    }
}
