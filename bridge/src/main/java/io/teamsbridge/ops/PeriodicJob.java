package io.teamsbridge.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one pass of some background work at a fixed delay on its own thread, from start until
 * shutdown. A pass that throws is logged and the next pass runs as planned: the loop never dies.
 * {@link #runNow()} lets an operator action or a test trigger a pass without waiting.
 */
public final class PeriodicJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable pass;
    private final java.util.function.BooleanSupplier mayRun;
    private ScheduledExecutorService executor;
    /** When the pass now running started ({@link System#nanoTime()}), or 0 when none runs. */
    private volatile long passStartedNanos;

    public PeriodicJob(String name, Duration initialDelay, Duration interval, Runnable pass) {
        this(name, initialDelay, interval, pass, () -> true);
    }

    /** A job only one instance runs: a pass runs only while this instance holds the job's lease. */
    public static PeriodicJob singleInstance(String name, Duration initialDelay, Duration interval, Runnable pass,
            JobLeases leases) {
        return new PeriodicJob(name, initialDelay, interval, pass, () -> leases.holds(name));
    }

    private PeriodicJob(String name, Duration initialDelay, Duration interval, Runnable pass,
            java.util.function.BooleanSupplier mayRun) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.pass = pass;
        this.mayRun = mayRun;
    }

    /** A pass running longer than this is reported as stuck (its calls all have shorter timeouts). */
    static final Duration STUCK_AFTER = Duration.ofMinutes(10);

    /**
     * Runs one pass on the caller's thread, serialised with the scheduled passes; for a
     * single-instance job, only on the instance that holds its lease.
     */
    public synchronized void runNow() {
        if (!mayRun.getAsBoolean()) {
            return;
        }
        passStartedNanos = Math.max(System.nanoTime(), 1);
        try {
            pass.run();
        } finally {
            passStartedNanos = 0;
        }
    }

    public String name() {
        return name;
    }

    /** Why this job is not doing its work, for the health check: a pass that has not ended for too long. */
    Optional<String> problem(long nowNanos) {
        long started = passStartedNanos;
        if (started == 0 || nowNanos - started <= STUCK_AFTER.toNanos()) {
            return Optional.empty();
        }
        return Optional.of("a pass has been running for " + Duration.ofNanos(nowNanos - started).toSeconds() + " s");
    }

    private void scheduledPass() {
        try {
            runNow();
        } catch (RuntimeException e) {
            // Failures of the services we call are expected now and then: one line, no stack trace.
            log.warn("{}: this pass failed and the next runs in {}: {}", name, interval, e.getMessage());
            log.debug("{}: failure details", name, e);
        } catch (Throwable t) {
            log.error("{}: this pass failed unexpectedly; the next runs in {}", name, interval, t);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        executor.scheduleWithFixedDelay(this::scheduledPass, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Cancels the next passes. A pass in progress ends first: it holds this job's monitor (see
     * {@link #runNow()}), so the interrupt below reaches only the wait between passes, never a
     * pass in the middle of its work. H2 closes its file when a thread is interrupted during
     * file I/O, and the passes that write (the decision journal every second, housekeeping, key
     * rotation) would leave the rest of the shutdown, the journal's last flush included, with a
     * closed database. A pass's calls all have timeouts, so the wait is bounded by them.
     */
    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
