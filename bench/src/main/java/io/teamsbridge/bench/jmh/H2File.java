package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.GroupCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An H2 file in a fresh folder, opened with the default URL's options and migrated to the
 * bridge's schema, with what the store's classes are built from; closing deletes it.
 */
final class H2File implements AutoCloseable {
    final JdbcClient jdbc;
    final JdbcTemplate batches;
    final TransactionTemplate transactions;
    final GroupCommit writes;
    private final Path dir;
    private final SingleConnectionDataSource db;

    /** The options of the bridge's default URL (application.yml). */
    static final String DEFAULT_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096;CACHE_SIZE=4096";

    H2File(String name) throws IOException {
        this(name, DEFAULT_OPTIONS);
    }

    /** With these URL options instead of the default's (each starting with {@code ;}). */
    H2File(String name, String options) throws IOException {
        dir = Files.createTempDirectory("teams-bridge-" + name + "-");
        db = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("bridge") + options, true);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        batches = new JdbcTemplate(db);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(db));
        writes = new GroupCommit(transactions);
    }

    /** The database file itself. */
    Path file() {
        return dir.resolve("bridge.mv.db");
    }

    /** The file's one connection, shared (closing it does nothing). */
    javax.sql.DataSource dataSource() {
        return db;
    }

    @Override
    public void close() throws IOException {
        writes.close();
        db.destroy();
        io.teamsbridge.bench.BenchFiles.deleteFolder(dir);
    }
}
