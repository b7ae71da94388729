package io.teamsbridge.store;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The database's schema as Flyway sees it, read without changing anything: the version applied and
 * the migrations still pending (the service applies them at start; {@code doctor} only reports).
 */
@org.springframework.stereotype.Component
public class SchemaStatus {
    private final DataSource dataSource;

    public SchemaStatus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param current the version applied, or "none" for an empty database */
    public record State(String current, int pending) {}

    /** @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or read */
    public State read() {
        MigrationInfoService info = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info();
        MigrationInfo current = info.current();
        return new State(current == null ? "none" : current.getVersion().toString(),
                (int) Arrays.stream(info.pending()).count());
    }
}
