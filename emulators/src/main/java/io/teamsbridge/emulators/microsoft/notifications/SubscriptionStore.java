package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.HttpError;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live subscriptions, and the quotas they count against. An expired subscription is deleted
 * the moment anything looks at it, which is indistinguishable from Graph's background clean-up for
 * every caller.
 */
final class SubscriptionStore {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SubscriptionQuotas quotas;

    SubscriptionStore(Clock clock, SubscriptionQuotas quotas) {
        this.clock = clock;
        this.quotas = quotas;
    }

    /** Why a quota refuses the candidate now, if one does. */
    synchronized Optional<HttpError> refusal(Subscription candidate) {
        return quotas.refusal(candidate, live());
    }

    /**
     * Adds it unless a quota refuses it now. Counted and added under one lock, so creates racing
     * (two of one app on a resource, or several apps for a user's last slot) cannot all get in;
     * deletions need no lock, as they only free slots.
     *
     * @return the refusal, empty when it was added
     */
    synchronized Optional<HttpError> addUnlessRefused(Subscription subscription) {
        Optional<HttpError> refusal = refusal(subscription);
        if (refusal.isEmpty()) {
            byId.put(subscription.id(), subscription);
        }
        return refusal;
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
        return live().stream().sorted(Comparator.comparing(Subscription::expiration)
                .thenComparing(Subscription::id)).toList();
    }

    /** Replaces the stored version, unless it was deleted meanwhile. */
    Optional<Subscription> replace(Subscription updated) {
        return Optional.ofNullable(byId.computeIfPresent(updated.id(), (id, old) -> updated));
    }

    Optional<Subscription> remove(String id) {
        return Optional.ofNullable(byId.remove(id));
    }

    /** The live subscriptions in no order, without the sorting and copying: quotas count them at every create. */
    private Collection<Subscription> live() {
        Instant now = clock.instant();
        byId.values().stream().filter(s -> s.expiredAt(now)).forEach(this::expire);
        return byId.values();
    }

    private void expire(Subscription subscription) {
        if (byId.remove(subscription.id(), subscription)) {
            log.info("Microsoft emulator deleted expired subscription {} on {}", subscription.id(),
                    subscription.resource());
        }
    }
}
