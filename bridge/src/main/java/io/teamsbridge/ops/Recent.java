package io.teamsbridge.ops;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again only when the last reading is older than its freshness: a Prometheus scrape
 * reads several gauges built on one query, and a probe may be polled every second; both should cost
 * one query. Age is measured with {@link System#nanoTime()}, not the service's clock, which tests
 * move (or hold still) at will.
 */
public final class Recent<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final long freshNanos;
    private volatile Reading<T> last;

    private record Reading<T>(T value, long atNanos) {}

    public Recent(Duration fresh, Supplier<T> read) {
        this.read = read;
        this.freshNanos = fresh.toNanos();
    }

    /** The next {@link #get()} reads again (after a change this instance made itself). */
    public void refresh() {
        last = null;
    }

    @Override
    public T get() {
        long now = System.nanoTime();
        Reading<T> reading = last;
        if (reading == null || now - reading.atNanos() > freshNanos) {
            reading = new Reading<>(read.get(), now);
            last = reading;
        }
        return reading.value();
    }
}
