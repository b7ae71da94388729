package io.teamsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The bench's temporary folders: an H2 database grows to gigabytes in a run, so none is left behind. */
public final class BenchFiles {
    private BenchFiles() {}

    /** Deletes the folder and everything in it. */
    public static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
