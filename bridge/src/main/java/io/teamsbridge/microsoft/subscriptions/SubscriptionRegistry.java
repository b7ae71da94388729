package io.teamsbridge.microsoft.subscriptions;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tells whether a notification claims a subscription of ours with the right clientState. Known
 * subscriptions are held in memory (they change a few times a week); an unknown id is looked up
 * in the database once, so one instance sees subscriptions another created.
 */
@Component
public class SubscriptionRegistry {
    private final SubscriptionRepository repository;
    private final Map<String, GraphSubscription> known = new ConcurrentHashMap<>();

    public SubscriptionRegistry(SubscriptionRepository repository) {
        this.repository = repository;
    }

    public enum Check {
        /** Ours, and the clientState matches. */
        VALID,
        /** Not a subscription of ours (perhaps one we deleted): ignore the item. */
        UNKNOWN,
        /** Ours, but the clientState does not match: forged. */
        FORGED
    }

    public Check check(String subscriptionId, String clientState) {
        if (subscriptionId == null) {
            return Check.UNKNOWN;
        }
        Optional<GraphSubscription> subscription = Optional.ofNullable(known.get(subscriptionId))
                .or(() -> repository.find(subscriptionId).map(s -> {
                    known.put(s.id(), s);
                    return s;
                }));
        if (subscription.isEmpty()) {
            return Check.UNKNOWN;
        }
        return clientState != null && Tokens.constantTimeEquals(subscription.get().clientStateHash(), Tokens.sha256(clientState))
                ? Check.VALID
                : Check.FORGED;
    }

    void remember(GraphSubscription subscription) {
        known.put(subscription.id(), subscription);
    }
}
