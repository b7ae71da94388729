package io.teamsbridge.ops;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A worker's threads: one platform thread runs its loop, and the loop hands each piece of work to
 * a virtual thread. Stopping interrupts the loop, waits a bounded time for it, then lets the
 * running work finish within its own bound; the worker hands back what did not.
 */
public final class WorkerThreads {
    private volatile ExecutorService executor;
    private volatile Thread loop;

    public void start(String name, Runnable body) {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofPlatform().name(name).daemon().start(body);
    }

    /** Where the loop hands its work. */
    public ExecutorService work() {
        return executor;
    }

    /**
     * Ends the loop (waiting up to {@code forLoop}) and the work (up to {@code forWork}).
     *
     * @return whether all the work ended in time; false when it did not or the wait was interrupted
     */
    public boolean stop(Duration forLoop, Duration forWork) {
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(forLoop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService e = executor;
        if (e == null) {
            return true;
        }
        e.shutdown();
        try {
            return e.awaitTermination(forWork.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
