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

    private BenchDatabase(String kind, Map<String, String> properties, EmbeddedPostgres postgres) {
        this.kind = kind;
        this.properties = properties;
        this.postgres = postgres;
    }

    static BenchDatabase start(String kind) throws IOException {
        return switch (kind) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("teams-bridge-bench-h2-");
                // The default URL's options (docs/configuration.md), in a fresh folder.
                yield new BenchDatabase("h2", Map.of(
                        "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bridge")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                        "spring.datasource.username", "sa",
                        "spring.datasource.password", ""), null);
            }
            case "postgres" -> {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                yield new BenchDatabase("postgres", Map.of(
                        "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres"), pg);
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

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
