package io.teamsbridge.emulators.microsoft.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Delivery counters for {@code GET /_sandbox/stats}. */
public final class DeliveryStats {
    private final LongAdder notificationsSent = new LongAdder();
    private final LongAdder lifecycleNotificationsSent = new LongAdder();
    private final LongAdder deliveryFailures = new LongAdder();
    private final LongAdder notificationsDropped = new LongAdder();
    /** Never emptied: a test reads a subscription's count after deleting it. */
    private final Map<String, Tally> bySubscription = new ConcurrentHashMap<>();

    /** One subscription's change notifications sent, with its resource to tell it apart in a listing. */
    private record Tally(String resource, LongAdder sent) {}

    /** Change notifications a receiver accepted (2xx), each copy of a duplicated delivery counted. */
    public long notificationsSent() {
        return notificationsSent.sum();
    }

    /** As {@link #notificationsSent()}, for one subscription; 0 for one never created. */
    public long notificationsSent(String subscriptionId) {
        Tally tally = bySubscription.get(subscriptionId);
        return tally == null ? 0 : tally.sent().sum();
    }

    /** Delivery POSTs that failed: refused, not 2xx, too slow, or failed on purpose by {@code failDeliveries}. */
    public long deliveryFailures() {
        return deliveryFailures.sum();
    }

    /**
     * The counters by name, and {@code notificationsBySubscription}: {@code {id: {resource, sent}}}
     * for every subscription created since the start, deleted and expired ones included.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notificationsSent", notificationsSent.sum());
        out.put("deliveryFailures", deliveryFailures.sum());
        out.put("notificationsDropped", notificationsDropped.sum());
        out.put("lifecycleNotificationsSent", lifecycleNotificationsSent.sum());
        Map<String, Map<String, Object>> perSubscription = new TreeMap<>();
        bySubscription.forEach((id, tally) -> perSubscription.put(id, Map.of("resource", tally.resource(),
                "sent", tally.sent().sum())));
        out.put("notificationsBySubscription", perSubscription);
        return out;
    }

    /**
     * Lists the subscription from now on, with 0 sent; again, it changes nothing. Called when it is
     * created and again before each notification is queued, so a notification delivered in the
     * instant between storing a new subscription and listing it is still counted.
     */
    void track(Subscription subscription) {
        bySubscription.computeIfAbsent(subscription.id(), id -> new Tally(subscription.resource(), new LongAdder()));
    }

    /** A receiver accepted the batch: one of one kind, as {@link EndpointQueue} never mixes them. */
    void delivered(List<PendingNotification> batch) {
        if (batch.getFirst().kind() == PendingNotification.Kind.LIFECYCLE) {
            lifecycleNotificationsSent.add(batch.size());
            return;
        }
        notificationsSent.add(batch.size());
        for (PendingNotification notification : batch) {
            Tally tally = bySubscription.get(notification.subscriptionId());
            if (tally != null) {
                tally.sent().increment();
            }
        }
    }

    void failed() {
        deliveryFailures.increment();
    }

    void dropped(int count) {
        notificationsDropped.add(count);
    }
}
