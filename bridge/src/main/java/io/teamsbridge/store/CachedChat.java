package io.teamsbridge.store;

import java.time.Instant;

/**
 * A chat as Graph last described it.
 *
 * @param members JSON array of {@code {"userId","displayName"}}, written and read by the caller
 */
public record CachedChat(String chatId, String chatType, String topic, String members, Instant fetchedAt,
        Instant expiresAt) {}
