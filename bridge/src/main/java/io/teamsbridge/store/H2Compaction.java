package io.teamsbridge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Does for an H2 file what H2's own background thread would, had {@code WRITE_DELAY=0} not turned
 * it off: rewrites the few live pages of old chunks so the chunks can be freed.
 *
 * <p>Every commit stores a chunk of the pages it changed. Most of them are replaced by the next
 * commits, but a page or two of each chunk stays live for a week (the last version of a finished
 * row's leaf), so without this no chunk is ever freed: over 9 minutes at 300 notifications a
 * second the bench's bridge reached 5.3 GB of files, and its live heap grew from 51-57 to 68-95 MB
 * of the 112 MiB heap, with 63 full collections a minute at the end (docs/performance.md, "H2's
 * chunks"). A pass every second moves a bounded amount of live data into new chunks; the old ones
 * are freed at a later commit, after H2's retention time.
 *
 * <p>With PostgreSQL this does nothing. It runs on its own thread and is never interrupted: H2
 * closes its file when a thread is interrupted in the middle of I/O.
 */
@Component
public class H2Compaction implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    /** Compaction starts when less than this share of the chunks' bytes is live. */
    static final int TARGET_FILL_PERCENT = 50;
    /** Live bytes moved per pass at most: several times what 300 notifications a second leave behind. */
    static final int WRITE_LIMIT_BYTES = 2 << 20;
    private static final long INTERVAL_MILLIS = 1_000;

    private final DataSource dataSource;
    private ScheduledExecutorService executor;
    private boolean running;

    public H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One pass: rewrites the live pages of the oldest, emptiest chunks (up to {@link
     * #WRITE_LIMIT_BYTES}) and stores them, which frees chunks whose retention time is over.
     *
     * @return whether anything was rewritten (false on PostgreSQL)
     */
    public boolean compactOnce() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = mvStore(connection);
            if (store.isEmpty() || store.get().isClosed()) {
                return false;
            }
            boolean rewritten = store.get().compact(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES);
            if (rewritten) {
                store.get().tryCommit();
            }
            return rewritten;
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a connection to compact the H2 file", e);
        }
    }

    /** How many chunks the H2 file has (empty on PostgreSQL): what this class keeps bounded. */
    public Optional<Long> chunkCount() {
        try (Connection connection = dataSource.getConnection()) {
            if (mvStore(connection).isEmpty()) {
                return Optional.empty();
            }
            try (var statement = connection.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'");
                    var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Long.parseLong(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the H2 file's chunk count", e);
        }
    }

    private static Optional<MVStore> mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        var database = session.getDatabase();
        if (!database.isPersistent()) {
            return Optional.empty();
        }
        return Optional.of(database.getStore().getMvStore());
    }

    private void scheduledPass() {
        try {
            compactOnce();
        } catch (RuntimeException e) {
            log.warn("Compacting the H2 file failed; the next pass runs in a second: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        boolean h2File;
        try (Connection connection = dataSource.getConnection()) {
            h2File = mvStore(connection).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a connection to the database", e);
        }
        running = true;
        if (h2File) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("h2-compaction").factory());
            executor.scheduleWithFixedDelay(this::scheduledPass, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService passes;
        synchronized (this) {
            running = false;
            passes = executor;
            executor = null;
        }
        if (passes != null) {
            passes.shutdown(); // no interrupt, see above: a pass in progress ends on its own
            try {
                passes.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
