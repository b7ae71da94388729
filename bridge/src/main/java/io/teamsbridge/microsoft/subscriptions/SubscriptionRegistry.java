package io.teamsbridge.microsoft.subscriptions;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Tells whether a notification claims a current subscription of ours with the right clientState.
 * Only a subscription that is active and not expired counts: once we removed it or it ran out,
 * its clientState opens nothing.
 *
 * <p>Notifications arrive before anything is authenticated, so a stranger chooses the ids looked
 * up here. Our subscriptions are held in memory and re-read at most once a {@link #REFRESH} (so
 * one instance sees what another removed or renewed); an id we do not know is looked up in the
 * database once and then remembered as unknown for a while; and at most {@link #LOOKUPS_PER_SECOND}
 * unknown ids a second reach the database at all. Past that the answer is
 * {@link Check#UNVERIFIED}: the request is refused with 429 and {@code Retry-After}, and Graph,
 * unlike garbage, delivers again.
 */
@Component
public class SubscriptionRegistry {
    static final Duration REFRESH = Duration.ofSeconds(60);
    static final Duration UNKNOWN_FOR = Duration.ofSeconds(30);
    static final int LOOKUPS_PER_SECOND = 20;
    static final int MAX_UNKNOWN = 10_000;
    /** Graph and we may disagree about the time a little; a subscription is current until then. */
    static final Duration EXPIRY_SKEW = Duration.ofMinutes(5);

    private final SubscriptionRepository repository;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();
    private final AtomicLong lookupWindow = new AtomicLong();
    private final AtomicLong lookupsInWindow = new AtomicLong();

    private record Known(GraphSubscription subscription, long loadedAtNanos) {}

    public SubscriptionRegistry(SubscriptionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public enum Check {
        /** Ours, current, and the clientState matches. */
        VALID,
        /** Not a current subscription of ours (perhaps one we removed, or one that expired): ignore the item. */
        UNKNOWN,
        /** Ours and current, but the clientState does not match: forged. */
        FORGED,
        /** Not looked up: too many unknown ids just now. Refuse the request for now. */
        UNVERIFIED
    }

    public Check check(String subscriptionId, String clientState) {
        if (subscriptionId == null || subscriptionId.isEmpty() || subscriptionId.length() > 128) {
            return Check.UNKNOWN;
        }
        Optional<GraphSubscription> subscription;
        long now = System.nanoTime();
        Known cached = known.get(subscriptionId);
        if (cached != null && now - cached.loadedAtNanos() < REFRESH.toNanos()) {
            subscription = Optional.of(cached.subscription());
        } else if (cached == null && isKnownUnknown(subscriptionId, now)) {
            return Check.UNKNOWN;
        } else if (cached == null && !mayLookUp(now)) {
            return Check.UNVERIFIED;
        } else {
            subscription = load(subscriptionId, now);
        }
        if (subscription.isEmpty() || !current(subscription.get())) {
            return Check.UNKNOWN;
        }
        return clientState != null && Tokens.constantTimeEquals(subscription.get().clientStateHash(), Tokens.sha256(clientState))
                ? Check.VALID
                : Check.FORGED;
    }

    /**
     * The Teams user a per-user subscription belongs to (empty for a tenant-wide one or one we do
     * not know): a member of every chat it notifies about.
     */
    public Optional<String> ownerOf(String subscriptionId) {
        Known cached = known.get(subscriptionId);
        Optional<GraphSubscription> subscription = cached != null ? Optional.of(cached.subscription())
                : repository.find(subscriptionId);
        return subscription.map(GraphSubscription::teamsUserId);
    }

    /** Remembers a subscription this instance just created or renewed (and stored). */
    public void remember(GraphSubscription subscription) {
        known.put(subscription.id(), new Known(subscription, System.nanoTime()));
        unknownUntil.remove(subscription.id());
    }

    /** Forgets a subscription this instance just removed, so its clientState stops counting at once. */
    void forget(String subscriptionId) {
        known.remove(subscriptionId);
    }

    private boolean current(GraphSubscription subscription) {
        return subscription.status() == GraphSubscription.Status.ACTIVE
                && subscription.expiresAt().plus(EXPIRY_SKEW).isAfter(clock.instant());
    }

    private Optional<GraphSubscription> load(String subscriptionId, long now) {
        Optional<GraphSubscription> found = repository.find(subscriptionId);
        if (found.isPresent()) {
            known.put(subscriptionId, new Known(found.get(), now));
        } else {
            known.remove(subscriptionId);
            if (unknownUntil.size() >= MAX_UNKNOWN) {
                unknownUntil.clear();
            }
            unknownUntil.put(subscriptionId, now + UNKNOWN_FOR.toNanos());
        }
        return found;
    }

    private boolean isKnownUnknown(String subscriptionId, long now) {
        Long until = unknownUntil.get(subscriptionId);
        if (until == null) {
            return false;
        }
        if (now - until < 0) {
            return true;
        }
        unknownUntil.remove(subscriptionId, until);
        return false;
    }

    /** A fixed one-second window: simple, and precise enough to keep garbage off the database. */
    private boolean mayLookUp(long now) {
        long window = now / 1_000_000_000L;
        if (lookupWindow.getAndSet(window) != window) {
            lookupsInWindow.set(0);
        }
        return lookupsInWindow.incrementAndGet() <= LOOKUPS_PER_SECOND;
    }
}
