package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.BatchSettlement;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import io.teamsbridge.store.DeliveryRepository;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Everything the store writes for six delivered notifications on an H2 file, the way the pipeline
 * writes it at 300 messages/s: six webhook requests of one notification each (a commit each), one
 * claim of the six, and one settlement (their delivery records, decisions and completion). The
 * payload is 3,000 characters, the order of an encrypted chat message from Graph (its wrapped key
 * alone is 344 base64 characters). {@code
 * options} compares H2's own defaults with the bridge's 4 KB pages, and with a larger statement
 * cache as well (measured and not kept: see docs/performance.md). The file starts with 10,000 finished items, so the
 * trees are as deep as in a running bridge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StoreCycleBenchmark {
    private static final int BATCH = 6;
    private static final String PAYLOAD = "{\"value\":[{\"encryptedContent\":{\"data\":\"" + "Q".repeat(2_930) + "\"}}]}";

    /** H2's defaults (16 KB pages, 8 statements cached per connection), 4 KB pages, and both changed. */
    @Param({"h2-defaults", "pages-4k", "pages-4k-cache-64"})
    public String options;

    private H2File h2;
    private InboxRepository inbox;
    private InboxClaims claims;
    private BatchSettlement settlement;
    private final Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private long next;

    @Setup
    public void setUp() throws java.io.IOException {
        String durable = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        h2 = new H2File("cycle", switch (options) {
            case "h2-defaults" -> durable;
            case "pages-4k" -> durable + ";PAGE_SIZE=4096";
            case "pages-4k-cache-64" -> durable + ";PAGE_SIZE=4096;QUERY_CACHE_SIZE=64";
            default -> throw new IllegalArgumentException("unknown options " + options);
        });
        inbox = new InboxRepository(h2.jdbc, h2.batches, h2.transactions, h2.writes);
        claims = new InboxClaims(h2.jdbc, h2.transactions);
        settlement = new BatchSettlement(h2.transactions, inbox, new DeliveryRepository(h2.jdbc, h2.writes),
                new DecisionRepository(h2.jdbc, h2.batches));
        for (int i = 0; i < 10_000 / BATCH; i++) {
            List<NewInboxItem> items = new ArrayList<>();
            for (int j = 0; j < BATCH; j++) {
                items.add(item(next++));
            }
            inbox.insertAll(items, now);
            settle(claims.claimDue("fill", now, BATCH), "fill");
        }
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        h2.close();
    }

    @Benchmark
    public int sixNotifications() {
        for (int i = 0; i < BATCH; i++) {
            inbox.insertAll(List.of(item(next++)), now);
        }
        List<InboxItem> claimed = claims.claimDue("bench", now, BATCH);
        settle(claimed, "bench");
        return claimed.size();
    }

    private NewInboxItem item(long n) {
        return new NewInboxItem("key-" + n, "subscription", "created", "19:chat-" + (n % 50) + "@thread.v2", "m" + n, PAYLOAD);
    }

    private void settle(List<InboxItem> claimed, String claimant) {
        settlement.commit(new BatchSettlement.Writes(
                claimed.stream().map(i -> new DeliveryRepository.Posted(i.chatId(), i.messageId(), "mm-user",
                        List.of("post-" + i.messageId()), now)).toList(),
                claimed.stream().map(i -> new Decision("mm-user", now, i.chatId(), i.messageId(), "1:1 chat with Pat", "Pat",
                        Decision.Outcome.DELIVERED, "")).toList(),
                List.of(), claimed.stream().map(InboxItem::id).toList(), claimant));
    }
}
