package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends lifecycle notifications on request (the control API) and does what each means:
 * {@code reauthorizationRequired} pauses delivery until the subscriber reauthorizes or renews,
 * {@code subscriptionRemoved} deletes the subscription, {@code missed} only tells. A subscription
 * without a lifecycle URL gets the effect but no notification, as at Graph.
 */
public final class LifecycleNotifier {
    private static final Logger log = LoggerFactory.getLogger(LifecycleNotifier.class);
    public static final Set<String> EVENTS = Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");

    private final SubscriptionStore store;
    private final DeliveryQueues queues;
    private final Clock clock;

    LifecycleNotifier(SubscriptionStore store, DeliveryQueues queues, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * @return whether a notification was queued (false when the subscription has no lifecycle URL)
     * @throws HttpError 404 for an unknown subscription, 400 for an unknown event
     */
    public boolean fire(String subscriptionId, String event) {
        if (!EVENTS.contains(event)) {
            throw new HttpError(400, "bad_request", "Unknown lifecycle event '" + event + "'; expected one of "
                    + EVENTS.stream().sorted().toList() + ".");
        }
        Subscription subscription = store.find(subscriptionId).orElseThrow(() -> new HttpError(404, "not_found",
                "No live subscription with id '" + subscriptionId + "'."));
        switch (event) {
            case "reauthorizationRequired" -> store.replace(subscription.withPaused(true));
            case "subscriptionRemoved" -> store.remove(subscriptionId);
            default -> { }
        }
        String url = subscription.lifecycleNotificationUrl();
        log.info("Microsoft emulator lifecycle event {} for subscription {}{}", event, subscriptionId,
                url == null ? " (no lifecycle URL: not sent)" : "");
        if (url == null) {
            return false;
        }
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("subscriptionId", subscription.id());
        item.put("subscriptionExpirationDateTime", GraphTime.ticks(subscription.expiration()));
        item.put("tenantId", subscription.tenantId());
        item.put("clientState", subscription.clientState());
        item.put("lifecycleEvent", event);
        // Rich subscriptions' lifecycle notifications carry validation tokens too, so they can be authenticated.
        queues.enqueue(url, new PendingNotification(PendingNotification.Kind.LIFECYCLE, subscription.id(),
                subscription.applicationId(), subscription.tenantId(), subscription.includeResourceData(), item,
                clock.instant()));
        return true;
    }
}
