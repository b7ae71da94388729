package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.WorkerHealth;
import io.teamsbridge.ops.WorkerThreads;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * [workers] The claim loop that drains the inbox. It claims a batch of due items and hands it to
 * the pipeline, and while that batch is being processed it claims the next one (at most
 * {@value #BATCHES_IN_FLIGHT} batches at a time), so the database round trips of claiming and
 * finishing overlap with the posts instead of adding to them. After a batch that was not full it
 * waits {@code notifications.batch-linger} before claiming, so a steady trickle makes fewer, fuller
 * batches (the statements and commits are per batch); a backlog is claimed without waiting. Order
 * within a chat is the claim's
 * business (the database leaves out chats with an earlier item open), so it holds across batches
 * and instances. The {@link OutcomePolicy} records what became of each item, the
 * {@link ClaimKeeper} renews running claims and sweeps lapsed ones, and the {@link DeliveryPause}
 * holds claiming back while Mattermost refuses the bot. A pass that fails, whatever is thrown (an
 * {@code OutOfMemoryError} included), is logged and the loop goes on; it beats on every pass, so
 * readiness turns DOWN if it ever stops or hangs.
 */
@Component
class InboxWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final int BATCHES_IN_FLIGHT = 2;

    private final InboxClaims inbox;
    private final NotificationPipeline pipeline;
    private final InboxSignal signal;
    private final OutcomePolicy outcomes;
    private final ClaimKeeper claims;
    private final DeliveryPause pause;
    private final Clock clock;
    private final NotificationsProperties settings;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claimCount = new AtomicLong();
    private final Semaphore batches = new Semaphore(BATCHES_IN_FLIGHT);
    /** How many items the last claim took: a full one means a backlog, and the next claim does not wait. */
    private int lastClaim; // the worker thread only
    private final Semaphore chatPermits;
    private final WorkerHealth.Loop pulse;
    private final WorkerThreads threads = new WorkerThreads();
    private volatile boolean running;

    InboxWorker(InboxClaims inbox, NotificationPipeline pipeline, InboxSignal signal, OutcomePolicy outcomes, ClaimKeeper claims,
            DeliveryPause pause, Clock clock, NotificationsProperties settings, WorkerHealth health) {
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.signal = signal;
        this.outcomes = outcomes;
        this.claims = claims;
        this.pause = pause;
        this.clock = clock;
        this.settings = settings;
        this.chatPermits = new Semaphore(settings.concurrency());
        this.pulse = health.register("inbox-worker", Duration.ofMinutes(1));
    }

    @Override
    public void start() {
        running = true;
        threads.start("inbox-worker", this::loop);
    }

    @Override
    public void stop() {
        running = false;
        boolean finished = threads.stop(Duration.ofSeconds(10), Duration.ofSeconds(10));
        if (!finished) {
            try {
                claims.releaseRunning();
            } catch (RuntimeException failed) {
                log.warn("Could not hand unfinished notifications back at shutdown; their claims lapse instead: {}",
                        failed.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            pulse.beat();
            try {
                claims.tick();
                if (!pause.deliveryAllowed()) {
                    signal.await(POLL);
                    continue;
                }
                if (!batches.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                boolean started = false;
                try {
                    started = startBatch();
                } finally {
                    if (!started) {
                        batches.release();
                    }
                }
                if (!started) {
                    signal.await(POLL);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                log.warn("The inbox worker was interrupted unexpectedly; it goes on.");
            } catch (RuntimeException e) {
                log.warn("An inbox pass failed and the next follows shortly: {}", e.toString(), e);
                sleepQuietly();
            } catch (Throwable e) {
                log.error("An inbox pass failed unexpectedly and the next follows shortly.", e);
                sleepQuietly();
            }
        }
        pulse.finished();
    }

    /** Claims a batch and starts processing it; false when nothing was due. Holds a batch permit. */
    private boolean startBatch() throws InterruptedException {
        if (lastClaim < settings.batchSize() && settings.batchLinger().isPositive()) {
            Thread.sleep(settings.batchLinger()); // see notifications.batch-linger: fewer, fuller batches
        }
        String claimant = instance + "-" + claimCount.incrementAndGet();
        List<InboxItem> batch = inbox.claimDue(claimant, clock.instant(), settings.batchSize());
        lastClaim = batch.size();
        if (batch.isEmpty()) {
            return false;
        }
        claims.begin(claimant);
        try {
            threads.work().execute(() -> {
                try {
                    finish(batch, claimant);
                } catch (Throwable e) {
                    log.warn("A batch of {} notification(s) failed and is retried after the claim lease: {}", batch.size(),
                            e.toString(), e);
                } finally {
                    claims.end(claimant);
                    batches.release();
                    signal.signal();
                }
            });
        } catch (RuntimeException rejected) {
            claims.end(claimant);
            throw rejected;
        }
        return true;
    }

    /** Runs the pipeline; if the batch as a whole fails, each item is retried with that reason. */
    private void finish(List<InboxItem> batch, String claimant) {
        Map<Long, Outcome> results;
        try {
            results = pipeline.process(batch, chatPermits);
        } catch (RuntimeException e) {
            log.warn("A batch of {} notification(s) could not be processed and is retried: {}", batch.size(), e.toString());
            Outcome retry = new Outcome.RetryLater("the batch failed: " + e.getMessage(), Duration.ZERO);
            results = new HashMap<>();
            for (InboxItem item : batch) {
                results.put(item.id(), retry);
            }
        }
        outcomes.settle(batch, results, claimant); // with the decisions and the posts' records, in one transaction
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
