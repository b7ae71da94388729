package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.InboxClaims;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.NewInboxItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One claim of 100 items (and handing them back, so every call meets the same inbox) on an H2
 * file with the default URL's options and the bridge's schema, 100,000 finished rows kept for de-duplication, 50 chats,
 * and a backlog of {@code backlog} due items: what a worker pays per batch while it catches up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InboxClaimBenchmark {
    private static final int FINISHED = 100_000;

    @Param({"200", "20000"})
    public int backlog;

    private InboxClaims claims;
    private InboxRepository inbox;
    private Instant now;
    private H2File h2;

    @Setup
    public void setUp() throws java.io.IOException {
        h2 = new H2File("claims");
        JdbcClient jdbc = h2.jdbc;
        inbox = new InboxRepository(jdbc, h2.batches, h2.transactions, h2.writes);
        claims = new InboxClaims(jdbc, h2.transactions);
        now = Instant.parse("2026-12-04T08:00:00Z");
        List<NewInboxItem> batch = new ArrayList<>();
        for (int i = 0; i < FINISHED + backlog; i++) {
            String chat = "19:chat-" + (i % 50) + "@thread.v2";
            batch.add(new NewInboxItem("key-" + i, "subscription", "created", chat, "m" + i, "{\"encrypted\":\"...\"}"));
            if (batch.size() == 1_000) {
                inbox.insertAll(batch, now);
                batch.clear();
            }
        }
        inbox.insertAll(batch, now);
        jdbc.sql("UPDATE inbox SET status = 'DONE' WHERE id <= ?").param(FINISHED).update();
        jdbc.sql("DELETE FROM inbox_payload WHERE inbox_id <= ?").param(FINISHED).update();
        jdbc.sql("ANALYZE").update();
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        h2.close();
    }

    @Benchmark
    public int claimHundred() {
        List<InboxItem> claimed = claims.claimDue("bench", now, 100);
        inbox.releaseClaims(List.of("bench"), now);
        return claimed.size();
    }
}
