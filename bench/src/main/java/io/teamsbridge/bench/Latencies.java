package io.teamsbridge.bench;

import java.util.Arrays;

/**
 * Latencies recorded from many threads, summarised exactly (sorted, nearest-rank percentiles):
 * a run records at most a few hundred thousand values, so there is no need to approximate.
 */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void record(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public synchronized int count() {
        return size;
    }

    /** A snapshot: percentiles and maximum; all zero when nothing was recorded. */
    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, percentile(sorted, 50), percentile(sorted, 99), size == 0 ? 0 : sorted[size - 1]);
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public record Summary(int count, long p50, long p99, long max) {}
}
