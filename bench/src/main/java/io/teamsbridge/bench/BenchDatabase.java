package io.teamsbridge.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The bridge's database for one run: an H2 file in a fresh folder, or an embedded PostgreSQL. */
final class BenchDatabase implements AutoCloseable {
    private final String kind;
    private final Map<String, String> properties;
    private final EmbeddedPostgres postgres;
    private final Path h2Folder;

    private BenchDatabase(String kind, Map<String, String> properties, EmbeddedPostgres postgres, Path h2Folder) {
        this.kind = kind;
        this.properties = properties;
        this.postgres = postgres;
        this.h2Folder = h2Folder;
    }

    static BenchDatabase start(String kind) throws IOException {
        return switch (kind) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("teams-bridge-bench-h2-");
                // The default URL's options (docs/configuration.md), in a fresh folder.
                yield new BenchDatabase("h2", Map.of(
                        "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bridge")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096;CACHE_SIZE=4096",
                        "spring.datasource.username", "sa",
                        "spring.datasource.password", ""), null, dir);
            }
            case "postgres" -> {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                yield new BenchDatabase("postgres", Map.of(
                        "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres"), pg, null);
            }
            default -> throw new IllegalArgumentException("--db must be h2 or postgres, was " + kind);
        };
    }

    String kind() {
        return kind;
    }

    Map<String, String> properties() {
        return properties;
    }

    /**
     * The PostgreSQL server's CPU seconds so far: its postmaster (with the children it has reaped, such
     * as finished autovacuum workers) and every live child process (the bridge's connections, the
     * writers). NaN for H2, which runs inside the bridge and is counted with it.
     */
    double serverCpuSeconds() throws IOException {
        if (postgres == null) {
            return Double.NaN;
        }
        String port = "-p " + postgres.getPort();
        double total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains("postgres") && cmdline.contains(port)) {
                        long postmaster = Long.parseLong(proc.getFileName().toString());
                        total += cpu(proc, true);
                        total += childrenCpu(postmaster);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        return total;
    }

    private static double childrenCpu(long parent) throws IOException {
        double total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] fields = statFields(proc);
                    if (Long.parseLong(fields[1]) == parent) {
                        total += cpu(proc, false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        return total;
    }

    /** utime + stime (and the reaped children's cutime + cstime), from the fields after the command name. */
    private static double cpu(Path proc, boolean withReaped) throws IOException {
        String[] f = statFields(proc);
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReaped) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / 100.0; // USER_HZ
    }

    private static String[] statFields(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The size of the H2 database's files now, in bytes (NaN on PostgreSQL). */
    double h2FileBytes() throws IOException {
        if (h2Folder == null) {
            return Double.NaN;
        }
        try (var files = Files.list(h2Folder)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    /** Stops PostgreSQL, or deletes the H2 folder (a run writes gigabytes there). */
    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (h2Folder != null) {
            BenchFiles.deleteFolder(h2Folder);
        }
    }
}
