package io.teamsbridge.store;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second instance started on the embedded H2 file finds it locked by the first: one clear line
 * instead of a connection pool's stack trace. Several instances need a shared PostgreSQL.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
    /** H2's {@code DATABASE_ALREADY_OPEN_1}. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
            return null;
        }
        return new FailureAnalysis("The embedded H2 database is in use by another process (most likely another "
                + "teams-bridge instance): only one instance can use an H2 file.",
                "Stop the other instance, or run several instances on one PostgreSQL database "
                        + "(spring.datasource.url=jdbc:postgresql://…; see \"Running several instances\" in the admin guide).",
                cause);
    }
}
