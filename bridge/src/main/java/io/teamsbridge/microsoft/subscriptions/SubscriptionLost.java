package io.teamsbridge.microsoft.subscriptions;

/**
 * Graph no longer had our subscription when it was checked, without having told us (no
 * {@code subscriptionRemoved}): whatever happened in Teams since it went is a gap to catch up on.
 */
public record SubscriptionLost(String subscriptionId) {}
