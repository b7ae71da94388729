package io.teamsbridge.microsoft.subscriptions;

/**
 * Graph no longer had our subscription when it was checked, without having told us (no
 * {@code subscriptionRemoved}): whatever happened in Teams since it went is a gap to catch up on,
 * for every connected user, or for its own user only ({@code teamsUserId}, the per-user mode).
 */
public record SubscriptionLost(String subscriptionId, String teamsUserId) {

    /** A tenant-wide subscription: the gap concerns everyone. */
    public SubscriptionLost(String subscriptionId) {
        this(subscriptionId, null);
    }
}
