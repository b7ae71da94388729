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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finishing a batch of six delivered notifications on an H2 file with the default URL's options:
 * {@code oneTransaction} as the worker does now ({@link BatchSettlement}: the posts' records, the
 * decisions and the completion in one commit) against {@code threeCommits}, the way before at its
 * best (all six records in one group commit, then the decisions, then the completion). Each
 * invocation gets six freshly claimed items.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchSettlementBenchmark {
    private static final int BATCH = 6;
    private static final String CLAIMANT = "bench";

    private H2File h2;
    private InboxRepository inbox;
    private InboxClaims claims;
    private DeliveryRepository deliveries;
    private DecisionRepository decisions;
    private BatchSettlement settlement;
    private final Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private long next;
    private List<InboxItem> claimed;

    @Setup
    public void setUp() throws java.io.IOException {
        h2 = new H2File("settle");
        inbox = new InboxRepository(h2.jdbc, h2.batches, h2.transactions, h2.writes);
        claims = new InboxClaims(h2.jdbc, h2.transactions);
        deliveries = new DeliveryRepository(h2.jdbc, h2.writes);
        decisions = new DecisionRepository(h2.jdbc, h2.batches);
        settlement = new BatchSettlement(h2.transactions, inbox, deliveries, decisions);
    }

    @Setup(Level.Invocation)
    public void claimSix() {
        List<NewInboxItem> items = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            long n = next++;
            items.add(new NewInboxItem("key-" + n, "subscription", "created", "19:chat-" + (n % 50) + "@thread.v2", "m" + n,
                    "{\"encrypted\":\"...\"}"));
        }
        inbox.insertAll(items, now);
        claimed = claims.claimDue(CLAIMANT, now, BATCH);
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        h2.close();
    }

    private List<DeliveryRepository.Posted> posted() {
        return claimed.stream().map(i -> new DeliveryRepository.Posted(i.chatId(), i.messageId(), "mm-user",
                List.of("post-" + i.messageId()), now)).toList();
    }

    private List<Decision> decided() {
        return claimed.stream().map(i -> new Decision("mm-user", now, i.chatId(), i.messageId(), "1:1 chat with Pat", "Pat",
                Decision.Outcome.DELIVERED, "")).toList();
    }

    private List<Long> ids() {
        return claimed.stream().map(InboxItem::id).toList();
    }

    @Benchmark
    public void oneTransaction() {
        settlement.commit(new BatchSettlement.Writes(posted(), decided(), List.of(), ids(), CLAIMANT));
    }

    @Benchmark
    public void threeCommits() {
        h2.transactions.executeWithoutResult(status -> deliveries.recordPosted(posted())); // one group commit for all six
        decisions.insertAll(decided(), List.of());
        inbox.completeAll(ids(), CLAIMANT);
    }
}
