package io.teamsbridge.doctor;

import io.teamsbridge.store.SchemaStatus;
import java.util.List;

/** The database answers and its schema is up to date. */
final class DatabaseCheck implements Check {
    private static final String NAME = "Database";
    private final SchemaStatus schema;
    private final String url;

    DatabaseCheck(SchemaStatus schema, String url) {
        this.schema = schema;
        this.url = url;
    }

    @Override
    public List<Finding> run() {
        SchemaStatus.State state;
        try {
            state = schema.read();
        } catch (RuntimeException e) {
            String why = Messages.all(e);
            if (why.contains("already in use") || why.contains("is locked")) {
                return List.of(Finding.warn(NAME, "the embedded H2 database is held by the running service (one process "
                        + "at a time)", "stop teams-bridge to check the database with doctor, or use PostgreSQL in production"));
            }
            if (why.contains("not found")) {
                return List.of(Finding.fail(NAME, "there is no database at " + url,
                        "check spring.datasource.url; teams-bridge creates the embedded database at its first start"));
            }
            return List.of(Finding.fail(NAME, "cannot be reached at " + url + ": " + Messages.firstLine(e),
                    "check spring.datasource.url, spring.datasource.username and spring.datasource.password, and that the "
                            + "database server runs and lets this host in"));
        }
        if (state.pending() > 0) {
            return List.of(Finding.fail(NAME, "reachable, schema at version " + state.current() + " with " + state.pending()
                    + " migration(s) pending", "start teams-bridge once: it applies the migrations at start"));
        }
        return List.of(Finding.pass(NAME, "reachable, schema at version " + state.current()));
    }
}
