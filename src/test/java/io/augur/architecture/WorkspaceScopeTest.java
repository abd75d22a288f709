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
 * Workspace scoping lives in the store ring: outside the store packages no code queries entities directly
 * (Panache's unscoped statics and repository methods), so every read and write goes through a store method
 * that takes the caller's Workspace; and in the store packages, every public method takes a Workspace or says
 * with {@code @Unscoped("why")} why it works across workspaces (the job queue's own bookkeeping).
 */
class WorkspaceScopeTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "augur");
    private static final Pattern UNSCOPED = Pattern.compile(
            "\\b\\w+Entity\\.(find|list|delete|count|stream|update|persist)\\w*\\(|\\.(findById|deleteById|listAll|findAll"
                    + "|streamAll|deleteAll)\\(");
    private static final Pattern PUBLIC_UNI_METHOD = Pattern.compile(
            "((?:^    @Unscoped\\(.*\\)\\n)?)^    public (?:static )?(?:<[^>]+> )?Uni<[^=;{]*?> (\\w+)\\(([^)]*)\\)",
            Pattern.MULTILINE);

    @Test
    void onlyStoresQueryEntities() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (file.toString().contains("/store/")) {
                continue;
            }
            Matcher m = UNSCOPED.matcher(Files.readString(file));
            while (m.find()) {
                violations.add(MAIN.relativize(file) + ": " + m.group());
            }
        }
        assertTrue(violations.isEmpty(), () -> "unscoped entity queries outside the store ring: " + violations);
    }

    @Test
    void everyPublicStoreMethodTakesAWorkspace() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().contains("/store/")) {
                continue;
            }
            Matcher m = PUBLIC_UNI_METHOD.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(3).contains("Workspace ") && m.group(1).isEmpty()) {
                    violations.add(MAIN.relativize(file) + ": " + m.group(2));
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "store methods without a Workspace: " + violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
