package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's writes on an H2 file opened like the bridge's ({@code WRITE_DELAY=0}) leave a
 * chunk behind per commit; the compaction passes keep their number bounded and lose nothing. H2's
 * retention time is 0 here, so a chunk may be rewritten and freed at once instead of after 45 s.
 */
class H2CompactionTest {
    private static final int NOTIFICATIONS = 1_200;
    private static final int BATCH = 6;
    private static final String PAYLOAD = "Q".repeat(2_000);

    @TempDir
    Path folder;

    private SingleConnectionDataSource held;
    private GroupCommit writes;

    private SingleConnectionDataSource h2File() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + folder.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096;CACHE_SIZE=4096;RETENTION_TIME=0", true);
        held = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @AfterEach
    void close() {
        if (writes != null) {
            writes.close();
        }
        if (held != null) {
            held.destroy();
        }
    }

    /** Writes as the pipeline does for each notification: its own webhook commit, then a claim and a settlement per batch. */
    private void deliver(SingleConnectionDataSource dataSource, Runnable everyBatch) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writes = new GroupCommit(transactions);
        InboxRepository inbox = new InboxRepository(jdbc, new JdbcTemplate(dataSource), transactions, writes);
        InboxClaims claims = new InboxClaims(jdbc, transactions);
        BatchSettlement settlement = new BatchSettlement(transactions, inbox, new DeliveryRepository(jdbc, writes),
                new DecisionRepository(jdbc, new JdbcTemplate(dataSource)));
        Instant now = Instant.parse("2026-12-05T08:00:00Z");
        for (int n = 0; n < NOTIFICATIONS; n += BATCH) {
            for (int i = n; i < n + BATCH; i++) {
                inbox.insertAll(List.of(new NewInboxItem("key-" + i, "subscription", "created", "19:chat-" + (i % 50) + "@thread.v2",
                        "m" + i, PAYLOAD)), now);
            }
            List<InboxItem> claimed = claims.claimDue("worker", now, BATCH);
            List<DeliveryRepository.Posted> posted = new ArrayList<>();
            List<Decision> decisions = new ArrayList<>();
            for (InboxItem item : claimed) {
                posted.add(new DeliveryRepository.Posted(item.chatId(), item.messageId(), "mm-user", List.of("post-" + item.messageId()), now));
                decisions.add(new Decision("mm-user", now, item.chatId(), item.messageId(), "1:1 chat with Pat", "Pat",
                        Decision.Outcome.DELIVERED, ""));
            }
            settlement.commit(new BatchSettlement.Writes(posted, decisions, List.of(), claimed.stream().map(InboxItem::id).toList(),
                    "worker"));
            everyBatch.run();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'DONE'").query(Long.class).single())
                .isEqualTo(NOTIFICATIONS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery").query(Long.class).single()).isEqualTo(NOTIFICATIONS);
    }

    @Test
    void withoutCompactionEveryCommitLeavesItsChunk() throws Exception {
        SingleConnectionDataSource dataSource = h2File();
        H2Compaction compaction = new H2Compaction(dataSource);

        deliver(dataSource, () -> { });

        // Some 1,400 commits (one per notification, a claim and a settlement per six): only the chunks with
        // nothing live left were freed, and most keep a page or two (about 800 of them here, against 43 compacted).
        assertThat(compaction.chunkCount()).hasValueSatisfying(chunks -> assertThat(chunks).isGreaterThan(NOTIFICATIONS / 2));
    }

    @Test
    void passesKeepTheChunksFewAndLoseNothing() throws Exception {
        SingleConnectionDataSource dataSource = h2File();
        H2Compaction compaction = new H2Compaction(dataSource);
        int[] batches = new int[1];

        deliver(dataSource, () -> {
            if (++batches[0] % 10 == 0) {
                compaction.compactOnce();
            }
        });
        compaction.compactOnce();
        compaction.compactOnce();

        assertThat(compaction.chunkCount()).hasValueSatisfying(chunks -> assertThat(chunks).isLessThan(NOTIFICATIONS / 10));
        writes.close();
        held.destroy();
        held = null;
        // Reopened from the file alone, everything is there.
        JdbcDataSource reopened = new JdbcDataSource();
        reopened.setURL("jdbc:h2:file:" + folder.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE");
        JdbcClient jdbc = JdbcClient.create(reopened);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'DONE'").query(Long.class).single()).isEqualTo(NOTIFICATIONS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_payload").query(Long.class).single()).isZero();
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:" + UUID.randomUUID());

        H2Compaction compaction = new H2Compaction(memory);

        assertThat(compaction.compactOnce()).isFalse();
        assertThat(compaction.chunkCount()).isEmpty();
    }
}
