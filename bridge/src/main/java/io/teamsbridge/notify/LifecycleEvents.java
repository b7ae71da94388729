package io.teamsbridge.notify;

import io.teamsbridge.microsoft.subscriptions.SubscriptionManager;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands lifecycle events to the subscription manager off the request thread: reauthorizing or
 * recreating calls Graph, and Graph's own request must be answered first. After {@code missed} and
 * {@code subscriptionRemoved}, the messages of the recent past are fetched again ({@link CatchUp}).
 *
 * <p>Events are coalesced: one event of a kind per subscription waits or runs at a time, and a
 * subscription just handled is not handled again for {@link #QUIET}. A thousand copies of
 * {@code reauthorizationRequired} (Graph repeating itself, or someone who knows the clientState)
 * become one call to Graph, and the queue can hold no more than one entry per subscription and
 * kind, however many arrive.
 */
@Component
class LifecycleEvents implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);
    static final Duration QUIET = Duration.ofSeconds(60);

    private final SubscriptionManager manager;
    private final CatchUp catchUp;
    private final SubscriptionRegistry subscriptions;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lifecycle").factory());
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> handledAt = new ConcurrentHashMap<>();

    LifecycleEvents(SubscriptionManager manager, CatchUp catchUp, SubscriptionRegistry subscriptions) {
        this.subscriptions = subscriptions;
        this.manager = manager;
        this.catchUp = catchUp;
    }

    /** @return whether the event was queued (false when the same one is waiting or was just handled) */
    boolean handle(String subscriptionId, String event) {
        String key = event + "|" + subscriptionId;
        Long last = handledAt.get(key);
        if (last != null && System.nanoTime() - last < QUIET.toNanos()) {
            log.debug("Lifecycle event {} for subscription {} was handled less than {} s ago; ignored.", event, subscriptionId,
                    QUIET.toSeconds());
            return false;
        }
        if (!waiting.add(key)) {
            return false;
        }
        log.info("Graph sent lifecycle event {} for subscription {}.", event, subscriptionId);
        try {
            executor.execute(() -> run(key, subscriptionId, event));
        } catch (RuntimeException rejected) {
            waiting.remove(key);
            throw rejected;
        }
        return true;
    }

    private void run(String key, String subscriptionId, String event) {
        // Handled from now: a copy arriving while Graph is being called is covered by the quiet time, not
        // queued for a second call (before, the gap between leaving "waiting" and the end of the call let one in).
        if (handledAt.size() > 10_000) {
            handledAt.clear();
        }
        handledAt.put(key, System.nanoTime());
        waiting.remove(key);
        try {
            manager.onLifecycleEvent(subscriptionId, event);
            if ("missed".equals(event) || "subscriptionRemoved".equals(event)) {
                String reason = "Graph sent " + event + " for subscription " + subscriptionId;
                Optional<String> owner = subscriptions.ownerOf(subscriptionId);
                if (owner.isPresent()) {
                    catchUp.scheduleRecentFor(owner.get(), reason); // a user's own subscription: their gap only
                } else {
                    catchUp.scheduleRecent(reason);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Handling lifecycle event {} for subscription {} failed: {}. The periodic check will repair it.",
                    event, subscriptionId, e.getMessage());
        } catch (Error e) {
            log.error("Handling lifecycle event {} for subscription {} failed unexpectedly.", event, subscriptionId, e);
        } finally {
            handledAt.put(key, System.nanoTime());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
