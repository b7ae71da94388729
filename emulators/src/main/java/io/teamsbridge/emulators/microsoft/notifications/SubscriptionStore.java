package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live subscriptions. An expired subscription is deleted the moment anything looks at it,
 * which is indistinguishable from Graph's background clean-up for every caller.
 */
final class SubscriptionStore {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    SubscriptionStore(Clock clock) {
        this.clock = clock;
    }

    /** The subscription the app already holds on the same resource, if any. */
    synchronized Optional<Subscription> conflicting(Subscription candidate) {
        return active().stream().filter(s -> s.applicationId().equals(candidate.applicationId())
                && s.scope().quotaKey().equals(candidate.scope().quotaKey())).findFirst();
    }

    /** Adds it unless the app meanwhile got one on the same resource (two creates racing). */
    synchronized boolean addUnlessConflicting(Subscription subscription) {
        if (conflicting(subscription).isPresent()) {
            return false;
        }
        byId.put(subscription.id(), subscription);
        return true;
    }

    Optional<Subscription> find(String id) {
        Subscription subscription = byId.get(id);
        if (subscription == null) {
            return Optional.empty();
        }
        if (subscription.expiredAt(clock.instant())) {
            expire(subscription);
            return Optional.empty();
        }
        return Optional.of(subscription);
    }

    /** The live subscriptions, oldest expiry first. */
    List<Subscription> active() {
        Instant now = clock.instant();
        byId.values().stream().filter(s -> s.expiredAt(now)).forEach(this::expire);
        return byId.values().stream().sorted(Comparator.comparing(Subscription::expiration)
                .thenComparing(Subscription::id)).toList();
    }

    /** Replaces the stored version, unless it was deleted meanwhile. */
    Optional<Subscription> replace(Subscription updated) {
        return Optional.ofNullable(byId.computeIfPresent(updated.id(), (id, old) -> updated));
    }

    Optional<Subscription> remove(String id) {
        return Optional.ofNullable(byId.remove(id));
    }

    private void expire(Subscription subscription) {
        if (byId.remove(subscription.id(), subscription)) {
            log.info("Microsoft emulator deleted expired subscription {} on {}", subscription.id(),
                    subscription.resource());
        }
    }
}
