package io.teamsbridge.emulators.microsoft.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Delivery counters for {@code GET /_sandbox/stats}. */
public final class DeliveryStats {
    private final LongAdder notificationsSent = new LongAdder();
    private final LongAdder lifecycleNotificationsSent = new LongAdder();
    private final LongAdder deliveryFailures = new LongAdder();
    private final LongAdder notificationsDropped = new LongAdder();

    /** Change notifications a receiver accepted (2xx), each copy of a duplicated delivery counted. */
    public long notificationsSent() {
        return notificationsSent.sum();
    }

    /** Delivery POSTs that failed: refused, not 2xx, too slow, or failed on purpose by {@code failDeliveries}. */
    public long deliveryFailures() {
        return deliveryFailures.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("notificationsSent", notificationsSent.sum());
        out.put("deliveryFailures", deliveryFailures.sum());
        out.put("notificationsDropped", notificationsDropped.sum());
        out.put("lifecycleNotificationsSent", lifecycleNotificationsSent.sum());
        return out;
    }

    void delivered(PendingNotification.Kind kind, int count) {
        (kind == PendingNotification.Kind.CHANGE ? notificationsSent : lifecycleNotificationsSent).add(count);
    }

    void failed() {
        deliveryFailures.increment();
    }

    void dropped(int count) {
        notificationsDropped.add(count);
    }
}
