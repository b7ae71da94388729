package io.teamsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the architecture visible: packages depend on each other only in the allowed directions,
 * and only {@code store} touches the database. Read from the sources' import lines, so a violation
 * names the file and the import.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/teamsbridge");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.teamsbridge\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** For each package, the project packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("crypto", Set.of("config")),
            Map.entry("http", Set.of("config")),
            Map.entry("doctor", Set.of("config", "crypto", "http", "store", "ops", "microsoft", "mattermost")),
            Map.entry("store", Set.of()),
            Map.entry("ops", Set.of("config", "crypto", "store")),
            Map.entry("microsoft", Set.of("config", "crypto", "http", "store", "ops")),
            Map.entry("mattermost", Set.of("config", "crypto", "http", "store", "ops")),
            Map.entry("linking", Set.of("config", "crypto", "store", "ops", "microsoft", "mattermost", "render")),
            Map.entry("render", Set.of()),
            Map.entry("notify", Set.of("config", "crypto", "store", "ops", "microsoft", "mattermost", "linking", "render")),
            // Replies flow the other way (Mattermost into Teams) and are not part of the notification pipeline.
            Map.entry("reply", Set.of("config", "store", "ops", "microsoft", "mattermost", "linking", "render")));

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    @Test
    void packagesUseEachOtherOnlyInTheAllowedDirections() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String own = packageOf(file);
            if (own.isEmpty()) {
                continue;
            }
            assertThat(ALLOWED).as("rules for package %s", own).containsKey(own);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(own) && !ALLOWED.get(own).contains(used)) {
                    violations.add(SOURCES.relativize(file) + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void renderIsPlainJava() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (packageOf(file).equals("render") && Files.readString(file).contains("import org.springframework")) {
                violations.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyStoreTouchesTheDatabase() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!packageOf(file).equals("store") && Files.readString(file).matches("(?s).*import (javax\\.sql|java\\.sql|org\\.springframework\\.jdbc)\\..*")) {
                violations.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }
}
