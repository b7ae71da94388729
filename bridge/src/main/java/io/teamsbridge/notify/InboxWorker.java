package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.WorkerHealth;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * [workers] The loop that drains the inbox. It claims a batch of due items and hands it to the
 * pipeline, and while that batch is being processed it claims the next one (at most
 * {@value #BATCHES_IN_FLIGHT} batches at a time), so the database round trips of claiming and
 * finishing overlap with the posts instead of adding to them. A chat with items in flight is left
 * out of the next claim: one chat's messages are never processed by two batches at once, and an
 * edit never overtakes its message. Outcomes are recorded with guarded updates (the finished items
 * of a batch in one statement). It wakes when the webhook stores something or a batch finishes,
 * and polls otherwise; claims left by a worker that died are returned after the lease. A pass that
 * fails, whatever is thrown (an {@code OutOfMemoryError} included), is logged and the loop goes
 * on; it beats on every pass, so readiness turns DOWN if it ever stops or hangs.
 */
@Component
class InboxWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final int BATCHES_IN_FLIGHT = 2;

    private final InboxRepository inbox;
    private final NotificationPipeline pipeline;
    private final InboxSignal signal;
    private final DecisionLog decisions;
    private final Clock clock;
    private final NotificationsProperties settings;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();
    private final Set<String> busyChats = ConcurrentHashMap.newKeySet();
    private final Semaphore batches = new Semaphore(BATCHES_IN_FLIGHT);
    private final Semaphore chatPermits;
    private final WorkerHealth.Loop pulse;
    private volatile ExecutorService executor;
    private volatile Thread thread;
    private volatile boolean running;
    private Instant lastSweep = Instant.EPOCH;

    InboxWorker(InboxRepository inbox, NotificationPipeline pipeline, InboxSignal signal, DecisionLog decisions, Clock clock,
            NotificationsProperties settings, WorkerHealth health) {
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.signal = signal;
        this.decisions = decisions;
        this.clock = clock;
        this.settings = settings;
        this.chatPermits = new Semaphore(settings.concurrency());
        this.pulse = health.register("inbox-worker", Duration.ofMinutes(1));
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newVirtualThreadPerTaskExecutor();
        thread = Thread.ofPlatform().name("inbox-worker").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService e = executor;
        if (e != null) {
            e.shutdown();
            try {
                if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("Batches still running at shutdown are left to the claim lease.");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
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
    private boolean startBatch() {
        Instant now = clock.instant();
        if (lastSweep.plus(Duration.ofSeconds(10)).isBefore(now)) {
            int released = inbox.releaseExpiredClaims(now.minus(settings.claimLease()));
            if (released > 0) {
                log.info("Returned {} notification(s) whose worker stopped before finishing to the queue.", released);
            }
            lastSweep = now;
        }
        String claimant = instance + "-" + claims.incrementAndGet();
        List<InboxItem> batch = inbox.claimDue(claimant, now, settings.batchSize(), Set.copyOf(busyChats));
        if (batch.isEmpty()) {
            return false;
        }
        Set<String> chats = new HashSet<>();
        batch.forEach(item -> chats.add(item.chatId()));
        busyChats.addAll(chats);
        try {
            executor.execute(() -> {
                try {
                    finish(batch, claimant);
                } catch (Throwable e) {
                    log.warn("A batch of {} notification(s) failed and is retried after the claim lease: {}", batch.size(),
                            e.toString(), e);
                } finally {
                    busyChats.removeAll(chats);
                    batches.release();
                    signal.signal();
                }
            });
        } catch (RuntimeException rejected) {
            busyChats.removeAll(chats);
            throw rejected;
        }
        return true;
    }

    private void finish(List<InboxItem> batch, String claimant) {
        Map<Long, Outcome> outcomes = pipeline.process(batch, chatPermits);
        List<Long> done = new ArrayList<>();
        for (InboxItem item : batch) {
            Outcome outcome = outcomes.getOrDefault(item.id(), new Outcome.RetryLater("not processed", Duration.ZERO));
            if (outcome instanceof Outcome.Done) {
                done.add(item.id());
            } else {
                record(item, claimant, outcome);
            }
        }
        inbox.completeAll(done, claimant);
    }

    private void record(InboxItem item, String claimant, Outcome outcome) {
        switch (outcome) {
            case Outcome.Done done -> inbox.completeAll(List.of(item.id()), claimant);
            case Outcome.Failed failed -> {
                log.warn("Notification {} (message {} in chat {}) cannot be processed: {}", item.id(), item.messageId(),
                        item.chatId(), failed.reason());
                inbox.fail(item.id(), claimant, failed.reason());
            }
            case Outcome.RetryLater retry -> {
                Instant now = clock.instant();
                if (item.receivedAt().plus(settings.maxAge()).isBefore(now)) {
                    decisions.givenUp(item, retry.reason());
                    inbox.fail(item.id(), claimant, "given up after " + settings.maxAge() + ": " + retry.reason());
                    return;
                }
                Duration delay = RetryPolicy.delay(item.attempts(), retry.after(), settings.retryMaxDelay());
                log.info("Notification {} (message {}) is retried in {} s (attempt {}): {}", item.id(), item.messageId(),
                        delay.toSeconds(), item.attempts(), retry.reason());
                inbox.reschedule(item.id(), claimant, now.plus(delay), retry.reason());
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
