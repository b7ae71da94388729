package io.teamsbridge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for small writes that many threads make at once. A caller hands over its write
 * and waits; one committer thread runs everything waiting in one transaction, so a hundred
 * concurrent writers cost one commit instead of a hundred (the commit, not the statement, is what
 * costs: a page store on H2, a WAL flush on PostgreSQL). Writes that arrive during a commit go
 * together in the next one. A caller returns only after its write is committed, so it sees
 * exactly what a plain transaction would give it.
 *
 * <p>At a steady rate the writes rarely overlap: a commit takes a fraction of a millisecond, and
 * Graph's requests come milliseconds apart (or one at a time, each after the answer to the last),
 * so each would still pay its own commit. With a {@code linger}, a write that arrives within
 * {@code linger} of the previous commit, a sign that more follow, waits until {@code linger} after
 * its own arrival and takes everything queued meanwhile along; a sender that waits for each answer
 * puts more into its next request instead. A write after a quiet spell is committed at once, so
 * the wait is paid only under steady traffic, and never exceeds {@code linger}.
 *
 * <p>If a group fails (a constraint another instance raced for, say), its writes are retried one
 * transaction each, so one bad write fails only its own caller.
 */
public class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 256;

    private final TransactionTemplate transactions;
    private final long lingerNanos;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean open = true;
    private volatile boolean stopped;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong lingered = new AtomicLong();
    /** When the last group committed ({@link System#nanoTime}); the committer thread only. */
    private long lastCommit;

    private record Write(Runnable work, CompletableFuture<Void> done, long queuedAt) { }

    /** Commits whatever is waiting at once, never waiting for more. */
    public GroupCommit(TransactionTemplate transactions) {
        this(transactions, Duration.ZERO);
    }

    public GroupCommit(TransactionTemplate transactions, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("The linger must not be negative: " + linger);
        }
        this.transactions = transactions;
        this.lingerNanos = linger.toNanos();
        this.lastCommit = System.nanoTime() - lingerNanos - 1;
        this.committer = Thread.ofPlatform().name("group-commit").daemon().start(this::loop);
    }

    /**
     * Runs {@code work} (statements of this package's repositories, outside any transaction of the
     * caller's) and returns once it is committed.
     */
    void run(Runnable work) {
        Write write = new Write(work, new CompletableFuture<>(), System.nanoTime());
        queue.add(write);
        if (stopped && queue.remove(write)) {
            transactions.executeWithoutResult(status -> work.run()); // closing: nobody left to group with
            return;
        }
        try {
            write.done().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void loop() {
        List<Write> group = new ArrayList<>();
        while (open) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                    lingerAfter(first);
                    queue.drainTo(group, MAX_GROUP - 1);
                    commit(group);
                    lastCommit = System.nanoTime();
                }
            } catch (InterruptedException e) {
                log.warn("The group-commit thread was interrupted; it goes on.");
            } catch (Throwable e) { // an Error must not leave callers waiting for a thread that is gone
                log.error("A group commit failed unexpectedly; its writers are told and the next group follows.", e);
                group.forEach(w -> w.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        stopped = true;
        while (queue.drainTo(group, MAX_GROUP) > 0) {
            commit(group);
            group.clear();
        }
    }

    /** Waits for company when {@code first} came hard on the last commit's heels (see the class comment). */
    private void lingerAfter(Write first) {
        if (lingerNanos == 0 || first.queuedAt() - lastCommit > lingerNanos) {
            return;
        }
        lingered.incrementAndGet();
        long until = first.queuedAt() + lingerNanos;
        for (long left = until - System.nanoTime(); left > 0 && open; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left); // one wake-up at the end, not one per arriving write
        }
    }

    private void commit(List<Write> group) {
        try {
            transactions.executeWithoutResult(status -> group.forEach(w -> w.work().run()));
            commits.incrementAndGet();
            group.forEach(w -> w.done().complete(null));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(groupFailed);
                return;
            }
            log.debug("A group of {} writes failed ({}); committing them one by one.", group.size(), groupFailed.toString());
            for (Write w : group) {
                try {
                    transactions.executeWithoutResult(status -> w.work().run());
                    w.done().complete(null);
                } catch (RuntimeException e) {
                    w.done().completeExceptionally(e);
                }
            }
        }
    }

    /** How many group transactions have committed (the retries of a failed group not counted). */
    long commits() {
        return commits.get();
    }

    /** How many groups waited for company before committing. */
    long lingered() {
        return lingered.get();
    }

    @Override
    public void close() {
        open = false; // no interrupt: H2 closes its file when a thread is interrupted in the middle of I/O
        try {
            committer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
