package io.teamsbridge.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test's bridge uses: an H2 file in a fresh folder, or a fresh database in one real
 * PostgreSQL shared by the whole test JVM. Chosen by the system property {@code teamsbridge.test.db}
 * ({@code h2}, the default, or {@code postgres}); the build runs the integration tests once per
 * database.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final String kind;
    private final Map<String, String> properties;

    private TestDatabase(String kind, Map<String, String> properties) {
        this.kind = kind;
        this.properties = properties;
    }

    public static String selectedKind() {
        return System.getProperty("teamsbridge.test.db", "h2").toLowerCase(Locale.ROOT);
    }

    /** A new, empty database of the selected kind. */
    public static TestDatabase create() {
        return "postgres".equals(selectedKind()) ? postgres() : h2();
    }

    public static TestDatabase h2() {
        Path dir = ScratchDirectory.create("h2-");
        return new TestDatabase("h2", Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096;CACHE_SIZE=4096",
                "spring.datasource.username", "sa",
                "spring.datasource.password", ""));
    }

    public static synchronized TestDatabase postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "bridge_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new TestDatabase("postgres", Map.of(
                    "spring.datasource.url", postgres.getJdbcUrl("postgres", name),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kind() {
        return kind;
    }

    /** The Spring properties that point the bridge at this database. */
    public Map<String, String> properties() {
        return properties;
    }
}
