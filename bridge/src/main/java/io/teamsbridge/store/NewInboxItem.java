package io.teamsbridge.store;

/**
 * A change notification to store.
 *
 * @param dedupeKey equal for two deliveries of the same notification
 */
public record NewInboxItem(String dedupeKey, String subscriptionId, String changeType, String chatId, String messageId,
        String payload) {}
