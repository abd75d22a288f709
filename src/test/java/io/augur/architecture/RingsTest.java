package io.augur.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's three rings, checked on the sources: engine packages ({@code io.augur.*.engine} and
 * {@code io.augur.stats}) import no framework, no JSON, no database and nothing of the api or store
 * rings; store packages import nothing of the api ring.
 */
class RingsTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "augur");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> FORBIDDEN_IN_ENGINE = List.of("io.quarkus", "io.vertx", "io.smallrye",
            "jakarta.", "javax.", "com.fasterxml", "org.hibernate", "java.sql", "org.jboss", "io.micrometer",
            "org.eclipse.microprofile", "io.augur.platform");

    @Test
    void enginesArePureJava() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (!(pkg.contains(".engine") || pkg.startsWith("io.augur.stats"))) {
                continue;
            }
            for (String imported : imports(file)) {
                boolean framework = FORBIDDEN_IN_ENGINE.stream().anyMatch(imported::startsWith);
                boolean outerRing = imported.matches("io\\.augur\\.\\w+\\.(api|store)\\..*");
                if (framework || outerRing) {
                    violations.add(MAIN.relativize(file) + " imports " + imported);
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "engine ring depends outward: " + violations);
    }

    @Test
    void storesDoNotDependOnTheApi() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!packageOf(file).contains(".store")) {
                continue;
            }
            for (String imported : imports(file)) {
                if (imported.matches("io\\.augur\\.\\w+\\.api\\..*")) {
                    violations.add(MAIN.relativize(file) + " imports " + imported);
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "store ring depends on the api: " + violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(Path file) {
        return MAIN.getParent().getParent().relativize(file.getParent()).toString().replace('/', '.');
    }

    private static List<String> imports(Path file) throws IOException {
        Matcher m = IMPORT.matcher(Files.readString(file));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }
}
