package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications waiting for one URL, delivered by at most one pump at a time so they arrive in
 * the order they happened. Whatever queued up while the previous POST was under way goes out
 * together (up to the batch size); a failed batch stays at the head and is retried, with whatever
 * joined it meanwhile, after a doubling backoff, until the retry window has passed for its items.
 *
 * <p>Thread-safety: the deque is guarded by {@code this}; only the pump removes from it, and only
 * from the head, so the items it posted are still the first ones when it removes them.
 */
final class EndpointQueue {
    private static final Logger log = LoggerFactory.getLogger(EndpointQueue.class);

    private final String url;
    private final DeliveryOptions options;
    private final WebhookPoster poster;
    private final DeliveryFaults faults;
    private final Clock clock;
    private final DeliveryStats stats;
    private final Deque<PendingNotification> pending = new ArrayDeque<>();
    private boolean pumping;

    EndpointQueue(String url, DeliveryOptions options, WebhookPoster poster, DeliveryFaults faults, Clock clock,
            DeliveryStats stats) {
        this.url = url;
        this.options = options;
        this.poster = poster;
        this.faults = faults;
        this.clock = clock;
        this.stats = stats;
    }

    void add(PendingNotification notification, Executor executor) {
        synchronized (this) {
            pending.addLast(notification);
            if (pumping) {
                return;
            }
            pumping = true;
        }
        executor.execute(this::pump);
    }

    private void pump() {
        Duration backoff = options.initialBackoff();
        while (true) {
            try {
                long delay = faults.deliveryDelayMs();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                List<PendingNotification> batch = nextBatch();
                if (batch.isEmpty()) {
                    return;
                }
                if (batch.getFirst().kind() == PendingNotification.Kind.CHANGE && faults.dropDeliveries()) {
                    stats.dropped(batch.size());
                    remove(batch.size());
                    continue;
                }
                List<PendingNotification> sent = faults.reverseDeliveries() ? batch.reversed() : batch;
                if (poster.post(url, sent)) {
                    if (faults.duplicateDeliveries()) {
                        poster.post(url, sent);
                    }
                    remove(batch.size());
                    backoff = options.initialBackoff();
                } else {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff()
                            : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                // The emulator is closing; what is still queued is lost, as it would be if Graph went away.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Microsoft emulator delivery to {} failed unexpectedly; will retry", url, e);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The head of the queue, up to the batch size and of one kind; empty (and the pump stops) when none is left. */
    private synchronized List<PendingNotification> nextBatch() {
        dropExpired();
        if (pending.isEmpty()) {
            pumping = false;
            return List.of();
        }
        List<PendingNotification> batch = new ArrayList<>();
        PendingNotification.Kind kind = pending.peekFirst().kind();
        for (PendingNotification notification : pending) {
            if (batch.size() == options.maxBatchSize() || notification.kind() != kind) {
                break;
            }
            batch.add(notification);
        }
        return batch;
    }

    private void dropExpired() {
        Instant giveUpBefore = clock.instant().minus(options.retryWindow());
        int dropped = 0;
        while (!pending.isEmpty() && pending.peekFirst().queuedAt().isBefore(giveUpBefore)) {
            pending.removeFirst();
            dropped++;
        }
        if (dropped > 0) {
            stats.dropped(dropped);
            log.warn("Microsoft emulator gave up on {} notification(s) for {} after retrying for {}", dropped, url,
                    options.retryWindow());
        }
    }

    private synchronized void remove(int count) {
        for (int i = 0; i < count; i++) {
            pending.removeFirst();
        }
    }
}
