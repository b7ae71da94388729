package io.teamsbridge.store;

import java.time.Instant;

/**
 * One received change notification and where it is in its life.
 *
 * @param payload the notification item as Graph sent it; resource data stays encrypted
 */
public record InboxItem(
        long id,
        String subscriptionId,
        String changeType,
        String chatId,
        String messageId,
        String payload,
        Instant receivedAt,
        InboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String claimedBy,
        String lastError) {}
