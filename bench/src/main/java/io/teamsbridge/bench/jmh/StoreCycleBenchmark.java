package io.teamsbridge.bench.jmh;

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
 * Everything the store writes for six delivered notifications on an H2 file ({@link
 * PipelineWrites}), the way the pipeline writes it at 300 messages/s: six webhook requests of one
 * notification each (a commit each), one claim of the six, and one settlement. Two variants group
 * the same six notifications into fewer webhook commits (three of two, one of six): what a commit
 * costs. {@code options} compares H2's own defaults with the bridge's 4 KB pages, with a larger
 * statement cache as well (measured and not kept: see docs/performance.md), and with the bridge's
 * default URL (4 KB pages, 4 MB of pages cached). Two more measure six messages nobody could be
 * told of: decided by the worker (six webhook commits with payloads, a claim, a settlement with six
 * decisions) and settled as they arrive (six webhook commits of done rows, their six decisions in
 * one batch as the journal writes them).
 * The file starts with 10,000 finished items, so the trees are as deep as in a running bridge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StoreCycleBenchmark {
    private static final int BATCH = 6;

    /**
     * H2's defaults (16 KB pages, 8 statements cached per connection, 16 MB of pages cached), 4 KB
     * pages, 4 KB pages with 64 statements cached (not kept), and the bridge's default URL.
     */
    @Param({"h2-defaults", "pages-4k", "pages-4k-cache-64", "bridge-default"})
    public String options;

    private H2File h2;
    private PipelineWrites writes;

    @Setup
    public void setUp() throws java.io.IOException {
        String durable = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        h2 = new H2File("cycle", switch (options) {
            case "h2-defaults" -> durable;
            case "pages-4k" -> durable + ";PAGE_SIZE=4096";
            case "pages-4k-cache-64" -> durable + ";PAGE_SIZE=4096;QUERY_CACHE_SIZE=64";
            case "bridge-default" -> H2File.DEFAULT_OPTIONS;
            default -> throw new IllegalArgumentException("unknown options " + options);
        });
        writes = new PipelineWrites(h2);
        for (int i = 0; i < 10_000 / BATCH; i++) {
            writes.webhook(BATCH);
            writes.claimAndSettle(BATCH);
        }
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        h2.close();
    }

    @Benchmark
    public int sixNotifications() {
        for (int i = 0; i < BATCH; i++) {
            writes.webhook(1);
        }
        return writes.claimAndSettle(BATCH);
    }

    @Benchmark
    public int sixNotificationsInPairs() {
        for (int i = 0; i < BATCH; i += 2) {
            writes.webhook(2);
        }
        return writes.claimAndSettle(BATCH);
    }

    @Benchmark
    public int sixNotificationsTogether() {
        writes.webhook(BATCH);
        return writes.claimAndSettle(BATCH);
    }

    @Benchmark
    public int sixHeldBackByTheWorker() {
        for (int i = 0; i < BATCH; i++) {
            writes.webhook(1);
        }
        return writes.claimAndSettleUndelivered(BATCH);
    }

    @Benchmark
    public int sixHeldBackOnArrival() {
        writes.webhookSettled(BATCH);
        return BATCH;
    }
}
