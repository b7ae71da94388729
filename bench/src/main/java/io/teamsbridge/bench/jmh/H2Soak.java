package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.H2Compaction;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;

/**
 * {@code java -Xmx112m -XX:+UseSerialGC -jar teams-bridge-bench.jar --h2-soak [notifications]
 * [--rate N] [--no-compaction]}: the store's writes for many delivered notifications ({@link
 * PipelineWrites}: a webhook commit each, a claim and a settlement per six) on one H2 file opened
 * with the bridge's default options, at a steady rate (default 90,000 at 300/s), with the bridge's
 * compaction pass every second ({@link H2Compaction}) or without it. Every tenth of the run it
 * prints the file's chunks, its size, the heap in use after a full collection and the
 * process's CPU per notification since the last line: what grows when chunks are never freed.
 */
public final class H2Soak {
    private static final int BATCH = 6;

    private H2Soak() {}

    public static void main(String[] args) throws Exception {
        int notifications = 90_000;
        double rate = 300;
        boolean compaction = true;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--no-compaction" -> compaction = false;
                case "--rate" -> rate = Double.parseDouble(args[++a]);
                default -> notifications = Integer.parseInt(args[a]);
            }
        }
        int every = Math.max(BATCH, notifications / 10 / BATCH * BATCH);
        try (H2File h2 = new H2File("soak")) {
            PipelineWrites writes = new PipelineWrites(h2);
            H2Compaction compactor = new H2Compaction(h2.dataSource());
            if (compaction) {
                compactor.start(); // the bridge's own schedule: a pass every second on its own thread
            }
            System.out.printf("H2 file, bridge's default options, compaction %s; %,d notifications at %.0f/s%n",
                    compaction ? "every second" : "off", notifications, rate);
            System.out.println("notifications  chunks  file MB  live heap MB  CPU us per notification");
            long cpu = cpuNanos();
            long start = System.nanoTime();
            for (int n = 0; n < notifications; n += BATCH) {
                // Paced: H2 frees a chunk 45 s after its last live page went, so the rate decides how many are kept.
                long due = start + (long) (n / rate * 1e9);
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                for (int i = 0; i < BATCH; i++) {
                    writes.webhook(1);
                }
                writes.claimAndSettle(BATCH);
                if ((n + BATCH) % every == 0) {
                    double micros = (cpuNanos() - cpu) / 1e3 / every;
                    System.out.printf("%13d  %6d  %7d  %12d  %23.0f%n", n + BATCH, compactor.chunkCount().orElse(-1L),
                            Files.size(h2.file()) >> 20, liveHeap() >> 20, micros);
                    cpu = cpuNanos(); // the forced collection is not the writes' CPU
                }
            }
            compactor.stop();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The heap in use after a full collection: the live set. */
    private static long liveHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
