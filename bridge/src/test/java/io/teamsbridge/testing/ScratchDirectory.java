package io.teamsbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh folder for a test's files (an H2 database, a PostgreSQL data directory), inside the
 * module's build folder when the test runs from the module, as the build runs it: {@code mvnw clean}
 * removes them, and a run does not leave hundreds of databases in the machine's temporary folder.
 */
public final class ScratchDirectory {
    private ScratchDirectory() {
    }

    public static Path create(String prefix) {
        try {
            Path build = Path.of("target");
            Path parent = Files.isDirectory(build) ? Files.createDirectories(build.resolve("test-scratch"))
                    : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
