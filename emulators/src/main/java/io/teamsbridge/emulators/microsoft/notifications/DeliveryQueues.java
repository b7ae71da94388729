package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One {@link EndpointQueue} per notification URL, pumped on virtual threads until {@link #close()}. */
final class DeliveryQueues implements AutoCloseable {
    private final Map<String, EndpointQueue> queues = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final DeliveryOptions options;
    private final WebhookPoster poster;
    private final DeliveryFaults faults;
    private final Clock clock;
    private final DeliveryStats stats;

    DeliveryQueues(DeliveryOptions options, WebhookPoster poster, DeliveryFaults faults, Clock clock,
            DeliveryStats stats) {
        this.options = options;
        this.poster = poster;
        this.faults = faults;
        this.clock = clock;
        this.stats = stats;
    }

    void enqueue(String url, PendingNotification notification) {
        queues.computeIfAbsent(url, u -> new EndpointQueue(u, options, poster, faults, clock, stats))
                .add(notification, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
