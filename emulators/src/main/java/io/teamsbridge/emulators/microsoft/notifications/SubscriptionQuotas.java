package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.HttpError;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Graph's quotas on chat-message subscriptions, which it answers with 403 when a new subscription
 * would exceed one: one per app and resource (whatever the billing model), {@link QuotaLimits#perUser}
 * on one user's chats and {@link QuotaLimits#perOrganization} in the tenant, the last two counting
 * every app's live subscriptions. The two counts are settable through the control API, so a test
 * reaches them with a handful of subscriptions instead of ten thousand.
 */
public final class SubscriptionQuotas {
    private final AtomicReference<QuotaLimits> limits = new AtomicReference<>(QuotaLimits.GRAPH);

    public QuotaLimits limits() {
        return limits.get();
    }

    /**
     * Changes the limits in one step. Subscriptions above a lowered limit stay, as they would at
     * Graph if Microsoft lowered a quota: only new ones are refused.
     */
    public QuotaLimits update(UnaryOperator<QuotaLimits> change) {
        return limits.updateAndGet(change);
    }

    /** Why Graph would refuse the candidate next to these live subscriptions, if it would. */
    Optional<HttpError> refusal(Subscription candidate, Collection<Subscription> live) {
        String user = candidate.scope() instanceof SubscriptionScope.UserChats chats ? chats.userId() : null;
        int forUser = 0;
        int inOrganization = 0;
        for (Subscription existing : live) {
            if (existing.applicationId().equals(candidate.applicationId())
                    && existing.scope().quotaKey().equals(candidate.scope().quotaKey())) {
                return Optional.of(perAppAndResource(existing));
            }
            if (existing.tenantId().equals(candidate.tenantId())) {
                inOrganization++;
            }
            if (user != null && existing.scope() instanceof SubscriptionScope.UserChats chats
                    && chats.userId().equals(user)) {
                forUser++;
            }
        }
        QuotaLimits now = limits.get();
        if (user != null && forUser >= now.perUser()) {
            return Optional.of(SubscriptionErrors.extension(403, "Create", "User '" + user + "' already has "
                    + forUser + " subscription(s) to the messages of all their chats, counting every app's; the limit"
                    + " is " + now.perUser() + " per user. Delete one before creating another."));
        }
        if (inOrganization >= now.perOrganization()) {
            return Optional.of(SubscriptionErrors.extension(403, "Create", "The organization already has "
                    + inOrganization + " chat message subscription(s), counting every app's; the limit is "
                    + now.perOrganization() + " per organization. Delete one before creating another."));
        }
        return Optional.empty();
    }

    private static HttpError perAppAndResource(Subscription existing) {
        return SubscriptionErrors.extension(403, "Create", "The application already has subscription "
                + existing.id() + " on resource '" + existing.scope().quotaKey() + "'; the limit is 1 per app and"
                + " resource. Delete it before creating another (also to change the billing model).");
    }
}
