package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graph's evaluation mode: a getAllMessages subscription without a billing model gets notified of
 * a limited number of messages per app, tenant and calendar month; beyond that, notifications are
 * silently not sent. Per-chat subscriptions are not metered at all.
 */
final class EvaluationQuota {
    private final int perMonth;
    private final Clock clock;
    private final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();

    EvaluationQuota(int perMonth, Clock clock) {
        this.perMonth = perMonth;
        this.clock = clock;
    }

    /** Whether this subscription may be notified of one more message now; counts it if so. */
    boolean take(Subscription subscription) {
        if (subscription.model() != null || subscription.scope() instanceof SubscriptionScope.OneChat) {
            return true;
        }
        String key = subscription.applicationId() + "|" + subscription.tenantId() + "|"
                + YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return used.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= perMonth;
    }
}
