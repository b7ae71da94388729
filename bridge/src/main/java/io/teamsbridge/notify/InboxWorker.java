package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * [workers] The loop that drains the inbox: claim a batch of due items, run the pipeline, record
 * the outcomes with guarded updates (the finished ones of a batch in one statement). It wakes when the webhook stores something and polls
 * otherwise; claims left by a worker that died are returned after the lease. A pass that fails is
 * logged and the loop goes on.
 */
@Component
class InboxWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final InboxRepository inbox;
    private final NotificationPipeline pipeline;
    private final InboxSignal signal;
    private final DecisionLog decisions;
    private final Clock clock;
    private final NotificationsProperties settings;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean running;
    private Instant lastSweep = Instant.EPOCH;

    InboxWorker(InboxRepository inbox, NotificationPipeline pipeline, InboxSignal signal, DecisionLog decisions, Clock clock,
            NotificationsProperties settings) {
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.signal = signal;
        this.decisions = decisions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
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
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (drainOnce() == 0) {
                    signal.await(POLL);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                log.warn("The inbox worker was interrupted unexpectedly; it goes on.");
            } catch (RuntimeException e) {
                log.warn("An inbox pass failed and the next follows shortly: {}", e.toString(), e);
                sleepQuietly();
            }
        }
    }

    /** Claims and processes one batch; returns how many items it handled. Also used by tests. */
    int drainOnce() {
        Instant now = clock.instant();
        if (lastSweep.plus(Duration.ofSeconds(10)).isBefore(now)) {
            int released = inbox.releaseExpiredClaims(now.minus(settings.claimLease()));
            if (released > 0) {
                log.info("Returned {} notification(s) whose worker stopped before finishing to the queue.", released);
            }
            lastSweep = now;
        }
        String claimant = instance + "-" + claims.incrementAndGet();
        List<InboxItem> batch = inbox.claimDue(claimant, now, settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Long, Outcome> outcomes = pipeline.process(batch, settings.concurrency());
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
        return batch.size();
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
