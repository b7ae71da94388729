package io.teamsbridge.notify;

import io.teamsbridge.microsoft.subscriptions.SubscriptionManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands lifecycle events to the subscription manager off the request thread: reauthorizing or
 * recreating calls Graph, and Graph's own request must be answered first.
 */
@Component
class LifecycleEvents implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

    private final SubscriptionManager manager;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lifecycle").factory());

    LifecycleEvents(SubscriptionManager manager) {
        this.manager = manager;
    }

    void handle(String subscriptionId, String event) {
        log.info("Graph sent lifecycle event {} for subscription {}.", event, subscriptionId);
        executor.execute(() -> {
            try {
                manager.onLifecycleEvent(subscriptionId, event);
            } catch (RuntimeException e) {
                log.warn("Handling lifecycle event {} for subscription {} failed: {}. The periodic check will repair it.",
                        event, subscriptionId, e.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
